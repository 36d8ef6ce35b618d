import { describe, expect, it } from 'vitest';
import { makeRow, median, meetsTarget, ratio, single, summarize } from './stats.ts';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([7])).toBe(7);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('sorts numerically, not as text', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('refuses no values and non-finite ones', () => {
    expect(() => median([])).toThrow(/no values/);
    expect(() => median([1, Number.NaN])).toThrow(/non-finite/);
    expect(() => median([1, Infinity])).toThrow(/non-finite/);
  });
});

describe('summarize', () => {
  it('gives median, min, max and the number of runs', () => {
    expect(summarize([12, 10, 30, 11])).toEqual({ median: 11.5, min: 10, max: 30, runs: 4 });
  });

  it('treats a single measure as its own median, min and max', () => {
    expect(single(42)).toEqual({ median: 42, min: 42, max: 42, runs: 1 });
  });
});

describe('ratio', () => {
  it('divides by the baseline, and has none for a zero baseline', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeUndefined();
  });
});

describe('makeRow', () => {
  it('summarizes the values and leaves out what was not given', () => {
    const row = makeRow({ suite: 's', metric: 'm', unit: 'ms', values: [3, 1, 2] });
    expect(row).toEqual({
      suite: 's',
      metric: 'm',
      unit: 'ms',
      median: 2,
      min: 1,
      max: 3,
      runs: 3,
    });
  });

  it('compares the median with the baseline median', () => {
    const row = makeRow({
      suite: 's',
      metric: 'm',
      unit: 'ms',
      values: [30, 10, 20],
      baseline: { label: 'floor', values: [8, 12, 10, 100] },
    });
    expect(row.baseline).toEqual({ label: 'floor', median: 11 });
    expect(row.ratio).toBeCloseTo(20 / 11);
  });

  it('checks the median against the target as an upper bound', () => {
    const at = (target: number) =>
      makeRow({ suite: 's', metric: 'm', unit: 'ms', values: [1, 5, 9], target });
    expect(at(5).meetsTarget).toBe(true);
    expect(at(4.9).meetsTarget).toBe(false);
    // A negative target: "first paint minus engine ready" must be below zero.
    const gap = makeRow({ suite: 's', metric: 'm', unit: 'ms', values: [-300, -100], target: 0 });
    expect(gap.meetsTarget).toBe(true);
  });
});

describe('meetsTarget', () => {
  const base = { suite: 's', metric: 'm', unit: 'ms', median: 10, min: 10, max: 10, runs: 1 };

  it('is undefined without a target', () => {
    expect(meetsTarget(base)).toBeUndefined();
  });

  it("keeps the suite's own verdict, else compares the median", () => {
    expect(meetsTarget({ ...base, target: 5, meetsTarget: true })).toBe(true);
    expect(meetsTarget({ ...base, target: 5 })).toBe(false);
    expect(meetsTarget({ ...base, target: 10 })).toBe(true);
  });
});
