import { describe, expect, it } from 'vitest';
import { readTable, readTableBytes } from './table.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readTable', () => {
  it('streams: chunks are pulled as records are read, not before', () => {
    let pulled = 0;
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i};commune ${i}`).join('\n');
    const bytes = utf8(`code;nom\n${rows}\n`);
    function* chunks() {
      for (let i = 0; i < bytes.length; i += 4096) {
        pulled++;
        yield bytes.subarray(i, i + 4096);
      }
    }
    const t = readTable(chunks(), 'f.csv');
    expect(t.header).toEqual(['code', 'nom']);
    const afterHeader = pulled;
    expect(afterHeader).toBeLessThan(Math.ceil(bytes.length / 4096));
    let n = 0;
    for (const r of t.records) {
      if (n === 0) expect(r).toEqual({ line: 2, cells: ['0', 'commune 0'] });
      n++;
    }
    expect(n).toBe(20_000);
    expect(pulled).toBe(Math.ceil(bytes.length / 4096));
  });

  it('says how it read the file, and counts rows of separators only', () => {
    const t = readTableBytes(utf8('\ufeffa;b\n1;2\n;;\n;\n'), 'f.csv');
    expect([...t.records]).toHaveLength(1);
    expect(t.format).toBe('CSV, séparateur point-virgule, UTF-8 avec BOM');
    expect(t.emptyLines.count).toBe(2);
  });

  it.each([
    [new Uint8Array(0), /^fichier vide$/],
    [utf8(' \n\r\n  '), /fichier vide \(seulement des espaces\)/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), /classeur Excel ou LibreOffice/],
    [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1]), /classeur Excel/],
    [new Uint8Array([0x61, 0, 0, 1]), /fichier binaire/],
    [utf8('{"a": '), /JSON invalide, ligne 1/],
  ])('refuses %#', (bytes, message) => {
    expect(() => readTableBytes(bytes, 'x.csv')).toThrow(message);
  });

  it('reads JSON by its content, with physical lines', () => {
    const t = readTableBytes(
      utf8('[\n {"code": "62041"},\n {"code": "62498", "x": [1, 2]}\n]'),
      'f.txt',
    );
    expect(t.header).toEqual(['code', 'x']);
    expect([...t.records]).toEqual([
      { line: 2, cells: ['62041', ''] },
      { line: 3, cells: ['62498', '1|2'] },
    ]);
  });

  it('notes a quote never closed once the file is read', () => {
    const t = readTableBytes(utf8('a,b\n1,"oops\n2,3\n'), 'f.csv');
    expect(t.problems).toEqual([]);
    expect([...t.records]).toHaveLength(1);
    expect(t.problems[0]).toMatch(/Guillemet ouvert ligne 2/);
  });
});
