import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { dpiToPixelsPerMeter, pngInfo, readPngChunks, withPngChunks } from './png-chunks.ts';

/** A 3×2 grey PNG built by hand, with its CRCs from zlib's crc32 to check ours against. */
function tinyPng(): Uint8Array {
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) {
      c ^= x;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(3, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const rows = Buffer.from([0, 1, 2, 3, 0, 4, 5, 6]);
  return Uint8Array.from(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(rows)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

describe('PNG chunks', () => {
  it('300 dpi is 11 811 pixels per metre', () => {
    expect(dpiToPixelsPerMeter(300)).toBe(11811);
  });

  it('adds pHYs and tEXt after IHDR, keeping the image', () => {
    const png = tinyPng();
    const out = withPngChunks(png, {
      dpi: 300,
      text: {
        Title: 'Accès à 30 min, qui est loin d’un accueil…',
        Description: 'Écart B − A : −1 234\u202fhab.',
      },
    });
    const types = readPngChunks(out).map((c) => c.type);
    expect(types).toEqual(['IHDR', 'pHYs', 'tEXt', 'tEXt', 'IDAT', 'IEND']);
    const info = pngInfo(out);
    expect([info.width, info.height]).toEqual([3, 2]);
    expect(info.pixelsPerMeter).toEqual({ x: 11811, y: 11811 });
    expect(info.text.get('Title')).toBe("Accès à 30 min, qui est loin d'un accueil...");
    expect(info.text.get('Description')).toBe('Écart B - A : -1 234 hab.');
    // Same image data, and the CRCs of the copied chunks are the reference ones.
    expect(readPngChunks(out).find((c) => c.type === 'IDAT')!.data).toEqual(
      readPngChunks(png).find((c) => c.type === 'IDAT')!.data,
    );
    expect(Buffer.from(withPngChunks(png, {})).equals(Buffer.from(png))).toBe(true);
  });

  it('replaces an earlier resolution and refuses a file that is not a PNG', () => {
    const twice = withPngChunks(withPngChunks(tinyPng(), { dpi: 72 }), { dpi: 300 });
    expect(readPngChunks(twice).filter((c) => c.type === 'pHYs')).toHaveLength(1);
    expect(pngInfo(twice).pixelsPerMeter?.x).toBe(11811);
    expect(() => readPngChunks(new Uint8Array([1, 2, 3]))).toThrow(/pas un PNG/);
  });
});
