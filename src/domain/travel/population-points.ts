/**
 * Where the inhabitants of a commune live, as a few weighted points: the origins of every travel
 * time. INSEE's published access times start from the population of 200 m grid cells; a build has
 * no such grid, only the commune's polygon, its chef-lieu (the town hall) and its population. The
 * points say, with what a build has for any département:
 *
 * - a share `referenceShare` of the inhabitants at the reference point (the chef-lieu: the main
 *   village or the town centre, where a commune's housing is densest);
 * - the rest spread evenly over the polygon (hamlets, outlying districts, farms), carried by about
 *   `maxSpreadPoints` points, each the representative of one square cell of the polygon and
 *   weighted by the part of the polygon's area in that cell.
 *
 * The calibration against INSEE's curves (README, "Temps de trajet") measured each choice: all at
 * the chef-lieu, all spread, and the mixes between them.
 *
 * Pure and deterministic: the same polygon and point give the same points, bit for bit, in the
 * build, in the browser and in the road-network builder, which routes from exactly these points.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { KM_PER_DEGREE } from './geo.ts';

/** One place where inhabitants live. */
export interface PopulationPoint {
  lon: number;
  lat: number;
  /** Share of the commune's population living there; the weights of a commune sum to 1. */
  weight: number;
}

export interface PopulationPointOptions {
  /** Share of the population at the reference point (0 = all spread, 1 = all at the chef-lieu). */
  referenceShare: number;
  /** About how many points carry the spread part (more for very elongated polygons). */
  maxSpreadPoints: number;
  /** Lattice points sampled inside the polygon to measure where its area lies. */
  samples: number;
}

export const DEFAULT_POPULATION_POINT_OPTIONS: PopulationPointOptions = {
  referenceShare: 0.5,
  maxSpreadPoints: 8,
  samples: 400,
};

/** Coordinates are rounded to 1e-6 degree (about 0.1 m), the precision of the artefacts. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * The population points of a commune: the reference point first (weight `referenceShare`), then
 * the points of the spread part in row order (south to north, west to east). A polygon too small
 * or too thin for the lattice gives the reference point alone, with weight 1.
 */
export function populationPoints(
  geometry: Polygon | MultiPolygon | null,
  reference: readonly [number, number],
  options: Partial<PopulationPointOptions> = {},
): PopulationPoint[] {
  const o = { ...DEFAULT_POPULATION_POINT_OPTIONS, ...options };
  if (!(o.referenceShare >= 0 && o.referenceShare <= 1)) {
    throw new Error(`Part au chef-lieu invalide : ${o.referenceShare} (de 0 à 1).`);
  }
  const [lon0, lat0] = reference;
  const alone: PopulationPoint[] = [{ lon: lon0, lat: lat0, weight: 1 }];
  if (!geometry || o.referenceShare === 1) return alone;

  // A local plane in km around the reference point (equirectangular: exact enough at commune scale).
  const kx = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  const polygons: Position[][][] =
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = polygons.map((rs) =>
    rs.map((r) => r.map(([lon, lat]) => [(lon! - lon0) * kx, (lat! - lat0) * ky] as const)),
  );
  let area = 0;
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of rings) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringArea(ring));
      area += i === 0 ? a : -a;
      if (i > 0) return;
      for (const [x, y] of ring) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    });
  }
  if (!(area > 0)) return alone;

  // Lattice samples inside the polygon, about `samples` of them.
  const h = Math.sqrt(area / o.samples);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = south + h / 2; y < north; y += h) {
    for (let x = west + h / 2; x < east; x += h) {
      if (rings.some((poly) => insidePolygon(x, y, poly))) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length === 0) return alone;

  // Samples grouped by square cells of side √(area / maxSpreadPoints); each cell's point is its
  // sample nearest to the cell's mean, so every point lies inside the polygon.
  const side = Math.sqrt(area / Math.max(1, o.maxSpreadPoints));
  const cells = new Map<number, number[]>();
  const cols = Math.floor((east - west) / side) + 1;
  xs.forEach((x, i) => {
    const key =
      Math.floor(((ys[i] as number) - south) / side) * cols + Math.floor((x - west) / side);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = []));
    cell.push(i);
  });
  const spread = 1 - o.referenceShare;
  const out: PopulationPoint[] =
    o.referenceShare > 0 ? [{ lon: lon0, lat: lat0, weight: o.referenceShare }] : [];
  for (const key of [...cells.keys()].sort((a, b) => a - b)) {
    const members = cells.get(key) as number[];
    let mx = 0;
    let my = 0;
    for (const i of members) {
      mx += xs[i] as number;
      my += ys[i] as number;
    }
    mx /= members.length;
    my /= members.length;
    let best = members[0] as number;
    let bestD = Infinity;
    for (const i of members) {
      const d = ((xs[i] as number) - mx) ** 2 + ((ys[i] as number) - my) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    }
    out.push({
      lon: round6(lon0 + (xs[best] as number) / kx),
      lat: round6(lat0 + (ys[best] as number) / ky),
      weight: (spread * members.length) / xs.length,
    });
  }
  return out;
}

/** Signed area of a ring (shoelace), in the plane's units squared. */
function ringArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as readonly [number, number];
    const [xj, yj] = ring[j] as readonly [number, number];
    s += (xj - xi) * (yj + yi);
  }
  return s / 2;
}

/** Even-odd test over the outer ring and the holes of one polygon. */
function insidePolygon(
  x: number,
  y: number,
  poly: readonly (readonly (readonly [number, number])[])[],
) {
  let inside = false;
  for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as readonly [number, number];
      const [xj, yj] = ring[j] as readonly [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
