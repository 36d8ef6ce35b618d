/**
 * The common machinery of the models that estimate a time from the great-circle distance between
 * reference points: a pair function of (distance, origin commune, destination commune), the
 * distance used for trips that stay in a commune, and a lower bound on minutes per kilometre that
 * turns a time budget into a search radius on the grid.
 */
import { greatCircleKm } from './geo.ts';
import { networkKm, type ModelParameter, type TravelModel, type TravelNetwork } from './model.ts';

/** One value per density level: dense, intermediate, sparse, very sparse. */
export type PerDensity = readonly [number, number, number, number];

export interface PointModelSpec {
  id: TravelModel['id'];
  label: string;
  description: string;
  approximation: boolean;
  parameters: readonly ModelParameter[];
  accessMinutes: number;
  /** Whether pairMinutes(km, a, b) === pairMinutes(km, b, a); true unless said otherwise. */
  symmetric?: boolean;
  /** Minutes for `km` of great-circle distance from commune `a` to commune `b` (network indices). */
  pairMinutes(km: number, a: number, b: number): number;
  /** Minutes for `km` from the reference point of commune `c` to a place in it. */
  localMinutes(km: number, c: number): number;
  /** Distance of a trip that starts and ends in commune `c`, km (default: its intrazonal distance). */
  withinKm?(c: number): number;
  /** A lower bound of pairMinutes(km, ·, ·) / km over all pairs: pairMinutes ≥ km × this. */
  minMinutesPerKm: number;
}

export function pointModel(net: TravelNetwork, spec: PointModelSpec): TravelModel {
  const withinKm = spec.withinKm ?? ((c: number) => net.intraKm[c] as number);
  const communeMinutes = (a: number, b: number): number =>
    spec.pairMinutes(a === b ? withinKm(a) : networkKm(net, a, b), a, b);
  const radiusKm = (maxMinutes: number) =>
    spec.minMinutesPerKm > 0 ? maxMinutes / spec.minMinutesPerKm : Infinity;

  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    approximation: spec.approximation,
    symmetric: spec.symmetric ?? true,
    parameters: spec.parameters,
    accessMinutes: spec.accessMinutes,
    communeMinutes,
    localMinutes: (c, lon, lat) =>
      spec.localMinutes(greatCircleKm(net.lon[c] as number, net.lat[c] as number, lon, lat), c),
    forEachOriginWithin(to, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      net.grid.forEachNear(
        net.lon[to] as number,
        net.lat[to] as number,
        radiusKm(maxMinutes),
        (o) => {
          const m = communeMinutes(o, to);
          if (m <= maxMinutes) visit(o, m);
        },
      );
    },
    forEachDestinationWithin(from, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      net.grid.forEachNear(
        net.lon[from] as number,
        net.lat[from] as number,
        radiusKm(maxMinutes),
        (d) => {
          const m = communeMinutes(from, d);
          if (m <= maxMinutes) visit(d, m);
        },
      );
    },
    isMeasured: () => false,
  };
}

/** Checks a parameter set before building a model: a clear error instead of absurd times. */
export function checkPositive(label: string, value: number, allowZero = false): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(
      `Paramètre invalide : ${label} doit être un nombre ${allowZero ? 'positif ou nul' : 'strictement positif'} (reçu ${value}).`,
    );
  }
}
