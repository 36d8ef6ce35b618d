import { describe, expect, it } from 'vitest';
import { parseThresholds, reachByThresholds } from './thresholds.ts';
import { summariseReach, territoryIndex } from './summary.ts';

const codes = ['c1', 'c2', 'c3', 'c4', 'c5'];
const minutes = Float64Array.from([4, 12, 30, 44, Infinity]);
const people = {
  population: Float64Array.from([1000, 200, 300, 400, 50]),
  need: Float64Array.from([40, 10, 12, 0, 3]),
};
const territories = territoryIndex(
  codes,
  new Map([
    ['c1', 'T2'],
    ['c2', 'T1'],
    ['c3', 'T1'],
    ['c4', 'T2'],
    ['c5', 'T2'],
  ]),
  new Map([
    ['T1', 'Nord'],
    ['T2', 'Sud'],
  ]),
);

describe('reach at several thresholds', () => {
  it('reads a list of minutes, sorted and without repeats', () => {
    expect(parseThresholds('30, 10 20;45 10', 90)).toEqual({
      minutes: [10, 20, 30, 45],
      error: null,
    });
    expect(parseThresholds('10, dix', 90).error).toContain('« dix »');
    expect(parseThresholds('0', 90).error).toContain('« 0 »');
    expect(parseThresholds('', 90).error).toBe('Donnez au moins un seuil.');
    expect(parseThresholds('30 120', 90).error).toContain("l'horizon du calcul (90 min)");
  });

  it('counts beyond each threshold as the one-threshold summary does (hand-counted)', () => {
    const r = reachByThresholds(minutes, people, territories, [10, 30, 45]);
    // Beyond 10: c2, c3, c4, c5; beyond 30: c4, c5 (30 exactly is within); beyond 45: c5.
    expect(r.total.beyond.map((f) => f.populationBeyond)).toEqual([950, 450, 50]);
    expect(r.total.beyond.map((f) => f.needBeyond)).toEqual([25, 3, 3]);
    expect(r.territories.map((t) => [t.name, t.beyond.map((f) => f.communesBeyond)])).toEqual([
      ['Nord', [2, 0, 0]],
      ['Sud', [2, 2, 1]],
    ]);
    for (const [i, t] of [10, 30, 45].entries()) {
      expect(r.total.beyond[i]).toEqual(summariseReach(minutes, people, territories, t).total);
    }
  });
});
