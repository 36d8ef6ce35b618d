/**
 * Class breaks for choropleths. A share or a score (0–100 %) is classed on fixed breaks, the same
 * for every territory, dataset and département, so that a colour means the same everywhere and a
 * small share is never drawn as the worst class because the others are smaller still. Counts and
 * rates keep classes drawn from the data: quantiles by default (each class holds about as many
 * territories), rounded to legible values; equal intervals as an option.
 */
export type ClassMethod = 'quantiles' | 'intervals';

/**
 * What a measure is, for its classes: `share` (a percentage of a whole, 0–100, or a score on that
 * scale), `count` (people, sites, places) or `rate` (per 100 inhabitants, per km²…).
 */
export type MeasureScale = 'share' | 'count' | 'rate';

/**
 * The fixed breaks of every share, in percent: five classes of 20 points, read as "moins de
 * 20 %", "20 à 40 %"… The classes do not depend on the values shown.
 */
export const SHARE_BREAKS: readonly number[] = [20, 40, 60, 80];

/** The classes of shares: the fixed breaks over the whole 0–100 % range. */
export const shareClasses = (): Classes => ({ breaks: [...SHARE_BREAKS], min: 0, max: 100 });

export interface Classes {
  /** Upper bounds of every class but the last, ascending; `breaks.length + 1` classes. */
  breaks: number[];
  min: number;
  max: number;
}

/** Round to 2 significant digits: legends read "12 – 18", not "11.873 – 17.992". */
export function niceRound(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const mag = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / mag) * mag;
}

export function classify(
  values: readonly (number | null)[],
  classCount: number,
  method: ClassMethod = 'quantiles',
): Classes | null {
  const xs = values
    .filter((v): v is number => v !== null && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const min = xs[0] as number;
  const max = xs[xs.length - 1] as number;
  if (min === max) return { breaks: [], min, max };
  const raw: number[] = [];
  for (let k = 1; k < classCount; k++) {
    raw.push(
      method === 'quantiles'
        ? (xs[Math.min(xs.length - 1, Math.floor((k * xs.length) / classCount))] as number)
        : min + ((max - min) * k) / classCount,
    );
  }
  // Rounded, strictly increasing and strictly inside (min, max), so that no class is empty: ties
  // collapse into fewer classes.
  const breaks: number[] = [];
  for (const b of raw.map(niceRound)) {
    if (b > min && b < max && (breaks.length === 0 || b > (breaks[breaks.length - 1] as number))) {
      breaks.push(b);
    }
  }
  return { breaks, min, max };
}

/** Class index of a value: 0 … breaks.length; a value equal to a break falls in the lower class. */
export function classOf(value: number, classes: Classes): number {
  let k = 0;
  while (k < classes.breaks.length && value > (classes.breaks[k] as number)) k++;
  return k;
}

/**
 * Quantiles, unless ties leave them fewer than three classes (many values equal to the maximum, as
 * shares of 100 % are): then equal intervals, which always split a range in readable steps.
 */
export function classifyRobust(
  values: readonly (number | null)[],
  classCount: number,
): Classes | null {
  const q = classify(values, classCount);
  if (!q || q.min === q.max) return q;
  return q.breaks.length < 2 ? classify(values, classCount, 'intervals') : q;
}

/**
 * The classes of a measure: fixed for shares, drawn from the values for counts and rates. Null
 * when there is nothing to class (no value at all).
 */
export function classesFor(
  values: readonly (number | null)[],
  scale: MeasureScale,
  classCount: number,
): Classes | null {
  if (scale === 'share') {
    return values.some((v) => v !== null && Number.isFinite(v)) ? shareClasses() : null;
  }
  return classifyRobust(values, classCount);
}
