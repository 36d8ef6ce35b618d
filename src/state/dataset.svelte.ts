/**
 * The dataset being shown: its list, its geometry (drawn at once), and its tables in DuckDB-WASM
 * (started after the first paint). Loading goes through explicit phases the UI can show.
 */
import { messageOf } from '../domain/errors.ts';
import type { Topology } from 'topojson-specification';
import {
  artefactReader,
  fetchFirstFigures,
  fetchJson,
  fetchManifest,
  fetchMeta,
} from '../data/artefacts.ts';
import type { FirstFigures } from '../data/first-figures.ts';
import type { Db } from '../data/db.ts';
import type { TableSource } from '../data/inputs.ts';
import { loadDatasetTables, type ReadArtefact } from '../data/load-dataset.ts';
import { LocalTables } from '../data/local-tables.ts';
import { loadNetworkTimes } from '../data/network-times.ts';
import { USER_SURVEY_SOURCE } from '../domain/gaps/barrier-edits.ts';
import type { Commune, DatasetEntry, DatasetMeta, Site, Source } from '../domain/model.ts';
import { readGeometry, type CommuneGeometry } from '../data/geometry.ts';
import type { NetworkTimesByMode } from '../domain/travel/network-model.ts';

export type LoadStatus =
  | { phase: 'idle' }
  | { phase: 'geometry' }
  | { phase: 'engine'; loaded: number; total: number }
  | { phase: 'tables'; done: number; count: number }
  | { phase: 'ready' }
  | { phase: 'error'; message: string; detail: string };

export type OpenDb = (onProgress: (p: { loaded: number; total: number }) => void) => Promise<Db>;

/** Starts reading every file now; the returned reader hands out the pending answers. */
function prefetch(read: ReadArtefact, files: string[]): ReadArtefact {
  const pending = new Map(files.map((f) => [f, read(f)]));
  // A failure is reported when the file is asked for, not as an unhandled rejection.
  for (const p of pending.values()) p.catch(() => {});
  return (f) => pending.get(f) ?? read(f);
}

