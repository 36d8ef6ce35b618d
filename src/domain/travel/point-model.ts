/**
 * The common machinery of the models that estimate a time from the great-circle distance between
 * reference points: a pair function of (distance, density of each end), the commune's intrazonal
 * distance for trips that stay in the commune, and a lower bound on minutes per kilometre that
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
  /** Minutes for `km` of great-circle distance between places of density index `da` and `db`. */
  pairMinutes(km: number, da: number, db: number): number;
  /** Minutes for `km` from a commune's reference point to a place in it, density index `d`. */
  localMinutes(km: number, d: number): number;
  /** A lower bound of pairMinutes(km, ·, ·) / km over all pairs: pairMinutes ≥ km × this. */
  minMinutesPerKm: number;
}

export function pointModel(net: TravelNetwork, spec: PointModelSpec): TravelModel {
  const dens = net.densityIndex;
  const communeMinutes = (a: number, b: number): number =>
    a === b
      ? spec.pairMinutes(net.intraKm[a] as number, dens[a] as number, dens[a] as number)
      : spec.pairMinutes(networkKm(net, a, b), dens[a] as number, dens[b] as number);
  const radiusKm = (maxMinutes: number) =>
    spec.minMinutesPerKm > 0 ? maxMinutes / spec.minMinutesPerKm : Infinity;

  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    approximation: spec.approximation,
    symmetric: true,
    parameters: spec.parameters,
    accessMinutes: spec.accessMinutes,
    communeMinutes,
    localMinutes: (c, lon, lat) =>
      spec.localMinutes(
        greatCircleKm(net.lon[c] as number, net.lat[c] as number, lon, lat),
        dens[c] as number,
      ),
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
