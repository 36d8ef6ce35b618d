/**
 * One import of a file in the app, from its bytes to what the dataset gains: read, parsed and
 * checked by the same code as the build's (user-import.ts). Runs in the import worker
 * (import.worker.ts), off the page's thread, or inline where workers are not available; either
 * way the outcome is a plain value that crosses `postMessage`.
 */
import { messageOf } from '../domain/errors.ts';
import { LARGE_IMPORT_SITES } from '../data/import-storage.ts';
import { tallySites, type CommuneTallies, type SiteTally } from '../data/imported-first-figures.ts';
import { encodeTable, siteToRow } from '../data/tables.ts';
import { readDataInclusionStructures } from '../domain/import/offer.ts';
import { ImportRefused, type ValidationReport } from '../domain/import/report.ts';
import { FileRefused, type RefusalCode } from '../domain/import/refusal.ts';
import { readTable, type ByteChunks, type TableInput } from '../domain/import/table.ts';
import {
  importNeeds,
  importOffer,
  importTerritories,
  userImportContext,
  type DatasetForImport,
  type ImportContent,
  type ImportKind,
} from '../domain/import/user-import.ts';
import type { Site } from '../domain/model.ts';
import { SiteCellGrid, type SiteCells } from '../domain/site-cells.ts';

export interface ImportJob {
  kind: ImportKind;
  fileName: string;
  /** Import id: the source, scheme and site ids derive from it. */
  id: string;
  /** Name of the scheme of a territory file. */
  schemeLabel: string;
  /**
   * With a data·inclusion services file: the structures file its services refer to, whose
   * réseaux porteurs give the kinds of the sites (small: read whole).
   */
  structures?: { fileName: string; bytes: Uint8Array } | null;
}

/** Rows read and bytes read so far, of `totalBytes`. */
export interface ImportProgress {
  rows: number;
  bytes: number;
  totalBytes: number;
}

export type ImportOutcome =
  | {
      type: 'done';
      /** The content, its sites left out: they are in `siteChunks`. */
      content: ImportContent;
      /**
       * The sites as Arrow IPC streams of at most `SITES_PER_CHUNK` sites each, in Blobs: a Blob
       * crosses `postMessage` and goes into IndexedDB as a handle, never copied on the page, and
       * each chunk reaches the engine in one small message.
       */
      siteChunks: Blob[];
      siteCount: number;
      /** What the sites add to each commune's figures, for a reload's first figures. */
      siteTallies: [string, SiteTally][];
      /** The sites by cells, for the map, when the import is large (isLargeImport). */
      siteCells: SiteCells | null;
    }
  | { type: 'refused'; code: RefusalCode; message: string; report: ValidationReport | null }
  | { type: 'failed'; message: string };

/** Progress is told at most this often (rows), so that telling it costs nothing. */
const PROGRESS_ROWS = 5000;

/** Sites per Arrow chunk: about 5 MB, copied to the engine's worker in a few milliseconds. */
export const SITES_PER_CHUNK = 20_000;

/** Runs an import over a file's chunks; never throws, the outcome says what happened. */
export function runImportJob(
  job: ImportJob,
  dataset: DatasetForImport,
  chunks: ByteChunks,
  totalBytes: number,
  onProgress: (p: ImportProgress) => void = () => {},
): ImportOutcome {
  const progress: ImportProgress = { rows: 0, bytes: 0, totalBytes };
  try {
    const table = readTable(chunks, job.fileName, {
      onBytes: (bytes) => {
        progress.bytes = bytes;
      },
    });
    const counted: TableInput = {
      ...table,
      records: countRows(table.records, progress, onProgress),
    };
    const ctx = userImportContext(dataset);
    const structures = job.structures
      ? readDataInclusionStructures(readTable([job.structures.bytes], job.structures.fileName))
      : undefined;
    const content =
      job.kind === 'offer'
        ? importOffer(counted, ctx, job.id, job.fileName, structures)
        : job.kind === 'needs'
          ? importNeeds(counted, ctx, job.id, job.fileName)
          : importTerritories(counted, ctx, job.id, job.fileName, job.schemeLabel);
    onProgress({ ...progress, bytes: totalBytes });
    // Encoded here, off the page: a few seconds for 300 000 sites.
    // The page gets the bytes only (cheap to hand over and to store), never 300 000 objects: it
    // reads the sites back from the engine with the dataset's own.
    const siteCount = content.sites.length;
    const siteChunks: Blob[] = [];
    for (let i = 0; i < siteCount; i += SITES_PER_CHUNK) {
      const rows = content.sites.slice(i, i + SITES_PER_CHUNK).map(siteToRow);
      siteChunks.push(new Blob([encodeTable('sites', rows) as Uint8Array<ArrayBuffer>]));
    }
    const tallies: CommuneTallies = new Map();
    tallySites(tallies, content.sites);
    return {
      type: 'done',
      content: { ...content, sites: [] },
      siteChunks,
      siteCount,
      siteTallies: [...tallies],
      siteCells: siteCount > LARGE_IMPORT_SITES ? cellsOf(content.sites) : null,
    };
  } catch (e) {
    if (e instanceof ImportRefused)
      return { type: 'refused', code: e.code, message: e.message, report: e.report };
    if (e instanceof FileRefused)
      return { type: 'refused', code: e.code, message: e.message, report: null };
    return { type: 'failed', message: messageOf(e) };
  }
}

function cellsOf(sites: readonly Site[]): SiteCells {
  const grid = new SiteCellGrid();
  grid.add(
    Float64Array.from(sites, (s) => s.lon),
    Float64Array.from(sites, (s) => s.lat),
  );
  return grid.cells();
}

function* countRows(
  records: TableInput['records'],
  progress: ImportProgress,
  onProgress: (p: ImportProgress) => void,
): Generator<TableInput['records'] extends Iterable<infer R> ? R : never> {
  for (const r of records) {
    progress.rows++;
    if (progress.rows % PROGRESS_ROWS === 0) onProgress({ ...progress });
    yield r;
  }
}

/** The outcome as what the store throws or keeps: the content, or the refusal with its report. */
export function contentOf(
  outcome: ImportOutcome,
): ImportContent & Omit<Extract<ImportOutcome, { type: 'done' }>, 'type' | 'content'> {
  if (outcome.type === 'done') {
    const { type: _, content, ...sites } = outcome;
    return { ...content, ...sites };
  }
  if (outcome.type === 'refused') {
    if (outcome.report)
      throw new ImportRefused({ code: outcome.code, message: outcome.message }, outcome.report);
    throw new FileRefused(outcome.code, outcome.message);
  }
  throw new Error(outcome.message);
}
