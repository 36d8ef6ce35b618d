import { describe, expect, it } from 'vitest';
import {
  COLUMNS,
  formatConsoleTable,
  formatMarkdownTable,
  formatValue,
  groupBySuite,
  numberNotes,
  rowCells,
} from './table.ts';
import type { BenchRow } from './types.ts';

const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

const row = (over: Partial<BenchRow> = {}): BenchRow => ({
  suite: 'page',
  metric: 'interactive',
  unit: 'ms',
  median: 1234.4,
  min: 1100,
  max: 1500.2,
  runs: 5,
  ...over,
});

describe('formatValue', () => {
  it('writes figures the French way, with decimals by size', () => {
    expect(nbsp(formatValue(1234.4))).toBe('1 234');
    expect(formatValue(56.78)).toBe('56,8');
    expect(formatValue(8.9)).toBe('8,90');
    expect(formatValue(0.123)).toBe('0,12');
    expect(formatValue(52)).toBe('52,0');
    expect(formatValue(0)).toBe('0');
  });

  it('writes a true minus sign, and no sign for what rounds to zero', () => {
    expect(nbsp(formatValue(-2554.2))).toBe('\u22122 554');
    expect(formatValue(-0.001)).toBe('0,00');
  });
});

describe('rowCells', () => {
  it('fills every column of a complete row', () => {
    const cells = rowCells(
      row({
        baseline: { label: 'plancher', median: 1000 },
        ratio: 1.2344,
        target: 1200,
        meetsTarget: false,
      }),
      ' [1]',
    ).map(nbsp);
    expect(cells).toHaveLength(COLUMNS.length);
    expect(cells).toEqual([
      'interactive [1]',
      '1 234 ms',
      '1 100 – 1 500',
      '5',
      'plancher 1 000',
      '1,23',
      '≤ 1 200',
      'NON',
    ]);
  });

  it('leaves empty what a row does not have, and no range for a single measure', () => {
    const cells = rowCells(row({ runs: 1, min: 1234.4, max: 1234.4 }));
    expect(cells.slice(2)).toEqual(['', '1', '', '', '', '']);
  });

  it('says whether the target is met, from the median when the suite did not say', () => {
    expect(rowCells(row({ target: 2000 }))[7]).toBe('oui');
    expect(rowCells(row({ target: 1000 }))[7]).toBe('NON');
  });
});

describe('notes and groups', () => {
  it('numbers distinct notes once, in order of appearance', () => {
    const { refs, notes } = numberNotes([
      row({ note: 'a' }),
      row(),
      row({ note: 'b' }),
      row({ note: 'a' }),
    ]);
    expect(refs).toEqual([' [1]', '', ' [2]', ' [1]']);
    expect(notes).toEqual(['a', 'b']);
  });

  it('groups rows by suite in order of first appearance', () => {
    const groups = groupBySuite([row({ suite: 'b' }), row({ suite: 'a' }), row({ suite: 'b' })]);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')).toHaveLength(2);
  });
});

describe('formatConsoleTable', () => {
  const rows = [
    row({ metric: 'short', note: 'first note' }),
    row({ metric: 'a much longer metric name', median: 5, min: 4, max: 6 }),
    row({ suite: 'size', metric: 'app', unit: 'ko', median: 18.1, min: 18.1, max: 18.1, runs: 1 }),
  ];
  const text = formatConsoleTable(rows);
  const lines = text.trimEnd().split('\n');

  it('aligns every column: all lines of the table have the same cell boundaries', () => {
    const tableLines = lines.filter((l) => !l.startsWith('[') && l !== '');
    const header = tableLines[0] as string;
    const dashes = tableLines[1] as string;
    expect(dashes.split('  ')).toHaveLength(COLUMNS.length);
    // Right-aligned figures end at the same column as their dashes.
    const medianEnd = dashes.split('  ').slice(0, 2).join('  ').length;
    for (const l of tableLines.slice(2)) {
      expect([...l].slice(0, medianEnd).join('')).toMatch(/(ms|ko)$/);
    }
    expect(header.startsWith('mesure')).toBe(true);
  });

  it('heads each suite, and lists the notes below', () => {
    expect(lines).toContain('[page]');
    expect(lines).toContain('[size]');
    expect(lines.indexOf('[size]')).toBeGreaterThan(lines.indexOf('[page]'));
    expect(lines.at(-1)).toBe('[1] first note');
    expect(text).toContain('short [1]');
  });

  it('says so when there is nothing to show', () => {
    expect(formatConsoleTable([])).toBe('(aucune mesure)\n');
  });
});

describe('formatMarkdownTable', () => {
  it('writes a header, an alignment line and one line per row, with the suite', () => {
    const md = formatMarkdownTable([row({ note: 'n' }), row({ suite: 'size', metric: 'x|y' })]);
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe(`| suite | ${COLUMNS.join(' | ')} |`);
    expect(lines[1]).toBe('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    expect(lines[2]).toMatch(/^\| page \| interactive \[1\] \| 1.234 ms \|/);
    // A pipe in a cell would break the table.
    expect(lines[3]).toContain('x\\|y');
    expect(lines.at(-1)).toBe('1. n');
  });
});
