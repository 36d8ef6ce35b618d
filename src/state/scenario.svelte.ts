/**
 * The study's scenario, one for every tool: the edits of the offer (sites opened, closed, moved)
 * with undo/redo, the survey shares chosen by territory, and the what-if session that replays
 * them on the study's data with the travel settings. Every edit gives a new immutable
 * `snapshot` of the times and sites (src/domain/reach/session.ts): tables and layers see a change
 * by a new object, never by a counter.
 *
 * The engine runs on the main thread: at département scale an edit takes well under a
 * millisecond (bench/suites/reach.ts), far from the 16 ms of a frame.
 */
import { untrack } from 'svelte';
import { messageOf } from '../domain/errors.ts';
import type { BarrierEdits } from '../domain/gaps/barrier-edits.ts';
import type { SiteKind } from '../domain/model.ts';
import {
  SCENARIO_VERSION,
  type ReachAssumptions,
  type ReachScenario,
  type ScenarioEdit,
} from '../domain/reach/scenario.ts';
import type { ReachSession, SessionSnapshot } from '../domain/reach/session.ts';
import { reachSession } from '../domain/reach/setup.ts';
import type { AppState } from './app-state.svelte.ts';
import type { StudyData } from './study-data.svelte.ts';
import type { TravelSettings } from './travel-settings.svelte.ts';
import type { ViewParams } from './url.ts';

/** What a new site is, when the one who opens it says more than its place. */
export interface NewSite {
  kind: SiteKind;
  capacity?: number | null;
}

export class Scenario {
  readonly #app: AppState;
  readonly #data: StudyData;
  readonly #travel: TravelSettings;

  /** The edits, and those undone that can be redone (the next one last). */
  edits = $state.raw<ScenarioEdit[]>([]);
  redoEdits = $state.raw<ScenarioEdit[]>([]);
  /**
   * Survey shares chosen or entered by territory for the mobility figures: part of the scenario
   * (saved with it, in its file and its autosave), read by the mobility tool.
   */
  barrierEdits = $state.raw<BarrierEdits | null>(null);
  /** What the last edit did or why it failed, for the panels and screen readers. */
  message = $state('');
  actionError = $state<string | null>(null);
  /** Replaced when the edits are replaced as a whole: the session is then built again. */
  #replay = $state.raw({});

  constructor(app: AppState, data: StudyData, travel: TravelSettings) {
    this.#app = app;
    this.#data = data;
    this.#travel = travel;
  }

  /** Everything a scenario file records besides its edits. */
  readonly assumptions = $derived.by((): ReachAssumptions => ({
    mode: this.#travel.mode,
    kinds: this.#travel.kinds,
    maxMinutes: this.#travel.maxMinutes,
    needId: this.#app.needId || null,
    car: this.#travel.car,
    noCar: this.#travel.noCar,
    matrices: this.#travel.matrixList,
    ...(this.barrierEdits ? { barriers: this.barrierEdits } : {}),
  }));

