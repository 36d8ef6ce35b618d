/**
 * The mobility mode's state: the survey answers counted as a transport barrier and the other
 * assumptions, the survey table of the dataset, the table derived by src/domain/gaps
 * (mobilityTable), and "où ouvrir k plateformes de mobilité ?" with its proposals, accepted into
 * the study's scenario (one scenario for every mode: a platform opened here counts everywhere).
 */
import { loadBarriers, loadSchemeTerritories, type TableSource } from '../data/inputs.ts';
import type { SchemeTerritories } from '../data/queries/reach.ts';
import type { UnknownCapacityRule } from '../domain/gaps/allocation.ts';
import {
  effectiveBarriers,
  emptyBarrierEdits,
  hasBarrierEdits,
  surveySchemeId,
  type BarrierEdits,
  type EffectiveBarriers,
} from '../domain/gaps/barrier-edits.ts';
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
import { isBorderSite, type BarrierShare } from '../domain/model.ts';
import type { SitingResult } from '../domain/reach/siting.ts';
import {
  TRANSPORT_QUESTION,
  type SurveyTerritory,
  type TransportAnswer,
} from '../domain/survey-pas-de-calais.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { AppState } from './app-state.svelte.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import type { Study } from './study.ts';
import {
  TerritoryMeasureState,
  scenarioSites,
  tableInputOf,
  type Measure,
} from './territory-measure.svelte.ts';
import { Resource } from './resource.svelte.ts';
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

export class MobilityState extends TerritoryMeasureState<MobilityRow, MobilityTable> {
  readonly #app: AppState;
  readonly #explore: ExploreView;
  readonly #study: Study;

  mode = $state<TravelMode>('sans-voiture');
  maxMinutes = $state(defaultMobilityAssumptions().maxMinutes);
  answers = $state.raw<TransportAnswer[]>(defaultMobilityAssumptions().answers);
  shareOverride = $state<number | null>(null);
  capacityYears = $state(1);
  unknownCapacity = $state<UnknownCapacityRule>('unlimited');
  siting = $state.raw<MobilitySitingView | null>(null);
  message = $state('');

  /** The dataset's survey table, for a key `revision`. */
  readonly #survey = new Resource<BarrierShare[]>();
  /** Territories (names, membership) of the schemes the survey needs, for `revision|ids`. */
  readonly #schemes = new Resource<ReadonlyMap<string, SchemeTerritories>>();

  constructor(app: AppState, explore: ExploreView, study: Study) {
    super(explore, MOBILITY_MEASURES, 'unmet');
    this.#app = app;
    this.#explore = explore;
    this.#study = study;
  }

  /** The mobility settings of a link; defaults are left out. */
  viewParams(): Partial<ViewParams> {
    const d = defaultMobilityAssumptions();
    return {
      minutes: this.maxMinutes !== d.maxMinutes ? this.maxMinutes : null,
      travel: this.mode !== 'sans-voiture' ? this.mode : null,
      barriers: this.#study.scenario.barrierEdits,
    };
  }

  applyView(v: ViewParams): void {
    if (v.minutes !== null) this.maxMinutes = v.minutes;
    if (v.travel) this.mode = v.travel;
    if (v.barriers) this.#study.scenario.barrierEdits = v.barriers;
  }

  /** The dataset's schemes, in its order. */
  readonly schemeOrder = $derived.by(() => this.#app.data.meta?.schemes.map((s) => s.id) ?? []);

  /** The scheme whose territories the survey shares are given on (null: the département). */
  readonly surveySchemeId = $derived.by(() =>
    surveySchemeId(this.schemeOrder, this.#study.scenario.barrierEdits),
  );

  #territories(id: string | null): SchemeTerritories | null {
    const s = this.#schemes.current;
    const current = s?.key.split('|')[0] === String(this.#app.data.revision);
    return id !== null && s && current ? (s.value.get(id) ?? null) : null;
  }

  /** The dataset's survey table, once loaded for the tables on screen. */
  get survey(): { barriers: BarrierShare[] } | null {
    const barriers = this.#survey.valueFor(String(this.#app.data.revision));
    return barriers ? { barriers } : null;
  }

  get surveyError(): string | null {
    return this.#survey.error ?? this.#schemes.error;
  }

  /** The territories the survey shares can be given on, in name order. */
  readonly surveyTerritories = $derived.by((): { code: string; name: string }[] | null => {
    const t = this.#territories(this.surveySchemeId);
    if (!t) return null;
    return [...t.names]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  });

  /**
   * The survey shares as the figures use them: the dataset's rows, the Pas-de-Calais rows on its
   * own territories, and the user's choices; null while the tables load.
   */
  readonly effective = $derived.by((): EffectiveBarriers | null => {
    const survey = this.survey;
    const meta = this.#app.data.meta;
    if (!survey || !meta) return null;
    const id = this.surveySchemeId;
    const territories = this.surveyTerritories;
    if (id !== null && !territories) return null;
    return effectiveBarriers(
      survey.barriers,
      meta.departement.code,
      id !== null && territories ? { id, territories } : null,
      this.#study.scenario.barrierEdits,
      new Date().getFullYear(),
    );
  });

  /** The order in which the figures look for the scheme of the survey rows. */
  readonly #profileOrder = $derived.by(() => [
    ...(this.surveySchemeId ? [this.surveySchemeId] : []),
    ...this.schemeOrder,
  ]);

