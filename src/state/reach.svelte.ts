/* eslint-disable max-lines -- the reach tool's state and, until the study core is split out of it, the dataset's needs, the travel settings and the scenario the other tools read. */
/**
 * The reach mode's state: the assumptions (mode, kinds, threshold, model parameters, imported
 * matrices), the scenario's edits with undo/redo, and the figures derived from the what-if
 * session. The engine and every figure live in src/domain/reach; this class only holds the
 * user's choices, applies edits, and says when the figures changed (`version`).
 *
 * The engine runs on the main thread: at département scale an edit takes well under a
 * millisecond and a siting a few (bench/suites/reach.ts), far from the 16 ms of a frame.
 */
import { messageOf } from '../domain/errors.ts';
import { untrack } from 'svelte';
import { loadNeedInputs, type NeedInputs, type TableSource } from '../data/inputs.ts';
import { defaultAccueilKinds, kindsWithoutSites } from '../domain/completeness.ts';
import type { BarrierEdits } from '../domain/gaps/barrier-edits.ts';
import { ACCUEIL_KINDS, SITE_KINDS, type DatasetMeta, type SiteKind } from '../domain/model.ts';
import { horizonFor } from '../domain/reach/engine.ts';
import {
  DEFAULT_REACH_MINUTES,
  SCENARIO_VERSION,
  type ReachAssumptions,
  type ReachScenario,
  type ScenarioEdit,
} from '../domain/reach/scenario.ts';
import type { ReachSession } from '../domain/reach/session.ts';
import { reachData, reachPeople, reachSession, type ReachMatrices } from '../domain/reach/setup.ts';
import { greedySiting, type SitingResult } from '../domain/reach/siting.ts';
import {
  bandIndex,
  communesBeyond,
  reachDelta,
  summariseReach,
  territoryIndex,
  type TerritoryIndex,
} from '../domain/reach/summary.ts';
import { DEFAULT_CAR_PARAMETERS, type CarParameters } from '../domain/travel/distance-model.ts';
import {
  MatrixFormatError,
  type MatrixImportReport,
  type MatrixRows,
  type MatrixUnit,
} from '../domain/travel/matrix-csv.ts';
import { importMatrix as readMatrixFile } from '../domain/travel/matrix-import.ts';
import { checkMatrixAccess } from '../domain/travel/matrix-model.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import { DEFAULT_NO_CAR_PARAMETERS, type NoCarParameters } from '../domain/travel/no-car-model.ts';
import type { AppState } from './app-state.svelte.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import { Resource } from './resource.svelte.ts';
import type { ViewParams } from './url.ts';

/** What a click on the map does. */
export type ReachTool = 'inspect' | 'open' | 'move' | 'close';

export interface SitingRequest {
  k: number;
  /** Maximise the beneficiaries or the inhabitants newly within N minutes. */
  weight: 'need' | 'population';
  capacity: number | null;
}

export interface SitingView {
  request: SitingRequest;
  result: SitingResult;
  /** Session and version the result was computed on: it is stale once either changed. */
  build: number;
  version: number;
  /** Picks already accepted into the scenario (by commune index). */
  accepted: number[];
}

let builds = 0;

const sameKinds = (a: readonly SiteKind[], b: readonly SiteKind[]) =>
  [...a].sort().join(',') === [...b].sort().join(',');

export class ReachState {
  readonly #app: AppState;
  readonly #explore: ExploreView;

  mode = $state<TravelMode>('voiture');
  /** The kinds the user chose; null: the default, which follows the data (`defaultKinds`). */
  #kindsChoice = $state.raw<SiteKind[] | null>(null);
  maxMinutes = $state(DEFAULT_REACH_MINUTES);
  car = $state.raw<CarParameters>({ ...DEFAULT_CAR_PARAMETERS });
  noCar = $state.raw<NoCarParameters>({ ...DEFAULT_NO_CAR_PARAMETERS });
  matrices = $state.raw<ReachMatrices>({});
  matrixReports = $state.raw<Partial<Record<TravelMode, MatrixImportReport>>>({});
  matrixError = $state<string | null>(null);
  /** How the next matrix is read: unit (null: detected), what the rows of a square file are, and
   * the access time added to its times (0: used as given). */
  matrixOptions = $state.raw<{ unit: MatrixUnit | null; rows: MatrixRows; accessMinutes: number }>({
    unit: null,
    rows: 'origines',
    accessMinutes: 0,
  });
  tool = $state<ReachTool>('inspect');
  /** The difference map (minutes gained against the current situation) instead of the bands. */
  showGains = $state(false);
  newSiteKind = $state<SiteKind>('france_services');

