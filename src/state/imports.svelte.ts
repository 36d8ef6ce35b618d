/**
 * The imports of the current dataset: files dropped in the app, read by the same parsers as the
 * build (src/domain/import), applied to DuckDB, kept in IndexedDB and applied again whenever the
 * dataset is loaded. Also the build's own validation reports (reports.json), when the dataset has
 * them.
 */
import { messageOf } from '../domain/errors.ts';
import { fetchJson } from '../data/artefacts.ts';
import type { Db } from '../data/db.ts';
import {
  deleteStoredImport,
  isLargeImport,
  listStoredImports,
  saveStoredImport,
  siteCellsOf,
  siteTalliesOf,
  type StoredImport,
} from '../data/import-storage.ts';
import type { FirstFigures } from '../data/first-figures.ts';
import { withImportedSites } from '../data/imported-first-figures.ts';
import { applyImport, listEpcis, removeImport } from '../data/queries/imports.ts';
import { listSites, listSources } from '../data/queries/sites.ts';
import { ImportRefused, type ValidationReport } from '../domain/import/report.ts';
import type { DatasetForImport } from '../domain/import/user-import.ts';
import type { DatasetMeta, Site, Source } from '../domain/model.ts';
import type { SiteCells } from '../domain/site-cells.ts';
import type { DatasetStore } from './dataset.svelte.ts';
import { contentOf, type ImportJob, type ImportProgress } from './import-job.ts';
import { ImportRunner } from './import-runner.ts';

/**
 * What the report view shows: an import of the user, an input of the build, or the last file
 * refused (kept in memory only, so that its report says why; never stored nor applied).
 */
export type ReportChoice =
  { kind: 'import'; id: string } | { kind: 'build'; index: number } | { kind: 'refused' };

export class ImportStore {
  imports = $state.raw<StoredImport[]>([]);
  buildReports = $state.raw<ValidationReport[]>([]);
  busy = $state(false);
  error = $state<string | null>(null);
  shown = $state.raw<ReportChoice | null>(null);
  /** The report of the last file refused because it kept no row. */
  refused = $state.raw<ValidationReport | null>(null);
  /** Rows and bytes read of the file being imported, while it is. */
  progress = $state.raw<ImportProgress | null>(null);
  /**
   * The stored imports being applied again after a load: until they are, the figures on screen
   * are the dataset's own (or the snapshot counting their sites, `previewed`), and the page says
   * so.
   */
  reloading = $state.raw<StoredImport[]>([]);
  /**
   * The sites of every large import (isLargeImport) counted by cells, by import id: the map
   * draws them so, the page's list of sites leaves them out.
   */
  cells = $state.raw<ReadonlyMap<string, SiteCells>>(new Map());
  /**
   * The stored imports whose sites the figures on screen count already (from the build's snapshot
   * with them added, `preview`), while the engine takes them in: its own figures would not count
   * them yet, so they wait until it has.
   */
  previewed = $state.raw<StoredImport[]>([]);

