import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { MAX_LINES_PER_GROUP, ReportBuilder, rejectedRowsCsv, reportSummary } from './report.ts';

describe('ReportBuilder', () => {
  const make = () =>
    new ReportBuilder({
      inputId: 'i',
      label: 'L',
      fileName: 'f.csv',
      sourceId: 's',
      format: 'CSV',
      header: ['a'],
    });

  it('does not count a rejected row as repaired', () => {
    const b = make();
    b.read(2);
    b.repair(2, 'decimal_comma');
    b.reject(2, 'insee_unknown', ['x'], '99999');
    b.repair(3, 'decimal_comma');
    b.keep();
    const r = b.build();
    expect([r.rowsRead, r.kept, r.repairedRows, r.rejectedRows]).toEqual([2, 1, 1, 1]);
    expect(r.rejected).toEqual([
      { line: 2, reason: 'code INSEE inconnu dans le département : 99999', cells: ['x'] },
    ]);
    expect(r.repairs).toEqual([
      { code: 'decimal_comma', label: 'virgule décimale convertie', count: 1, lines: [3] },
    ]);
    expect(reportSummary(r)).toBe(
      '2 lignes lues, 1 gardées (dont 1 réparées), 1 rejetées, 0 hors champ',
    );
  });

  it('keeps exact counts but caps the listed lines of a group', () => {
    const b = make();
    for (let l = 2; l < MAX_LINES_PER_GROUP + 12; l++) b.ignore(l, 'other_departement');
    const r = b.build();
    expect(r.ignored[0]?.count).toBe(MAX_LINES_PER_GROUP + 10);
    expect(r.ignored[0]?.lines).toHaveLength(MAX_LINES_PER_GROUP);
  });

  it('sorts groups by count', () => {
    const b = make();
    b.reject(2, 'name_missing', []);
    b.reject(3, 'duplicate', []);
    b.reject(4, 'duplicate', []);
    expect(b.build().rejections.map((g) => g.code)).toEqual(['duplicate', 'name_missing']);
  });
});

describe('rejectedRowsCsv', () => {
  it('neutralises formula cells of the file and reads back as the original cells', () => {
    const b = new ReportBuilder({
      inputId: 'i',
      label: 'L',
      fileName: 'f.csv',
      sourceId: 's',
      format: 'CSV',
      header: ['nom', 'code'],
    });
    b.reject(2, 'insee_unknown', ['=HYPERLINK("http://x";"clic")', "+cmd|' /C calc'!A0"], 'x');
    b.reject(3, 'insee_unknown', ['-2+3', 'deux\nlignes; "cité"'], 'y');
    const text = rejectedRowsCsv(b.build());
    expect(text.startsWith('\uFEFFligne;motif_rejet;nom;code\r\n')).toBe(true);
    const back = parseCsv(text.slice(1));
    expect(back.records.map((r) => r.cells.slice(2))).toEqual([
      ['\'=HYPERLINK("http://x";"clic")', "'+cmd|' /C calc'!A0"],
      ["'-2+3", 'deux\nlignes; "cité"'],
    ]);
  });
});
