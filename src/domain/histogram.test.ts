import { describe, expect, it } from 'vitest';
import { histogram } from './histogram.ts';

describe('legend histogram', () => {
  const classes = { breaks: [10, 20], min: 0, max: 40 };

  it('counts every value once, the maximum in the last bin, nulls left out', () => {
    const values = [0, 1, 9.9, 10, 15, 39, 40, null, Number.NaN];
    const bins = histogram(values, classes, 4);
    expect(bins.map((b) => [b.x0, b.x1, b.count])).toEqual([
      [0, 10, 3],
      [10, 20, 2],
      [20, 30, 0],
      [30, 40, 2],
    ]);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(7);
  });

  it('gives each bin the class of its values', () => {
    expect(histogram([], classes, 8).map((b) => b.classIndex)).toEqual([0, 0, 1, 1, 2, 2, 2, 2]);
  });

  it('holds a single value in one bin', () => {
    expect(histogram([5, 5], { breaks: [], min: 5, max: 5 })).toEqual([
      { x0: 5, x1: 5, count: 2, classIndex: 0 },
    ]);
  });
});
