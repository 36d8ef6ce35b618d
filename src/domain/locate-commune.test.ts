import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { communeLocator } from './locate-commune.ts';

const square = (
  id: string,
  x: number,
  y: number,
  size: number,
): Feature<Polygon> & { id: string } => ({
  type: 'Feature',
  id,
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  },
});

describe('commune locator', () => {
  const locate = communeLocator([
    square('A', 2, 46, 0.05),
    square('B', 2.05, 46, 0.3), // spans several grid cells
    {
      type: 'Feature',
      id: 'C',
      properties: {},
      geometry: {
        type: 'Polygon',
        // An L-shaped commune whose bounding box covers a point outside it.
        coordinates: [
          [
            [3, 46],
            [3.2, 46],
            [3.2, 46.05],
            [3.05, 46.05],
            [3.05, 46.2],
            [3, 46.2],
            [3, 46],
          ],
        ],
      },
    },
  ]);

  it('finds the commune under a point', () => {
    expect(locate(2.01, 46.01)).toBe('A');
    expect(locate(2.3, 46.25)).toBe('B');
    expect(locate(3.02, 46.15)).toBe('C');
  });

  it('finds none outside every commune, even inside a bounding box', () => {
    expect(locate(3.15, 46.15)).toBeNull();
    expect(locate(10, 50)).toBeNull();
  });
});
