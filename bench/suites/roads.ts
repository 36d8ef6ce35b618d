/**
 * Benchmark of the road step of the build (scripts/roads/): reading an OpenStreetMap extract,
 * building the compact graph, snapping the points and routing every pair within the cutoff,
 * then encoding the artefact. On the demo (its generated network and its 762 communes) and on
 * the real Monaco extract (1.76 MB, all of OpenStreetMap there; six points), each run in a fresh
 * process so that its peak memory is its own; and the artefact sizes, raw and gzip.
 *
 *   npx tsx bench/suites/roads.ts      prints the rows
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDemo } from '../../scripts/demo/generate.ts';
import { OPENDATA_DIR } from '../../scripts/opendata/opendata-dir.ts';
import { writeOsmPbf } from '../../scripts/roads/write-pbf.ts';
import { makeRow } from '../lib/stats.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';
import type { RoadStepRun } from '../lib/road-step-run.ts';

const SUITE = 'roads';
const RUNS = 3;
const root = resolve(import.meta.dirname, '..', '..');
const MB = 1e6;

function runs(pbf: string, points: string): RoadStepRun[] {
  const out: RoadStepRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    const json = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'bench', 'lib', 'road-step-run.ts'), pbf, points],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    out.push(JSON.parse(json.trim().split('\n').at(-1)!) as RoadStepRun);
  }
  return out;
}

function rowsOf(label: string, pbf: string, r: RoadStepRun[], note: string): BenchRow[] {
  const first = r[0]!;
  const extractMb = statSync(pbf).size / MB;
  const facts =
    `extrait ${extractMb.toFixed(2)} Mo, ${first.waysKept} voies et ${first.nodesKept} nœuds ` +
    `routiers gardés, graphe de ${first.vertices} sommets et ${first.arcs} arcs, ` +
    `${first.points} points, ${first.pairs} paires. ${note}`;
  const row = (metric: string, unit: string, values: number[], note?: string) =>
    makeRow({
      suite: SUITE,
      metric: `${label} : ${metric}`,
      unit,
      values,
      ...(note ? { note } : {}),
    });
  return [
    row(
      'étape routière complète',
      'ms',
      r.map((x) => x.totalMs),
      facts,
    ),
    row(
      'lecture de l’extrait (2 passes)',
      'ms',
      r.map((x) => x.timings.read),
    ),
    row(
      'graphe compact',
      'ms',
      r.map((x) => x.timings.graph),
    ),
    row(
      'temps entre points (Dijkstra)',
      'ms',
      r.map((x) => x.timings.times),
    ),
    row(
      'mémoire max du processus',
      'Mo',
      r.map((x) => x.maxRssBytes / MB),
      'maxRSS du processus Node (tsx compris).',
    ),
    row('artefact des temps (brut)', 'ko', [first.rawBytes / 1000]),
    row('artefact des temps (gzip)', 'ko', [first.gzipBytes / 1000]),
  ];
}

const suite: BenchSuite = {
  name: SUITE,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'bench-roads-'));
    try {
      const demo = buildDemo();
      const pbf = join(dir, 'routes-demo.osm.pbf');
      writeFileSync(pbf, writeOsmPbf(demo.roads.nodes, demo.roads.ways));
      const points = join(dir, 'demo-points.csv');
      writeFileSync(
        points,
        ['code,lon,lat', ...demo.bundle.communes.map((c) => `${c.code},${c.lon},${c.lat}`)].join(
          '\n',
        ),
      );
      const rows = rowsOf('démo', pbf, runs(pbf, points), 'Toutes les paires (seuil 240 min).');
      const monaco = join(OPENDATA_DIR, 'osm', 'monaco.osm.pbf');
      if (existsSync(monaco)) {
        const monacoPoints = join(root, 'data', 'roads', 'monaco-points.csv');
        rows.push(
          ...rowsOf('Monaco', monaco, runs(monaco, monacoPoints), 'Extrait réel complet (OSRM).'),
        );
      } else {
        process.stderr.write(`[bench] roads: ${monaco} absent, Monaco non mesuré\n`);
      }
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await suite.run())
    console.log(`${r.metric}: ${r.median} ${r.unit} (${r.note ?? ''})`);
}
