/**
 * Benchmark of the GTFS step of `npm run data`: the time of the step and of its parts (reading the
 * zip, the day's timetable, the router, writing the artefact), the peak memory of a build process
 * that runs it, and the size of the artefact the browser receives; on the demo's own feed (7
 * lines, a frequency-based town bus, 762 communes), and on a fictional feed the size of a real
 * département's networks on the same communes (no real feed is at hand), for extrapolation.
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
import type { Commune } from '../../src/domain/model.ts';
import { createRandom } from '../../src/domain/random.ts';
import { greatCircleKm } from '../../src/domain/travel/geo.ts';
import { DEMO_GTFS_NAME } from '../../scripts/demo/steps/gtfs.ts';
import { transitStep } from '../../scripts/gtfs/transit-step.ts';
import { writeZip } from '../../scripts/gtfs/zip.ts';
import { encodeNetworkTimes } from '../../src/data/network-times.ts';
import { benchRuns } from '../lib/options.ts';
import { makeRow } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'gtfs';
const SCALE_NAME = 'echelle-gtfs.zip';
const SCALE_LINES = 120;
const MB = 1024 * 1024;

/**
 * A feed the size of a real département's networks, on the demo's communes: `lines` coach lines
 * between random communes 15 to 60 km apart, stopping every 3 km or so, every 30 min each way
 * from 6:00 to 20:00 on weekdays. Fictional: it measures the step's cost at scale, nothing else.
 */
export function scaleFeed(communes: readonly Commune[], lines: number): Map<string, string> {
  const rnd = createRandom(17);
  const km = (a: Commune, b: Commune) => greatCircleKm(a.lon, a.lat, b.lon, b.lat);
  const nearest = (lon: number, lat: number) =>
    communes.reduce((best, c) =>
      greatCircleKm(lon, lat, c.lon, c.lat) < greatCircleKm(lon, lat, best.lon, best.lat)
        ? c
        : best,
    );
  const stops = new Set<string>();
  const trips = ['route_id,service_id,trip_id'];
  const times = ['trip_id,arrival_time,departure_time,stop_id,stop_sequence'];
  const hms = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
  for (let l = 0; l < lines; l++) {
    let a = rnd.pick(communes);
    let b = rnd.pick(communes);
    while (km(a, b) < 15 || km(a, b) > 60) [a, b] = [rnd.pick(communes), rnd.pick(communes)];
    const n = Math.max(2, Math.round(km(a, b) / 3));
    const path: Commune[] = [];
    for (let k = 0; k <= n; k++) {
      const c = nearest(a.lon + ((b.lon - a.lon) * k) / n, a.lat + ((b.lat - a.lat) * k) / n);
      if (path.at(-1) !== c) path.push(c);
    }
    path.forEach((c) => stops.add(c.code));
    for (const [dir, seq] of [path, [...path].reverse()].entries()) {
      for (let start = 6 * 60 + rnd.int(0, 29); start <= 20 * 60; start += 30) {
        const trip = `L${l}-${dir}-${start}`;
        trips.push(`L${l},SEM,${trip}`);
        let t = start;
        seq.forEach((c, k) => {
          if (k > 0) t += Math.max(1, Math.round((km(seq[k - 1]!, c) * 1.3 * 60) / 45));
          times.push(`${trip},${hms(t)},${hms(t)},${c.code},${k + 1}`);
        });
      }
    }
  }
  const byCode = new Map(communes.map((c) => [c.code, c]));
  return new Map([
    [
      'agency.txt',
      'agency_name,agency_url,agency_timezone\nÉchelle (fictif),https://example.org/,Europe/Paris\n',
    ],
    [
      'stops.txt',
      [
        'stop_id,stop_name,stop_lat,stop_lon',
        ...[...stops].map((c) => `${c},${c},${byCode.get(c)!.lat},${byCode.get(c)!.lon}`),
      ].join('\n') + '\n',
    ],
    [
      'routes.txt',
      [
        'route_id,route_short_name,route_type',
        ...Array.from({ length: lines }, (_, l) => `L${l},L${l},3`),
      ].join('\n') + '\n',
    ],
    ['trips.txt', trips.join('\n') + '\n'],
    ['stop_times.txt', times.join('\n') + '\n'],
    [
      'calendar.txt',
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nSEM,1,1,1,1,1,0,0,20240902,20250704\n',
    ],
  ]);
}

