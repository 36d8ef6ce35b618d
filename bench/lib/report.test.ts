import { describe, expect, it } from 'vitest';
import {
  README_END,
  README_START,
  describeMachine,
  formatReadmeSection,
  mergeNotes,
  replaceSection,
  resultFileName,
  type BenchReport,
} from './report.ts';

const readme = `# Titre

## Performances

${README_START}
ancien tableau
${README_END}

## Suite
`;

describe('replaceSection', () => {
  it('replaces only what lies between the markers, and keeps them', () => {
    const out = replaceSection(readme, 'nouveau\ntableau\n');
    expect(out).toBe(readme.replace('ancien tableau', 'nouveau\ntableau'));
  });

  it('gives the same text when run twice (no growing blank lines)', () => {
    const once = replaceSection(readme, '\n\nx\n\n');
    expect(replaceSection(once, 'x')).toBe(once);
  });

  it('can empty the section', () => {
    expect(replaceSection(readme, '')).toContain(`${README_START}\n${README_END}`);
  });

  it('refuses a README without markers, with one twice, or in the wrong order', () => {
    expect(() => replaceSection('# README\n', 'x')).toThrow(/exactly once/);
    expect(() => replaceSection(readme + README_START, 'x')).toThrow(/exactly once/);
    expect(() => replaceSection(`${README_END}\n${README_START}\n`, 'x')).toThrow(/before/);
  });
});

const report: BenchReport = {
  date: '2026-11-23T14:38:18.123Z',
  commit: '1a260ccfc5742bdb9c3cd65bd7db8b41dba1b8c1',
  dirty: false,
  machine: {
    cores: 2,
    memoryBytes: 25_276_510_208,
    cpuModel: 'AMD EPYC ',
    platform: 'linux',
    node: 'v20.20.2',
    chromium: 'Chromium 156.0.8078.79',
    loadStart: [5.67, 2.88, 1.69],
    loadEnd: [2, 1.5, 1],
  },
  options: { runs: 7, only: null },
  durationMs: 312_400,
  rows: [
    {
      suite: 'page',
      metric: 'démo · interactive',
      unit: 'ms',
      median: 6111,
      min: 5294,
      max: 6929,
      runs: 7,
      target: 3663,
      meetsTarget: false,
    },
    { suite: 'size', metric: 'app', unit: 'ko', median: 18, min: 18, max: 18, runs: 1 },
  ],
  notes: [
    { suite: 'page', text: 'pas de département réel' },
    { suite: 'queries', text: 'pas de département réel' },
  ],
  errors: [{ suite: 'reach', message: 'boom\nstack' }],
};

describe('formatReadmeSection', () => {
  const text = formatReadmeSection(report).replace(/[\u202f\u00a0]/g, ' ');

  it('gives the date, the commit, the runs and the machine with its load', () => {
    expect(text).toContain('Dernière mesure : 2026-11-23, commit `1a260ccfc574`, 7 essais');
    expect(text).toContain('durée 312 s');
    expect(text).toContain('2 cœurs AMD EPYC, 25,3 Go de mémoire, linux, Node v20.20.2');
    expect(text).toContain('au début : 5,67 / 2,88 / 1,69, à la fin : 2,00 / 1,50 / 1,00');
  });

  it('holds the table and names every target missed', () => {
    expect(text).toContain('| page | démo · interactive | 6 111 ms |');
    expect(text).toContain('- page · démo · interactive : 6 111 ms pour une cible de 3 663 ms.');
  });

  it('says once what was not measured, and which suites failed', () => {
    expect(text).toContain('- page, queries : pas de département réel');
    expect(text).toContain('- reach : boom\n');
    expect(text).not.toContain('stack');
  });

  it('says when every target is met', () => {
    const ok = formatReadmeSection({ ...report, rows: [report.rows[1]!], errors: [], notes: [] });
    expect(ok).toContain('Toutes les cibles mesurées sont atteintes.');
    expect(ok).not.toContain('Non mesuré');
  });

  it('flags a run made on uncommitted changes', () => {
    expect(formatReadmeSection({ ...report, dirty: true })).toContain('non commitées');
  });
});

describe('helpers', () => {
  it('describes a machine without Chromium', () => {
    expect(describeMachine({ ...report.machine, chromium: null })).not.toContain('Chromium');
  });

  it('merges notes of the same text', () => {
    expect(mergeNotes([...report.notes, { suite: 'page', text: 'autre' }])).toEqual([
      { suites: ['page', 'queries'], text: 'pas de département réel' },
      { suites: ['page'], text: 'autre' },
    ]);
  });

  it('names a result file after the date, without colons', () => {
    expect(resultFileName('2026-11-23T14:38:18.123Z')).toBe('2026-11-23T14-38-18Z.json');
  });
});
