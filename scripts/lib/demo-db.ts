/**
 * The demo dataset loaded into DuckDB in Node, from memory: what the browser loads, without
 * touching public/data. For tests and the report command.
 */
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import type { Db } from '../../src/data/db.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';
import { generateDemo } from '../demo/generate.ts';
import { datasetFiles } from './write-dataset.ts';

export interface LoadedDataset {
  db: Db;
  meta: DatasetMeta;
  files: Map<string, Uint8Array>;
}

export async function loadBundle(bundle: DatasetBundle): Promise<LoadedDataset> {
  const files = datasetFiles(bundle);
  const meta = JSON.parse(new TextDecoder().decode(files.get('meta.json'))) as DatasetMeta;
  const db = await openNodeDb();
  await loadDatasetTables(db, meta, async (name) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`Artefact absent : ${name}`);
    return bytes;
  });
  return { db, meta, files };
}

export const loadDemo = (): Promise<LoadedDataset> => loadBundle(generateDemo());
