/**
 * The dataset's times on a real network, as DuckDB holds them (one table per travel mode, loaded
 * by loadDatasetTables from DatasetMeta.networkTimes): what the headless reports read.
 */
import type { DatasetMeta, NetworkTimesMeta } from '../../domain/model.ts';
import type { TravelMode } from '../../domain/travel/model.ts';
import type { NetworkTimesByMode } from '../../domain/travel/network-model.ts';
import { assertIdentifier, type Db } from '../db.ts';

/** The table of a mode's network times. */
export const networkTimesTable = (mode: TravelMode) =>
  assertIdentifier(`network_times_${mode.replace('-', '_')}`);

export async function networkTimesFromDb(db: Db, meta: DatasetMeta): Promise<NetworkTimesByMode> {
  const out: NetworkTimesByMode = {};
  for (const [mode, m] of Object.entries(meta.networkTimes ?? {}) as [
    TravelMode,
    NetworkTimesMeta,
  ][]) {
    const rows = await db.query<{ origin: string; destination: string; minutes: number }>(
      `SELECT origin, destination, CAST(tenths AS DOUBLE) / 10 AS minutes FROM ${networkTimesTable(mode)}`,
    );
    out[mode] = {
      meta: m,
      source: meta.sources.find((s) => s.id === m.sourceId) ?? null,
      rows: {
        origin: rows.map((r) => r.origin),
        destination: rows.map((r) => r.destination),
        minutes: Float64Array.from(rows, (r) => r.minutes),
      },
    };
  }
  return out;
}
