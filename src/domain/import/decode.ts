/**
 * Bytes → text for the files French producers publish: UTF-8 (with or without a byte-order mark),
 * Windows-1252, the "ANSI" of Excel and most French back-offices (Latin-1 plus typographic signs
 * in 0x80–0x9F), or UTF-16 with its byte-order mark (Excel's "Texte Unicode"). Decodes in chunks,
 * so a file is never held whole as bytes and text at once. Pure: runs the same in Node and in the
 * browser, with a Windows-1252 table of its own because Node 20's decoder gets 27 of the 32 bytes
 * 0x80–0x9F wrong (nodejs/node#60888, #56542).
 */

export type TextEncodingName = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the bytes started with a byte-order mark (removed from `text`). */
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
  const codes = new Array<number>(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/**
 * Length of the longest prefix of `bytes` made of complete, valid UTF-8 sequences, or -1 when it
 * holds an invalid sequence (a sequence cut by the end is invalid only at the end of the file).
 */
function validUtf8Prefix(bytes: Uint8Array, atEnd: boolean): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len =
      b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return -1;
    for (let k = 1; k < len && i + k < n; k++) {
      const c = bytes[i + k] as number;
      if (c < 0x80 || c > 0xbf) return -1;
    }
    if (i + len > n) return atEnd ? -1 : i;
    const c1 = bytes[i + 1] as number;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f)) return -1;
    if ((b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return -1;
    i += len;
  }
  return n;
}

/** How many bytes after the first non-ASCII one decide the encoding. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Chunked decoder. The encoding is settled by a byte-order mark, or at the first non-ASCII byte:
 * UTF-8 if the next 64 KB are valid UTF-8, Windows-1252 otherwise (ASCII reads the same in both,
 * so nothing decoded before is wrong). Invalid UTF-8 met later is replaced by U+FFFD and counted.
 */
export class StreamDecoder {
  encoding: TextEncodingName | null = null;
  bom = false;
  /** Invalid UTF-8 sequences replaced after UTF-8 was chosen. */
  invalidSequences = 0;
  #started = false;
  #held: Uint8Array = new Uint8Array(0);
  #utf8: TextDecoder | null = null;
  #fatal = true;

  push(bytes: Uint8Array, last = false): string {
    let b = bytes;
    if (this.#held.length > 0) {
      const joined = new Uint8Array(this.#held.length + b.length);
      joined.set(this.#held);
      joined.set(b, this.#held.length);
      b = joined;
      this.#held = new Uint8Array(0);
    }
    if (!this.#started) {
      if (b.length < 3 && !last) {
        this.#held = b;
        return '';
      }
      this.#started = true;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
        this.bom = true;
        this.encoding = 'utf-8';
        b = b.subarray(3);
      } else if (b[0] === 0xff && b[1] === 0xfe) {
        this.bom = true;
        this.encoding = 'utf-16le';
        b = b.subarray(2);
      } else if (b[0] === 0xfe && b[1] === 0xff) {
        this.bom = true;
        this.encoding = 'utf-16be';
        b = b.subarray(2);
      }
    }
    if (this.encoding === null) {
      let first = -1;
      for (let i = 0; i < b.length; i++) {
        if ((b[i] as number) >= 0x80) {
          first = i;
          break;
        }
      }
      if (first < 0) return asciiText(b);
      if (!last && b.length - first < SNIFF_BYTES) {
        // Not enough bytes to decide yet: give the ASCII part, hold the rest.
        this.#held = b.slice(first);
        return asciiText(b.subarray(0, first));
      }
      const window = b.subarray(first, first + SNIFF_BYTES);
      const valid = validUtf8Prefix(window, last && window.length === b.length - first);
      this.encoding = valid >= 0 ? 'utf-8' : 'windows-1252';
    }
    if (this.encoding === 'windows-1252') return decodeWindows1252(b);
    if (this.encoding !== 'utf-8') {
      this.#utf8 ??= new TextDecoder(this.encoding);
      return this.#utf8.decode(b, { stream: !last });
    }
    if (this.#fatal) {
      this.#utf8 ??= new TextDecoder('utf-8', { fatal: true });
      try {
        return this.#utf8.decode(b, { stream: !last });
      } catch {
        // A file that is UTF-8 at the start and not further on: keep reading, say so.
        this.#fatal = false;
        this.#utf8 = new TextDecoder('utf-8');
      }
    }
    const text = (this.#utf8 as TextDecoder).decode(b, { stream: !last });
    for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1))
      this.invalidSequences++;
    return text;
  }
}

function asciiText(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 8192)
    out += String.fromCharCode(...b.subarray(i, Math.min(b.length, i + 8192)));
  return out;
}

/** Decodes a whole buffer. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const d = new StreamDecoder();
  const text = d.push(bytes, true);
  return { text, encoding: d.encoding ?? 'utf-8', bom: d.bom };
}

/** Text that was read as UTF-8 although its bytes were Windows-1252 shows this pattern ("Ã©"). */
export function looksDoublyEncoded(text: string): boolean {
  return /Ã[\u0080-\u00bf]/.test(text);
}

/** What the first bytes of a file say it is, before any decoding. */
export type FileSignature = 'zip' | 'ole' | 'pdf' | 'gzip' | 'binary' | 'text';

export function fileSignature(head: Uint8Array): FileSignature {
  const starts = (...sig: number[]) => sig.every((v, i) => head[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x1f, 0x8b)) return 'gzip';
  const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff);
  if (!utf16) {
    const n = Math.min(head.length, 4096);
    for (let i = 0; i < n; i++) if (head[i] === 0) return 'binary';
  }
  return 'text';
}
