import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { GridIndex, KM_PER_DEGREE, greatCircleKm, intraZoneKm } from './geo.ts';

describe('great-circle distance', () => {
  it('gives one degree of arc on a meridian and on the equator', () => {
    expect(KM_PER_DEGREE).toBeCloseTo(111.195, 3);
    expect(greatCircleKm(2, 46, 2, 47)).toBeCloseTo(111.195, 3);
    expect(greatCircleKm(0, 0, 1, 0)).toBeCloseTo(111.195, 3);
    // One degree of longitude at 60° N is half as long.
    expect(greatCircleKm(0, 60, 1, 60)).toBeCloseTo(55.597, 2);
  });

  it('gives Paris–Marseille (town halls) within a metre of the reference value', () => {
    // Haversine with the same radius: 660.48 km.
    expect(greatCircleKm(2.35222, 48.85661, 5.36978, 43.29648)).toBeCloseTo(660.48, 1);
  });

  it('is exactly symmetric and zero on a point', () => {
    const rnd = createRandom(3);
    for (let k = 0; k < 200; k++) {
      const [a, b, c, d] = [
        rnd.range(-5, 9),
        rnd.range(41, 51),
        rnd.range(-5, 9),
        rnd.range(41, 51),
      ];
      expect(greatCircleKm(a, b, c, d)).toBe(greatCircleKm(c, d, a, b));
    }
    expect(greatCircleKm(3, 45, 3, 45)).toBe(0);
  });

  it('takes the intrazonal distance of a disc: (2/3)·√(A/π)', () => {
    // A disc of radius 3 km: 2 km from a random point to the centre on average.
    expect(intraZoneKm(Math.PI * 9)).toBeCloseTo(2, 12);
    expect(intraZoneKm(0)).toBe(0);
  });
});

describe('grid index', () => {
  it('visits every point within the radius (randomised, against brute force)', () => {
    const rnd = createRandom(11);
    for (const n of [1, 10, 500, 3000]) {
      const lon = Float64Array.from({ length: n }, () => rnd.range(-4.5, 8));
      const lat = Float64Array.from({ length: n }, () => rnd.range(42.5, 51));
      const grid = new GridIndex(lon, lat);
      for (let q = 0; q < 30; q++) {
        const [qlon, qlat, r] = [rnd.range(-5, 8.5), rnd.range(42, 51.5), rnd.range(0, 150)];
        const visited = new Set<number>();
        grid.forEachNear(qlon, qlat, r, (i) => visited.add(i));
        for (let i = 0; i < n; i++) {
          if (greatCircleKm(qlon, qlat, lon[i]!, lat[i]!) <= r) expect(visited.has(i)).toBe(true);
        }
      }
    }
  });

  it('visits nothing for a negative radius and copes with an empty set', () => {
    const grid = new GridIndex([2], [46]);
    let count = 0;
    grid.forEachNear(2, 46, -1, () => count++);
    expect(count).toBe(0);
    new GridIndex([], []).forEachNear(2, 46, 100, () => count++);
    expect(count).toBe(0);
  });
});
