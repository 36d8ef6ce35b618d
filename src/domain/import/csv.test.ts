import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { CsvTokenizer, parseCsv, sniffDelimiter } from './csv.ts';

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

describe('CsvTokenizer', () => {
  const tokenize = (chunks: string[], d: ';' | ',' = ';') => {
    const out: { line: number; cells: string[] }[] = [];
    const t = new CsvTokenizer(d, (cells, line) => out.push({ line, cells }));
    for (const c of chunks) t.push(c);
    return { records: out, unclosed: t.end(), empty: t.emptyRecords };
  };

  it('counts CR-only line ends and CRLF cut between two chunks once', () => {
    expect(tokenize(['a;b\r', '\n1;2\r3;4']).records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
    expect(tokenize(['a;"x\r', '\ny";b\n2;3']).records).toEqual([
      { line: 1, cells: ['a', 'x\ny', 'b'] },
      { line: 3, cells: ['2', '3'] },
    ]);
  });

  it('reads a doubled quote cut between two chunks', () => {
    expect(tokenize(['"il a dit "', '"oui"""', ';x']).records[0]?.cells).toEqual([
      'il a dit "oui"',
      'x',
    ]);
  });

  it('does not count rows of separators only as records', () => {
    const r = tokenize(['a;b;c\n1;2;3\n;;\n;;\n']);
    expect(r.records).toHaveLength(2);
    expect(r.empty).toBe(2);
  });

  it('gives the same records however the text is cut (random cuts)', () => {
    const rnd = createRandom(7);
    const rand = () => rnd.next();
    const alphabet = ['a', 'é', ';', ',', '"', '""', '\n', '\r\n', '\r', ' ', '1'];
    for (let round = 0; round < 300; round++) {
      let text = '';
      const len = Math.floor(rand() * 60);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const whole = tokenize([text]);
      const chunks: string[] = [];
      for (let i = 0; i < text.length;) {
        const n = 1 + Math.floor(rand() * 5);
        chunks.push(text.slice(i, i + n));
        i += n;
      }
      expect(tokenize(chunks), JSON.stringify(text)).toEqual(whole);
    }
  });

  it('reads a chunk longer than the part it scans at once as the same text cut small', () => {
    const rnd = createRandom(11);
    const alphabet = ['abc', 'é', ';', '"', '""', '\n', '\r\n', '\r', ' '];
    let text = '';
    // Several parts of 16 384 characters, with quotes and line ends across their edges.
    while (text.length < 70_000) text += alphabet[Math.floor(rnd.next() * alphabet.length)];
    const small: string[] = [];
    for (let i = 0; i < text.length; i += 1000) small.push(text.slice(i, i + 1000));
    const whole = tokenize([text]);
    expect(whole.records.length).toBeGreaterThan(1000);
    expect(tokenize(small)).toEqual(whole);
  });
});