  /** The scenario's edits, and those undone that can be redone (the next one last). */
  edits = $state.raw<ScenarioEdit[]>([]);
  redoEdits = $state.raw<ScenarioEdit[]>([]);
  /**
   * Survey shares chosen or entered by territory for the mobility figures: part of the scenario
   * (saved with it, in its file and its autosave), read by the mobility mode.
   */
  barrierEdits = $state.raw<BarrierEdits | null>(null);
  /** Bumped whenever the times of the session change. */
  version = $state(0);
  /** What the last action did or why it failed, for the panel and screen readers. */
  message = $state('');
  actionError = $state<string | null>(null);
  /** A site being dragged, drawn where the pointer is. */
  dragging = $state.raw<{ id: string; lon: number; lat: number } | null>(null);
  siting = $state.raw<SitingView | null>(null);
  /** Bumped to rebuild the session from the edits (after clearing them). */
  #rebuild = $state(0);

  /** The need by commune (src/data/inputs.ts), for a key `revision|needId`. */
  readonly #needs = new Resource<NeedInputs>();

  /** The need loaded last and the key it answers. */
  get needs(): { key: string; value: NeedInputs } | null {
    return this.#needs.current;
  }

  get needsError(): string | null {
    return this.#needs.error;
  }

  constructor(app: AppState, explore: ExploreView) {
    this.#app = app;
    this.#explore = explore;
  }