  /** The scheme of the rows the figures apply (its membership is needed). */
  readonly profileSchemeId = $derived.by(() => {
    const e = this.effective;
    return e ? barrierSchemeId(e.barriers, this.#profileOrder) : null;
  });

  /**
   * Loads the survey table and the territories of the schemes it needs when the tables or the
   * user's choice of scheme change.
   */
  async refreshSurvey(source: TableSource, revision: number): Promise<void> {
    // Read before any await: the effect that calls this runs again when they change.
    const wanted = [...new Set([this.surveySchemeId, this.profileSchemeId])]
      .filter((id): id is string => id !== null)
      .sort();
    const loaded = this.#schemes.current;
    const reusable = loaded?.key.split('|')[0] === String(revision) ? loaded.value : new Map();
    await Promise.all([
      this.#survey.load(String(revision), () => loadBarriers(source, TRANSPORT_QUESTION)),
      this.#schemes.load(`${revision}|${wanted.join(',')}`, async () => {
        const entries = await Promise.all(
          wanted.map(
            async (id) =>
              [id, reusable.get(id) ?? (await loadSchemeTerritories(source, id))] as const,
          ),
        );
        return new Map(entries);
      }),
    ]);
  }

  // ——— The user's survey shares ———

  /** The survey rows chosen and shares entered, as the scenario keeps them. */
  get barrierEdits(): BarrierEdits | null {
    return this.#study.scenario.barrierEdits;
  }

  /** Stores the user's choices; none left on the default scheme is the same as no choice. */
  #store(e: BarrierEdits): void {
    const none = !hasBarrierEdits(e) && e.schemeId === surveySchemeId(this.schemeOrder, null);
    this.#study.scenario.barrierEdits = none ? null : e;
  }

  #edits(): BarrierEdits {
    const e = this.#study.scenario.barrierEdits;
    const id = this.surveySchemeId ?? this.schemeOrder[0] ?? '';
    return e && e.schemeId === id ? e : emptyBarrierEdits(id);
  }

  /** The scheme the survey shares are given on; the choices made on another one are dropped. */
  setSurveyScheme(schemeId: string): void {
    const e = this.#study.scenario.barrierEdits;
    if (e?.schemeId === schemeId) return;
    this.#store(emptyBarrierEdits(schemeId));
  }

  /** The Pas-de-Calais row a territory applies (null: back to the match by name). */
  setSurveyRow(territoryCode: string, row: SurveyTerritory | null): void {
    const e = this.#edits();
    const rows = { ...e.rows };
    if (row === null) delete rows[territoryCode];
    else rows[territoryCode] = row;
    this.#store({ ...e, rows });
  }

  /** Shares entered for a territory, 0–1 for every answer (null: removes them). */
  setSurveyShares(territoryCode: string, shares: Record<TransportAnswer, number> | null): void {
    const e = this.#edits();
    const next = { ...e.shares };
    if (shares === null) delete next[territoryCode];
    else next[territoryCode] = { ...shares };
    this.#store({ ...e, shares: next });
  }

  readonly assumptions = $derived.by((): MobilityAssumptions => ({
    mode: this.mode,
    maxMinutes: this.maxMinutes,
    answers: this.answers,
    shareOverride: this.shareOverride,
    capacityYears: this.capacityYears,
    unknownCapacity: this.unknownCapacity,
  }));

  readonly scenario = $derived.by(() => scenarioSites(this.#app, this.#study));

  readonly model = $derived.by(() => this.#study.travel.modelOf(this.mode));

  readonly input = $derived.by((): MobilityInput | null => {
    const model = this.model;
    const effective = this.effective;
    if (!model || !effective) return null;
    const profileId = this.profileSchemeId;
    const members = this.#territories(profileId);
    if (profileId !== null && !members) return null;
    const base = tableInputOf(this.#app, this.#explore, this.#study, this.scenario.sites, model);
    if (!base) return null;
    return {
      ...base,
      barriers: effective.barriers,
      schemeOrder: this.#profileOrder,
      barrierTerritoryOf: members?.territoryOf ?? new Map<string, string>(),
    };
  });

  protected override computeTable(): MobilityTable | null {
    const input = this.input;
    return input ? mobilityTable(input, this.assumptions) : null;
  }

  /** Mobility services, as the scenario leaves them. */
  readonly services = $derived.by(() =>
    this.scenario.sites.filter((s) => isMobilityService(s) && !isBorderSite(s)),
  );

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
    const data = this.#study.data.data;
    const view = this.siting;
    if (!data || !view) return;
    const done = this.#study.scenario.openAtCommunes(
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
        ? (this.#study.scenario.actionError ?? '')
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
