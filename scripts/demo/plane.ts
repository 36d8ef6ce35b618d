/**
 * The demo's local plane (kilometres, x east, y north) and its projection to WGS84, plus the
 * small helpers every demo step uses.
 */
import type { Pt } from './tessellation.ts';

/** Where the fictional département sits on the globe (centre of its local plane). */
const ORIGIN = { lon: 2.45, lat: 46.95 };
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((ORIGIN.lat * Math.PI) / 180);

export const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

export const toLonLat = (p: Pt): [number, number] => [
  round(ORIGIN.lon + p[0] / KM_PER_DEG_LON, 6),
  round(ORIGIN.lat + p[1] / KM_PER_DEG_LAT, 6),
];

export const dist = (a: Pt, b: Pt) => Math.hypot(a[0] - b[0], a[1] - b[1]);

export function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}

export function pointInRing(p: Pt, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = at(ring, i);
    const [xj, yj] = at(ring, j);
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}
