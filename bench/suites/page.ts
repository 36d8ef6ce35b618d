/**
 * Page loads in headless Chromium, cold every time: time to the map's first frame with data, to
 * DuckDB ready with its tables, to the first figures of the panel (interactive), and the peak
 * JS heap; for the app and, in the same run, for the floor page (bench/floor/: the same files,
 * the same map libraries, the figures in plain JavaScript, nothing else). App and floor loads alternate, so a busy moment of the machine
 * falls on both alike.
 *
 * Targets (issue 14): interactive ≤ 1.2 × the floor, which computes the same first figures in
 * plain JavaScript without DuckDB; the first figures, and the first map paint, before DuckDB is
 * ready.
 */
import { type BenchDataset, distDir, floorDistDir, measureServedDatasets } from '../lib/build.ts';
import { benchRuns } from '../lib/options.ts';
import { measureLoad, type LoadSample } from '../lib/page-load.ts';
import { makeRow, summarize } from '../lib/stats.ts';
import { formatRatio, formatValue } from '../lib/table.ts';
import type { BenchRow, BenchSuite } from '../lib/types.ts';

const SUITE = 'page';
const VIEWPORT = { width: 1280, height: 800 };
const FLOOR = 'plancher';
/** Interactive within this factor of the floor. */
const TTI_FACTOR = 1.2;
const MB = 1e6;
/** The floor computes its figures in plain JavaScript: it has no engine to be ready. */
const FLOOR_MARKS = ['app:first-paint', 'app:figures'] as const;

interface MapSize {
  width: number;
  height: number;
}

async function measureDataset(
  baseUrl: string,
  dataset: BenchDataset,
  runs: number,
): Promise<BenchRow[]> {
  const app: LoadSample[] = [];
  const floor: LoadSample[] = [];
  let mapSize: MapSize | null = null;
  const d = encodeURIComponent(dataset.id);
  const shotName = (kind: string) => `bench-${kind}-${dataset.id}`;

  const loadApp = async (last: boolean) => {
    app.push(
      await measureLoad(`${baseUrl}?d=${d}`, {
        viewport: VIEWPORT,
        ...(last ? { screenshot: shotName('app') } : {}),
        inspect: async (page) => {
          const box = await page.getByRole('region', { name: /^Carte/ }).boundingBox();
          if (box) mapSize = { width: Math.round(box.width), height: Math.round(box.height) };
        },
      }),
    );
  };
  const loadFloor = async (last: boolean) => {
    // The floor draws a map of the app's map size: software WebGL costs per pixel.
    const size = mapSize as MapSize | null;
    const sizeParams = size ? `&w=${size.width}&h=${size.height}` : '';
    floor.push(
      await measureLoad(`${baseUrl}floor/?d=${d}${sizeParams}`, {
        viewport: VIEWPORT,
        marks: FLOOR_MARKS,
        ...(last ? { screenshot: shotName('floor') } : {}),
      }),
    );
  };

  for (let i = 0; i < runs; i++) {
    const last = i === runs - 1;
    // The app first on even runs (the first one gives the map size), the floor first on odd.
    if (i % 2 === 0) {
      await loadApp(last);
      await loadFloor(last);
    } else {
      await loadFloor(last);
      await loadApp(last);
    }
    process.stderr.write(
      `[bench] page ${dataset.label} ${i + 1}/${runs}: app ${Math.round(app.at(-1)!.marks['app:figures'])} ms, ` +
        `floor ${Math.round(floor.at(-1)!.marks['app:figures'])} ms\n`,
    );
  }

  const L = dataset.label;
  const mark = (samples: LoadSample[], name: keyof LoadSample['marks']) =>
    samples.map((s) => s.marks[name]);
  const gap = (samples: LoadSample[]) =>
    samples.map((s) => s.marks['app:first-paint'] - s.marks['app:db-ready']);
  const heap = (samples: LoadSample[]) => samples.map((s) => s.peakHeapBytes / MB);
  const floorFigures = mark(floor, 'app:figures');
  const floorTti = summarize(floorFigures);
  // App and floor loads of one run are back to back: their ratio is less exposed to the load
  // of a shared machine drifting over the run than the ratio of medians.
  const paired = summarize(app.map((a, i) => a.marks['app:figures'] / (floorFigures[i] as number)));

  return [
    makeRow({
      suite: SUITE,
      metric: `${L} · première image de la carte`,
      unit: 'ms',
      values: mark(app, 'app:first-paint'),
      baseline: { label: FLOOR, values: mark(floor, 'app:first-paint') },
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · DuckDB prêt, tables chargées`,
      unit: 'ms',
      values: mark(app, 'app:db-ready'),
      note:
        "Depuis le début de la navigation. L'application lit aussi, avant de se dire prête, les " +
        'communes, les sites et les sources. Le plancher n’a pas de moteur.',
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · interactive (premiers chiffres)`,
      unit: 'ms',
      values: mark(app, 'app:figures'),
      baseline: { label: FLOOR, values: floorFigures },
      target: TTI_FACTOR * floorTti.median,
      note:
        `Cible : ${formatValue(TTI_FACTOR)} × le plancher (mêmes fichiers, chiffres calculés en ` +
        `JavaScript, sans DuckDB). Plancher : min – max ` +
        `${formatValue(floorTti.min)} – ${formatValue(floorTti.max)} ms. Rapport app / plancher ` +
        `essai par essai : médiane ${formatRatio(paired.median)}, min – max ` +
        `${formatRatio(paired.min)} – ${formatRatio(paired.max)}.`,
    }),
    beforeEngineRow(L, app),
    makeRow({
      suite: SUITE,
      metric: `${L} · première image − DuckDB prêt`,
      unit: 'ms',
      values: gap(app),
      target: 0,
      note: 'Négatif : la carte est dessinée avant que DuckDB soit prêt (cible).',
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · pic du tas JS`,
      unit: 'Mo',
      values: heap(app),
      baseline: { label: FLOOR, values: heap(floor) },
      note:
        'Tas JS du fil principal (CDP Performance.getMetrics, JSHeapUsedSize, relevé toutes ' +
        'les 50 ms jusqu’aux premiers chiffres). La mémoire de DuckDB, dans son worker, et la ' +
        'mémoire WebAssembly n’y sont pas comptées.',
    }),
  ];
}

/**
 * Whether the first figures came before DuckDB was ready, at every load: the difference of the
 * two marks (negative: before), and the verdict over all loads, not the median.
 */
function beforeEngineRow(label: string, app: LoadSample[]): BenchRow {
  const diffs = app.map((s) => s.marks['app:figures'] - s.marks['app:db-ready']);
  const before = diffs.filter((v) => v < 0).length;
  const row = makeRow({
    suite: SUITE,
    metric: `${label} · premiers chiffres avant DuckDB prêt`,
    unit: 'ms',
    values: diffs,
    target: 0,
    note:
      `${before === diffs.length ? 'Oui' : 'Non'} : avant DuckDB prêt à ${before} chargement(s) ` +
      `sur ${diffs.length} (premiers chiffres − DuckDB prêt ; négatif : avant).`,
  });
  row.meetsTarget = before === diffs.length;
  return row;
}

const suite: BenchSuite = {
  name: SUITE,
  async run() {
    const runs = benchRuns();
    return measureServedDatasets(SUITE, { '/': distDir, '/floor/': floorDistDir }, (url, dataset) =>
      measureDataset(url, dataset, runs),
    );
  },
};

export default suite;
