import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SECRECY_THRESHOLD } from './secrecy.ts';
import { secrecyRules, secretExplanation } from './secrecy-rules.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the secrecy rules', () => {
  it('are the README’s table, row for row', () => {
    const rows = secrecyRules(DEFAULT_SECRECY_THRESHOLD).map(
      (r) => `| ${r.figures} | ${r.sensitive ? 'oui' : 'non'} | ${r.rule} |`,
    );
    const table = readme.split('\n').filter((l) => /^\| .+ \| (oui|non) \| .+ \|$/.test(l));
    expect(table).toEqual(rows);
  });

  it('publish the legal population and the zeros anyone can tell', () => {
    const rules = secrecyRules(11);
    const of = (word: string) => rules.filter((r) => r.figures.includes(word));
    expect(of('Population légale').map((r) => r.sensitive)).toEqual([false]);
    expect(of('sans habitant').map((r) => r.sensitive)).toEqual([false]);
    expect(rules.filter((r) => r.sensitive).every((r) => /masqu/.test(r.rule))).toBe(true);
  });

  it('say the threshold of a published dataset, and the source’s secrecy otherwise', () => {
    expect(secretExplanation(11)).toContain('moins de 11 personnes');
    expect(secretExplanation(null)).toContain('de la source');
    expect(readme).not.toMatch(/« s »/);
  });
});
