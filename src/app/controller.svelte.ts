/**
 * The app's controller: it builds the states and the tools, opens the dataset of the link, loads
 * what the tool on screen reads whenever the tables change, keeps the URL, the story and each
 * dataset's scenario in step with what is on screen, and owns the presentation and the exports.
 * The layout (App.svelte) only shows the current tool's parts.
 *
 * `start()` registers the effects: call it while the root component initialises.
 */
import { untrack } from 'svelte';
import { openBrowserDb } from '../data/duckdb-browser.ts';
import { parseScenario, type ReachScenario } from '../domain/reach/scenario.ts';
import { AppState } from '../state/app-state.svelte.ts';
import { PUBLIC_BUILD } from '../state/build-flags.ts';
import { DatasetStore } from '../state/dataset.svelte.ts';
import { ExploreView } from '../state/explore-view.svelte.ts';
import { SchemeFigures } from '../state/explore.svelte.ts';
import { GapsState } from '../state/gaps.svelte.ts';
import { ImportStore } from '../state/imports.svelte.ts';
import { MobilityState } from '../state/mobility.svelte.ts';
import { Presentation } from '../state/presentation.svelte.ts';
import { ReachState } from '../state/reach.svelte.ts';
import { parseStory } from '../state/story.ts';
import { Study } from '../state/study.ts';
import { decodeView, encodeView, type ViewParams } from '../state/url.ts';
import { Projector } from '../ui/presentation/projector.svelte.ts';
import { MapExports } from './exports.svelte.ts';
import { Presenting } from './presenting.svelte.ts';
import { createTools, type Tool } from './tools.ts';

const STORY_STORAGE_KEY = 'carte-insertion:presentation';
const SCENARIO_STORAGE_KEY = 'carte-insertion:scenario';

const scenarioKey = (id: string) => `${SCENARIO_STORAGE_KEY}:${id}`;

/** The scenario saved in this browser for a dataset, if any (an unreadable one is dropped). */
function savedScenario(id: string): ReachScenario | null {
  const saved = localStorage.getItem(scenarioKey(id));
  if (!saved) return null;
  try {
    return parseScenario(JSON.parse(saved));
  } catch {
    localStorage.removeItem(scenarioKey(id));
    return null;
  }
}

export class AppController {
  readonly data = new DatasetStore(openBrowserDb);
  readonly app = new AppState(this.data);
  readonly figures = new SchemeFigures();
  readonly explore = new ExploreView(this.app, this.figures);
  readonly imports = new ImportStore(this.data);
  readonly study = new Study(this.app, this.explore);
  readonly reach = new ReachState(this.study);
  readonly gaps = new GapsState(this.app, this.explore, this.study);
  readonly mobility = new MobilityState(this.app, this.explore, this.study);
  readonly exports = new MapExports(this.app, () => this.tool.map);
  readonly tools: Record<Tool['kind'], Tool>;
  readonly presenting: Presenting;
  /** The view of the link the page was opened with. */
  readonly #initial: ViewParams;

