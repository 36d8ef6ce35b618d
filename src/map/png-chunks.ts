/**
 * Chunks added to a PNG made by a canvas, which writes neither: pHYs (the physical resolution,
 * so a print shop or an office suite places a poster at its size in millimetres) and tEXt (the
 * figures of a summary card as text, for those who cannot read the image and for the tests).
 * PNG specification, sections 5.3 (chunk layout, CRC-32) and 11.3.5.3 (pHYs), 11.3.4.3 (tEXt):
 * https://www.w3.org/TR/png-3/
 */
import { concatBytes } from '../domain/bytes.ts';

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Pixels per metre of a resolution in dots per inch (300 dpi: 11 811). */
export const dpiToPixelsPerMeter = (dpi: number) => Math.round(dpi / 0.0254);

export interface PngChunk {
  type: string;
  data: Uint8Array;
}

/** The chunks of a PNG, in order; throws on a file that is not one. */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error("Ce fichier n'est pas un PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  for (let at = 8; at + 12 <= png.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    chunks.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Width and height from IHDR, resolution from pHYs (pixels per metre, null without it). */
export function pngInfo(png: Uint8Array): {
  width: number;
  height: number;
  pixelsPerMeter: { x: number; y: number } | null;
  text: Map<string, string>;
} {
  const chunks = readPngChunks(png);
  const ihdr = chunks.find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('PNG sans en-tête IHDR');
  const h = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  const phys = chunks.find((c) => c.type === 'pHYs');
  const p = phys && new DataView(phys.data.buffer, phys.data.byteOffset, phys.data.byteLength);
  const text = new Map<string, string>();
  for (const c of chunks.filter((c) => c.type === 'tEXt')) {
    const zero = c.data.indexOf(0);
    text.set(latin1(c.data.subarray(0, zero)), latin1(c.data.subarray(zero + 1)));
  }
  return {
    width: h.getUint32(0),
    height: h.getUint32(4),
    // Unit 1 is the metre; 0 would be an aspect ratio only.
    pixelsPerMeter: p && p.getUint8(8) === 1 ? { x: p.getUint32(0), y: p.getUint32(4) } : null,
    text,
  };
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/**
 * tEXt holds Latin-1 only (PNG 11.3.4.3): French letters fit; a character outside it (a data
 * text's emoji, « − ») is replaced, never dropped silently from a figure's sign.
 */
function latin1Bytes(text: string): Uint8Array {
  const s = text
    .replace(/[\u2212\u2013\u2014]/g, '-')
    .replace(/[\u202f\u2009]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u2026/g, '...');
  return Uint8Array.from(s, (ch) => {
    const code = ch.charCodeAt(0);
    return code > 0 && code < 256 ? code : 63;
  });
}

export interface PngAdditions {
  /** Resolution to record, in dots per inch. */
  dpi?: number;
  /** Text entries (keyword → text), e.g. Title, Description. */
  text?: Record<string, string>;
}

/** The PNG with a pHYs chunk and tEXt chunks inserted after IHDR (any earlier pHYs replaced). */
export function withPngChunks(png: Uint8Array, add: PngAdditions): Uint8Array {
  const chunks = readPngChunks(png);
  const extra: Uint8Array[] = [];
  if (add.dpi !== undefined) {
    const data = new Uint8Array(9);
    const view = new DataView(data.buffer);
    const ppm = dpiToPixelsPerMeter(add.dpi);
    view.setUint32(0, ppm);
    view.setUint32(4, ppm);
    data[8] = 1;
    extra.push(chunk('pHYs', data));
  }
  for (const [keyword, text] of Object.entries(add.text ?? {})) {
    const k = latin1Bytes(keyword).subarray(0, 79);
    const t = latin1Bytes(text);
    const data = new Uint8Array(k.length + 1 + t.length);
    data.set(k, 0);
    data.set(t, k.length + 1);
    extra.push(chunk('tEXt', data));
  }
  const parts: Uint8Array[] = [Uint8Array.from(SIGNATURE)];
  for (const c of chunks) {
    if (add.dpi !== undefined && c.type === 'pHYs') continue;
    parts.push(chunk(c.type, c.data));
    if (c.type === 'IHDR') parts.push(...extra);
  }
  return concatBytes(parts);
}