const zipOf = (files: Map<string, string>) => {
  const encoder = new TextEncoder();
  return writeZip(new Map([...files].map(([k, v]) => [k, encoder.encode(v)])));
};

function writeDemoFeed(dir: string) {
  const demo = buildDemo();
  const path = join(dir, DEMO_GTFS_NAME);
  writeFileSync(path, zipOf(demo.gtfs));
  const scalePath = join(dir, SCALE_NAME);
  writeFileSync(scalePath, zipOf(scaleFeed(demo.bundle.communes, SCALE_LINES)));
  return { demo, path, scalePath };
}

/**
 * In a fresh process: the demo generated, then the GTFS step; prints the peak resident memory
 * (maxRSS) before and after the step, in bytes, as JSON.
 */
function child(dir: string, scale: boolean): void {
  const { demo, path, scalePath } = writeDemoFeed(dir);
  const before = process.resourceUsage().maxRSS * 1024;
  transitStep(demo.bundle.communes, { feeds: [scale ? scalePath : path] });
  const after = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ before, after }));
}

interface Case {
  label: string;
  /** Feed file written by writeDemoFeed. */
  feed: 'demo' | 'scale';
  runs: number;
}

function measureCase(dir: string, communes: readonly Commune[], path: string, c: Case): BenchRow[] {
  const total: number[] = [];
  const parts: Record<string, number[]> = {};
  let last = transitStep(communes, { feeds: [path] }); // warm-up
  let bytes = encodeNetworkTimes(last.times.rows);
  for (let i = 0; i < c.runs; i++) {
    const t0 = performance.now();
    last = transitStep(communes, { feeds: [path] });
    const t1 = performance.now();
    bytes = encodeNetworkTimes(last.times.rows);
    total.push(performance.now() - t0);
    for (const [k, v] of Object.entries(last.timings)) (parts[k] ??= []).push(v);
    (parts['gtfs-write'] ??= []).push(performance.now() - t1);
  }
  const memory: { before: number; after: number }[] = [];
  for (let i = 0; i < Math.min(c.runs, 3); i++) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', dir, c.feed],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`GTFS child process failed: ${r.stderr}`);
    memory.push(JSON.parse(r.stdout) as { before: number; after: number });
  }
  const s = last.stats;
  const scale =
    `${communes.length} communes, ${s.stops} arrêts, ${s.runs} courses et ${s.connections} ` +
    `tronçons entre 8 h et 13 h ; ${s.pairs} couples écrits`;
  const row = (metric: string, unit: string, values: number[], note?: string) =>
    makeRow({
      suite: SUITE,
      metric: `${metric}, ${c.label}`,
      unit,
      values,
      ...(note ? { note } : {}),
    });
  return [
    row('étape GTFS (zip lu, horaires du jour, calcul, écriture)', 'ms', total, `${scale}.`),
    ...Object.entries(parts).map(([k, v]) => row(`  dont ${k}`, 'ms', v)),
    makeRow({
      suite: SUITE,
      metric: `pic de mémoire du build avec l’étape GTFS (RSS max), ${c.label}`,
      unit: 'Mo',
      values: memory.map((m) => m.after / MB),
      baseline: { label: 'avant l’étape GTFS', values: memory.map((m) => m.before / MB) },
      note: 'Processus neuf : démo générée puis étape GTFS ; la référence est le RSS max atteint avant l’étape.',
    }),
    row('temps-sans-voiture.arrow (gzip)', 'ko', [gzipSync(bytes).length / 1000]),
    row(
      'temps-sans-voiture.arrow (brut)',
      'ko',
      [bytes.length / 1000],
      `${s.pairs} couples à ${last.times.maxMinutes} min ou moins, marche seule comprise.`,
    ),
  ];
}

async function runGtfsBench(): Promise<BenchRow[]> {
  const runs = benchRuns();
  const dir = mkdtempSync(join(tmpdir(), 'bench-gtfs-'));
  try {
    const { demo, path, scalePath } = writeDemoFeed(dir);
    const communes = demo.bundle.communes;
    return [
      ...measureCase(dir, communes, path, { label: 'démo', feed: 'demo', runs }),
      ...measureCase(dir, communes, scalePath, {
        label: `flux fictif de ${SCALE_LINES} lignes`,
        feed: 'scale',
        runs: Math.min(runs, 3),
      }),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = { name: SUITE, run: runGtfsBench };
export default suite;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') child(process.argv[3]!, process.argv[4] === 'scale');
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
