/**
 * Imported files kept in the browser (IndexedDB), so that what a user loaded survives a reload:
 * the parsed records and the validation report of each import, by dataset. The sites are kept as
 * Blobs of Arrow bytes, which IndexedDB stores and gives back as handles: neither saving nor
 * reading 300 000 sites copies them on the page. Nothing leaves the machine.
 */
import { tableFromIPC } from 'apache-arrow';
import type { ValidationReport } from '../domain/import/report.ts';
import { SiteCellGrid, type SiteCells } from '../domain/site-cells.ts';
import {
  addTallies,
  tallySiteChunk,
  tallySites,
  type CommuneTallies,
  type SiteTally,
} from './imported-first-figures.ts';
import type { ImportKind } from '../domain/import/user-import.ts';
import type {
  Membership,
  NeedIndicator,
  NeedValue,
  Scheme,
  Site,
  Source,
  Territory,
} from '../domain/model.ts';

/** The sites an import added (from `sites`, or the count of `siteChunks` or `sitesIpc`). */
export const siteCountOf = (r: StoredImport): number => r.siteCount ?? r.sites.length;

/**
 * Sites beyond which an import is large: its sites stay in the engine (every figure by territory
 * counts them) and are drawn by cells of 1 km, but the page never makes one object of each (300 000
 * of them held the page for seconds and the software renderer for tens of seconds), so the tools
 * that work site by site do not see them. A département's own offer file has a few thousand.
 */
export const LARGE_IMPORT_SITES = 10_000;

/** Whether an import is large (LARGE_IMPORT_SITES), its sites kept as Arrow bytes only. */
export const isLargeImport = (r: StoredImport): boolean =>
  r.sites.length === 0 && siteCountOf(r) > LARGE_IMPORT_SITES;

/**
 * The cells of an import's sites, read from its Arrow bytes a chunk at a time: each chunk's
 * positions are two columns read in place, counted in a few milliseconds.
 */
export async function siteCellsOf(r: StoredImport): Promise<SiteCells> {
  const grid = new SiteCellGrid();
  const add = (bytes: Uint8Array) => {
    const table = tableFromIPC(bytes);
    const column = (name: string): ArrayLike<number> => {
      const c = table.getChild(name);
      if (!c) return [];
      // A null position (none is written today) is no position, not (0, 0).
      return c.nullCount > 0 ? Array.from(c, (v: number | null) => v ?? NaN) : c.toArray();
    };
    grid.add(column('lon'), column('lat'));
  };
  for (const chunk of r.siteChunks ?? []) add(new Uint8Array(await chunk.arrayBuffer()));
  if (r.sitesIpc) add(r.sitesIpc);
  return grid.cells();
}

export interface StoredImport {
  id: string;
  datasetId: string;
  kind: ImportKind;
  fileName: string;
  /** ISO date and time of the import. */
  importedAt: string;
  /** The format recognised ("Modèle de fichier d'offre", "Liste des France Services"…). */
  formatLabel: string;
  source: Source;
  sites: Site[];
  scheme: Scheme | null;
  territories: Territory[];
  memberships: Membership[];
  /** Beneficiaries by commune and their indicator (absent from imports stored before them). */
  needs?: NeedValue[];
  needIndicator?: NeedIndicator | null;
  report: ValidationReport;
  /**
   * The sites as Arrow IPC streams in Blobs, encoded by the import worker: applied to the engine
   * chunk by chunk, at the import and at every reload, without encoding the sites again on the
   * page.
   */
  siteChunks?: Blob[];
  /** The sites as one Arrow IPC stream, as imports stored before `siteChunks` keep them. */
  sitesIpc?: Uint8Array;
  /** Number of sites, when `sites` is left empty because they are in `siteChunks`. */
  siteCount?: number;
  /** What the sites add to each commune's figures (imported-first-figures.ts), by commune. */
  siteTallies?: [string, SiteTally][];
  /** The sites by cells, for a large import (absent from those stored before). */
  siteCells?: SiteCells | null;
}

/**
 * What the sites of these imports add to each commune's figures: stored with each import by the
 * import worker, or counted from its sites (imports stored before the tallies).
 */
export async function siteTalliesOf(records: readonly StoredImport[]): Promise<CommuneTallies> {
  const tallies: CommuneTallies = new Map();
  for (const r of records) {
    if (r.siteTallies) {
      addTallies(tallies, r.siteTallies);
      continue;
    }
    tallySites(tallies, r.sites);
    for (const chunk of r.siteChunks ?? [])
      tallySiteChunk(tallies, new Uint8Array(await chunk.arrayBuffer()));
    if (r.sitesIpc) tallySiteChunk(tallies, r.sitesIpc);
  }
  return tallies;
}

const DB_NAME = 'carte-offre-insertion';
const STORE = 'imports';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('datasetId', 'datasetId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB indisponible'));
  });
}

function run<T>(mode: IDBTransactionMode, f: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = f(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('Écriture impossible dans le stockage du navigateur'));
        };
      }),
  );
}

export async function listStoredImports(datasetId: string): Promise<StoredImport[]> {
  const all = await run<StoredImport[]>('readonly', (s) =>
    s.index('datasetId').getAll(IDBKeyRange.only(datasetId)),
  );
  return all.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
}

export async function saveStoredImport(record: StoredImport): Promise<void> {
  // $state proxies cannot be cloned into IndexedDB: the records are plain values, built by the
  // import (the worker's outcome), never taken from reactive state. The Blobs stay Blobs.
  await run('readwrite', (s) => s.put(record));
}

export async function deleteStoredImport(id: string): Promise<void> {
  await run('readwrite', (s) => s.delete(id));
}
