/**
 * Latency of the app's own queries (src/data/queries/) in DuckDB-WASM, in headless Chromium, on
 * the tables the app loads, each next to a trivial `SELECT 1` timed in the same rounds (the cost
 * of a round trip to the engine's worker and back). See bench/floor/queries.ts.
 */
import type { QueryTiming } from '../floor/queries.ts';
import { type BenchDataset, floorDistDir, measureServedDatasets } from '../lib/build.ts';
import { benchRuns } from '../lib/options.ts';
import { withBrowser } from '../lib/page-load.ts';
import { makeRow } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import { isOffHost } from '../../src/e2e/browser.ts';

const SUITE = 'queries';
const BASELINE = 'SELECT 1';

/** Queries are cheap: many more repetitions than page loads. */
export function queryRepetitions(runs: number): number {
  return Math.max(20, 4 * runs);
}

async function measureDataset(
  baseUrl: string,
  dataset: BenchDataset,
  reps: number,
): Promise<BenchRow[]> {
  const timings = await withBrowser(async (browser) => {
    const page = await browser.newPage();
    const problems: string[] = [];
    const host = new URL(baseUrl).host;
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (isOffHost(r.url(), host)) problems.push(`off-host request: ${r.url()}`);
    });
    await page.goto(`${baseUrl}queries.html?d=${encodeURIComponent(dataset.id)}`);
    await page.waitForFunction(() => typeof window.benchReady === 'object', undefined, {
      timeout: 30_000,
    });
    await page.evaluate(() => window.benchReady);
    const result = await page.evaluate((n) => window.benchQueries(n), reps);
    if (problems.length > 0) throw new Error(`queries page: ${problems.join('; ')}`);
    return result;
  });

  const baseline = timings.find((t) => t.name === BASELINE);
  if (!baseline) throw new Error(`no ${BASELINE} timing`);
  return timings.map((t: QueryTiming) =>
    makeRow({
      suite: SUITE,
      metric: `${dataset.label} · ${t.name}`,
      unit: 'ms',
      values: t.times,
      ...(t === baseline ? {} : { baseline: { label: BASELINE, values: baseline.times } }),
    }),
  );
}

const suite: BenchSuite = {
  name: SUITE,
  async run() {
    const reps = queryRepetitions(benchRuns());
    return measureServedDatasets(SUITE, { '/': floorDistDir }, (url, dataset) =>
      measureDataset(url, dataset, reps),
    );
  },
};

export default suite;
