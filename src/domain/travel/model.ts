/**
 * Travel time between communes, behind one interface so that the reach engine works the same with
 * any model: a distance model (car), a conservative "sans voiture" approximation, or an imported
 * origin–destination matrix. Every model is commune to commune; a site is reached through its
 * commune plus a local access term (the site's own position against its commune's point):
 *
 *   minutes(commune c → site s) = accessMinutes + communeMinutes(c, commune(s)) + localMinutes(s)
 *
 * No model ever holds a dense matrix: the engine asks for the communes within a time budget and
 * the models answer from a spatial grid (distance models) or from the imported pairs.
 */
import type { DensityLevel } from '../model.ts';
import { GridIndex, arcKmFromChord, intraZoneKm, unitVectors, type UnitVectors } from './geo.ts';

/** How people travel: by car, or without a car (walking and public transport). */
export const TRAVEL_MODES = ['voiture', 'sans-voiture'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

export const TRAVEL_MODE_LABELS: Record<TravelMode, string> = {
  voiture: 'En voiture',
  'sans-voiture': 'Sans voiture',
};

/** One parameter of a model, as the interface and the reports show it. */
export interface ModelParameter {
  id: string;
  /** French label. */
  label: string;
  /** One value, or one per density level (dense, intermediate, sparse, very sparse). */
  value: number | readonly [number, number, number, number];
  unit: string;
  /** Why this value: the published figure it rests on (French, shown to users). */
  justification: string;
}

export interface TravelModel {
  readonly id: 'distance' | 'sans-voiture' | 'matrice' | 'reseau';
  /** French name of the model. */
  readonly label: string;
  /** How a time is computed, in one or two French sentences. */
  readonly description: string;
  /** True for models that estimate rather than measure: the interface says "approximation". */
  readonly approximation: boolean;
  /** Whether communeMinutes(a, b) === communeMinutes(b, a) for every pair. */
  readonly symmetric: boolean;
  readonly parameters: readonly ModelParameter[];
  /** Minutes added once to every trip (to and from the vehicle or the stop). */
  readonly accessMinutes: number;
  /** For an imported matrix: the model that estimates the pairs the matrix lacks. */
  readonly fallback?: TravelModel;
  /** Minutes from commune `from` to commune `to` (indices of the network), Infinity if none. */
  communeMinutes(from: number, to: number): number;
  /** Minutes between the reference point of `commune` and a point (lon, lat) in it. */
  localMinutes(commune: number, lon: number, lat: number): number;
  /** Calls visit(origin, minutes) for every origin whose communeMinutes(origin, to) ≤ maxMinutes. */
  forEachOriginWithin(
    to: number,
    maxMinutes: number,
    visit: (origin: number, minutes: number) => void,
  ): void;
  /** Calls visit(destination, minutes) for every destination with communeMinutes ≤ maxMinutes. */
  forEachDestinationWithin(
    from: number,
    maxMinutes: number,
    visit: (destination: number, minutes: number) => void,
  ): void;
  /** Whether the time of a pair is measured (imported) rather than estimated; models that
   * estimate everything return false. */
  isMeasured(from: number, to: number): boolean;
}

/** What the travel models need to know of a commune. */
export interface TravelCommune {
  code: string;
  lon: number;
  lat: number;
  density: DensityLevel;
  areaKm2: number;
  /** Inhabitants (legal population); with the area, the commune's density per km². */
  population?: number;
  /** In the mountain zone of the loi Montagne, when the contours say so (unknown = false). */
  mountain?: boolean;
}

/**
 * The communes of a dataset as the travel models see them: reference points, density levels,
 * intrazonal distances and a grid index. Built once per dataset, shared by every model.
 */
export interface TravelNetwork {
  readonly count: number;
  readonly codes: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Density level minus one (0 = dense … 3 = very sparse), to index per-level parameters. */
  readonly densityIndex: Uint8Array;
  /** Mean distance from a home of the commune to its reference point, km. */
  readonly intraKm: Float64Array;
  /** Inhabitants per km² (0 when the population or the area is unknown). */
  readonly densityPerKm2: Float64Array;
  /** 1 for a commune of the mountain zone, else 0. */
  readonly mountain: Uint8Array;
  readonly unit: UnitVectors;
  readonly grid: GridIndex;
}

export function createTravelNetwork(communes: readonly TravelCommune[]): TravelNetwork {
  const n = communes.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const densityIndex = new Uint8Array(n);
  const intraKm = new Float64Array(n);
  const densityPerKm2 = new Float64Array(n);
  const mountain = new Uint8Array(n);
  const indexOf = new Map<string, number>();
  communes.forEach((c, i) => {
    if (indexOf.has(c.code)) throw new Error(`Commune en double dans le réseau : ${c.code}`);
    indexOf.set(c.code, i);
    lon[i] = c.lon;
    lat[i] = c.lat;
    densityIndex[i] = Math.min(3, Math.max(0, Math.round(c.density) - 1));
    intraKm[i] = intraZoneKm(c.areaKm2);
    densityPerKm2[i] = c.areaKm2 > 0 && c.population ? c.population / c.areaKm2 : 0;
    mountain[i] = c.mountain ? 1 : 0;
  });
  return {
    count: n,
    codes: communes.map((c) => c.code),
    indexOf,
    lon,
    lat,
    densityIndex,
    intraKm,
    densityPerKm2,
    mountain,
    unit: unitVectors(lon, lat),
    grid: new GridIndex(lon, lat),
  };
}

/** Great-circle distance between the reference points of two communes of the network, km. */
export function networkKm(net: TravelNetwork, a: number, b: number): number {
  const { x, y, z } = net.unit;
  return arcKmFromChord(
    (x[a] as number) - (x[b] as number),
    (y[a] as number) - (y[b] as number),
    (z[a] as number) - (z[b] as number),
  );
}
