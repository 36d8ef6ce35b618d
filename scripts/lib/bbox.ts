/** Bounding box [west, south, east, north] of polygons, in their coordinates. */
import type { MultiPolygon, Polygon } from 'geojson';

export type Bbox = [number, number, number, number];

export function polygonsBbox(polygons: Iterable<Polygon | MultiPolygon>): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const g of polygons) {
    const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
    for (const ring of rings)
      for (const [x, y] of ring) {
        if (x === undefined || y === undefined) continue;
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
  }
  return b;
}
