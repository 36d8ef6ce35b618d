/**
 * The artefact of travel times computed on a real network (DatasetMeta.networkTimes): an Arrow
 * IPC file with columns origin (utf8 INSEE code), destination (utf8) and minutes (float64). The
 * build encodes it, the app and the reports decode it.
 */
import {
  Dictionary,
  Int16,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableFromIPC,
  tableToIPC,
  vectorFromArray,
} from 'apache-arrow';
import type { DatasetMeta, NetworkTimesMeta } from '../domain/model.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { NetworkTimesByMode, NetworkTimesData } from '../domain/travel/network-model.ts';
import type { ReadArtefact } from './load-dataset.ts';

/** The rows of the artefact, by INSEE code. */
export type NetworkTimesRows = NetworkTimesData['rows'];

/**
 * The artefact's bytes. The code columns are dictionary-encoded (utf8 values, 16-bit indices):
 * a reader sees utf8 columns, and the file is a third of its plain size.
 */
export function encodeNetworkTimes(rows: NetworkTimesRows): Uint8Array {
  const codes: string[] = [];
  const index = new Map<string, number>();
  const indices = (column: readonly string[]) =>
    Int16Array.from(column, (c) => {
      let i = index.get(c);
      if (i === undefined) {
        i = codes.length;
        if (i > 0x7fff) throw new Error('Temps du réseau : plus de 32 767 communes.');
        codes.push(c);
        index.set(c, i);
      }
      return i;
    });
  const origin = indices(rows.origin);
  const destination = indices(rows.destination);
  const dictionary = vectorFromArray(codes, new Utf8());
  const column = (values: Int16Array, id: number) =>
    makeVector(
      makeData({
        type: new Dictionary(new Utf8(), new Int16(), id),
        length: values.length,
        data: values,
        dictionary,
      }),
    );
  return tableToIPC(
    new Table({
      origin: column(origin, 0),
      destination: column(destination, 1),
      minutes: makeVector(Float64Array.from(rows.minutes)),
    }),
    'stream',
  );
}

/** The rows of the file, by INSEE code. */
export function decodeNetworkTimes(bytes: Uint8Array): NetworkTimesRows {
  const table = tableFromIPC(bytes);
  const origin = table.getChild('origin');
  const destination = table.getChild('destination');
  const minutes = table.getChild('minutes');
  if (!origin || !destination || !minutes)
    throw new Error(
      'Temps du réseau illisibles : colonnes origin, destination, minutes attendues.',
    );
  return {
    origin: Array.from(origin.toArray() as Iterable<string>, String),
    destination: Array.from(destination.toArray() as Iterable<string>, String),
    minutes: Float64Array.from(minutes.toArray() as Iterable<number>, Number),
  };
}

/** Every network-times artefact of the dataset, with the source each names. */
export async function loadNetworkTimes(
  meta: DatasetMeta,
  read: ReadArtefact,
): Promise<NetworkTimesByMode> {
  const out: NetworkTimesByMode = {};
  for (const [mode, m] of Object.entries(meta.networkTimes ?? {}) as [
    TravelMode,
    NetworkTimesMeta,
  ][]) {
    out[mode] = {
      meta: m,
      source: meta.sources.find((s) => s.id === m.sourceId) ?? null,
      rows: decodeNetworkTimes(await read(m.file)),
    };
  }
  return out;
}
