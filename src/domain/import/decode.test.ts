import { describe, expect, it } from 'vitest';
import {
  decodeText,
  decodeWindows1252,
  fileSignature,
  looksDoublyEncoded,
  StreamDecoder,
} from './decode.ts';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Decodes bytes cut into pieces of `size`. */
function inPieces(bytes: Uint8Array, size: number): { text: string; d: StreamDecoder } {
  const d = new StreamDecoder();
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.push(bytes.subarray(i, i + size));
  text += d.push(new Uint8Array(0), true);
  return { text, d };
}

describe('decodeText', () => {
  it('reads UTF-8 and says so', () => {
    const r = decodeText(utf8('Béthune;Liévin'));
    expect(r).toEqual({ text: 'Béthune;Liévin', encoding: 'utf-8', bom: false });
  });

  it('removes a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('nom;é')]);
    expect(decodeText(bytes)).toEqual({ text: 'nom;é', encoding: 'utf-8', bom: true });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const r = decodeText(
      latin1(
        'Saint-Étienne;Œuvre € — ’'
          .replace('Œ', '\x8c')
          .replace('€', '\x80')
          .replace('—', '\x97')
          .replace('’', '\x92'),
      ),
    );
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toBe('Saint-Étienne;Œuvre € — ’');
  });

  it('reads UTF-16 with its byte-order mark (Excel "Texte Unicode")', () => {
    const text = 'nom\tcommune\r\nÉlan\tArras\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le', bom: true });
    expect(inPieces(le, 3).text).toBe(text);
  });

  it('decodes the 0x80–0x9F range by the Windows-1252 table', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x9c, 0xe9, 0x41]))).toBe('€œéA');
  });

  it('spots text that was decoded twice', () => {
    expect(looksDoublyEncoded('SARL coopÃ©rative')).toBe(true);
    expect(looksDoublyEncoded('SARL coopérative')).toBe(false);
  });
});

describe('StreamDecoder', () => {
  it('gives the same text whatever the chunk size, in both encodings', () => {
    const text = 'a'.repeat(70_000) + ';Liévin, Œuvre — ’\n'.repeat(50);
    for (const size of [1, 2, 3, 7, 4096, 1 << 20]) {
      expect(inPieces(utf8(text), size).text).toBe(text);
      const cp = latin1(text.replace(/Œ/g, '\x8c').replace(/—/g, '\x97').replace(/’/g, '\x92'));
      const r = inPieces(cp, size);
      expect(r.d.encoding).toBe('windows-1252');
      expect(r.text).toBe(text);
    }
  });

  it('decides on the first accented bytes even when they come late in the file', () => {
    const bytes = new Uint8Array([...utf8('x'.repeat(200_000)), 0xe9, 0x0a]);
    const r = inPieces(bytes, 65_536);
    expect(r.d.encoding).toBe('windows-1252');
    expect(r.text.endsWith('é\n')).toBe(true);
  });

  it('counts invalid bytes met after UTF-8 was chosen', () => {
    const bytes = new Uint8Array([...utf8('é'), ...utf8('x'.repeat(70_000)), 0xe9, 0x41]);
    const r = inPieces(bytes, 4096);
    expect(r.d.encoding).toBe('utf-8');
    expect(r.d.invalidSequences).toBeGreaterThan(0);
    expect(r.text.endsWith('\ufffdA')).toBe(true);
  });
});

describe('fileSignature', () => {
  it.each([
    [[0x50, 0x4b, 0x03, 0x04, 0], 'zip'],
    [[0xd0, 0xcf, 0x11, 0xe0, 0], 'ole'],
    [[0x25, 0x50, 0x44, 0x46], 'pdf'],
    [[0x1f, 0x8b, 8], 'gzip'],
    [[0x61, 0x00, 0x62], 'binary'],
    [[0xff, 0xfe, 0x61, 0x00], 'text'],
    [[0x61, 0x3b, 0x62], 'text'],
  ])('%j is %s', (bytes, sig) => {
    expect(fileSignature(new Uint8Array(bytes))).toBe(sig);
  });
});
