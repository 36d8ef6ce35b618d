import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-export.ts';

describe('CSV export', () => {
  it('starts with a BOM, quotes what needs it and ends lines with CRLF', () => {
    const csv = toCsv(
      ['nom', 'valeur'],
      [
        ['Saint-Omer, centre', 12.5],
        ['Dit "le bourg"', null],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('nom,valeur\r\n"Saint-Omer, centre",12.5\r\n"Dit ""le bourg""",\r\n');
  });

  it('writes decimal commas with the French separator', () => {
    expect(toCsv(['a', 'b'], [[4.75, 'x;y']], { separator: ';' }).slice(1)).toBe(
      'a;b\r\n4,75;"x;y"\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
    const csv = toCsv(['t'], [['=HYPERLINK("http://x")'], ['+33'], ['-cmd'], ['@SUM(A1)'], [-5]]);
    const lines = csv.slice(1).trim().split('\r\n').slice(1);
    expect(lines).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+33", "'-cmd", "'@SUM(A1)", '-5']);
  });

  it('writes a secrecy mark or another text for empty values when asked', () => {
    expect(toCsv(['n'], [[null]], { empty: 's' }).slice(1)).toBe('n\r\ns\r\n');
  });
});
