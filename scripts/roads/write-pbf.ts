/**
 * Writes an OpenStreetMap PBF file (the format of Geofabrik's extracts): a header block, then
 * blocks of dense nodes and blocks of ways, each zlib-compressed, with a small protobuf encoder of
 * its own. The demo writes its road network with it, so that the demo is built through the same
 * reader (read-osm.ts) as a real extract.
 */
import { concatBytes } from '../../src/domain/bytes.ts';
import { deflateSync } from 'node:zlib';

export interface OsmNode {
  id: number;
  lon: number;
  lat: number;
  tags?: Record<string, string>;
}
export interface OsmWay {
  id: number;
  refs: number[];
  tags: Record<string, string>;
}

/** Entities per block (the format advises at most 8 000). */
const BLOCK = 8000;

/** A protobuf message being written. */
class Message {
  #bytes: number[] = [];

  varint(n: number): this {
    let v = n;
    while (v >= 0x80) {
      this.#bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.#bytes.push(v);
    return this;
  }
  #key(field: number, wire: number) {
    return this.varint(field * 8 + wire);
  }
  uint(field: number, n: number): this {
    return this.#key(field, 0).varint(n);
  }
  bytes(field: number, b: Uint8Array | number[]): this {
    this.#key(field, 2).varint(b.length);
    for (const x of b) this.#bytes.push(x);
    return this;
  }
  string(field: number, s: string): this {
    return this.bytes(field, new TextEncoder().encode(s));
  }
  message(field: number, m: Message): this {
    return this.bytes(field, m.done());
  }
  packed(field: number, values: readonly number[], zigzag = false): this {
    const m = new Message();
    for (const v of values) m.varint(zigzag ? (v >= 0 ? 2 * v : -2 * v - 1) : v);
    return this.bytes(field, m.done());
  }
  done(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}

const deltas = (xs: readonly number[]) =>
  xs.map((x, i) => (i === 0 ? x : x - (xs[i - 1] as number)));

function blob(type: 'OSMHeader' | 'OSMData', data: Uint8Array): Uint8Array[] {
  const body = new Message().uint(2, data.length).bytes(3, deflateSync(data)).done();
  const header = new Message().string(1, type).uint(3, body.length).done();
  const size = new Uint8Array(4);
  new DataView(size.buffer).setUint32(0, header.length);
  return [size, header, body];
}

/** A primitive block: its string table and one group, built by `fill` with string indices. */
function block(fill: (str: (s: string) => number) => Message): Uint8Array {
  const strings = [''];
  const index = new Map<string, number>();
  const str = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const group = fill(str);
  const table = new Message();
  for (const s of strings) table.string(1, s);
  return new Message().message(1, table).message(2, group).done();
}

export function writeOsmPbf(
  nodes: readonly OsmNode[],
  ways: readonly OsmWay[],
  options: { timestamp?: Date; program?: string } = {},
): Uint8Array {
  const header = new Message().string(4, 'OsmSchema-V0.6').string(4, 'DenseNodes');
  header.string(16, options.program ?? 'carte-offre-insertion');
  if (options.timestamp) header.uint(32, Math.floor(options.timestamp.getTime() / 1000));
  const parts = blob('OSMHeader', header.done());

  for (let i = 0; i < nodes.length; i += BLOCK) {
    const chunk = nodes.slice(i, i + BLOCK);
    const data = block((str) => {
      const keysVals: number[] = [];
      for (const n of chunk) {
        for (const [k, v] of Object.entries(n.tags ?? {})) keysVals.push(str(k), str(v));
        keysVals.push(0);
      }
      const dense = new Message()
        .packed(1, deltas(chunk.map((n) => n.id)), true)
        .packed(8, deltas(chunk.map((n) => Math.round(n.lat * 1e7))), true)
        .packed(9, deltas(chunk.map((n) => Math.round(n.lon * 1e7))), true)
        .packed(10, keysVals);
      return new Message().message(2, dense);
    });
    parts.push(...blob('OSMData', data));
  }
  for (let i = 0; i < ways.length; i += BLOCK) {
    const chunk = ways.slice(i, i + BLOCK);
    const data = block((str) => {
      const group = new Message();
      for (const w of chunk) {
        const tags = Object.entries(w.tags);
        group.message(
          3,
          new Message()
            .uint(1, w.id)
            .packed(
              2,
              tags.map(([k]) => str(k)),
            )
            .packed(
              3,
              tags.map(([, v]) => str(v)),
            )
            .packed(8, deltas(w.refs), true),
        );
      }
      return group;
    });
    parts.push(...blob('OSMData', data));
  }
  return concatBytes(parts);
}
