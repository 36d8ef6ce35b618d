/**
 * `npm run bench`: runs every suite of bench/suites/, prints the table, writes
 * bench/results/<date>.json and, on a full run, bench/results/latest.json and the README's
 * "Performances" section. See `npm run bench -- --help`.
 *
 * A failing suite does not stop the others; the run then exits with status 1.
 */
import { messageOf } from '../src/domain/errors.ts';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { takeNotes } from './lib/notes.ts';
import { RUNS_ENV, USAGE, parseArgs, type BenchOptions } from './lib/options.ts';
import {
  formatReadmeSection,
  mergeNotes,
  replaceSection,
  resultFileName,
  type BenchReport,
  type Machine,
} from './lib/report.ts';
import { asSuite, missingSuites, selectSuites, suiteNames } from './lib/suites.ts';
import { formatConsoleTable } from './lib/table.ts';
import type { BenchRow } from './lib/types.ts';

const benchDir = import.meta.dirname;
const repoRoot = resolve(benchDir, '..');
const suitesDir = join(benchDir, 'suites');
const resultsDir = join(benchDir, 'results');
const readmePath = join(repoRoot, 'README.md');

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

function chromiumVersion(): string | null {
  try {
    const out = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim() || null;
  } catch {
    return null;
  }
}

const round2 = (values: number[]) => values.map((v) => Math.round(v * 100) / 100);

function machine(loadStart: number[]): Machine {
  return {
    cores: cpus().length,
    memoryBytes: totalmem(),
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    platform: platform(),
    node: process.version,
    chromium: chromiumVersion(),
    loadStart: round2(loadStart),
    loadEnd: round2(loadavg()),
  };
}

async function runSuites(names: string[]) {
  const rows: BenchRow[] = [];
  const errors: BenchReport['errors'] = [];
  for (const name of names) {
    const file = join(suitesDir, `${name}.ts`);
    const started = Date.now();
    process.stderr.write(`[bench] suite ${name}…\n`);
    try {
      const suite = asSuite(file, await import(pathToFileURL(file).href));
      const suiteRows = await suite.run();
      rows.push(...suiteRows);
      process.stderr.write(
        `[bench] suite ${name}: ${suiteRows.length} rows in ${Math.round((Date.now() - started) / 1000)} s\n`,
      );
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      process.stderr.write(`[bench] suite ${name} FAILED: ${message}\n`);
      errors.push({ suite: name, message: messageOf(e) });
    }
  }
  return { rows, errors };
}

async function main(options: BenchOptions): Promise<number> {
  // Suites read the run count from the environment (they take no arguments).
  process.env[RUNS_ENV] = String(options.runs);
  const available = suiteNames(readdirSync(suitesDir));
  const names = selectSuites(available, options.only);
  // Fail now, not after ten minutes of measures, if the README cannot take the table.
  if (options.readme && !options.only) replaceSection(readFileSync(readmePath, 'utf8'), '');
  const started = Date.now();
  const date = new Date(started).toISOString();
  const loadStart = loadavg();
  const commit = git(['rev-parse', 'HEAD']) || 'unknown';
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';

  const { rows, errors } = await runSuites(names);
  const report: BenchReport = {
    date,
    commit,
    dirty,
    machine: machine(loadStart),
    options: { runs: options.runs, only: options.only },
    durationMs: Date.now() - started,
    rows,
    notes: [...(options.only ? [] : missingSuites(available)), ...takeNotes()],
    errors,
  };

  process.stdout.write('\n' + formatConsoleTable(rows));
  for (const n of mergeNotes(report.notes)) {
    process.stdout.write(`Non mesuré (${n.suites.join(', ')}) : ${n.text}\n`);
  }
  for (const e of errors) process.stdout.write(`ÉCHEC de la suite ${e.suite} : ${e.message}\n`);

  mkdirSync(resultsDir, { recursive: true });
  const json = JSON.stringify(report, null, 2) + '\n';
  const resultFile = join(resultsDir, resultFileName(date));
  writeFileSync(resultFile, json);
  process.stdout.write(`\nRésultats : ${resultFile}\n`);

  if (!options.readme) {
    process.stdout.write('README et latest.json laissés tels quels (--no-readme).\n');
  } else if (options.only) {
    process.stdout.write('README et latest.json laissés tels quels : mesure partielle (--only).\n');
  } else {
    writeFileSync(join(resultsDir, 'latest.json'), json);
    const readme = readFileSync(readmePath, 'utf8');
    writeFileSync(readmePath, replaceSection(readme, formatReadmeSection(report)));
    process.stdout.write(
      'README (section Performances) et bench/results/latest.json mis à jour.\n',
    );
  }
  process.stdout.write(`Durée totale : ${Math.round(report.durationMs / 1000)} s\n`);
  return errors.length > 0 ? 1 : 0;
}

let options: BenchOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${messageOf(e)}\n\n${USAGE}\n`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
process.exitCode = await main(options);
