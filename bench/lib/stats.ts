/**
 * Summaries of repeated measurements, and the helpers that turn them into table rows. Pure
 * functions, unit-tested: a broken median would silently change every figure of the table.
 */
import type { BenchRow } from './types.ts';

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Median of the values (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  if (values.some((v) => !Number.isFinite(v))) {
    throw new Error(`median of non-finite values: ${values.join(', ')}`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(values: readonly number[]): Summary {
  const m = median(values);
  return { median: m, min: Math.min(...values), max: Math.max(...values), runs: values.length };
}

/** A measure taken once (a file size): its median, min and max are the value itself. */
export function single(value: number): Summary {
  return summarize([value]);
}

/** median / baseline median, or undefined when the baseline is zero. */
export function ratio(value: number, baseline: number): number | undefined {
  return baseline === 0 ? undefined : value / baseline;
}

export interface RowInput {
  suite: string;
  metric: string;
  unit: string;
  values: readonly number[];
  baseline?: { label: string; values: readonly number[] };
  /** Target in the row's unit; met when the median is at most the target. */
  target?: number;
  note?: string;
}

export interface SummaryRowInput {
  suite: string;
  metric: string;
  unit: string;
  summary: Summary;
  baseline?: { label: string; median: number };
  /** Target in the row's unit; met when the median is at most the target. */
  target?: number;
  note?: string;
}

/**
 * A table row from a summary: baseline median and ratio, and the target check. Every target of
 * the benchmark is an upper bound (times, sizes, differences).
 */
export function summaryRow(input: SummaryRowInput): BenchRow {
  const s = input.summary;
  const row: BenchRow = { suite: input.suite, metric: input.metric, unit: input.unit, ...s };
  if (input.baseline) {
    row.baseline = { ...input.baseline };
    const r = ratio(s.median, input.baseline.median);
    if (r !== undefined) row.ratio = r;
  }
  if (input.target !== undefined) {
    row.target = input.target;
    row.meetsTarget = s.median <= input.target;
  }
  if (input.note) row.note = input.note;
  return row;
}

/** A table row from raw measurements (see summaryRow). */
export function makeRow(input: RowInput): BenchRow {
  const { values, baseline, ...rest } = input;
  return summaryRow({
    ...rest,
    summary: summarize(values),
    ...(baseline ? { baseline: { label: baseline.label, median: median(baseline.values) } } : {}),
  });
}

/**
 * Whether the row meets its target: the suite's own verdict when it gave one, else the median
 * against the target as an upper bound; undefined for a row without target.
 */
export function meetsTarget(row: BenchRow): boolean | undefined {
  if (row.target === undefined) return undefined;
  return row.meetsTarget ?? row.median <= row.target;
}
