/** One line of the benchmark table. Times in milliseconds unless `unit` says otherwise. */
export interface BenchRow {
  suite: string;
  metric: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Same measure of the baseline in the same run, and median / baseline median. */
  baseline?: { label: string; median: number };
  ratio?: number;
  /** Target from the issue, in the same unit, and whether the median meets it. */
  target?: number;
  meetsTarget?: boolean;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run: () => Promise<BenchRow[]>;
}
