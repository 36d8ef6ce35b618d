/**
 * The French of the interface, checked over every source file of the UI and the map: names after
 * "de" go through ofPlace (elision, "d'Aubcourt"), participles after a need unit agree with it
 * ("personnes couvertes"), dates write the first of the month "1er", and column headers name the
 * need indicator, not its unit ("personnes").
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(svelte|ts)$/.test(e.name) && !/\.(test|e2e)\.ts$/.test(e.name) ? [p] : [];
  });
}

const sources = [...files(join(src, 'ui')), ...files(join(src, 'map'))].map((path) => ({
  path: path.slice(src.length),
  text: readFileSync(path, 'utf8'),
}));

const RULES: [string, RegExp][] = [
  ['"de" before a name: ofPlace() elides it', /\bde (\{|\$\{)[\w.?]*name\}/],
  [
    'a participle after a need unit: agreePlural()',
    /(needUnit|\.unit)\}\s+(couverts|servis|comptés|concernés|touchés)\b/,
  ],
  ['a date in words: frenchDate() writes "1er"', /toLocaleDateString\([^)]*month:\s*'long'/],
  ['a column headed by the unit of the need: its name', /<th[^>]*>\s*\{needMeta\?\.unit/],
];

describe('French wording of the interface', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(RULES)('%s', (_, pattern) => {
    const found = sources.flatMap(({ path, text }) =>
      text
        .split('\n')
        .flatMap((line, i) => (pattern.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
