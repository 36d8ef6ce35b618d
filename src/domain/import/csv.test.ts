import { describe, expect, it } from 'vitest';
import { parseCsv, sniffDelimiter } from './csv.ts';

describe('sniffDelimiter', () => {
  it.each([
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a,b,c\n1,"2;5",3\n', ','],
    ['a\tb\n1\t2\n', '\t'],
    // Decimal commas inside a semicolon file must not fool it.
    ['nom;lat;lon\nX;48,9;2,3\nY;49,1;2,4\n', ';'],
  ])('finds the separator of %j', (text, d) => {
    expect(sniffDelimiter(text)).toBe(d);
  });
});

describe('parseCsv', () => {
  it('keeps quoted separators, doubled quotes and line breaks, and counts lines', () => {
    const t = parseCsv('id,nom,note\r\n1,"Dupont, ""Jean""","ligne 1\r\nligne 2"\r\n\r\n2,B,\r\n');
    expect(t.header).toEqual(['id', 'nom', 'note']);
    expect(t.records).toEqual([
      { line: 2, cells: ['1', 'Dupont, "Jean"', 'ligne 1\nligne 2'] },
      { line: 5, cells: ['2', 'B', ''] },
    ]);
    expect(t.unclosedQuoteLine).toBeNull();
  });

  it('reads a last line without a line break, and trims unquoted cells', () => {
    const t = parseCsv('a;b\n 1 ; 2 ');
    expect(t.records).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('reports a quote that never closes', () => {
    const t = parseCsv('a,b\n1,"oops\n2,3\n');
    expect(t.unclosedQuoteLine).toBe(2);
    expect(t.records).toHaveLength(1);
  });
});
