import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';
import {
  SHARE_BREAKS,
  classOf,
  classesFor,
  classify,
  classifyRobust,
  niceRound,
} from './classify.ts';

describe('classify', () => {
  it('cuts quantiles into rounded, increasing breaks', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    const c = classify(xs, 5)!;
    expect(c.breaks).toEqual([21, 41, 61, 81]);
    expect([c.min, c.max]).toEqual([1, 100]);
    expect(classOf(1, c)).toBe(0);
    expect(classOf(21, c)).toBe(0);
    expect(classOf(21.5, c)).toBe(1);
    expect(classOf(100, c)).toBe(4);
  });

  it('ignores nulls and collapses ties into fewer classes', () => {
    const c = classify([null, 5, 5, 5, 5, 9], 5)!;
    expect(c.breaks.every((b, i) => i === 0 || b > c.breaks[i - 1]!)).toBe(true);
    expect(c.breaks.length).toBeLessThan(4);
    expect(classify([null, null], 5)).toBeNull();
    expect(classify([3, 3], 5)).toEqual({ breaks: [], min: 3, max: 3 });
  });

  it('puts a value in the class of the breaks it exceeds, for random data (both methods)', () => {
    const rnd = createRandom(11);
    for (let k = 0; k < 200; k++) {
      const n = rnd.int(1, 60);
      const xs = Array.from({ length: n }, () =>
        rnd.chance(0.3) ? rnd.int(0, 5) : Math.round(rnd.range(-50, 500) * 100) / 100,
      );
      for (const method of ['quantiles', 'intervals'] as const) {
        const classes = rnd.int(2, 9);
        const c = classify(xs, classes, method)!;
        expect(c.breaks.length).toBeLessThan(classes);
        for (let i = 1; i < c.breaks.length; i++)
          expect(c.breaks[i]!).toBeGreaterThan(c.breaks[i - 1]!);
        expect([c.min, c.max]).toEqual([Math.min(...xs), Math.max(...xs)]);
        for (const x of xs) {
          // A break belongs to the class below it ("1 à 21", then "plus de 21").
          expect(classOf(x, c), `${x} in ${c.breaks.join(' | ')}`).toBe(
            c.breaks.filter((b) => x > b).length,
          );
        }
      }
    }
  });

  it('rounds to two significant digits', () => {
    expect(niceRound(11.873)).toBe(12);
    expect(niceRound(0.04567)).toBeCloseTo(0.046, 10);
    expect(niceRound(123456)).toBe(120000);
  });
});

describe('classes robust to ties', () => {
  it('keeps quantiles when they are sound', () => {
    const values = Array.from({ length: 20 }, (_, i) => i);
    expect(classifyRobust(values, 5)).toEqual(classify(values, 5));
  });

  it('falls back to equal intervals when most values equal the maximum', () => {
    const values = [0, 12, 40, ...Array.from({ length: 30 }, () => 100)];
    // Quantiles all fall on the maximum: no break there (it would leave an empty top class)…
    expect(classify(values, 5)!.breaks).toEqual([]);
    // …and the robust version splits the range in equal steps instead.
    expect(classifyRobust(values, 5)).toEqual({ breaks: [20, 40, 60, 80], min: 0, max: 100 });
  });
});

describe('no empty class', () => {
  it('never puts a break on the maximum', () => {
    const values = [1, 2, 3, 50, 50, 50, 50, 50, 50, 50];
    const c = classify(values, 5)!;
    expect(c.breaks.every((b) => b < c.max)).toBe(true);
    // Every class holds at least one value.
    const counts = new Array(c.breaks.length + 1).fill(0);
    for (const v of values) counts[classOf(v, c)]++;
    expect(counts.every((n) => n > 0)).toBe(true);
  });
});

describe('shares on fixed breaks', () => {
  it('classes 0,6 % in the lowest class whatever the other territories show', () => {
    // One territory at 0,6 %, the others at 0: relative classes would paint it the worst.
    const values = [0, 0, 0, 0.6, null];
    const relative = classifyRobust(values, 5)!;
    expect(classOf(0.6, relative)).toBe(relative.breaks.length);
    const fixed = classesFor(values, 'share', 5)!;
    expect(classOf(0.6, fixed)).toBe(0);
    expect(classOf(0, fixed)).toBe(0);
  });

  it('gives the same classes to every dataset, and data-driven ones to counts and rates', () => {
    const a = classesFor([5, 95, 50], 'share', 5);
    const b = classesFor([99, 100, 98.5], 'share', 5);
    expect(a).toEqual(b);
    expect(a!.breaks).toEqual(SHARE_BREAKS);
    expect([classOf(20, a!), classOf(20.1, a!), classOf(100, a!)]).toEqual([0, 1, 4]);
    expect(classesFor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'count', 5)).toEqual(
      classifyRobust([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5),
    );
    expect(classesFor([null, null], 'share', 5)).toBeNull();
  });
});
