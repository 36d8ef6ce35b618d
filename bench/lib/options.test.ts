import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_RUNS, RUNS_ENV, benchRuns, parseArgs } from './options.ts';

describe('parseArgs', () => {
  it('has defaults', () => {
    expect(parseArgs([])).toEqual({ runs: DEFAULT_RUNS, only: null, readme: true, help: false });
  });

  it('reads every option, with a space or an equals sign', () => {
    expect(parseArgs(['--runs', '3', '--only', 'page, size', '--no-readme'])).toEqual({
      runs: 3,
      only: ['page', 'size'],
      readme: false,
      help: false,
    });
    expect(parseArgs(['--runs=9', '--only=queries']).runs).toBe(9);
    expect(parseArgs(['--only=queries']).only).toEqual(['queries']);
    expect(parseArgs(['--help']).help).toBe(true);
  });

  it('refuses bad values and unknown options, with a clear message', () => {
    expect(() => parseArgs(['--runs', '0'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--runs', '2.5'])).toThrow(/positive integer/);
    expect(() => parseArgs(['--runs'])).toThrow(/needs a value/);
    expect(() => parseArgs(['--only', ','])).toThrow(/at least one/);
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option: --fast/);
  });
});

describe('benchRuns', () => {
  const saved = process.env[RUNS_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[RUNS_ENV];
    else process.env[RUNS_ENV] = saved;
  });

  it('reads the count the runner sets, and falls back to the default', () => {
    process.env[RUNS_ENV] = '4';
    expect(benchRuns()).toBe(4);
    process.env[RUNS_ENV] = 'x';
    expect(benchRuns()).toBe(DEFAULT_RUNS);
    delete process.env[RUNS_ENV];
    expect(benchRuns()).toBe(DEFAULT_RUNS);
  });
});
