/**
 * The artefact of travel times computed on a real network (DatasetMeta.networkTimes): an Arrow
 * IPC file with columns origin (utf8 INSEE code), destination (utf8) and tenths (uint16, the time
 * in tenths of a minute). The build encodes it, the app and the reports decode it.
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
  type Vector,
} from 'apache-arrow';
import type { DatasetMeta, NetworkTimesMeta } from '../domain/model.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { NetworkTimesByMode, NetworkTimesData } from '../domain/travel/network-model.ts';
import type { ReadArtefact } from './load-dataset.ts';

/** The rows of the artefact, by INSEE code. */
export type NetworkTimesRows = NetworkTimesData['rows'];

/**
 * The longest time the artefact holds (minutes): tenths of a minute in 16 bits. A network's
 * times stop at its horizon (a few hours) far below it.
 */
export const NETWORK_TIMES_MAX_MINUTES = 0xffff / 10;

/** A time as the artefact holds it: to the tenth of a minute (6 s). */
export const toTenthOfMinute = (minutes: number) => Math.round(minutes * 10) / 10;

/**
 * The times in tenths of a minute. The builds round them so (toTenthOfMinute) before anything
 * reads them, so that what the build computes from its times and what a reader decodes are the
 * same: a time not so rounded is an error, not rounded silently here.
 */
function tenthsOf(minutes: ArrayLike<number>): Uint16Array {
  const out = new Uint16Array(minutes.length);
  for (let i = 0; i < minutes.length; i++) {
    const m = minutes[i]!;
    const tenths = Math.round(m * 10);
    if (!(m >= 0 && m <= NETWORK_TIMES_MAX_MINUTES) || Math.abs(m * 10 - tenths) > 1e-6)
      throw new Error(
        `Temps du réseau : ${m} min n'est pas un temps au dixième de minute entre 0 et ${NETWORK_TIMES_MAX_MINUTES} min (ligne ${i + 1}).`,
      );
    out[i] = tenths;
  }
  return out;
}

/**
 * The artefact's bytes. The code columns are dictionary-encoded (utf8 values, 16-bit indices):
 * a reader sees utf8 columns. With the times in 16 bits too, a pair takes 6 bytes (the demo's car
 * times: 3.5 MB, 0.91 MB gzip; 7.0 MB, 1.66 MB gzip with the times as doubles).
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
      tenths: makeVector(tenthsOf(rows.minutes)),
    }),
    'stream',
  );
}

/**
 * A code column's values. Dictionary-encoded, as encodeNetworkTimes writes it: each index looked
 * up in the dictionary decoded once (about 3× faster than Arrow decoding each value, for the
 * demo's 580 000 pairs); any other column through Arrow.
 */
function codesOf(column: Vector): string[] {
  const out = new Array<string>(column.length);
  let k = 0;
  for (const data of column.data) {
    if (!data.dictionary) return Array.from(column.toArray() as Iterable<string>, String);
    const dictionary = Array.from(data.dictionary.toArray() as Iterable<string>, String);
    const indices = data.values as ArrayLike<number>;
    for (let i = 0; i < data.length; i++) out[k++] = dictionary[indices[i]!]!;
  }
  return out;
}

/** The rows of the file, by INSEE code. */
export function decodeNetworkTimes(bytes: Uint8Array): NetworkTimesRows {
  const table = tableFromIPC(bytes);
  const origin = table.getChild('origin');
  const destination = table.getChild('destination');
  const tenths = table.getChild('tenths');
  if (!origin || !destination || !tenths)
    throw new Error(
      'Temps du réseau illisibles : colonnes origin, destination, tenths attendues (fichier d’une version antérieure : reconstruire le jeu de données avec npm run data).',
    );
  return {
    origin: codesOf(origin),
    destination: codesOf(destination),
    minutes: Float64Array.from(tenths.toArray() as ArrayLike<number>, (t) => t / 10),
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
