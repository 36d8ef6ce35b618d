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
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';
import { encodeTables, tableFiles } from './write-dataset.ts';

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
 * there; `tables` are the tables as `writeDataset` writes them (encoded once, for both).
 */
export async function firstFiguresStep(
  bundle: DatasetBundle,
  files: Map<string, Uint8Array>,
  tables: ReadonlyMap<string, Uint8Array> = encodeTables(bundle),
): Promise<void> {
  // The geometry plays no part in the figures.
  const meta: DatasetMeta = {
    ...bundle.meta,
    tables: tableFiles(tables),
    bbox: [0, 0, 0, 0],
    topology: '',
  };
  const figures = await firstFiguresOf(meta, (f) => tables.get(f) ?? files.get(f));
  files.set(FIRST_FIGURES_FILE, firstFiguresBytes(figures));
  bundle.meta.firstFigures = FIRST_FIGURES_FILE;
}
