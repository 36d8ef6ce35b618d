/**
 * Which suites run, and in which order: the files of bench/suites/ (a suite is a file whose
 * default export is a `BenchSuite`), known ones in a fixed order, any other after them by name.
 */
import type { BenchSuite } from './types.ts';

/** Builds and sizes first (cheap, and they build what the browser suites load). */
export const SUITE_ORDER = ['size', 'page', 'queries', 'reach', 'gaps', 'roads'];

/**
 * Suites the product's benchmark brief asks for that are written elsewhere; a full run without
 * one of them says what is therefore not measured.
 */
export const EXPECTED_SUITES: Record<string, string> = {
  reach:
    'latence du « et si ? » (un site ouvert : temps, agrégats, couches ; cibles 16 ms au ' +
    'département, 100 ms au national) et placement k = 5 (cible 1 s au département) : pas de ' +
    'suite bench/suites/reach.ts dans cette version',
};

/** What is not measured because an expected suite is missing from `names`. */
export function missingSuites(names: readonly string[]): { suite: string; text: string }[] {
  return Object.entries(EXPECTED_SUITES)
    .filter(([name]) => !names.includes(name))
    .map(([suite, text]) => ({ suite, text: `${text}.` }));
}

/** Suite names from the file names of bench/suites/ (tests and non-TypeScript files left out). */
export function suiteNames(files: readonly string[]): string[] {
  return files
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
    .map((f) => f.slice(0, -'.ts'.length));
}

export function orderSuites(names: readonly string[]): string[] {
  const rank = (n: string) => {
    const i = SUITE_ORDER.indexOf(n);
    return i < 0 ? SUITE_ORDER.length : i;
  };
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The suites to run: all of them, or those of `--only` (an unknown name is an error). */
export function selectSuites(names: readonly string[], only: readonly string[] | null): string[] {
  if (!only) return orderSuites(names);
  const unknown = only.filter((n) => !names.includes(n));
  if (unknown.length > 0) {
    throw new Error(
      `unknown suite${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} ` +
        `(available: ${orderSuites(names).join(', ')})`,
    );
  }
  return orderSuites(names.filter((n) => only.includes(n)));
}

/** Checks that a suite module's default export is a `BenchSuite`. */
export function asSuite(file: string, mod: unknown): BenchSuite {
  const s = (mod as { default?: unknown } | null)?.default as Partial<BenchSuite> | undefined;
  if (!s || typeof s.name !== 'string' || typeof s.run !== 'function') {
    throw new Error(`${file}: its default export is not a BenchSuite ({ name, run })`);
  }
  return s as BenchSuite;
}
