/**
 * The snapshot of the first view's figures (src/data/first-figures.ts), computed at build time
 * with the queries the page runs, on DuckDB-WASM's Node build loaded with the dataset's own
 * artefacts. The page shows it at once and DuckDB-WASM starts in the background.
 */
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import {
  FIRST_FIGURES_FILE,
  computeFirstFigures,
  type FirstFigures,
} from '../../src/data/first-figures.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import { encodeTable } from '../../src/data/tables.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { DATASET_TABLES, type DatasetMeta, type DatasetTable } from '../../src/domain/model.ts';
import { tableRows } from './write-dataset.ts';

/** Reads one artefact, by file name; undefined when there is none of that name. */
export type ArtefactBytes = (fileName: string) => Uint8Array | undefined;

/** The snapshot of a dataset given by its meta and its artefacts. */
export async function firstFiguresOf(
  meta: DatasetMeta,
  read: ArtefactBytes,
): Promise<FirstFigures> {
  const db = await openNodeDb();
  try {
    await loadDatasetTables(db, meta, async (name) => {
      const bytes = read(name);
      if (!bytes) throw new Error(`Artefact absent : ${name}`);
      return bytes;
    });
    return await computeFirstFigures(db, meta);
  } finally {
    await db.close();
  }
}

export const firstFiguresBytes = (figures: FirstFigures) =>
  new TextEncoder().encode(JSON.stringify(figures) + '\n');

/**
 * Adds the snapshot to a dataset being built: its file among `files` (written beside the tables)
 * and its name in the meta. Runs last, once every table and every file of the other steps is
 * there.
 */
export async function firstFiguresStep(
  bundle: DatasetBundle,
  files: Map<string, Uint8Array>,
): Promise<void> {
  // The tables exactly as writeDataset encodes them; the geometry plays no part in the figures.
  const rows = tableRows(bundle);
  const tables: Partial<Record<DatasetTable, string>> = {};
  const encoded = new Map<string, Uint8Array>();
  for (const t of DATASET_TABLES) {
    const r = rows[t];
    if (!r) continue;
    tables[t] = `${t}.arrow`;
    encoded.set(`${t}.arrow`, encodeTable(t, r));
  }
  const meta: DatasetMeta = { ...bundle.meta, tables, bbox: [0, 0, 0, 0], topology: '' };
  const figures = await firstFiguresOf(meta, (f) => encoded.get(f) ?? files.get(f));
  files.set(FIRST_FIGURES_FILE, firstFiguresBytes(figures));
  bundle.meta.firstFigures = FIRST_FIGURES_FILE;
}
