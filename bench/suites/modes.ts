/**
 * Cold open of each mode (issue 14, item 4): a link that opens directly on Temps d'accès,
 * Couverture or Mobilité shows its figures within 1.5 × the explore view's time. Every load is
 * cold (a browser of its own), the modes alternate within each round, so a busy moment of the
 * shared machine falls on all of them alike; each mode is compared with explore's median of the
 * same run.
 */
import { messageOf } from '../../src/domain/errors.ts';
import { type BenchDataset, distDir, measureServedDatasets } from '../lib/build.ts';
import { benchRuns } from '../lib/options.ts';
import { withBrowser } from '../lib/page-load.ts';
import { makeRow, median } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'modes';
const VIEWPORT = { width: 1280, height: 800 };
/** A mode's figures within this factor of the explore view's. */
const MODE_FACTOR = 1.5;

interface ModeProbe {
  /** The `m` URL parameter; null for explore. */
  mode: string | null;
  label: string;
  /** The first figure of the mode's panel. */
  figure: string;
}

const MODES: ModeProbe[] = [
  { mode: null, label: 'Explorer', figure: 'population' },
  { mode: 'reach', label: "Temps d'accès", figure: 'reach-population-beyond' },
  { mode: 'gaps', label: 'Couverture', figure: 'gaps-concerned' },
  { mode: 'mobility', label: 'Mobilité', figure: 'mobility-unmet' },
];

/**
 * Milliseconds from navigation start until the figure enters the page, in a cold browser. The
 * time is taken in the page by an observer installed before any script, as the app's own
 * `app:figures` mark is: polling from the driver would add the delay of a busy main thread.
 */
function timeToFigure(url: string, figure: string): Promise<number> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport: VIEWPORT });
    // As source text: a function would carry the helpers tsx adds to named functions (`__name`),
    // which the page does not have, and the observer would throw before it ever saw the figure.
    await context.addInitScript(`
      new MutationObserver((_, observer) => {
        if (window.benchFigureAt === undefined &&
            document.querySelector(${JSON.stringify(`[data-figure="${figure}"]`)}) !== null) {
          window.benchFigureAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit' });
    const at = await page
      .waitForFunction(
        () => (window as unknown as { benchFigureAt?: number }).benchFigureAt,
        null,
        {
          timeout: 180_000,
          polling: 50,
        },
      )
      .catch((e: unknown) => {
        throw new Error(`${url}: [data-figure="${figure}"] never shown (${messageOf(e)})`);
      });
    const ms = (await at.jsonValue()) as number;
    if (errors.length > 0) throw new Error(`${url}: page errors:\n- ${errors.join('\n- ')}`);
    return ms;
  });
}

async function measureDataset(
  baseUrl: string,
  dataset: BenchDataset,
  runs: number,
): Promise<BenchRow[]> {
  const times = new Map<string, number[]>(MODES.map((m) => [m.label, []]));
  const d = encodeURIComponent(dataset.id);
  for (let i = 0; i < runs; i++) {
    // A different mode first in each round.
    const order = MODES.map((_, k) => MODES[(k + i) % MODES.length] as ModeProbe);
    for (const m of order) {
      const url = `${baseUrl}?d=${d}${m.mode ? `&m=${m.mode}` : ''}`;
      times.get(m.label)!.push(await timeToFigure(url, m.figure));
    }
    process.stderr.write(
      `[bench] modes ${dataset.label} ${i + 1}/${runs}: ` +
        MODES.map((m) => `${m.label} ${Math.round(times.get(m.label)!.at(-1)!)} ms`).join(', ') +
        '\n',
    );
  }
  const explore = times.get('Explorer')!;
  const exploreMedian = median(explore);
  return MODES.map((m) =>
    makeRow({
      suite: SUITE,
      metric: `${dataset.label} · ouverture à froid, ${m.label} (premiers chiffres)`,
      unit: 'ms',
      values: times.get(m.label)!,
      ...(m.mode
        ? {
            baseline: { label: 'Explorer', values: explore },
            target: MODE_FACTOR * exploreMedian,
            note: `Cible : ${MODE_FACTOR} × Explorer, même exécution (lien ?m=${m.mode}).`,
          }
        : {}),
    }),
  );
}

const suite: BenchSuite = {
  name: SUITE,
  async run() {
    const runs = benchRuns();
    return measureServedDatasets(SUITE, { '/': distDir }, (url, dataset) =>
      measureDataset(url, dataset, runs),
    );
  },
};

export default suite;
