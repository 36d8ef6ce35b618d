import { describe, expect, it } from 'vitest';
import { csvBlock, csvLine, neutraliseFormula, toCsv } from './csv-export.ts';
import { roundAsShown } from './rounding.ts';

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

  it('writes notes after the table, past an empty line', () => {
    const csv = toCsv(['n'], [[1.5]], {
      separator: ';',
      notes: [
        ['Source', 'n', 'INSEE, Population municipale (millésime 2021)'],
        ['Exporté le', '2025-12-06'],
      ],
    });
    expect(csv.slice(1)).toBe(
      'n\r\n1,5\r\n\r\nSource;n;INSEE, Population municipale (millésime 2021)\r\nExporté le;2025-12-06\r\n',
    );
  });

  it('rounds to what the table shows', () => {
    expect(roundAsShown(38.86861313868613, 1)).toBe(38.9);
    expect(roundAsShown(2.345, 2)).toBe(2.35);
    // As Intl writes it on screen ("1,01", "-3"), not as toFixed or Math.round would.
    expect(roundAsShown(1.005, 2)).toBe(1.01);
    expect(roundAsShown(-2.5, 0)).toBe(-3);
    expect(roundAsShown(1234.5, 0)).toBe(1235);
    expect(Object.is(roundAsShown(-0.04, 1), 0)).toBe(true);
    expect(toCsv(['t'], [[roundAsShown(38.86861313868613, 1)]], { separator: ';' }).slice(1)).toBe(
      't\r\n38,9\r\n',
    );
  });

  it('writes a secrecy mark or another text for empty values when asked', () => {
    expect(toCsv(['n'], [[null]], { empty: 's' }).slice(1)).toBe('n\r\ns\r\n');
  });
});

describe('formula neutralisation, on the payloads seen in rejected-row exports', () => {
  it.each([
    ['=HYPERLINK("http://x";"y")'],
    ["+cmd|' /C calc'!A0"],
    ['-2+3'],
    ["@SUM(1+1)*cmd|' /C calc'!A0"],
    ['  =1+1'],
    ['\u00a0=1+1'],
    ['\uff1d1+1'],
    ['\tx'],
    ['\rx'],
  ])('prefixes %j', (payload) => {
    expect(neutraliseFormula(payload)).toBe(`'${payload}`);
  });

  it.each([['-12,5'], ['-3'], ['Arras'], ['62041'], ['a=b'], ['']])('leaves %j alone', (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });

  it('writes blocks without a byte-order mark, to follow a first table', () => {
    expect(csvBlock(['a'], [['=1']])).toBe("a\r\n'=1\r\n");
    expect(csvLine(['x', 1.5, true], { separator: ';' })).toBe('x;1,5;oui');
  });
});
