/**
 * Loads a dataset's tables into DuckDB. The same function runs in the browser (bytes fetched from
 * the site) and in Node (bytes read from disk), so the tests load exactly what the app loads.
 */
import { DATASET_TABLES, type DatasetMeta, type DatasetTable } from '../domain/model.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { Db } from './db.ts';
import { networkTimesTable } from './queries/network-times.ts';
import {
  CREATE_COMMUNE_NEEDS_VIEW,
  CREATE_DATASET_INFO,
  CREATE_NEEDS_VIEW,
  CREATE_PUBLISHED_NEEDS_VIEW,
  CREATE_VIEWS,
  INSERT_DATASET_INFO,
} from './queries/schema.ts';

/** Reads one artefact of the dataset, by its file name. */
export type ReadArtefact = (fileName: string) => Promise<Uint8Array>;

export async function loadDatasetTables(
  db: Db,
  meta: DatasetMeta,
  read: ReadArtefact,
  onTable?: (table: DatasetTable, index: number, count: number) => void,
): Promise<void> {
  const tables = tablesOf(meta);
  const bytes = await Promise.all(tables.map(([, file]) => read(file)));
  for (const [i, [t]] of tables.entries()) {
    await db.insertArrow(t, bytes[i] as Uint8Array);
    onTable?.(t, i + 1, tables.length);
  }
  // Times on a real network, one table per travel mode (read by the reports).
  for (const [mode, m] of Object.entries(meta.networkTimes ?? {})) {
    await db.insertArrow(networkTimesTable(mode as TravelMode), await read(m.file));
  }
  await db.query(CREATE_DATASET_INFO);
  await db.query(INSERT_DATASET_INFO, [meta.departement.code, meta.departement.name]);
  for (const sql of CREATE_VIEWS) await db.query(sql);
  await db.query(CREATE_COMMUNE_NEEDS_VIEW);
  await db.query(meta.tables.published_needs ? CREATE_PUBLISHED_NEEDS_VIEW : CREATE_NEEDS_VIEW);
}

/** Tables of the dataset, in loading order, with their file. */
function tablesOf(meta: DatasetMeta): [DatasetTable, string][] {
  return DATASET_TABLES.flatMap((t): [DatasetTable, string][] => {
    const file = meta.tables[t];
    return file ? [[t, file]] : [];
  });
}
