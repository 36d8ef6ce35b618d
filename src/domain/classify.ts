/**
 * Class breaks for choropleths. Quantiles by default (each class holds about as many territories),
 * rounded to legible values; equal intervals as an option.
 */
export type ClassMethod = 'quantiles' | 'intervals';

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
