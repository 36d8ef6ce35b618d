import { describe, expect, it } from 'vitest';
import { asSuite, missingSuites, orderSuites, selectSuites, suiteNames } from './suites.ts';

describe('suites', () => {
  it('takes the TypeScript files of bench/suites/, not tests or other files', () => {
    expect(suiteNames(['page.ts', 'page.test.ts', 'README.md', 'x.d.ts', 'reach.ts'])).toEqual([
      'page',
      'reach',
    ]);
  });

  it('runs known suites in a fixed order, others after them by name', () => {
    expect(orderSuites(['zeta', 'reach', 'alpha', 'page', 'size', 'queries'])).toEqual([
      'size',
      'page',
      'queries',
      'reach',
      'alpha',
      'zeta',
    ]);
  });

  it('selects the suites of --only, in the fixed order, and refuses unknown names', () => {
    expect(selectSuites(['page', 'size', 'reach'], null)).toEqual(['size', 'page', 'reach']);
    expect(selectSuites(['page', 'size', 'reach'], ['reach', 'size'])).toEqual(['size', 'reach']);
    expect(() => selectSuites(['page'], ['pgae'])).toThrow(/unknown suite: pgae.*available: page/);
  });

  it('checks that a module exports a suite', () => {
    const suite = { name: 'x', run: async () => [] };
    expect(asSuite('x.ts', { default: suite })).toBe(suite);
    expect(() => asSuite('x.ts', { suite })).toThrow(/x.ts: its default export/);
    expect(() => asSuite('x.ts', { default: { name: 'x' } })).toThrow(/BenchSuite/);
  });

  it('says what an expected suite would have measured when it is missing', () => {
    expect(missingSuites(['page', 'reach'])).toEqual([]);
    const missing = missingSuites(['page']);
    expect(missing.map((m) => m.suite)).toEqual(['reach']);
    expect(missing[0]!.text).toMatch(/16 ms.*100 ms.*k = 5.*reach\.ts.*\.$/);
  });
});
