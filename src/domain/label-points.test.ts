import { describe, expect, it } from 'vitest';
import { territoryLabelPoints } from './label-points.ts';

describe('territoryLabelPoints', () => {
  it('puts the label on a member commune near the weighted centre', () => {
    const communes = [
      { code: 'a', lon: 0, lat: 0, areaKm2: 1 },
      { code: 'b', lon: 2, lat: 0, areaKm2: 1 },
      { code: 'c', lon: 1, lat: 0.1, areaKm2: 1 },
      { code: 'd', lon: 9, lat: 9, areaKm2: 5 },
    ];
    const t = new Map([
      ['a', 'T1'],
      ['b', 'T1'],
      ['c', 'T1'],
      ['d', 'T2'],
    ]);
    const p = territoryLabelPoints(communes, t);
    expect(p.get('T1')).toEqual([1, 0.1]);
    expect(p.get('T2')).toEqual([9, 9]);
  });

  it('keeps a crescent-shaped territory label on one of its communes', () => {
    // Communes on a half circle: the centroid lies outside, the label does not.
    const communes = Array.from({ length: 9 }, (_, i) => ({
      code: `c${i}`,
      lon: Math.cos((i * Math.PI) / 8),
      lat: Math.sin((i * Math.PI) / 8),
      areaKm2: 1,
    }));
    const p = territoryLabelPoints(communes, new Map(communes.map((c) => [c.code, 'T'])))!.get(
      'T',
    )!;
    expect(communes.some((c) => c.lon === p[0] && c.lat === p[1])).toBe(true);
  });
});
