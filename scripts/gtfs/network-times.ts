/**
 * Writes a dataset's network times (`DatasetMeta.networkTimes`, src/domain/model.ts): an Arrow
 * IPC stream, like the other tables, with columns `origin` and `destination` (INSEE codes, utf8)
 * and `minutes` (float64, rounded to the tenth of a minute), in origin then destination order.
 */
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';

export interface OdTimes {
  origin: string[];
  destination: string[];
  minutes: number[];
}

export function encodeNetworkTimes(pairs: OdTimes): Uint8Array {
  const order = pairs.origin.map((_, i) => i);
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  order.sort(
    (a, b) =>
      cmp(pairs.origin[a]!, pairs.origin[b]!) || cmp(pairs.destination[a]!, pairs.destination[b]!),
  );
  const table = new Table({
    origin: vectorFromArray(
      order.map((i) => pairs.origin[i]!),
      new Utf8(),
    ),
    destination: vectorFromArray(
      order.map((i) => pairs.destination[i]!),
      new Utf8(),
    ),
    minutes: vectorFromArray(
      order.map((i) => Math.round(pairs.minutes[i]! * 10) / 10),
      new Float64(),
    ),
  });
  return tableToIPC(table, 'stream');
}
