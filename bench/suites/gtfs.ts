/**
 * Benchmark of the GTFS step of `npm run data` on the demo (its generated feed: 7 lines, a
 * frequency-based town bus, 762 communes): the time of the step and of its parts (reading the
 * zip, the day's timetable, the router, writing the artefact), the peak memory of a build process
 * that runs it, and the size of the artefact the browser receives.
 *
 *   npx tsx bench/suites/gtfs.ts      prints the rows
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildDemo } from '../../scripts/demo/generate.ts';
import { DEMO_GTFS_NAME } from '../../scripts/demo/steps/gtfs.ts';
import { transitStep } from '../../scripts/gtfs/transit-step.ts';
import { writeZip } from '../../scripts/gtfs/zip.ts';
import { benchRuns } from '../lib/options.ts';
import { makeRow } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'gtfs';
const MB = 1024 * 1024;

function writeDemoFeed(dir: string) {
  const demo = buildDemo();
  const encoder = new TextEncoder();
  const path = join(dir, DEMO_GTFS_NAME);
  writeFileSync(path, writeZip(new Map([...demo.gtfs].map(([k, v]) => [k, encoder.encode(v)]))));
  return { demo, path };
}

/**
 * In a fresh process: the demo generated, then the GTFS step; prints the peak resident memory
 * (maxRSS) before and after the step, in bytes, as JSON.
 */
function child(dir: string): void {
  const { demo, path } = writeDemoFeed(dir);
  const before = process.resourceUsage().maxRSS * 1024;
  transitStep(demo.bundle.communes, { feeds: [path] });
  const after = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ before, after }));
}

async function runGtfsBench(): Promise<BenchRow[]> {
  const runs = benchRuns();
  const dir = mkdtempSync(join(tmpdir(), 'bench-gtfs-'));
  try {
    const { demo, path } = writeDemoFeed(dir);
    const communes = demo.bundle.communes;
    const total: number[] = [];
    const parts: Record<string, number[]> = {};
    let last = transitStep(communes, { feeds: [path] }); // warm-up
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      last = transitStep(communes, { feeds: [path] });
      total.push(performance.now() - t0);
      for (const [k, v] of Object.entries(last.timings)) (parts[k] ??= []).push(v);
    }
    const memory: { before: number; after: number }[] = [];
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dir],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`GTFS child process failed: ${r.stderr}`);
      memory.push(JSON.parse(r.stdout) as { before: number; after: number });
    }
    const s = last.stats;
    const scale = `${communes.length} communes, ${s.stops} arrêts, ${s.runs} courses et ${s.connections} tronçons entre 8 h et 13 h`;
    const rows: BenchRow[] = [
      makeRow({
        suite: SUITE,
        metric: 'étape GTFS de la démo (zip lu, horaires du jour, calcul, écriture)',
        unit: 'ms',
        values: total,
        note: `${scale} ; ${s.pairs} couples écrits.`,
      }),
      ...Object.entries(parts).map(([k, v]) =>
        makeRow({ suite: SUITE, metric: `  dont ${k}`, unit: 'ms', values: v }),
      ),
      makeRow({
        suite: SUITE,
        metric: 'pic de mémoire du build de la démo avec l’étape GTFS (RSS max)',
        unit: 'Mo',
        values: memory.map((m) => m.after / MB),
        baseline: { label: 'avant l’étape GTFS', values: memory.map((m) => m.before / MB) },
        note: 'Processus neuf : démo générée puis étape GTFS ; la référence est le RSS max atteint avant l’étape.',
      }),
      makeRow({
        suite: SUITE,
        metric: 'temps sans voiture de la démo, network-sans-voiture.arrow (gzip)',
        unit: 'ko',
        values: [gzipSync(last.bytes).length / 1000],
      }),
      makeRow({
        suite: SUITE,
        metric: 'temps sans voiture de la démo, network-sans-voiture.arrow (brut)',
        unit: 'ko',
        values: [last.bytes.length / 1000],
        note: `${s.pairs} couples à ${last.meta.maxMinutes} min ou moins (marche seule comprise).`,
      }),
    ];
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = { name: SUITE, run: runGtfsBench };
export default suite;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') child(process.argv[3]!);
  else
    for (const r of await runGtfsBench())
      console.log(
        r.metric,
        r.median.toFixed(1),
        r.unit,
        r.baseline?.median.toFixed(1) ?? '',
        r.note ?? '',
      );
}
