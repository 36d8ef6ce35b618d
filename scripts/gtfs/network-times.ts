/**
 * Writes a dataset's network times (`DatasetMeta.networkTimes`, src/domain/model.ts): an Arrow
 * IPC stream, like the other tables, with columns `origin` and `destination` (INSEE codes, utf8)
 * and `minutes` (float64, rounded to the tenth of a minute), in origin then destination order.
 * The text columns are laid out directly (offsets and bytes): the generic builder of
 * apache-arrow takes seconds for the hundreds of thousands of pairs of a département.
 */
import { Float64, Table, Utf8, makeData, makeVector, tableToIPC } from 'apache-arrow';

export interface OdTimes {
  origin: string[];
  destination: string[];
  minutes: number[];
}

function utf8Vector(values: readonly string[]) {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => encoder.encode(v));
  const valueOffsets = new Int32Array(values.length + 1);
  encoded.forEach((b, i) => (valueOffsets[i + 1] = valueOffsets[i]! + b.length));
  const data = new Uint8Array(valueOffsets[values.length]!);
  encoded.forEach((b, i) => data.set(b, valueOffsets[i]!));
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data }));
}

export function encodeNetworkTimes(pairs: OdTimes): Uint8Array {
  const order = pairs.origin.map((_, i) => i);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  order.sort(
    (a, b) =>
      cmp(pairs.origin[a]!, pairs.origin[b]!) || cmp(pairs.destination[a]!, pairs.destination[b]!),
  );
  const minutes = Float64Array.from(order, (i) => Math.round(pairs.minutes[i]! * 10) / 10);
  const table = new Table({
    origin: utf8Vector(order.map((i) => pairs.origin[i]!)),
    destination: utf8Vector(order.map((i) => pairs.destination[i]!)),
    minutes: makeVector(makeData({ type: new Float64(), length: minutes.length, data: minutes })),
  });
  return tableToIPC(table, 'stream');
}
