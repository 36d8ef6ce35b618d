import { describe, expect, it } from 'vitest';
import {
  CLOSE_POINTS,
  accessCurve,
  compareCurves,
  parseReferenceCurves,
  summariseValidation,
} from './validation.ts';

const FILE =
  'Source,dep,LIBGEO,5min,10min,15min,20min,25min,30min\n' +
  'x,07,Ardèche,44.8,70.2,84.9,93.26,97.2,98.87\n' +
  'x,7,Ardèche bis,1,2,3,4,5,6\n' +
  'x,2A,Corse-du-Sud,"10,5",20,30,40,50,60\n';

describe('reference curves', () => {
  it('reads the INSEE per-département table, codes padded, decimal commas', () => {
    const [a, b, c] = parseReferenceCurves(`\uFEFF${FILE}`);
    expect(a!.departement).toBe('07');
    expect(a!.name).toBe('Ardèche');
    expect(a!.shares.get(20)).toBe(93.26);
    expect(b!.departement).toBe('07');
    expect(c!.departement).toBe('2A');
    expect(c!.shares.get(5)).toBe(10.5);
  });

  it('refuses a file without a département column, a compared threshold or a valid share', () => {
    expect(() => parseReferenceCurves('code_x,10min\n1,2\n')).toThrow(/dep/);
    expect(() => parseReferenceCurves('dep,10min,15min,20min\n62,1,2,3\n')).toThrow(/30 min/);
    expect(() => parseReferenceCurves('dep,10min,15min,20min,30min\n62,1,2,300,4\n')).toThrow(
      /ligne 2/,
    );
  });
});

describe('access curve and error', () => {
  it('counts each commune whole at its time, Infinity never within', () => {
    const curve = accessCurve([3, 12, 30, Infinity], [100, 200, 300, 400], [10, 15, 30]);
    expect([...curve.values()]).toEqual([10, 30, 60]);
    expect(accessCurve([], [], [10]).get(10)).toBe(0);
  });

  it('takes the mean absolute difference at 10, 15, 20 and 30 min', () => {
    const model = new Map([
      [10, 50],
      [15, 60],
      [20, 70],
      [30, 90],
      [60, 0],
    ]);
    const ref = new Map([
      [10, 54],
      [15, 60],
      [20, 68],
      [30, 100],
    ]);
    const c = compareCurves(model, ref);
    expect(c.points.map((p) => p.minutes)).toEqual([10, 15, 20, 30]);
    expect(c.meanAbsError).toBe(4);
    expect(() => compareCurves(new Map([[10, 1]]), ref)).toThrow(/15 min/);
  });

  it('summarises: median, worst and the départements within 3 points', () => {
    const s = summariseValidation([
      { departement: '62', meanAbsError: 1 },
      { departement: '55', meanAbsError: 5 },
      { departement: '34', meanAbsError: CLOSE_POINTS },
      { departement: '14', meanAbsError: 2 },
    ]);
    expect(s).toEqual({ count: 4, medianError: 2.5, worstError: 5, worst: '55', close: 3 });
    expect(summariseValidation([]).medianError).toBeNull();
  });
});
