/**
 * The artefact of travel times computed on a real network (DatasetMeta.networkTimes): an Arrow
 * IPC file with columns origin (utf8 INSEE code), destination (utf8) and minutes (float64). The
 * build encodes it, the app and the reports decode it.
 */
import { Float64, Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { DatasetMeta, NetworkTimesMeta, Source } from '../domain/model.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { NetworkTimesByMode } from '../domain/travel/network-model.ts';
import type { ReadArtefact } from './load-dataset.ts';

export interface NetworkTimesRows {
  origin: readonly string[];
  destination: readonly string[];
  minutes: ArrayLike<number>;
}

export function encodeNetworkTimes(rows: NetworkTimesRows): Uint8Array {
  return tableToIPC(
    new Table({
      origin: vectorFromArray(rows.origin as string[], new Utf8()),
      destination: vectorFromArray(rows.destination as string[], new Utf8()),
      minutes: vectorFromArray(Array.from(rows.minutes), new Float64()),
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
  sources: readonly Source[] = meta.sources,
): Promise<NetworkTimesByMode> {
  const out: NetworkTimesByMode = {};
  for (const [mode, m] of Object.entries(meta.networkTimes ?? {}) as [
    TravelMode,
    NetworkTimesMeta,
  ][]) {
    out[mode] = {
      meta: m,
      source: sources.find((s) => s.id === m.sourceId) ?? null,
      rows: decodeNetworkTimes(await read(m.file)),
    };
  }
  return out;
}