  constructor() {
    this.tools = createTools(this, { printSheet: () => void this.exports.print() });
    const presentation = new Presentation();
    if (!PUBLIC_BUILD) {
      const saved = localStorage.getItem(STORY_STORAGE_KEY);
      if (saved) presentation.story = parseStory(saved).story ?? presentation.story;
    }
    this.presenting = new Presenting({
      app: this.app,
      data: this.data,
      study: this.study,
      exports: this.exports,
      view: { current: () => this.currentView(), apply: (v) => this.applyToolView(v) },
      map: () => this.tool.map,
      presentation,
      projector: new Projector(this.app, this.explore, this.reach, presentation),
    });
    this.#initial = decodeView(location.search);
    this.app.applyView(this.#initial);
    this.applyToolView(this.#initial);
    void this.data.open(this.#initial.dataset);
  }

  /** The tool on screen. */
  get tool(): Tool {
    return this.tools[this.app.mode.kind];
  }

  openDataset(id: string): void {
    this.app.selected = null;
    this.app.camera = null;
    this.study.reset();
    this.reach.reset();
    this.mobility.reset();
    void this.data.open(id);
  }

  /** The whole view, as a link: the app's choices, the tool's settings and the scenario's edits. */
  currentView(): string {
    return encodeView({
      ...this.app.toView(),
      ...this.tool.viewParams(),
      ...this.study.scenario.viewParams(),
    });
  }

  /** Applies a link's settings to the tool it names, and its edits to the scenario. */
  applyToolView(v: ViewParams): void {
    const kind = (v.mode ?? 'explore') as Tool['kind'];
    (this.tools[kind] ?? this.tools.explore).applyView(v);
    this.study.scenario.applyView(v);
  }

  start(): void {
    const { app, data, figures, study, presenting } = this;

    // The story being prepared survives a reload or a crash.
    $effect(() => {
      const story = JSON.stringify(presenting.presentation.story);
      if (!PUBLIC_BUILD) localStorage.setItem(STORY_STORAGE_KEY, story);
    });

    // Until the tables are in DuckDB, the figures the build computed with the same queries; with
    // the stored imports' sites added, until DuckDB has them too.
    $effect(() => {
      const snapshot = data.firstFigures;
      const [scheme, need] = [app.effectiveSchemeId, app.needId];
      if (!snapshot || (data.ready && !this.imports.countsInSnapshot(scheme, need))) return;
      figures.showSnapshot(snapshot, scheme, need);
    });

    // The stored imports' sites added to the snapshot while DuckDB starts.
    $effect(() => {
      if (!PUBLIC_BUILD && data.firstFigures && data.geometry && !data.ready)
        void this.imports.preview();
    });

    // Figures of the scheme, whenever the tables, the scheme or the need change.
    $effect(() => {
      const db = data.db;
      const [scheme, need] = [app.effectiveSchemeId, app.needId];
      if (!db || !data.ready || this.imports.countsInSnapshot(scheme, need)) return;
      void figures.refresh(db, scheme, need, data.revision);
    });

    // Imports kept in this browser are applied again each time a dataset has loaded, once its own
    // figures are on screen: a large import then never delays them, and the page says meanwhile
    // that they do not count it yet. The public version never shows what was imported here.
    $effect(() => {
      const figuresShown = figures.key !== '' || figures.error !== null;
      if (!PUBLIC_BUILD && data.ready && data.db && data.meta && figuresShown)
        void this.imports.sync();
    });

    // What the tool on screen reads, whenever the tables or the need change: from the tables
    // decoded in the page before DuckDB is ready, then from DuckDB.
    $effect(() => {
      const source = data.tableSource;
      const meta = data.meta;
      const tool = this.tool;
      if (!source || !meta) return;
      if (tool.readsNeeds) void study.data.refreshNeeds(source, meta, app.needId, data.revision);
      void tool.refresh?.(source, data.revision);
    });

    this.#autosaveScenario();

    // The URL follows the view (replaceState: the back button is not flooded with camera moves).
    $effect(() => {
      const url = this.currentView();
      if (url !== location.search)
        history.replaceState(history.state, '', url || location.pathname);
    });
  }

  /**
   * The scenario of each dataset survives a reload or a crash: saved at every change, restored
   * when the dataset opens (a link carrying its own scenario wins). Not while presenting: the
   * steps show their own scenarios, and the one being prepared comes back at the end.
   */
  #autosaveScenario(): void {
    const { data, study, presenting } = this;
    const initial = this.#initial;
    let restoredFor = '';
    $effect(() => {
      const id = data.entry?.id;
      // From when the tables can be read (decoded in the page, before DuckDB): the restored
      // scenario's figures come with the dataset's.
      if (PUBLIC_BUILD || !id || !data.tablesReady) return;
      // Read first, so that every later edit runs this effect again.
      const current = JSON.stringify(study.scenario.toScenario());
      if (presenting.presentation.presenting) return;
      if (restoredFor !== id) {
        restoredFor = id;
        const fromLink = initial.edits !== null && (initial.dataset ?? id) === id;
        const saved = fromLink ? null : savedScenario(id);
        if (saved && (saved.edits.length > 0 || saved.assumptions.barriers)) {
          untrack(() => study.scenario.load(saved));
          if (saved.edits.length > 0)
            study.scenario.message = `Scénario en cours restauré (${saved.edits.length} modification(s)).`;
        }
        if (!fromLink) return;
      }
      localStorage.setItem(scenarioKey(id), current);
    });
  }
}
