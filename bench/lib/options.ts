/**
 * Options of `npm run bench`, and how the suites read them. A suite is a plain `run()` without
 * arguments, so the runner hands the options over through the environment: that works for every
 * suite file, whoever writes it, without importing the runner.
 */

export const DEFAULT_RUNS = 7;

export const USAGE = `npm run bench [-- options]

  --runs N           page loads per measure (default ${DEFAULT_RUNS}; at least 1)
  --only a,b         run only these suites (file names in bench/suites/, without .ts)
  --no-readme        do not rewrite the README section nor bench/results/latest.json
  --help             this text

Environment: CHROMIUM_PATH (default /usr/bin/chromium), OPENDATA_DIR (default ../shared/opendata).`;

export interface BenchOptions {
  runs: number;
  only: string[] | null;
  readme: boolean;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { runs: DEFAULT_RUNS, only: null, readme: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--runs': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 1) throw new Error(`--runs: not a positive integer: ${v}`);
        options.runs = n;
        break;
      }
      case '--only':
        options.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        if (options.only.length === 0) throw new Error('--only needs at least one suite name');
        break;
      case '--no-readme':
        options.readme = false;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new Error(`unknown option: ${arg}`);
    }
  }
  return options;
}

/** Environment variable through which suites read the number of runs. */
export const RUNS_ENV = 'BENCH_RUNS';

/** Number of runs for a suite's repeated measures, as set by the runner (or the default). */
export function benchRuns(): number {
  const n = Number(process.env[RUNS_ENV]);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_RUNS;
}