  /**
   * The kinds counted by default: the accueil kinds the data has sites of. A kind with no site is
   * not ticked: ticking it would count an offer the data does not describe. With no accueil site
   * at all, every accueil kind (the panel then says none is in the data).
   */
  readonly defaultKinds = $derived.by((): SiteKind[] => {
    const kinds = defaultAccueilKinds(this.#app.data.sites);
    return kinds.length > 0 ? kinds : [...ACCUEIL_KINDS];
  });

  /** The kinds of sites counted as reached. */
  get kinds(): SiteKind[] {
    return this.#kindsChoice ?? this.defaultKinds;
  }

  set kinds(kinds: SiteKind[]) {
    this.#kindsChoice = [...kinds];
  }

  /** Whether the kinds counted are the default ones. */
  get defaultKindsChosen(): boolean {
    return sameKinds(this.kinds, this.defaultKinds);
  }

  /** Back to the kinds the data has sites of. */
  resetKinds(): void {
    this.#kindsChoice = null;
  }

  /**
   * The accueil kinds and the kinds counted that have no site in the data: the panel names them
   * (the data is silent about them, which says nothing of the territory).
   */
  readonly missingKinds = $derived.by((): SiteKind[] => {
    if (!this.#app.data.ready) return [];
    const asked = SITE_KINDS.filter((k) => ACCUEIL_KINDS.includes(k) || this.kinds.includes(k));
    return kindsWithoutSites(asked, this.#app.data.sites);
  });

  /** Loads the need by commune (src/data/inputs.ts) when the tables or the need change. */
  async refreshNeeds(
    source: TableSource,
    meta: DatasetMeta,
    needId: string,
    revision: number,
  ): Promise<void> {
    await this.#needs.load(`${revision}|${needId}`, () => loadNeedInputs(source, meta, needId));
  }

  readonly #needKey = $derived.by(() => `${this.#app.data.revision}|${this.#app.needId}`);

  readonly data = $derived.by(() => {
    const communes = this.#app.data.communes;
    const needs = this.#needs.valueFor(this.#needKey);
    if (communes.length === 0 || !needs) return null;
    return reachData(communes, needs.byCommune, this.#app.data.networkTimes);
  });

  /**
   * Who lives where, as the reach figures count them. In a published dataset, the published value
   * of each commune (secret where masked): the need beyond N minutes is then a sum of published
   * cells where it can be one, and 0 where no commune is beyond. The coverage and mobility
   * tables keep `data`, which has no beneficiaries by commune there.
   */
  readonly people = $derived.by(() => {
    const data = this.data;
    const published = this.#needs.valueFor(this.#needKey)?.published;
    if (!data) return null;
    return published ? reachPeople(this.#app.data.communes, published) : data.people;
  });

  readonly horizonMinutes = $derived.by(() => horizonFor(this.maxMinutes));

  readonly assumptions = $derived.by((): ReachAssumptions => ({
    mode: this.mode,
    kinds: this.kinds,
    maxMinutes: this.maxMinutes,
    needId: this.#app.needId || null,
    car: this.car,
    noCar: this.noCar,
    matrices: Object.entries(this.matrices).map(([mode, m]) => ({
      mode: mode as TravelMode,
      name: m.name,
      pairs: m.matrix.pairCount,
      accessMinutes: m.accessMinutes ?? 0,
    })),
    ...(this.barrierEdits ? { barriers: this.barrierEdits } : {}),
  }));

  /**
   * The what-if session, rebuilt when the data or an assumption that changes the times changes
   * (not the threshold within the horizon); the edits are replayed into it.
   */
  readonly built = $derived.by(
    (): { session: ReachSession | null; error: string | null; id: number } => {
      const data = this.data;
      const sites = this.#app.data.sites;
      const a = {
        mode: this.mode,
        kinds: this.kinds,
        car: this.car,
        noCar: this.noCar,
        maxMinutes: this.horizonMinutes,
      };
      const matrices = this.matrices;
      void this.#rebuild;
      const id = ++builds;
      if (!data) return { session: null, error: null, id };
      const [edits, redo] = untrack(() => [this.edits, this.redoEdits]);
      try {
        const session = reachSession(
          data,
          sites,
          { ...untrack(() => this.assumptions), ...a },
          matrices,
          edits,
          redo,
        );
        return { session, error: null, id };
      } catch (e) {
        return { session: null, error: messageOf(e), id };
      }
    },
  );

  get session(): ReachSession | null {
    return this.built.session;
  }

  /** Changes whenever any commune's time may have changed. */
  readonly key = $derived.by(() => `${this.built.id}.${this.version}`);

  /** Territories of the scheme on screen, once its membership has loaded. */
  readonly territories = $derived.by((): TerritoryIndex | null => {
    const data = this.data;
    const ex = this.#explore;
    if (!data || !ex.current || ex.territoryOf.size === 0) return null;
    return territoryIndex(
      data.network.codes,
      ex.territoryOf,
      new Map(ex.aggregates.map((t) => [t.code, t.name])),
    );
  });

  readonly summary = $derived.by(() => {
    void this.key;
    const s = this.session;
    const data = this.data;
    const people = this.people;
    const index = this.territories;
    if (!s || !data || !people) return null;
    return summariseReach(
      s.engine.minutes,
      people,
      index ?? territoryIndex(data.network.codes, new Map(), new Map()),
      this.maxMinutes,
    );
  });

  readonly baseline = $derived.by(() => {
    const s = this.session;
    const data = this.data;
    const people = this.people;
    const index = this.territories;
    if (!s || !data || !people) return null;
    return summariseReach(
      s.baseline,
      people,
      index ?? territoryIndex(data.network.codes, new Map(), new Map()),
      this.maxMinutes,
    );
  });

  readonly delta = $derived.by(() =>
    this.summary && this.baseline ? reachDelta(this.summary.total, this.baseline.total) : null,
  );

  readonly beyond = $derived.by(() => {
    void this.key;
    const s = this.session;
    const data = this.data;
    const people = this.people;
    if (!s || !data || !people) return [];
    return communesBeyond(
      s.engine.minutes,
      people,
      this.maxMinutes,
      data.network.codes,
      data.names,
    );
  });

  /** Band of every commune, in network order. */
  readonly bands = $derived.by(() => {
    void this.key;
    const s = this.session;
    if (!s) return null;
    return Uint8Array.from(s.engine.minutes, bandIndex);
  });

  bandOf(code: string): number | null {
    const i = this.data?.network.indexOf.get(code);
    const bands = this.bands;
    return i === undefined || !bands ? null : (bands[i] as number);
  }

  /** Minutes and nearest site of a commune, for the tooltip. */
  timeOf(code: string): { minutes: number; siteId: string | null } | null {
    const s = this.session;
    const i = this.data?.network.indexOf.get(code);
    if (!s || i === undefined) return null;
    return { minutes: s.engine.minutes[i] as number, siteId: s.engine.nearestSiteId(i) };
  }

  /** With an imported matrix: communes whose time rests on a measured pair. */
  readonly measuredCommunes = $derived.by(() => {
    void this.key;
    const s = this.session;
    if (!s || s.engine.model.id !== 'matrice') return null;
    let k = 0;
    for (let c = 0; c < s.engine.communeCount; c++) if (s.engine.isMeasured(c)) k++;
    return k;
  });

  /** Sites of the counted kinds, as the scenario leaves them. */
  readonly sites = $derived.by(() => {
    void this.key;
    return this.session?.sites.filter((s) => s.counted) ?? [];
  });

  readonly sitingStale = $derived.by(
    () =>
      this.siting !== null &&
      (this.siting.build !== this.built.id || this.siting.version !== this.version),
  );

  // ——— Edits ———

  #apply(edit: ScenarioEdit, message: string): boolean {
    const s = this.session;
    if (!s) return false;
    // Timing mark read by the benchmark: an edit starts (the next frame shows its figures).
    performance.mark('reach:edit');
    try {
      s.apply(edit);
    } catch (e) {
      this.actionError = messageOf(e);
      return false;
    }
    this.#synced(s, message);
    return true;
  }

  /**
   * Takes the edits of the session just edited. It is passed in, not read again: read where no
   * effect depends on it (a click in another mode), `session` is derived anew, without the edit.
   */
  #synced(s: ReachSession, message: string): void {
    this.edits = s.edits;
    this.redoEdits = s.redoStack;
    this.actionError = null;
    this.version++;
    this.message = message;
  }

  #nextId(): string {
    const s = this.session;
    let k = this.edits.filter((e) => e.op === 'open').length + 1;
    while (s?.site(`nouveau-${k}`)) k++;
    return `nouveau-${k}`;
  }

  communeName(code: string): string {
    const i = this.data?.network.indexOf.get(code);
    return i === undefined ? code : (this.data?.names[i] ?? code);
  }

  /**
   * Opens a site at a point of a commune: of the chosen kind without capacity, or as `site` says
   * (another mode's proposal, a mobility platform with its people per year).
   */
  openAt(
    lon: number,
    lat: number,
    communeCode: string,
    name?: string,
    site: { kind?: SiteKind; capacity?: number | null } = {},
  ): boolean {
    const id = this.#nextId();
    const commune = this.communeName(communeCode);
    return this.#apply(
      {
        op: 'open',
        site: {
          id,
          name: name ?? `Nouveau site n° ${id.slice('nouveau-'.length)} (${commune})`,
          kind: site.kind ?? this.newSiteKind,
          lon,
          lat,
          communeCode,
          capacity: site.capacity ?? null,
        },
      },
      `Site ouvert à ${commune}.`,
    );
  }

  close(siteId: string): boolean {
    const site = this.session?.site(siteId);
    return this.#apply({ op: 'close', siteId }, `${site?.name ?? siteId} fermé.`);
  }

  move(siteId: string, lon: number, lat: number, communeCode: string): boolean {
    const site = this.session?.site(siteId);
    return this.#apply(
      { op: 'move', siteId, lon, lat, communeCode },
      `${site?.name ?? siteId} déplacé à ${this.communeName(communeCode)}.`,
    );
  }

