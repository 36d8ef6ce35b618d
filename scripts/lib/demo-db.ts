/**
 * The demo dataset loaded into DuckDB in Node, from memory: what the browser loads, without
 * touching public/data. For tests and the report command.
 */
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import type { Db } from '../../src/data/db.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';
import { buildDemoWithNetworks } from '../demo/with-networks.ts';
import { datasetFiles } from './write-dataset.ts';

export interface LoadedDataset {
  db: Db;
  meta: DatasetMeta;
  files: Map<string, Uint8Array>;
}

/** Loads a bundle, with the files its steps wrote themselves (network times). */
export async function loadBundle(
  bundle: DatasetBundle,
  extra: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<LoadedDataset> {
  return loadFiles(new Map([...datasetFiles(bundle), ...extra]));
}

/** Loads a dataset given as its artefacts (file name → bytes), as the page loads them. */
export async function loadFiles(files: Map<string, Uint8Array>): Promise<LoadedDataset> {
  const meta = JSON.parse(new TextDecoder().decode(files.get('meta.json'))) as DatasetMeta;
  const db = await openNodeDb();
  await loadDatasetTables(db, meta, async (name) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`Artefact absent : ${name}`);
    return bytes;
  });
  return { db, meta, files };
}

/** The demo as `npm run data` builds it, its road and public transport times included. */
export async function loadDemo(): Promise<LoadedDataset> {
  const demo = await buildDemoWithNetworks();
  return loadBundle(demo.bundle, demo.files);
}
