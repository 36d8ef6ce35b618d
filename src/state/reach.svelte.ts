/**
 * The reach tool: what a click on the map does, the kind of the sites it opens, the difference
 * map, the siting search, and the figures of the study's scenario at the threshold (by band, by
 * territory, communes beyond). The data, the travel settings and the scenario are the study's
 * (src/state/study.ts), shared with the other tools; the figures are computed by src/domain/reach.
 */
import type { SiteKind } from '../domain/model.ts';
import type { SessionSnapshot } from '../domain/reach/session.ts';
import { greedySiting, type SitingResult } from '../domain/reach/siting.ts';
import {
  bandIndex,
  communesBeyond,
  reachDelta,
  summariseReach,
  territoryIndex,
} from '../domain/reach/summary.ts';
import { ScenarioPairState } from './scenario-pair.svelte.ts';
import type { Study } from './study.ts';

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
  /** The times the result was computed on: it is stale once the scenario has others. */
  on: SessionSnapshot;
  /** Picks already accepted into the scenario (by commune index). */
  accepted: number[];
}

export class ReachState {
  readonly study: Study;

  tool = $state<ReachTool>('inspect');
  /** The difference map (minutes gained against the current situation) instead of the bands. */
  showGains = $state(false);
  newSiteKind = $state<SiteKind>('france_services');
  /** A site being dragged, drawn where the pointer is. */
  dragging = $state.raw<{ id: string; lon: number; lat: number } | null>(null);
  siting = $state.raw<SitingView | null>(null);
  /** Two scenarios kept for a workshop, compared side by side and on the difference map. */
  readonly pair = new ScenarioPairState();

  constructor(study: Study) {
    this.study = study;
  }

  /** The territory index of the scheme on screen, or every commune in none before it loads. */
  readonly #index = $derived.by(() => {
    const data = this.study.data.data;
    if (!data) return null;
    return this.study.data.territories ?? territoryIndex(data.network.codes, new Map(), new Map());
  });

  #summaryOf(minutes: Float64Array | undefined) {
    const people = this.study.data.people;
    const index = this.#index;
    if (!minutes || !people || !index) return null;
    return summariseReach(minutes, people, index, this.study.travel.maxMinutes);
  }

  readonly summary = $derived.by(() => this.#summaryOf(this.study.scenario.snapshot?.minutes));

  readonly baseline = $derived.by(() => this.#summaryOf(this.study.scenario.snapshot?.baseline));

  readonly delta = $derived.by(() =>
    this.summary && this.baseline ? reachDelta(this.summary.total, this.baseline.total) : null,
  );

  readonly beyond = $derived.by(() => {
    const snap = this.study.scenario.snapshot;
    const data = this.study.data.data;
    const people = this.study.data.people;
    if (!snap || !data || !people) return [];
    return communesBeyond(
      snap.minutes,
      people,
      this.study.travel.maxMinutes,
      data.network.codes,
      data.names,
    );
  });

  /** Band of every commune, in network order. */
  readonly bands = $derived.by(() => {
    const snap = this.study.scenario.snapshot;
    return snap ? Uint8Array.from(snap.minutes, bandIndex) : null;
  });

  #indexOf(code: string): number | undefined {
    return this.study.data.data?.network.indexOf.get(code);
  }

  bandOf(code: string): number | null {
    const i = this.#indexOf(code);
    const bands = this.bands;
    return i === undefined || !bands ? null : (bands[i] as number);
  }

  /** Minutes and nearest site of a commune, for the tooltip. */
  timeOf(code: string): { minutes: number; siteId: string | null } | null {
    const snap = this.study.scenario.snapshot;
    const i = this.#indexOf(code);
    if (!snap || i === undefined) return null;
    return { minutes: snap.minutes[i] as number, siteId: snap.nearestSiteIds[i] ?? null };
  }

  /** Sites of the counted kinds, as the scenario leaves them. */
  readonly sites = $derived.by(
    () => this.study.scenario.snapshot?.sites.filter((s) => s.counted) ?? [],
  );

  /**
   * Minutes gained by every commune against the current situation (negative: lost), in network
   * order; Infinity for a commune brought within the horizon. Null without edits.
   */
  readonly gains = $derived.by((): Float64Array | null => {
    const snap = this.study.scenario.snapshot;
    if (!snap || snap.edits.length === 0) return null;
    const now = snap.minutes;
    return Float64Array.from(snap.baseline, (before, i) => {
      const after = now[i] as number;
      if (before === after) return 0;
      return before - after;
    });
  });

  gainOf(code: string): number | null {
    const i = this.#indexOf(code);
    const g = this.gains;
    return i === undefined || !g ? null : (g[i] as number);
  }

  /** Whether the map shows the difference map (asked for, and there is a difference). */
  get showingGains(): boolean {
    return this.showGains && this.gains !== null;
  }

  /** Opens a site of the kind chosen at a point of a commune. */
  openAt(lon: number, lat: number, communeCode: string): boolean {
    return this.study.scenario.openAt(lon, lat, communeCode, { kind: this.newSiteKind });
  }

  readonly sitingStale = $derived.by(
    () => this.siting !== null && this.siting.on !== this.study.scenario.snapshot,
  );

  runSiting(request: SitingRequest): void {
    const snap = this.study.scenario.snapshot;
    const data = this.study.data.data;
    if (!snap || !data) return;
    const weight =
      request.weight === 'need' && data.people.need ? data.people.need : data.people.population;
    const result = greedySiting({
      model: snap.model,
      network: data.network,
      minutes: snap.minutes,
      weight,
      maxMinutes: this.study.travel.maxMinutes,
      k: request.k,
      capacity: request.capacity,
    });
    this.siting = { request, result, on: snap, accepted: [] };
  }

  /** Adds proposed sites to the scenario, at their communes' reference points. */
  acceptPicks(communes: number[]): void {
    const data = this.study.data.data;
    const view = this.siting;
    if (!data || !view) return;
    const name = (code: string) => this.study.data.communeName(code);
    const done = this.study.scenario.openAtCommunes(
      communes,
      (c, code) => {
        const rank = view.result.picks.findIndex((p) => p.commune === c) + 1;
        return `Site proposé n° ${rank} (${name(code)})`;
      },
      { kind: this.newSiteKind },
    );
    const on = this.study.scenario.snapshot;
    // Keep the proposals on screen, marked as accepted, for the record.
    if (on) this.siting = { ...view, accepted: [...view.accepted, ...communes.slice(0, done)], on };
    if (done > 0) {
      this.study.scenario.message =
        done === 1
          ? `Site proposé ajouté au scénario (${name(data.network.codes[communes[0] as number] as string)}).`
          : `${done} sites proposés ajoutés au scénario.`;
    }
  }

  /** A new dataset, or the scenario replaced: no proposal of the previous one applies. */
  reset(): void {
    this.siting = null;
    this.dragging = null;
  }
}
