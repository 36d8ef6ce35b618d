/**
 * What every headless report shares: loading a built dataset from public/data/ into Node DuckDB
 * (the same loader as the app), its need indicators, and writing CSV or JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from '../../src/data/db.ts';
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import type { DatasetEntry, DatasetMeta, NeedIndicator } from '../../src/domain/model.ts';
import { csvBlock, toCsv as writeCsv } from '../../src/domain/csv-export.ts';

export const DATA_DIR = resolve(import.meta.dirname, '..', '..', 'public', 'data');

export interface OpenDataset {
  db: Db;
  meta: DatasetMeta;
}

/** Opens a dataset built by `npm run data`, by its id. */
export async function openDataset(id: string, dataDir = DATA_DIR): Promise<OpenDataset> {
  const manifest = join(dataDir, 'datasets.json');
  if (!existsSync(manifest)) {
    throw new Error(`Aucun jeu de données dans ${dataDir} : lancez d'abord « npm run data ».`);
  }
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as DatasetEntry[];
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    throw new Error(
      `Jeu de données inconnu : ${id} (disponibles : ${entries.map((e) => e.id).join(', ')}).`,
    );
  }
  const dir = join(dataDir, entry.path);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as DatasetMeta;
  const db = await openNodeDb();
  await loadDatasetTables(db, meta, async (file) => new Uint8Array(readFileSync(join(dir, file))));
  return { db, meta };
}

/** The need indicator a report counts as beneficiaries, or a clear error. */
export function needIndicator(meta: DatasetMeta, needId: string): NeedIndicator {
  const indicator = meta.needIndicators.find((n) => n.id === needId);
  if (!indicator) {
    throw new Error(
      `Indicateur de besoin inconnu : ${needId} (disponibles : ${meta.needIndicators.map((n) => n.id).join(', ')}).`,
    );
  }
  return indicator;
}

/** Computes a report on a dataset, then closes it; the report as JSON or as its CSV. */
export async function reportOn<R>(
  datasetId: string,
  format: 'csv' | 'json',
  compute: (db: Db, meta: DatasetMeta) => Promise<R>,
  csv: (report: R) => string,
): Promise<string> {
  const { db, meta } = await openDataset(datasetId);
  try {
    const report = await compute(db, meta);
    return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : csv(report);
  } finally {
    await db.close();
  }
}

/** Rounds a figure for CSV (people can be fractions of a household once shares apply). */
export const round = (v: number | null, d = 2) =>
  v === null ? null : Math.round(v * 10 ** d) / 10 ** d;

/** A report table in the project's CSV dialect (src/domain/csv-export.ts), with `,`. */
export const toCsv = (header: string[], rows: (string | number | null | undefined)[][]): string =>
  writeCsv(header, rows);

/** A second table following the first in the same output (no second byte-order mark). */
export const toCsvBlock = (
  header: string[],
  rows: (string | number | null | undefined)[][],
): string => csvBlock(header, rows);
