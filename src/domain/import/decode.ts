/**
 * Bytes → text for the files French producers publish: UTF-8 (with or without a byte-order mark)
 * or Windows-1252, the "ANSI" of Excel and most French back-offices, which is Latin-1 plus
 * typographic signs in 0x80–0x9F. Pure: runs the same in Node and in the browser.
 */

export type TextEncodingName = 'utf-8' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the bytes started with a UTF-8 byte-order mark (removed from `text`). */
  bom: boolean;
}

/** Windows-1252 code points of bytes 0x80–0x9F (undefined bytes map to themselves, as browsers do). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
  0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
  0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes Windows-1252 by table, so no runtime needs that legacy decoder. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Whether the bytes are valid UTF-8. Text that is valid UTF-8 and contains any byte ≥ 0x80 is
 * almost never Windows-1252 in practice (accented letters in 1252 are single bytes that break the
 * UTF-8 sequence rules), so this check alone chooses the encoding.
 */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (bom || isUtf8(body)) {
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8', bom };
  }
  return { text: decodeWindows1252(body), encoding: 'windows-1252', bom: false };
}

/** Text that was read as UTF-8 although its bytes were Windows-1252 shows this pattern ("Ã©"). */
export function looksDoublyEncoded(text: string): boolean {
  return /Ã[\u0080-\u00bf]/.test(text);
}
