/**
 * The distribution of a choropleth's values, for the histogram under its legend: equal-width
 * bins over the classes' range, each with the class its values fall in, so that the legend shows
 * how many territories each colour holds and where the class breaks cut the distribution.
 */
import { classOf, type Classes } from './classify.ts';

export interface Bin {
  /** Lower and upper bound of the bin (the last bin includes its upper bound). */
  x0: number;
  x1: number;
  count: number;
  /** The class of the bin's values (of its middle, when a break falls inside it). */
  classIndex: number;
}

/** Bins of the finite values between the classes' min and max; nulls are left out. */
export function histogram(values: Iterable<number | null>, classes: Classes, binCount = 24): Bin[] {
  const { min, max } = classes;
  const width = max > min ? (max - min) / binCount : 1;
  const n = max > min ? binCount : 1;
  const bins: Bin[] = Array.from({ length: n }, (_, i) => {
    const x0 = min + i * width;
    const x1 = i === n - 1 ? max : min + (i + 1) * width;
    return { x0, x1, count: 0, classIndex: classOf((x0 + x1) / 2, classes) };
  });
  for (const v of values) {
    if (v === null || !Number.isFinite(v) || v < min || v > max) continue;
    const i = Math.min(n - 1, Math.floor((v - min) / width));
    (bins[i] as Bin).count++;
  }
  return bins;
}
