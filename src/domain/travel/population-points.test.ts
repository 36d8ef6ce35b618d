import type { MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { KM_PER_DEGREE } from './geo.ts';
import { populationPoints } from './population-points.ts';

/** A square of `sideKm` with its south-west corner at (lon, lat). */
function square(lon: number, lat: number, sideKm: number): Polygon {
  const dLat = sideKm / KM_PER_DEGREE;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ],
    ],
  };
}

const total = (pts: { weight: number }[]) => pts.reduce((a, p) => a + p.weight, 0);

describe('population points', () => {
  it('puts the reference share at the chef-lieu and spreads the rest over the polygon', () => {
    const g = square(2, 46, 4);
    const pts = populationPoints(g, [2.01, 46.01]);
    expect(pts[0]).toEqual({ lon: 2.01, lat: 46.01, weight: 0.5 });
    expect(total(pts)).toBeCloseTo(1, 12);
    expect(pts.length).toBeGreaterThan(4);
    expect(pts.length).toBeLessThanOrEqual(1 + 16);
    // The spread part is centred on the square's centre.
    const spread = pts.slice(1);
    const w = total(spread);
    const mLon = spread.reduce((a, p) => a + p.lon * p.weight, 0) / w;
    const mLat = spread.reduce((a, p) => a + p.lat * p.weight, 0) / w;
    const [[, , [cLon, cLat]]] = g.coordinates as [[number[], number[], [number, number]]];
    expect(mLon).toBeCloseTo((2 + cLon) / 2, 3);
    expect(mLat).toBeCloseTo((46 + cLat) / 2, 3);
  });

  it('keeps every point inside the polygon, holes and concave shapes included', () => {
    // A U shape: the mean of its samples would fall in the gap.
    const d = 1 / KM_PER_DEGREE;
    const u: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 45],
          [6 * d, 45],
          [6 * d, 45 + 6 * d],
          [4 * d, 45 + 6 * d],
          [4 * d, 45 + 2 * d],
          [2 * d, 45 + 2 * d],
          [2 * d, 45 + 6 * d],
          [0, 45 + 6 * d],
          [0, 45],
        ],
      ],
    };
    const holed: Polygon = {
      type: 'Polygon',
      coordinates: [
        square(3, 47, 6).coordinates[0]!,
        square(3 + 2 / KM_PER_DEGREE / Math.cos((47 * Math.PI) / 180), 47 + 2 / KM_PER_DEGREE, 2)
          .coordinates[0]!,
      ],
    };
    for (const g of [u, holed]) {
      const pts = populationPoints(g, [0, 0], { referenceShare: 0 });
      expect(total(pts)).toBeCloseTo(1, 12);
      for (const p of pts) expect(booleanPointInPolygon([p.lon, p.lat], g)).toBe(true);
    }
  });

  it('weights the parts of a multipolygon by their area', () => {
    const small = square(2, 46, 1);
    const large = square(2.2, 46, 3);
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [small.coordinates, large.coordinates],
    };
    const pts = populationPoints(g, [2, 46], { referenceShare: 0 });
    const inSmall = pts
      .filter((p) => booleanPointInPolygon([p.lon, p.lat], small))
      .reduce((a, p) => a + p.weight, 0);
    // 1 km² against 9 km²: a tenth of the inhabitants, to the lattice's precision.
    expect(inSmall).toBeCloseTo(0.1, 1);
  });

  it('gives the chef-lieu alone for a share of 1, a missing or a degenerate polygon', () => {
    const one = [{ lon: 2, lat: 46, weight: 1 }];
    expect(populationPoints(square(2, 46, 3), [2, 46], { referenceShare: 1 })).toEqual(one);
    expect(populationPoints(null, [2, 46])).toEqual(one);
    const flat: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [2, 46],
          [2.1, 46],
          [2, 46],
        ],
      ],
    };
    expect(populationPoints(flat, [2, 46])).toEqual(one);
    expect(() => populationPoints(square(2, 46, 3), [2, 46], { referenceShare: 1.5 })).toThrow(
      /chef-lieu/,
    );
  });

  it('is deterministic and holds about maxSpreadPoints points for random polygons', () => {
    const rnd = createRandom(12);
    for (let k = 0; k < 30; k++) {
      const lon = rnd.range(-1, 7);
      const lat = rnd.range(43, 50);
      // A random star-shaped polygon of 10 to 80 km².
      const n = rnd.int(5, 14);
      const r = Math.sqrt(rnd.range(10, 80) / Math.PI) / KM_PER_DEGREE;
      const ring: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        const a = (2 * Math.PI * i) / n;
        const s = r * rnd.range(0.5, 1.4);
        ring.push([
          lon + (s * Math.cos(a)) / Math.cos((lat * Math.PI) / 180),
          lat + s * Math.sin(a),
        ]);
      }
      ring.push(ring[0]!);
      const g: Polygon = { type: 'Polygon', coordinates: [ring] };
      const a = populationPoints(g, [lon, lat]);
      expect(populationPoints(g, [lon, lat])).toEqual(a);
      expect(total(a)).toBeCloseTo(1, 12);
      expect(a.length - 1).toBeGreaterThanOrEqual(3);
      expect(a.length - 1).toBeLessThanOrEqual(20);
    }
  });
});
