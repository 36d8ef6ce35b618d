import { describe, expect, it } from 'vitest';
import { pointLocator, polygonDistance } from './point-locator.ts';

describe('pointLocator', () => {
  const square = (x: number, y: number, s: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ],
  });
  const locate = pointLocator([
    { code: 'A', geometry: square(2, 48, 0.1) },
    { code: 'B', geometry: square(2.1, 48, 0.1) },
    {
      code: 'C',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [square(3, 48, 0.01).coordinates, square(3.5, 48, 0.01).coordinates],
      },
    },
  ]);

  it('finds the polygon containing a point', () => {
    expect(locate(2.05, 48.05)).toBe('A');
    expect(locate(2.15, 48.05)).toBe('B');
    expect(locate(3.505, 48.005)).toBe('C');
  });

  it('returns null outside every polygon', () => {
    expect(locate(2.05, 48.2)).toBeNull();
    expect(locate(3.2, 48.005)).toBeNull();
  });
});

describe('polygonDistance', () => {
  const square = (x: number, y: number, s: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + s, y],
        [x + s, y + s],
        [x, y + s],
        [x, y],
      ],
    ],
  });
  const distance = polygonDistance([
    { code: 'A', geometry: square(2, 48, 0.1) },
    { code: 'B', geometry: square(2.1, 48, 0.1) },
  ]);

  it('is 0 inside, and the way to the nearest edge outside', () => {
    expect(distance(2.05, 48.05)).toBe(0);
    // 0.1° of latitude north of both squares: 11 km.
    expect(distance(2.1, 48.2)).toBeCloseTo(11.06, 1);
    expect(distance(2.05, 48.05, 'B')).toBeCloseTo(
      0.05 * 111.32 * Math.cos((48.05 * Math.PI) / 180),
      2,
    );
    expect(distance(2.05, 48.05, 'Z')).toBeNull();
  });
});
