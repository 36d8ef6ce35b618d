/**
 * Loads a dataset's tables into DuckDB. The same function runs in the browser (bytes fetched from
 * the site) and in Node (bytes read from disk), so the tests load exactly what the app loads.
 */
import { DATASET_TABLES, type DatasetMeta, type DatasetTable } from '../domain/model.ts';
import type { Db } from './db.ts';
import { CREATE_VIEWS } from './queries/schema.ts';

/** Reads one artefact of the dataset, by its file name. */
export type ReadArtefact = (fileName: string) => Promise<Uint8Array>;

export async function loadDatasetTables(
  db: Db,
  meta: DatasetMeta,
  read: ReadArtefact,
  onTable?: (table: DatasetTable, index: number, count: number) => void,
): Promise<void> {
  const bytes = await Promise.all(DATASET_TABLES.map((t) => read(meta.tables[t])));
  for (const [i, t] of DATASET_TABLES.entries()) {
    await db.insertArrow(t, bytes[i] as Uint8Array);
    onTable?.(t, i + 1, DATASET_TABLES.length);
  }
  for (const sql of CREATE_VIEWS) await db.query(sql);
}
