import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, looksDoublyEncoded } from './decode.ts';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));

describe('decodeText', () => {
  it('reads UTF-8 and says so', () => {
    const r = decodeText(new TextEncoder().encode('Béthune;Liévin'));
    expect(r).toEqual({ text: 'Béthune;Liévin', encoding: 'utf-8', bom: false });
  });

  it('removes a UTF-8 byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('nom;é')]);
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

  it('decodes the 0x80–0x9F range by the Windows-1252 table', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x9c, 0xe9, 0x41]))).toBe('€œéA');
  });

  it('spots text that was decoded twice', () => {
    expect(looksDoublyEncoded('SARL coopÃ©rative')).toBe(true);
    expect(looksDoublyEncoded('SARL coopérative')).toBe(false);
  });
});
