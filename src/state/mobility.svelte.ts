/**
 * The mobility mode's state: the survey answers counted as a transport barrier and the other
 * assumptions, the survey table of the dataset, the table derived by src/domain/gaps
 * (mobilityTable), and "où ouvrir k plateformes de mobilité ?" with its proposals, accepted into
 * the reach scenario (one scenario for every mode: a platform opened here counts everywhere).
 */
import type { Db } from '../data/db.ts';
import { listBarriers } from '../data/queries/gaps.ts';
import { schemeTerritories } from '../data/queries/reach.ts';
import type { UnknownCapacityRule } from '../domain/gaps/allocation.ts';
import {
  barrierSchemeId,
  defaultMobilityAssumptions,
  defaultPlatformCapacity,
  mobilitySiting,
  mobilityTable,
  isMobilityService,
  type MobilityAssumptions,
  type MobilityInput,
  type MobilityRow,
  type MobilitySitingRequest,
  type MobilityTable,
} from '../domain/gaps/mobility.ts';
import type { BarrierShare } from '../domain/model.ts';
import type { SitingResult } from '../domain/reach/siting.ts';
import { TRANSPORT_QUESTION, type TransportAnswer } from '../domain/survey-pas-de-calais.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { AppState } from './app-state.svelte.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import {
  GapsTableState,
  messageOf,
  modelOf,
  scenarioSites,
  tableInputOf,
  type Measure,
} from './gaps.svelte.ts';
import type { ReachState } from './reach.svelte.ts';
import type { ViewParams } from './url.ts';

export const MOBILITY_MEASURES: readonly Measure<MobilityRow>[] = [
  {
    id: 'unmet',
    label: "Besoin d'appui à la mobilité non couvert",
    short: 'Besoin non couvert',
    unit: '',
    decimals: 0,
    value: (r) => r.unmet,
    byCommune: true,
  },
  {
    id: 'unmetPer100',
    label: 'Besoin non couvert pour 100 bénéficiaires',
    short: 'Besoin non couvert pour 100 bénéficiaires',
    unit: '',
    decimals: 1,
    value: (r) => r.unmetPer100,
    byCommune: true,
  },
  {
    id: 'supportNeed',
    label: "Besoin d'appui à la mobilité (estimé)",
    short: "Besoin d'appui à la mobilité",
    unit: '',
    decimals: 0,
    value: (r) => r.supportNeed,
    byCommune: false,
  },
];

export interface MobilitySitingView {
  request: MobilitySitingRequest;
  result: SitingResult;
  /** The table the proposals were computed on: stale once another one is on screen. */
  table: MobilityTable;
  /** Picks already added to the scenario (commune indices). */
  accepted: number[];
}

export class MobilityState extends GapsTableState<MobilityRow, MobilityTable> {
  readonly #app: AppState;
  readonly #explore: ExploreView;
  readonly #reach: ReachState;

  mode = $state<TravelMode>('sans-voiture');
  maxMinutes = $state(defaultMobilityAssumptions().maxMinutes);
  answers = $state.raw<TransportAnswer[]>(defaultMobilityAssumptions().answers);
  shareOverride = $state<number | null>(null);
  capacityYears = $state(1);
  unknownCapacity = $state<UnknownCapacityRule>('unlimited');
  siting = $state.raw<MobilitySitingView | null>(null);
  message = $state('');

  /** The survey table and the membership of its scheme, for a `revision` of the tables. */
  survey = $state.raw<{
    revision: number;
    barriers: BarrierShare[];
    territoryOf: Map<string, string>;
  } | null>(null);
  surveyError = $state<string | null>(null);
  #pending = -1;

  constructor(app: AppState, explore: ExploreView, reach: ReachState) {
    super(explore, MOBILITY_MEASURES, 'unmet');
    this.#app = app;
    this.#explore = explore;
    this.#reach = reach;
  }

  /** The mobility settings of a link; defaults are left out. */
  viewParams(): Partial<ViewParams> {
    const d = defaultMobilityAssumptions();
    return {
      minutes: this.maxMinutes !== d.maxMinutes ? this.maxMinutes : null,
      travel: this.mode !== 'sans-voiture' ? this.mode : null,
    };
  }

