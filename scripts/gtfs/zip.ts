/**
 * A minimal ZIP reader and writer on Node's zlib (APPNOTE 6.3.10: central directory, stored and
 * deflated entries), for GTFS feeds. No dependency: a feed needs nothing else, and inflating with
 * zlib is as fast as any JavaScript inflater. ZIP64 archives (over 4 GB or 65 535 files) and
 * encrypted entries are refused with a message.
 */
import { concatBytes } from '../../src/domain/bytes.ts';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  /** Reads and inflates the entry (checked against its CRC-32). */
  bytes(): Uint8Array;
}

/** The entries of a ZIP archive, by name (folders inside the archive are dropped from names). */
export function readZip(bytes: Uint8Array, label = 'archive'): Map<string, ZipEntry> {
  // A plain view, so that entries are Uint8Array even when the file was read as a Buffer.
  const zip = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${label} n’est pas une archive ZIP lisible.`);
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff)
    throw new Error(`${label} : archive ZIP64, non prise en charge.`);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (view.getUint32(p, true) !== CENTRAL) throw new Error(`${label} : répertoire ZIP abîmé.`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const path = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + extraLength + commentLength;
    if (path.endsWith('/')) continue;
    const name = path.slice(path.lastIndexOf('/') + 1);
    entries.set(name, {
      name,
      bytes() {
        if (flags & 1) throw new Error(`${label} : ${name} est chiffré.`);
        if (view.getUint32(local, true) !== LOCAL) throw new Error(`${label} : ${name} abîmé.`);
        const start =
          local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
        const raw = zip.subarray(start, start + compressed);
        let out: Uint8Array;
        if (method === 0) out = raw;
        else if (method === 8) {
          try {
            const b = inflateRawSync(raw);
            out = new Uint8Array(b.buffer, b.byteOffset, b.length);
          } catch (e) {
            throw new Error(`${label} : ${name} est corrompu (${(e as Error).message}).`);
          }
        } else
          throw new Error(`${label} : ${name} est compressé par une méthode inconnue (${method}).`);
        if (out.length !== size || crc32(out) !== crc)
          throw new Error(`${label} : ${name} est corrompu (taille ou CRC-32).`);
        return out;
      },
    });
  }
  return entries;
}

/** A deflated ZIP archive of the files, in the given order, dated 1 January 1980 (same bytes every time). */
export function writeZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const encoder = new TextEncoder();
  for (const [name, data] of files) {
    const nameBytes = encoder.encode(name);
    const deflated = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const header = (size: number, sig: number) => {
      const b = new Uint8Array(size);
      const v = new DataView(b.buffer);
      v.setUint32(0, sig, true);
      return { b, v };
    };
    const { b: local, v: lv } = header(30, LOCAL);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 8, true);
    lv.setUint16(12, 0x21, true); // 1980-01-01
    lv.setUint32(14, crc, true);
    lv.setUint32(18, deflated.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    const { b: entry, v: cv } = header(46, CENTRAL);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, 0x21, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, deflated.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    parts.push(local, nameBytes, deflated);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + deflated.length;
  }
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, files.size, true);
  ev.setUint16(10, files.size, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  return concatBytes(all);
}
