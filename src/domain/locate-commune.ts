/**
 * Which commune a point falls in, from the commune polygons: where a click opens a site, where a
 * dragged site lands. Bounding boxes on a coarse grid first, then an exact point-in-polygon test.
 */
import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type CommuneLocator = (lon: number, lat: number) => string | null;
/** Index of the polygon a point falls in, or -1. */
export type FeatureLocator = (lon: number, lat: number) => number;

type Area = Feature<Polygon | MultiPolygon> & { id?: string | number };

const CELL_DEGREES = 0.1;

export function communeLocator(features: readonly Area[]): CommuneLocator {
  const locate = featureLocator(features);
  return (lon, lat) => {
    const f = features[locate(lon, lat)];
    return f?.id === undefined ? null : String(f.id);
  };
}

/** The polygon under a point, among features that do not overlap (the map's communes). */
export function featureLocator(features: readonly Area[]): FeatureLocator {
  const cells = new Map<string, number[]>();
  const boxes = features.map((f) => bbox(f));
  boxes.forEach(([w, s, e, n], i) => {
    for (let x = Math.floor(w / CELL_DEGREES); x <= Math.floor(e / CELL_DEGREES); x++) {
      for (let y = Math.floor(s / CELL_DEGREES); y <= Math.floor(n / CELL_DEGREES); y++) {
        const key = `${x}:${y}`;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
    }
  });
  return (lon, lat) => {
    const list = cells.get(`${Math.floor(lon / CELL_DEGREES)}:${Math.floor(lat / CELL_DEGREES)}`);
    for (const i of list ?? []) {
      const [w, s, e, n] = boxes[i] as number[];
      if (
        lon < (w as number) ||
        lon > (e as number) ||
        lat < (s as number) ||
        lat > (n as number)
      ) {
        continue;
      }
      if (booleanPointInPolygon([lon, lat], features[i] as Area)) return i;
    }
    return -1;
  };
}