  applyView(v: ViewParams): void {
    if (v.minutes !== null) this.maxMinutes = v.minutes;
    if (v.travel) this.mode = v.travel;
  }

  /** Loads the survey shares and the territories of their scheme when the tables change. */
  async refreshSurvey(db: Db, revision: number): Promise<void> {
    if (this.survey?.revision === revision || this.#pending === revision) return;
    this.#pending = revision;
    try {
      const barriers = await listBarriers(db, TRANSPORT_QUESTION);
      const order = this.#app.data.meta?.schemes.map((s) => s.id) ?? [];
      const scheme = barrierSchemeId(barriers, order);
      const territoryOf = scheme
        ? (await schemeTerritories(db, scheme)).territoryOf
        : new Map<string, string>();
      if (this.#pending !== revision) return;
      this.survey = { revision, barriers, territoryOf };
      this.surveyError = null;
    } catch (e) {
      if (this.#pending === revision) this.surveyError = messageOf(e);
    }
  }

  readonly assumptions = $derived.by((): MobilityAssumptions => ({
    mode: this.mode,
    maxMinutes: this.maxMinutes,
    answers: this.answers,
    shareOverride: this.shareOverride,
    capacityYears: this.capacityYears,
    unknownCapacity: this.unknownCapacity,
  }));

  readonly scenario = $derived.by(() => scenarioSites(this.#app, this.#reach));

  readonly model = $derived.by(() => modelOf(this.#reach, this.mode));

  readonly input = $derived.by((): MobilityInput | null => {
    const model = this.model;
    const survey = this.survey;
    if (!model || !survey || survey.revision !== this.#app.data.revision) return null;
    const base = tableInputOf(this.#app, this.#explore, this.#reach, this.scenario.sites, model);
    if (!base) return null;
    return {
      ...base,
      barriers: survey.barriers,
      schemeOrder: this.#app.data.meta?.schemes.map((s) => s.id) ?? [],
      barrierTerritoryOf: survey.territoryOf,
    };
  });

  protected override computeTable(): MobilityTable | null {
    const input = this.input;
    return input ? mobilityTable(input, this.assumptions) : null;
  }

  /** Mobility services, as the scenario leaves them. */
  readonly services = $derived.by(() => this.scenario.sites.filter(isMobilityService));

  /** Capacity of a new platform by default: the median of the dataset's platforms. */
  readonly defaultPlatformCapacity = $derived.by(() =>
    defaultPlatformCapacity(this.#app.data.sites),
  );

  readonly sitingStale = $derived.by(
    () => this.siting !== null && this.siting.table !== this.table,
  );

  runSiting(request: MobilitySitingRequest): void {
    const input = this.input;
    const table = this.table;
    if (!input || !table) return;
    const result = mobilitySiting(input, table, request);
    if (!result) return;
    this.siting = { request, result, table, accepted: [] };
    this.message = '';
  }

  /** Adds proposed platforms to the scenario, at their communes' reference points. */
  acceptPicks(communes: number[]): void {
    const data = this.#reach.data;
    const view = this.siting;
    if (!data || !view) return;
    const done = this.#reach.openAtCommunes(
      communes,
      (c) => {
        const rank = view.result.picks.findIndex((p) => p.commune === c) + 1;
        return `Plateforme de mobilité proposée n° ${rank} (${data.names[c]})`;
      },
      { kind: 'mobilite', capacity: view.request.capacityPerYear },
    );
    // The proposals stay on screen, marked as added; the table is the new one.
    this.siting = {
      ...view,
      accepted: [...view.accepted, ...communes.slice(0, done)],
      table: this.table ?? view.table,
    };
    this.message =
      done === 0
        ? (this.#reach.actionError ?? '')
        : done === 1
          ? 'Plateforme ajoutée au scénario.'
          : `${done} plateformes ajoutées au scénario.`;
  }

  /** A new dataset: nothing of the previous one applies. */
  reset(): void {
    this.siting = null;
    this.message = '';
  }
}