  undo(): void {
    const s = this.session;
    if (!s?.canUndo) return;
    s.undo();
    this.#synced(s, 'Modification annulée.');
  }

  redo(): void {
    const s = this.session;
    if (!s?.canRedo) return;
    s.redo();
    this.#synced(s, 'Modification rétablie.');
  }

  /** Drops every edit: back to the sites of the dataset. */
  clearScenario(): void {
    this.edits = [];
    this.redoEdits = [];
    this.siting = null;
    this.message = 'Scénario effacé.';
    this.#rebuild++;
  }

  /** A new dataset: nothing of the previous one applies. */
  reset(): void {
    this.#kindsChoice = null;
    this.edits = [];
    this.redoEdits = [];
    this.siting = null;
    this.matrices = {};
    this.barrierEdits = null;
    this.matrixReports = {};
    this.matrixError = null;
    this.message = '';
    this.actionError = null;
    this.#rebuild++;
  }

  /** Edits and assumptions of a scenario file or an autosave; returns what could not be kept. */
  loadScenario(scenario: ReachScenario): string[] {
    const warnings: string[] = [];
    const here = this.#app.data.entry?.id ?? '';
    if (scenario.datasetId !== here) {
      warnings.push(
        `Ce scénario a été fait sur le jeu « ${scenario.datasetId} », la carte montre « ${here} » : les sites inconnus ici empêchent de le rejouer.`,
      );
    }
    const a = scenario.assumptions;
    this.mode = a.mode;
    // The accueil kinds were the default before defaults followed the data: a scenario saved with
    // them keeps the data's default, which counts the same sites.
    this.#kindsChoice = sameKinds(a.kinds, ACCUEIL_KINDS) ? null : [...a.kinds];
    this.maxMinutes = a.maxMinutes;
    this.car = { ...a.car };
    this.noCar = { ...a.noCar };
    this.#app.needChoice = a.needId;
    this.barrierEdits = a.barriers ?? null;
    for (const m of a.matrices) {
      const accessMinutes = m.accessMinutes ?? 0;
      const here = this.matrices[m.mode];
      if (here) {
        if ((here.accessMinutes ?? 0) !== accessMinutes)
          this.matrices = { ...this.matrices, [m.mode]: { ...here, accessMinutes } };
      } else {
        warnings.push(
          `Le scénario utilisait la matrice « ${m.name} » (${m.mode}) : importez-la de nouveau pour retrouver ses temps.`,
        );
      }
      if (m.mode === a.mode) this.matrixOptions = { ...this.matrixOptions, accessMinutes };
    }
    this.setEdits(scenario.edits);
    return warnings;
  }