  #data: DatasetStore;
  /** Metas already brought up to date with the stored imports (a fresh load has a new meta). */
  #synced = new WeakSet<DatasetMeta>();
  #queue: Promise<unknown> = Promise.resolve();
  #runner = new ImportRunner();
  /** The dataset's own default need indicator, which an imported one stands in for. */
  #datasetNeed = '';
  /** The snapshot `preview` made, so that it is not made again from itself. */
  #previewedFigures: FirstFigures | null = null;
  #datasetCache: {
    communes: unknown;
    geometry: unknown;
    value: Omit<DatasetForImport, 'epcis'>;
  } | null = null;

  constructor(data: DatasetStore) {
    this.#data = data;
  }

  get shownReport(): { report: ValidationReport; record: StoredImport | null } | null {
    const s = this.shown;
    if (!s) return null;
    if (s.kind === 'refused') return this.refused ? { report: this.refused, record: null } : null;
    if (s.kind === 'build') {
      const report = this.buildReports[s.index];
      return report ? { report, record: null } : null;
    }
    const record = this.imports.find((i) => i.id === s.id);
    return record ? { report: record.report, record } : null;
  }

  /**
   * The sites of the import whose report is shown, for the map to ring them: its own list, or,
   * for an import stored compactly (its sites as Arrow bytes), the sites of its source that the
   * engine gave back with the dataset's.
   */
  get shownSites(): Site[] {
    const record = this.shownReport?.record;
    if (!record || isLargeImport(record)) return [];
    if (record.sites.length > 0 || (!record.siteChunks && !record.sitesIpc)) return record.sites;
    return this.#data.sites.filter((s) => s.sourceId === record.source.id);
  }

  /** The cells of the large import whose report is shown, for the map to ring them. */
  get shownCells(): SiteCells | null {
    const record = this.shownReport?.record;
    return record ? (this.cells.get(record.id) ?? null) : null;
  }

  /** The large imports (isLargeImport): the tools that work site by site leave them out. */
  get large(): StoredImport[] {
    return this.imports.filter(isLargeImport);
  }

  /** Serialises the operations: an import never runs while the previous one is applied. */
  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => {});
    return next;
  }

  /**
   * Before the engine has started: the build's snapshot of the figures with the sites of the
   * stored imports added (imported-first-figures.ts), from the tallies stored with them (or their
   * Arrow chunks, a chunk at a time, for imports stored before the tallies), so that a reload
   * shows figures counting them within seconds. Only when every stored
   * import is an offer file: a territory or beneficiaries file changes more than sites, and its
   * figures wait for the engine.
   */
  preview(): Promise<void> {
    return this.#enqueue(async () => {
      const data = this.#data;
      const { entry, firstFigures, geometry } = data;
      if (!entry || !firstFigures || !geometry || data.ready) return;
      if (this.#previewedFigures === firstFigures) return;
      const stored = await listStoredImports(entry.id).catch(() => []);
      if (stored.length === 0 || stored.some((r) => r.kind !== 'offer')) return;
      const tallies = await siteTalliesOf(stored);
      // The engine came first, or another dataset was opened: the figures are its own.
      if (data.ready || data.firstFigures !== firstFigures) return;
      const communes = new Set(geometry.features.map((f) => f.id));
      const figures = withImportedSites(firstFigures, tallies, communes);
      this.#previewedFigures = figures;
      data.firstFigures = figures;
      this.previewed = stored;
      this.reloading = stored;
    });
  }

  /**
   * Whether the figures of this scheme and need are those of the snapshot counting the stored
   * imports (`preview`) while the engine takes them in: until it has, its own would not count
   * them, and the snapshot's stay on screen.
   */
  countsInSnapshot(schemeId: string, needId: string): boolean {
    const snapshot = this.#data.firstFigures;
    return (
      this.previewed.length > 0 &&
      snapshot !== null &&
      snapshot.views.some((v) => v.schemeId === schemeId && v.needId === needId)
    );
  }

  /** After a dataset has loaded: apply its stored imports, fetch its build reports. */
  sync(): Promise<void> {
    return this.#enqueue(async () => {
      const { db, meta, entry } = this.#data;
      if (!db || !meta || !entry || this.#synced.has(meta)) return;
      this.#synced.add(meta);
      try {
        this.buildReports = meta.reports
          ? await fetchJson<ValidationReport[]>(`${entry.path}/${meta.reports}`)
          : [];
      } catch {
        this.buildReports = [];
      }
      let stored: StoredImport[] = [];
      try {
        stored = await listStoredImports(entry.id);
      } catch (e) {
        this.error = `Les imports enregistrés n'ont pas pu être relus : ${messageOf(e)}`;
      }
      this.reloading = stored;
      try {
        for (const r of stored) await applyImport(db, r);
        this.imports = stored;
        const shown = this.shown;
        if (shown?.kind === 'import' && !stored.some((r) => r.id === shown.id)) this.shown = null;
        // Nothing stored: the tables are the dataset's own, and every figure already shown stays.
        if (stored.length > 0) await this.#refresh(db, stored);
      } finally {
        this.reloading = [];
        this.previewed = [];
      }
    });
  }

  /**
   * An offer file; with `structures`, a data·inclusion services file is read with the structures
   * its services refer to (their networks give the sites' kinds).
   */
  async importOffer(file: File, structures: File | null = null): Promise<void> {
    const withStructures = structures
      ? { fileName: structures.name, bytes: new Uint8Array(await structures.arrayBuffer()) }
      : null;
    return this.#run(file, { kind: 'offer', schemeLabel: '', structures: withStructures });
  }

  importTerritories(file: File, schemeLabel: string): Promise<void> {
    return this.#run(file, { kind: 'territories', schemeLabel });
  }

  /** A beneficiaries file (CAF): its indicator becomes the one in use once it is accepted. */
  importNeeds(file: File): Promise<void> {
    return this.#run(file, { kind: 'needs', schemeLabel: '' });
  }

  /** Gets the import worker ready for the current dataset (when the import tools open). */
  prepare(): void {
    const meta = this.#data.meta;
    if (meta && this.#data.communes.length > 0) this.#runner.prepare(this.#dataset(meta));
  }

  /** Stops the file being read: nothing of it is imported. */
  cancel(): void {
    this.#runner.cancel();
  }

  remove(id: string): Promise<void> {
    return this.#enqueue(async () => {
      const db = this.#data.db;
      const record = this.imports.find((i) => i.id === id);
      if (!db || !record) return;
      this.busy = true;
      try {
        await removeImport(db, record.source.id, record.scheme?.id ?? null);
        await deleteStoredImport(id);
        const rest = this.imports.filter((i) => i.id !== id);
        this.imports = rest;
        if (this.shown?.kind === 'import' && this.shown.id === id) this.shown = null;
        await this.#refresh(db, rest);
      } catch (e) {
        this.error = `La suppression a échoué : ${messageOf(e)}`;
      } finally {
        this.busy = false;
      }
    });
  }

  /** The dataset as the import worker needs it; the same object while the dataset is the same. */
  #dataset(meta: DatasetMeta): Omit<DatasetForImport, 'epcis'> {
    const data = this.#data;
    const last = this.#datasetCache;
    if (last && last.communes === data.communes && last.geometry === data.geometry)
      return last.value;
    const value = {
      dep: meta.departement.code,
      bbox: meta.bbox,
      communes: data.communes,
      formers: meta.formerCommunes,
      polygons: (data.geometry?.features ?? []).map((f) => ({ code: f.id, geometry: f.geometry })),
    };
    this.#datasetCache = { communes: data.communes, geometry: data.geometry, value };
    return value;
  }

  #run(file: File, what: Pick<ImportJob, 'kind' | 'schemeLabel' | 'structures'>): Promise<void> {
    return this.#enqueue(async () => {
      const { db, meta, entry } = this.#data;
      if (!db || !meta || !entry) {
        this.error = "Le moteur d'analyse n'est pas encore prêt : réessayez dans un instant.";
        return;
      }
      this.busy = true;
      this.error = null;
      this.progress = { rows: 0, bytes: 0, totalBytes: file.size };
      try {
        const now = new Date();
        const id = `import-${now.getTime().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
        const source: Source = {
          id,
          producer: 'Fichier importé dans le navigateur',
          title: file.name,
          licence: 'fichier local',
          millesime: `importé le ${now.toLocaleDateString('fr-FR')}`,
          url: '',
          note: '',
        };
        const epcis = what.kind === 'territories' ? await listEpcis(db) : [];
        const outcome = await this.#runner.run(
          { ...what, fileName: file.name, id },
          file,
          this.#dataset(meta),
          epcis,
          (p) => (this.progress = p),
        );
        this.progress = null;
        if (outcome.type === 'cancelled') {
          this.error = `Import de « ${file.name} » annulé : rien n'a été modifié.`;
          return;
        }
        const { sourceNote, millesime, ...content } = contentOf(outcome);
        const record: StoredImport = {
          id,
          datasetId: entry.id,
          fileName: file.name,
          importedAt: now.toISOString(),
          ...content,
          source: {
            ...source,
            note: sourceNote,
            millesime: millesime ? `${millesime} (${source.millesime})` : source.millesime,
          },
        };
        await applyImport(db, record);
        // Saved after it applied: a file that breaks the engine is not brought back at every load.
        await saveStoredImport(record);
        const all = [...this.imports, record];
        this.imports = all;
        this.shown = { kind: 'import', id };
        await this.#refresh(db, all);
      } catch (e) {
        this.error = `Le fichier « ${file.name} » n'a pas pu être importé : ${messageOf(e)}. Rien n'a été modifié.`;
        if (e instanceof ImportRefused) {
          this.refused = e.report;
          this.shown = { kind: 'refused' };
        } else if (this.shown?.kind === 'refused') this.shown = null;
      } finally {
        this.busy = false;
        this.progress = null;
      }
    });
  }

  /** The app's lists and the dataset's schemes, after the tables changed. */
  async #refresh(db: Db, imports: readonly StoredImport[]): Promise<void> {
    const data = this.#data;
    const meta = data.meta;
    if (!meta) return;
    const large = imports.filter(isLargeImport);
    const cells = new Map<string, SiteCells>();
    for (const r of large)
      cells.set(r.id, r.siteCells ?? this.cells.get(r.id) ?? (await siteCellsOf(r)));
    const [sites, sources] = await Promise.all([
      listSites(
        db,
        large.map((r) => r.source.id),
      ),
      listSources(db),
    ]);
    this.cells = cells;
    const base = meta.schemes.filter((s) => !s.id.startsWith('import-'));
    const extra = imports.flatMap((i) => (i.scheme ? [i.scheme] : []));
    // An imported beneficiaries file stands for the beneficiaries, the last one imported first;
    // when none is left, the dataset's own default comes back.
    const needs = imports.flatMap((i) => (i.needIndicator ? [i.needIndicator] : []));
    if (!isImported(meta.defaultNeed)) this.#datasetNeed = meta.defaultNeed;
    const next: DatasetMeta = {
      ...meta,
      schemes: [...base, ...extra],
      needIndicators: [...meta.needIndicators.filter((n) => !isImported(n.id)), ...needs],
      defaultNeed: needs.at(-1)?.id ?? this.#datasetNeed,
    };
    this.#synced.add(next);
    data.meta = next;
    data.sites = sites;
    data.sources = sources;
    data.revision++;
  }
}

const isImported = (id: string) => id.startsWith('import-');
