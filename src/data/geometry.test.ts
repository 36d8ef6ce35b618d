import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { communeBorders, readGeometry } from './geometry.ts';

/**
 * Two unit squares side by side, sharing the arc x = 1 (arc 0); arcs 1 and 2 are the rest of
 * each square's ring.
 */
const topology: Topology = {
  type: 'Topology',
  arcs: [
    [
      [1, 0],
      [1, 1],
    ],
    [
      [1, 1],
      [0, 1],
      [0, 0],
      [1, 0],
    ],
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
    ],
  ],
  objects: {
    communes: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: '00001', properties: { name: 'A' }, arcs: [[0, 1]] },
        { type: 'Polygon', id: '00002', properties: { name: 'B' }, arcs: [[2, ~0]] },
      ],
    },
  },
};

describe('commune borders', () => {
  it('draws the border two communes share once, and not the département outline', () => {
    const borders = communeBorders(readGeometry(topology));
    expect(borders.coordinates).toEqual([
      [
        [1, 0],
        [1, 1],
      ],
    ]);
  });

  it('is computed once per geometry', () => {
    const geometry = readGeometry(topology);
    expect(communeBorders(geometry)).toBe(communeBorders(geometry));
  });
});
