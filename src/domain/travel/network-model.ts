/**
 * Travel times computed at build time on a real network (the road network of an OpenStreetMap
 * extract, or public transport timetables) as a travel model. Like an imported matrix, its times
 * run from commune reference point to commune reference point and are used as given (a site is
 * reached at its commune's time). Unlike a matrix, a pair the file lacks is not unknown: the
 * computation stopped at `maxMinutes`, so the pair takes longer (or, by public transport, has no
 * service) and the model answers Infinity, never an estimate.
 */
import { formatDecimal, plainSpaces } from '../format.ts';
import type { NetworkTimesMeta, Source } from '../model.ts';
import { OdMatrix } from './matrix-model.ts';
import type { TravelMode, TravelModel, TravelNetwork } from './model.ts';

/** The artefact of one mode as loaded: its description, its source, its rows by INSEE code. */
export interface NetworkTimesData {
  meta: NetworkTimesMeta;
  /** The entry of the dataset's sources that `meta.sourceId` names, when present. */
  source: Source | null;
  rows: {
    origin: readonly string[];
    destination: readonly string[];
    minutes: ArrayLike<number>;
  };
}

export type NetworkTimesByMode = Partial<Record<TravelMode, NetworkTimesData>>;

/** The network times of a mode on the communes of a travel network. */
export interface NetworkSource {
  meta: NetworkTimesMeta;
  source: Source | null;
  matrix: OdMatrix;
}

export function networkSource(data: NetworkTimesData, net: TravelNetwork): NetworkSource {
  const { origin, destination, minutes } = data.rows;
  const n = origin.length;
  const index = (code: string) => {
    const i = net.indexOf.get(code);
    if (i === undefined)
      throw new Error(`Temps du réseau « ${data.meta.label} » : commune ${code} hors du jeu.`);
    return i;
  };
  const pairs = {
    origin: new Int32Array(n),
    destination: new Int32Array(n),
    minutes: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    pairs.origin[i] = index(origin[i] as string);
    pairs.destination[i] = index(destination[i] as string);
    pairs.minutes[i] = minutes[i] as number;
  }
  return { meta: data.meta, source: data.source, matrix: new OdMatrix(net.count, pairs) };
}

export function networkSources(
  data: NetworkTimesByMode,
  net: TravelNetwork,
): Partial<Record<TravelMode, NetworkSource>> {
  const out: Partial<Record<TravelMode, NetworkSource>> = {};
  for (const [mode, d] of Object.entries(data) as [TravelMode, NetworkTimesData][])
    out[mode] = networkSource(d, net);
  return out;
}

const fr = (v: number) => plainSpaces(formatDecimal(v, 3));

/** « © les contributeurs d'OpenStreetMap, extrait du 2026-11-30 », for the model's name. */
export function networkSourceText(src: Pick<NetworkSource, 'source' | 'meta'>): string {
  const s = src.source;
  return s ? `${s.producer}, ${s.millesime}` : `source « ${src.meta.sourceId} » non décrite`;
}

export function networkModel(src: NetworkSource): TravelModel {
  const { matrix, meta } = src;
  const cutoff = meta.maxMinutes;
  return {
    id: 'reseau',
    label: `${meta.label} (${networkSourceText(src)})`,
    description:
      `${meta.detail ?? `Temps calculés sur le réseau « ${meta.label} ».`} ` +
      `Au-delà de ${fr(cutoff)} min, ou sans liaison, une commune n'est pas atteinte ` +
      `(${fr(matrix.pairCount)} paires de communes dans le fichier).`,
    approximation: false,
    symmetric: matrix.isSymmetric(),
    parameters: [
      {
        id: 'networkMaxMinutes',
        label: 'Temps au-delà duquel le calcul s’arrête',
        value: cutoff,
        unit: 'min',
        justification: `Seuil du calcul sur le réseau : une paire absente prend plus longtemps.`,
      },
      {
        id: 'pairs',
        label: 'Paires de communes calculées',
        value: matrix.pairCount,
        unit: 'paires',
        justification: `Calculées à la construction du jeu : ${networkSourceText(src)}.`,
      },
    ],
    accessMinutes: 0,
    communeMinutes: (a, b) => matrix.get(a, b) ?? Infinity,
    localMinutes: () => 0,
    forEachOriginWithin(to, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      matrix.forEachTo(to, (o, m) => {
        if (m <= maxMinutes) visit(o, m);
      });
    },
    forEachDestinationWithin(from, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      matrix.forEachFrom(from, (d, m) => {
        if (m <= maxMinutes) visit(d, m);
      });
    },
    // Every pair is computed on the network: those absent take longer than the cutoff.
    isMeasured: () => true,
  };
}