  /**
   * The what-if session, built again when the data or a setting that changes the times changes
   * (not the threshold within the horizon); the edits are replayed into it.
   */
  readonly #built = $derived.by((): { session: ReachSession | null; error: string | null } => {
    const data = this.#data.data;
    const sites = this.#app.data.sites;
    const t = this.#travel;
    const settings = {
      mode: t.mode,
      kinds: t.kinds,
      car: t.car,
      noCar: t.noCar,
      maxMinutes: t.horizonMinutes,
    };
    const matrices = t.matrices;
    void this.#replay;
    if (!data) return { session: null, error: null };
    const [edits, redo] = untrack(() => [this.edits, this.redoEdits]);
    try {
      const session = reachSession(
        data,
        sites,
        { ...untrack(() => this.assumptions), ...settings },
        matrices,
        edits,
        redo,
      );
      return { session, error: null };
    } catch (e) {
      return { session: null, error: messageOf(e) };
    }
  });

  /** Why the scenario cannot be applied to this data (a site it edits is not there), or null. */
  get error(): string | null {
    return this.#built.error;
  }

  /** The session as built, before any edit made since. */
  readonly #builtSnapshot = $derived.by(() => this.#built.session?.snapshot() ?? null);
  /** The snapshot taken after the last edit, and the session it was taken of. */
  #edited = $state.raw<{ session: ReachSession; snapshot: SessionSnapshot } | null>(null);

  /**
   * The times and sites as the scenario leaves them; a new object after each edit. Once the
   * session is built again (new data or settings), the edits are replayed into it and its own
   * snapshot holds them.
   */
  readonly snapshot = $derived.by((): SessionSnapshot | null => {
    const session = this.#built.session;
    const edited = this.#edited;
    return edited && edited.session === session ? edited.snapshot : this.#builtSnapshot;
  });

  get canUndo(): boolean {
    return this.edits.length > 0;
  }

  get canRedo(): boolean {
    return this.redoEdits.length > 0;
  }

  #apply(edit: ScenarioEdit, message: string): boolean {
    const s = this.#built.session;
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
   * Takes the edits and a snapshot of the session just edited. It is passed in, not read again:
   * read where no effect depends on it (a click in another mode), the session may be derived
   * anew, without the edit.
   */
  #synced(s: ReachSession, message: string): void {
    this.edits = s.edits;
    this.redoEdits = s.redoStack;
    this.#edited = { session: s, snapshot: s.snapshot() };
    this.actionError = null;
    this.message = message;
  }

  #nextId(): string {
    const snap = this.snapshot;
    let k = this.edits.filter((e) => e.op === 'open').length + 1;
    while (snap?.site(`nouveau-${k}`)) k++;
    return `nouveau-${k}`;
  }

  /** Opens a site of a kind at a point of a commune, named after it unless `name` is given. */
  openAt(lon: number, lat: number, communeCode: string, site: NewSite, name?: string): boolean {
    const id = this.#nextId();
    const commune = this.#data.communeName(communeCode);
    return this.#apply(
      {
        op: 'open',
        site: {
          id,
          name: name ?? `Nouveau site n° ${id.slice('nouveau-'.length)} (${commune})`,
          kind: site.kind,
          lon,
          lat,
          communeCode,
          capacity: site.capacity ?? null,
        },
      },
      `Site ouvert à ${commune}.`,
    );
  }

  /**
   * Opens a site at the reference point of each commune (network indices), in order, until one
   * cannot be opened; returns how many were.
   */
  openAtCommunes(
    communes: readonly number[],
    nameOf: (commune: number, code: string) => string,
    site: NewSite,
  ): number {
    const net = this.#data.data?.network;
    if (!net) return 0;
    let done = 0;
    for (const c of communes) {
      const code = net.codes[c] as string;
      if (!this.openAt(net.lon[c] as number, net.lat[c] as number, code, site, nameOf(c, code))) {
        break;
      }
      done++;
    }
    return done;
  }

  close(siteId: string): boolean {
    const site = this.snapshot?.site(siteId);
    return this.#apply({ op: 'close', siteId }, `${site?.name ?? siteId} fermé.`);
  }

  move(siteId: string, lon: number, lat: number, communeCode: string): boolean {
    const site = this.snapshot?.site(siteId);
    return this.#apply(
      { op: 'move', siteId, lon, lat, communeCode },
      `${site?.name ?? siteId} déplacé à ${this.#data.communeName(communeCode)}.`,
    );
  }

  undo(): void {
    const s = this.#built.session;
    if (!s?.canUndo) return;
    s.undo();
    this.#synced(s, 'Modification annulée.');
  }

  redo(): void {
    const s = this.#built.session;
    if (!s?.canRedo) return;
    s.redo();
    this.#synced(s, 'Modification rétablie.');
  }

  /** Drops every edit: back to the sites of the dataset. */
  clear(): void {
    this.setEdits([]);
    this.message = 'Scénario effacé.';
  }

  /** A new dataset: nothing of the previous scenario applies. */
  reset(): void {
    this.barrierEdits = null;
    this.setEdits([]);
    this.message = '';
  }

  /** Replaces the edits (replayed into the session as soon as it is built). */
  setEdits(edits: readonly ScenarioEdit[]): void {
    this.edits = [...edits];
    this.redoEdits = [];
    this.actionError = null;
    this.#replay = {};
  }

  /** Edits and assumptions of a scenario file or an autosave; returns what could not be kept. */
  load(scenario: ReachScenario): string[] {
    const warnings: string[] = [];
    const here = this.#app.data.entry?.id ?? '';
    if (scenario.datasetId !== here) {
      warnings.push(
        `Ce scénario a été fait sur le jeu « ${scenario.datasetId} », la carte montre « ${here} » : les sites inconnus ici empêchent de le rejouer.`,
      );
    }
    const a = scenario.assumptions;
    warnings.push(...this.#travel.load(a));
    this.#app.needChoice = a.needId;
    this.barrierEdits = a.barriers ?? null;
    this.setEdits(scenario.edits);
    return warnings;
  }

  toScenario(): ReachScenario {
    return {
      version: SCENARIO_VERSION,
      datasetId: this.#app.data.entry?.id ?? '',
      edits: this.edits,
      assumptions: this.assumptions,
    };
  }

  /** The edits of a link (none: left out). */
  viewParams(): Partial<ViewParams> {
    return { edits: this.edits.length > 0 ? this.edits : null };
  }

  applyView(v: ViewParams): void {
    if (v.edits) this.setEdits(v.edits);
  }
}
