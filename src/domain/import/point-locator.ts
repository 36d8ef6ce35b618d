/**
 * Which commune contains a point: polygons indexed by their bounding boxes on a coarse grid, then
 * an exact point-in-polygon test. Used to give a commune to offer rows that only have
 * coordinates, in the build and in the browser alike.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';

export interface CommunePolygon {
  code: string;
  geometry: Polygon | MultiPolygon;
}

type Box = [number, number, number, number];

function boxOf(g: Polygon | MultiPolygon): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings)
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  return b;
}

/** Grid cell size in degrees: a few communes per cell at French commune sizes. */
const CELL_DEG = 0.05;

export function pointLocator(
  polygons: readonly CommunePolygon[],
): (lon: number, lat: number) => string | null {
  const grid = new Map<string, { code: string; geometry: Polygon | MultiPolygon; box: Box }[]>();
  for (const p of polygons) {
    const box = boxOf(p.geometry);
    for (let i = Math.floor(box[0] / CELL_DEG); i <= Math.floor(box[2] / CELL_DEG); i++)
      for (let j = Math.floor(box[1] / CELL_DEG); j <= Math.floor(box[3] / CELL_DEG); j++) {
        const key = `${i}|${j}`;
        const list = grid.get(key) ?? [];
        list.push({ ...p, box });
        grid.set(key, list);
      }
  }
  return (lon, lat) => {
    const cell = grid.get(`${Math.floor(lon / CELL_DEG)}|${Math.floor(lat / CELL_DEG)}`) ?? [];
    for (const c of cell) {
      if (lon < c.box[0] || lon > c.box[2] || lat < c.box[1] || lat > c.box[3]) continue;
      if (booleanPointInPolygon([lon, lat], c.geometry)) return c.code;
    }
    return null;
  };
}

/**
 * Distance in kilometres from a point to the nearest edge of the polygons (of one commune when a
 * code is given, else of all), 0 inside: how far outside the département, or outside its own
 * commune, a point of a file lands. Distances are measured on a local flat projection around the
 * point, exact enough at the scale of a département. Null for a code without a polygon.
 */
export function polygonDistance(
  polygons: readonly CommunePolygon[],
): (lon: number, lat: number, code?: string) => number | null {
  const all = polygons.map((p) => ({ ...p, box: boxOf(p.geometry) }));
  const byCode = new Map(all.map((p) => [p.code, p]));
  return (lon, lat, code) => {
    const list = code === undefined ? all : byCode.has(code) ? [byCode.get(code)!] : [];
    if (list.length === 0) return null;
    const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
    const ky = 110.574;
    const boxKm = (b: Box) =>
      Math.hypot(
        Math.max(b[0] - lon, 0, lon - b[2]) * kx,
        Math.max(b[1] - lat, 0, lat - b[3]) * ky,
      );
    let best = Infinity;
    for (const p of [...list].sort((a, b) => boxKm(a.box) - boxKm(b.box))) {
      if (boxKm(p.box) >= best) break;
      if (booleanPointInPolygon([lon, lat], p.geometry)) return 0;
      const rings =
        p.geometry.type === 'Polygon' ? p.geometry.coordinates : p.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1] as number[];
          const b = ring[i] as number[];
          const d = segmentDistance(
            ((a[0] as number) - lon) * kx,
            ((a[1] as number) - lat) * ky,
            ((b[0] as number) - lon) * kx,
            ((b[1] as number) - lat) * ky,
          );
          if (d < best) best = d;
        }
      }
    }
    return best;
  };
}

/** Distance from the origin to the segment (ax, ay)–(bx, by). */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
