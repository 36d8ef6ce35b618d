import { describe, expect, it } from 'vitest';
import {
  PAIR_NO_DATA,
  pairClassLabels,
  pairClassTotals,
  pairDifferenceClasses,
} from './pair-difference.ts';
import { summariseReach, territoryIndex } from './summary.ts';

describe('difference map of two scenarios', () => {
  it('classes each commune by B − A, crossing the threshold apart', () => {
    const a = [40, 20, 10, 25, 31, Infinity, 12, NaN, 30];
    const b = [30, 10, 10.2, 35, 45, Infinity, 20, 5, 30.5];
    expect([...pairDifferenceClasses(a, b, 30)]).toEqual([0, 1, 2, 4, 3, 2, 3, PAIR_NO_DATA, 4]);
  });

  it('refuses scenarios on different communes', () => {
    expect(() => pairDifferenceClasses([1, 2], [1], 30)).toThrow(/mêmes communes/);
  });

  it('agrees with the population beyond N minutes of each scenario, on random times', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) as number;
    for (let round = 0; round < 50; round++) {
      const n = 40;
      const codes = Array.from({ length: n }, (_, i) => `c${i}`);
      const times = () =>
        Float64Array.from(codes, () => (rand() < 0.1 ? Infinity : Math.round(rand() * 600) / 10));
      const a = times();
      const b = Float64Array.from(a, (t) => (rand() < 0.5 ? t : times()[0]!));
      const people = {
        population: Float64Array.from(codes, () => Math.round(rand() * 5000)),
        need: null,
      };
      const index = territoryIndex(codes, new Map(), new Map());
      const sa = summariseReach(a, people, index, 30);
      const sb = summariseReach(b, people, index, 30);
      const { byClass } = pairClassTotals(pairDifferenceClasses(a, b, 30), people.population);
      // What the table gives as B − A is what the map's « B mieux » and « B moins bien » hold.
      expect(sb.total.populationBeyond - sa.total.populationBeyond).toBe(
        byClass[4]!.population - byClass[0]!.population,
      );
    }
  });

  it('says the threshold in the words of the legend', () => {
    const labels = pairClassLabels(45);
    expect(labels.enters).toContain('à 45 min ou moins avec B');
    expect(labels.leaves).toContain('au-delà de 45 min avec B');
  });
});