  /** Replaces the scenario's edits (replayed into the session as soon as it is built). */
  setEdits(edits: ScenarioEdit[]): void {
    this.edits = [...edits];
    this.redoEdits = [];
    this.siting = null;
    this.actionError = null;
    this.#rebuild++;
  }

  /** The reach settings of a link; defaults are left out so links stay short. */
  viewParams(): Partial<ViewParams> {
    return {
      minutes: this.maxMinutes !== DEFAULT_REACH_MINUTES ? this.maxMinutes : null,
      travel: this.mode !== 'voiture' ? this.mode : null,
      kinds: this.#kindsChoice && !this.defaultKindsChosen ? [...this.kinds] : null,
      edits: this.edits.length > 0 ? this.edits : null,
    };
  }

  applyView(v: ViewParams): void {
    if (v.minutes !== null) this.maxMinutes = v.minutes;
    if (v.travel) this.mode = v.travel;
    const kinds = (v.kinds ?? []).filter((k): k is SiteKind => SITE_KINDS.includes(k as SiteKind));
    if (kinds.length > 0) this.kinds = kinds;
    if (v.edits) this.setEdits(v.edits);
  }

  /**
   * Minutes gained by every commune against the current situation (negative: lost), in network
   * order; Infinity for a commune brought within the horizon. Null without edits.
   */
  readonly gains = $derived.by((): Float64Array | null => {
    void this.key;
    const s = this.session;
    if (!s || this.edits.length === 0) return null;
    const now = s.engine.minutes;
    return Float64Array.from(s.baseline, (before, i) => {
      const after = now[i] as number;
      if (before === after) return 0;
      return before - after;
    });
  });

  gainOf(code: string): number | null {
    const i = this.data?.network.indexOf.get(code);
    const g = this.gains;
    return i === undefined || !g ? null : (g[i] as number);
  }

