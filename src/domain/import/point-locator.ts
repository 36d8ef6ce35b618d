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
