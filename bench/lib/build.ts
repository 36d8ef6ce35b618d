/**
 * What the browser suites measure, built when missing or older than its sources: a real
 * département's dataset (when the open data and its builder are there), the app (`npm run
 * build` into dist/) and the floor pages (bench/floor/ into dist-floor/). Done once per run,
 * whichever suite asks first.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { addNote } from './notes.ts';
import { serveStatic } from './static-server.ts';
import type { BenchRow } from './types.ts';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const distDir = join(repoRoot, 'dist');
export const publicDistDir = join(repoRoot, 'dist-public');
export const floorDistDir = join(repoRoot, 'dist-floor');
export const dataDir = join(repoRoot, 'public', 'data');

/** The département the benchmark builds when it can, the one of the seeds with most communes. */
export const REAL_DEPARTEMENT = '62';

export function openDataDir(): string {
  return process.env.OPENDATA_DIR ?? resolve(repoRoot, '..', 'shared', 'opendata');
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Newest modification time (ms) of the files under the given paths; 0 if there are none. */
export function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        visit(join(path, name));
      }
    } else {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** An output is stale when it is missing or older than the newest of its inputs. */
export function isStale(output: string, inputs: readonly string[]): boolean {
  if (!existsSync(output)) return true;
  return statSync(output).mtimeMs < newestMtime(inputs);
}

const inRepo = (...names: string[]) => names.map((n) => join(repoRoot, n));

/** Everything `npm run build` reads. */
const APP_INPUTS = inRepo(
  'src',
  'scripts',
  'public',
  'index.html',
  'vite.config.ts',
  'svelte.config.js',
  'package-lock.json',
);
const FLOOR_INPUTS = [...APP_INPUTS, ...inRepo('bench/floor')];

/**
 * Runs a command in the repository, its output kept and shown only on failure. Vitest's
 * variables are dropped so a build started from a test is still a production build.
 */
export function run(command: string, args: readonly string[]): Promise<void> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_ENV' || k === 'TEST' || k.startsWith('VITEST')) continue;
    env[k] = v;
  }
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolvePromise();
      process.stderr.write(Buffer.concat(output));
      reject(new Error(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`})`));
    });
  });
}

async function timed(label: string, command: string, args: string[]): Promise<void> {
  const started = Date.now();
  log(`${label}: ${command} ${args.join(' ')}…`);
  await run(command, args);
  log(`${label}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Dataset folders of real départements present in public/data (`dep-NN`), sorted. */
export function realDatasets(): string[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .filter((name) => /^dep-/.test(name) && existsSync(join(dataDir, name, 'meta.json')))
    .sort();
}

export interface RealDataStatus {
  /** Dataset folder to measure (`dep-62`), or null. */
  dataset: string | null;
  /** Why there is none, or how it was obtained. */
  note: string;
}

/**
 * A real département's dataset: the one already in public/data (dep-62 first), or dep-62
 * built from the open data with the project's builder when both are present.
 */
async function ensureRealData(): Promise<RealDataStatus> {
  const wanted = `dep-${REAL_DEPARTEMENT}`;
  const present = realDatasets();
  if (present.length > 0) {
    const dataset = present.includes(wanted) ? wanted : (present[0] as string);
    return { dataset, note: `public/data/${dataset} déjà construit` };
  }
  const opendata = openDataDir();
  if (!existsSync(join(repoRoot, 'scripts', 'opendata'))) {
    return {
      dataset: null,
      note: 'le constructeur de données ouvertes (scripts/opendata/) est absent de cette version',
    };
  }
  if (!existsSync(opendata)) {
    return { dataset: null, note: `données ouvertes introuvables dans ${opendata}` };
  }
  await timed(`build ${wanted}`, 'npm', [
    'run',
    'data',
    '--',
    '--departement',
    REAL_DEPARTEMENT,
    '--from',
    opendata,
  ]);
  if (!existsSync(join(dataDir, wanted, 'meta.json'))) {
    const other = realDatasets()[0];
    if (!other) throw new Error(`the open-data builder ran but wrote no public/data/${wanted}`);
    return { dataset: other, note: `construit depuis ${opendata}` };
  }
  return { dataset: wanted, note: `construit depuis ${opendata}` };
}

export interface Builds {
  real: RealDataStatus;
}

let builds: Promise<Builds> | null = null;

/** Builds what is missing or stale, once per process. */
export function ensureBuilt(): Promise<Builds> {
  builds ??= (async () => {
    const real = await ensureRealData();
    // The build writes the demo into public/data first: without it, dist/ cannot be trusted.
    const noData = !existsSync(join(dataDir, 'datasets.json'));
    if (noData || isStale(join(distDir, 'index.html'), APP_INPUTS)) {
      await timed('app', 'npm', ['run', 'build']);
    } else {
      log('dist/ is up to date');
    }
    if (isStale(join(floorDistDir, 'index.html'), FLOOR_INPUTS)) {
      await timed('floor', 'npx', ['vite', 'build', '--config', 'bench/floor/vite.config.ts']);
    } else {
      log('dist-floor/ is up to date');
    }
    return { real };
  })();
  return builds;
}

let publicBuild: Promise<void> | null = null;

/**
 * The public site (`npm run build:public` into dist-public/), with every dataset of public/data
 * published, once per process; after ensureBuilt, which writes the data it publishes.
 */
export function ensurePublicBuilt(): Promise<void> {
  publicBuild ??= (async () => {
    await ensureBuilt();
    if (isStale(join(publicDistDir, 'index.html'), APP_INPUTS)) {
      await timed('public', 'npx', ['tsx', 'scripts/build-public.ts']);
    } else {
      log('dist-public/ is up to date');
    }
  })();
  return publicBuild;
}

export interface BenchDataset {
  /** Dataset id, as the app's `d` URL parameter takes it. */
  id: string;
  /** Short name in the table: "démo", "dep-62". */
  label: string;
}

/** The datasets the browser suites measure: the demo, and the real département if any. */
export async function benchDatasets(suite: string): Promise<BenchDataset[]> {
  const { real } = await ensureBuilt();
  const list: BenchDataset[] = [{ id: 'demo', label: 'démo' }];
  if (real.dataset) {
    const meta = JSON.parse(readFileSync(join(dataDir, real.dataset, 'meta.json'), 'utf8')) as {
      id: string;
    };
    list.push({ id: meta.id, label: real.dataset });
  } else {
    addNote(suite, `département réel non mesuré : ${real.note}.`);
  }
  return list;
}

/**
 * Runs a browser suite's measure on every dataset of `benchDatasets`, with the built site served
 * from `mounts` (URL prefix → folder) for the time of the suite.
 */
export async function measureServedDatasets(
  suite: string,
  mounts: Record<string, string>,
  measure: (baseUrl: string, dataset: BenchDataset) => Promise<BenchRow[]>,
): Promise<BenchRow[]> {
  await ensureBuilt();
  const datasets = await benchDatasets(suite);
  const server = await serveStatic(mounts);
  try {
    const rows: BenchRow[] = [];
    for (const dataset of datasets) rows.push(...(await measure(server.url, dataset)));
    return rows;
  } finally {
    await server.close();
  }
}