/** Resolves once the browser has painted the state set before the call. */
function afterNextPaint(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

export class DatasetStore {
  entries = $state.raw<DatasetEntry[]>([]);
  entry = $state.raw<DatasetEntry | null>(null);
  meta = $state.raw<DatasetMeta | null>(null);
  geometry = $state.raw<CommuneGeometry | null>(null);
  status = $state.raw<LoadStatus>({ phase: 'idle' });
  communes = $state.raw<Commune[]>([]);
  sites = $state.raw<Site[]>([]);
  sources = $state.raw<Source[]>([]);
  /** Times the dataset computed on a real network, by travel mode (DatasetMeta.networkTimes). */
  networkTimes = $state.raw<NetworkTimesByMode>({});
  /** The build's snapshot of the first view's figures, shown until the tables are in DuckDB. */
  firstFigures = $state.raw<FirstFigures | null>(null);
  /** Bumped each time the tables change, so that queries depending on them run again. */
  revision = $state(0);
  db = $state.raw<Db | null>(null);
  /** The dataset's own tables decoded in the page, and the revision they are. */
  #local = $state.raw<{ tables: LocalTables; revision: number } | null>(null);

  #openDb: OpenDb;
  #dbPromise: Promise<Db> | null = null;
  #request = 0;

  constructor(openDb: OpenDb) {
    this.#openDb = openDb;
  }

  #engineProgress = { loaded: 0, total: 0 };

  /** Starts DuckDB once; later calls get the same promise. */
  #startEngine(): Promise<Db> {
    this.#dbPromise ??= this.#openDb((p) => {
      this.#engineProgress = p;
      if (this.status.phase === 'engine') this.status = { phase: 'engine', ...p };
    });
    // A failed start is reported by `open`; this keeps it from being an unhandled rejection.
    this.#dbPromise.catch(() => {});
    return this.#dbPromise;
  }

  get ready(): boolean {
    return this.status.phase === 'ready';
  }

  /**
   * The tables decoded in the page, while they are the tables of the figures: from before DuckDB
   * has started until an import changes them (DuckDB alone holds what was imported).
   */
  get localTables(): LocalTables | null {
    const local = this.#local;
    return local && local.revision === this.revision ? local.tables : null;
  }

  /**
   * The dataset's tables can be read, decoded in the page or in DuckDB: the figures of every mode
   * can be computed (what only DuckDB answers still waits for `ready`).
   */
  get tablesReady(): boolean {
    return this.localTables !== null || this.ready;
  }

  /** Where the tables are read now: the decoded tables, else DuckDB once ready. */
  get tableSource(): TableSource | null {
    return this.localTables ?? (this.ready ? this.db : null);
  }

  /**
   * Every source by id: those of the tables, then those the dataset's description adds, then
   * those the user brings in the app (shares entered from a survey of the département's own).
   */
  readonly sourceMap = $derived.by((): ReadonlyMap<string, Source> => {
    const out = new Map<string, Source>([[USER_SURVEY_SOURCE.id, USER_SURVEY_SOURCE]]);
    for (const s of this.meta?.sources ?? []) out.set(s.id, s);
    for (const s of this.sources) out.set(s.id, s);
    return out;
  });

  sourceById(id: string): Source | undefined {
    return this.sourceMap.get(id);
  }

  /** Opens a dataset (the requested one if listed, else the first). */
  async open(requestedId: string | null): Promise<void> {
    const request = ++this.#request;
    const stale = () => request !== this.#request;
    try {
      this.status = { phase: 'geometry' };
      this.#local = null;
      if (this.entries.length === 0) this.entries = await fetchManifest();
      const entry = this.entries.find((e) => e.id === requestedId) ?? this.entries[0];
      if (!entry) throw new Error('Aucun jeu de données : lancez « npm run data ».');
      const meta = await fetchMeta(entry);
      // The tables download while the geometry is read and the engine compiles.
      const read = prefetch(artefactReader(entry), [
        ...Object.values(meta.tables),
        ...Object.values(meta.networkTimes ?? {}).map((n) => n.file),
      ]);
      const [topology, firstFigures] = await Promise.all([
        fetchJson<Topology>(`${entry.path}/${meta.topology}`),
        fetchFirstFigures(entry, meta),
      ]);
      if (stale()) return;
      this.entry = entry;
      this.meta = meta;
      this.firstFigures = firstFigures;
      this.geometry = readGeometry(topology);
      // The engine starts once the first figures are painted: compiling its 34 MB of wasm on a
      // machine of two cores would otherwise take the time of the page's first frame. It is
      // needed only for what the decoded tables do not answer (imports, the table of sites).
      void afterNextPaint().then(() => this.#startEngine());

      // The lists and the first figures of every mode come from the tables decoded here, before
      // DuckDB is handed their bytes (its worker takes them); DuckDB answers what follows.
      const [local, networkTimes] = await Promise.all([
        LocalTables.read(meta, read),
        loadNetworkTimes(meta, read),
      ]);
      if (stale()) return;
      this.networkTimes = networkTimes;
      this.communes = local.communes;
      this.sites = local.sites;
      this.sources = local.sources;
      this.revision++;
      this.#local = { tables: local, revision: this.revision };

      if (!this.db) this.status = { phase: 'engine', ...this.#engineProgress };
      let db: Db;
      try {
        db = await this.#startEngine();
      } catch (e) {
        // Let a later attempt start the engine again.
        this.#dbPromise = null;
        throw e;
      }
      if (stale()) return;
      this.status = { phase: 'tables', done: 0, count: 1 };
      await loadDatasetTables(db, meta, read, (_, done, count) => {
        if (!stale()) this.status = { phase: 'tables', done, count };
      });
      if (stale()) return;
      // The tables in DuckDB are those decoded above: the revision stays, no figure is asked again.
      this.db = db;
      this.status = { phase: 'ready' };
      performance.mark('app:db-ready');
    } catch (e) {
      if (stale()) return;
      this.status = {
        phase: 'error',
        message: messageOf(e),
        detail: e instanceof Error && e.stack ? e.stack : '',
      };
    }
  }
}
