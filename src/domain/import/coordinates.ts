/**
 * A point from two cells of a file: WGS84 degrees with decimal commas, swapped columns, a latitude
 * that lost its sign, or Lambert-93 metres. Points outside France are refused, never guessed.
 */
import { lambert93ToWgs84, looksLikeLambert93 } from './lambert93.ts';
import { parseNumber, type RepairCode } from './values.ts';

type Box = readonly [west: number, south: number, east: number, north: number];

/** Where French communes are: metropolitan France with Corsica, and the five DROM. */
export const FRANCE_BOXES: readonly { name: string; box: Box }[] = [
  { name: 'France métropolitaine', box: [-5.3, 41.3, 9.7, 51.2] },
  { name: 'Guadeloupe', box: [-61.9, 15.8, -60.9, 16.6] },
  { name: 'Martinique', box: [-61.3, 14.3, -60.7, 14.9] },
  { name: 'Guyane', box: [-54.7, 2.0, -51.5, 5.9] },
  { name: 'La Réunion', box: [55.2, -21.45, 55.9, -20.8] },
  { name: 'Mayotte', box: [44.9, -13.1, 45.35, -12.6] },
];

const inBox = (lon: number, lat: number, b: Box) =>
  lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3];

export function isInFrance(lon: number, lat: number): boolean {
  return FRANCE_BOXES.some((f) => inBox(lon, lat, f.box));
}

export type PointResult =
  | { ok: true; lon: number; lat: number; repairs: RepairCode[] }
  | { ok: false; reason: 'missing' | 'zero' | 'not_a_number' | 'outside_france' };

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Reads a point from an x/longitude cell and a y/latitude cell.
 * - Lambert-93 metres are recognised by their range and converted.
 * - Latitude and longitude given the wrong way round are swapped back when only the swapped
 *   point falls in France.
 * - A latitude whose minus sign was lost (seen in La Réunion exports: 20.9 instead of -20.9) is
 *   restored when only the restored point falls in France.
 */
export function readPoint(xRaw: string | undefined, yRaw: string | undefined): PointResult {
  const x = parseNumber(xRaw);
  const y = parseNumber(yRaw);
  if (!x.ok || !y.ok) return { ok: false, reason: 'not_a_number' };
  if (x.value === null || y.value === null) return { ok: false, reason: 'missing' };
  const repairs: RepairCode[] = [...x.repairs, ...y.repairs];
  const unique = (codes: RepairCode[]) => [...new Set(codes)];
  const done = (lon: number, lat: number, extra: RepairCode[] = []) => ({
    ok: true as const,
    lon: round6(lon),
    lat: round6(lat),
    repairs: unique([...repairs, ...extra]),
  });
  // (0, 0), in the Gulf of Guinea: a default value of the software that wrote the file, never a
  // place; not "no coordinates" either, which would put the row at its chef-lieu unsaid.
  if (x.value === 0 && y.value === 0) return { ok: false, reason: 'zero' };
  if (looksLikeLambert93(x.value, y.value)) {
    const [lon, lat] = lambert93ToWgs84(x.value, y.value);
    return done(lon, lat, ['lambert93']);
  }
  if (isInFrance(x.value, y.value)) return done(x.value, y.value);
  if (isInFrance(y.value, x.value)) return done(y.value, x.value, ['lat_lon_swapped']);
  if (isInFrance(x.value, -y.value)) return done(x.value, -y.value, ['latitude_sign']);
  return { ok: false, reason: 'outside_france' };
}

/** Whether a point lies in a [west, south, east, north] box widened by `marginDeg`. */
export function isInBbox(
  lon: number,
  lat: number,
  bbox: readonly [number, number, number, number],
  marginDeg = 0,
): boolean {
  return (
    lon >= bbox[0] - marginDeg &&
    lon <= bbox[2] + marginDeg &&
    lat >= bbox[1] - marginDeg &&
    lat <= bbox[3] + marginDeg
  );
}

const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres between two WGS84 points. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Distance in kilometres from a point to a [west, south, east, north] box (0 inside). */
export function bboxDistanceKm(
  lon: number,
  lat: number,
  bbox: readonly [number, number, number, number],
): number {
  const nearLon = Math.min(Math.max(lon, bbox[0]), bbox[2]);
  const nearLat = Math.min(Math.max(lat, bbox[1]), bbox[3]);
  return distanceKm(lon, lat, nearLon, nearLat);
}