  /** Whether the map shows the difference map (asked for, and there is a difference). */
  get showingGains(): boolean {
    return this.showGains && this.gains !== null;
  }

  toScenario(): ReachScenario {
    return {
      version: SCENARIO_VERSION,
      datasetId: this.#app.data.entry?.id ?? '',
      edits: this.edits,
      assumptions: this.assumptions,
    };
  }

  /**
   * Opens a site at the reference point of each commune (network indices), in order, until one
   * cannot be opened; returns how many were.
   */
  openAtCommunes(
    communes: readonly number[],
    nameOf: (commune: number, code: string) => string,
    site: { kind?: SiteKind; capacity?: number | null } = {},
  ): number {
    const net = this.data?.network;
    if (!net) return 0;
    let done = 0;
    for (const c of communes) {
      const code = net.codes[c] as string;
      if (!this.openAt(net.lon[c] as number, net.lat[c] as number, code, nameOf(c, code), site)) {
        break;
      }
      done++;
    }
    return done;
  }

  // ——— Siting ———

  runSiting(request: SitingRequest): void {
    const s = this.session;
    const data = this.data;
    if (!s || !data) return;
    const weight =
      request.weight === 'need' && data.people.need ? data.people.need : data.people.population;
    const result = greedySiting({
      model: s.engine.model,
      network: data.network,
      minutes: s.engine.minutes,
      weight,
      maxMinutes: this.maxMinutes,
      k: request.k,
      capacity: request.capacity,
    });
    this.siting = { request, result, build: this.built.id, version: this.version, accepted: [] };
  }

  /** Adds proposed sites to the scenario, at their communes' reference points. */
  acceptPicks(communes: number[]): void {
    const data = this.data;
    const view = this.siting;
    if (!data || !view) return;
    const done = this.openAtCommunes(communes, (c, code) => {
      const rank = view.result.picks.findIndex((p) => p.commune === c) + 1;
      return `Site proposé n° ${rank} (${this.communeName(code)})`;
    });
    // Keep the proposals on screen, marked as accepted, for the record.
    this.siting = {
      ...view,
      accepted: [...view.accepted, ...communes.slice(0, done)],
      build: this.built.id,
      version: this.version,
    };
    if (done > 0) {
      this.message =
        done === 1
          ? `Site proposé ajouté au scénario (${this.communeName(data.network.codes[communes[0] as number] as string)}).`
          : `${done} sites proposés ajoutés au scénario.`;
    }
  }

  // ——— Imported matrices ———

  /** Reads a matrix file (its bytes, or its text) for the current mode, with `matrixOptions`. */
  importMatrix(name: string, file: Uint8Array | string): void {
    const data = this.data;
    if (!data) return;
    try {
      const { source, report } = readMatrixFile(file, data.network, name, this.matrixOptions);
      this.matrixReports = { ...this.matrixReports, [this.mode]: report };
      if (!source) {
        this.matrixError = `Aucune paire utilisable dans ${name} : la matrice n'est pas importée.`;
        return;
      }
      this.matrices = { ...this.matrices, [this.mode]: source };
      this.matrixError = null;
    } catch (e) {
      this.matrixError =
        e instanceof MatrixFormatError
          ? `${name} : ${e.message}`
          : `${name} n'a pas pu être lu : ${messageOf(e)}`;
    }
  }

  /** The access time added to the times of the current mode's matrix (and of the next one). */
  setMatrixAccess(minutes: number): void {
    try {
      checkMatrixAccess(minutes);
    } catch (e) {
      this.matrixError = messageOf(e);
      return;
    }
    this.matrixError = null;
    this.matrixOptions = { ...this.matrixOptions, accessMinutes: minutes };
    const m = this.matrices[this.mode];
    if (m && (m.accessMinutes ?? 0) !== minutes) {
      this.matrices = { ...this.matrices, [this.mode]: { ...m, accessMinutes: minutes } };
    }
  }

  removeMatrix(mode: TravelMode): void {
    const next = { ...this.matrices };
    delete next[mode];
    this.matrices = next;
    const reports = { ...this.matrixReports };
    delete reports[mode];
    this.matrixReports = reports;
  }
}
