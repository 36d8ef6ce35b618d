/**
 * The coverage mode's state: the axis and the assumptions the user sets, and the table derived
 * from them by src/domain/gaps (coverageTable), on the communes and beneficiaries the reach mode
 * loads, the territories of the scheme on screen, and the offer as the scenario leaves it. The
 * choropleth's classes are derived here too; the map layers only draw them.
 */
import { classOf, classifyRobust, type Classes } from '../domain/classify.ts';
import type { UnknownCapacityRule } from '../domain/gaps/allocation.ts';
import type { TableInput } from '../domain/gaps/common.ts';
import {
  DEFAULT_COVERAGE_AXIS,
  coverageTable,
  type CoverageAssumptions,
  type CoverageRow,
  type CoverageTable,
} from '../domain/gaps/coverage.ts';
import { sitesUnderScenario } from '../domain/gaps/scenario-sites.ts';
import { AXES, type Axis, type Site } from '../domain/model.ts';
import { DEFAULT_REACH_MINUTES } from '../domain/reach/scenario.ts';
import type { TravelMode, TravelModel } from '../domain/travel/model.ts';
import { modelFor } from '../domain/travel/models.ts';
import type { AppState } from './app-state.svelte.ts';
import { PUBLIC_BUILD } from './build-flags.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import type { ReachState } from './reach.svelte.ts';
import type { ViewParams } from './url.ts';

export const GAPS_CLASS_COUNT = 5;

/** What the choropleth of a mode shows: one measure of its rows. */
export interface Measure<R> {
  id: string;
  label: string;
  /** The label in a few words, for map titles. */
  short: string;
  unit: string;
  decimals: number;
  value: (r: R) => number | null;
  /** Whether it needs the beneficiaries by commune (absent from a published dataset). */
  byCommune: boolean;
  /** More is better (places): the map then darkens as it falls. */
  higherIsBetter?: boolean;
}

export const COVERAGE_MEASURES: readonly Measure<CoverageRow>[] = [
  {
    id: 'score',
    label: "Score d'écart (part des bénéficiaires concernés sans place à N min)",
    short: "Score d'écart",
    unit: '%',
    decimals: 1,
    value: (r) => r.score,
    byCommune: true,
  },
  {
    id: 'placesPer100',
    label: 'Places pour 100 bénéficiaires',
    short: 'Places pour 100 bénéficiaires',
    unit: '',
    decimals: 1,
    value: (r) => r.placesPer100,
    byCommune: false,
    higherIsBetter: true,
  },
  {
    id: 'populationOutOfReach',
    label: "Part de la population sans site de l'axe à N min",
    short: 'Population hors de portée',
    unit: '%',
    decimals: 1,
    value: (r) => (r.population > 0 ? (100 * r.populationOutOfReach) / r.population : null),
    byCommune: false,
  },
];

/** The table input shared by the coverage and mobility states. */
export function tableInputOf(
  app: AppState,
  explore: ExploreView,
  reach: ReachState,
  sites: readonly Site[],
  model: TravelModel,
): TableInput | null {
  const data = reach.data;
  const territories = reach.territories;
  if (!data || !territories) return null;
  const published = Boolean(app.data.meta?.tables.published_needs);
  return {
    data,
    model,
    sites,
    territories,
    publishedNeed: published
      ? {
          byTerritory: new Map(explore.aggregates.map((a) => [a.code, a.need])),
          total: explore.total?.need ?? null,
        }
      : undefined,
    departement: { code: app.data.meta?.departement.code ?? '', name: 'Ensemble du département' },
  };
}

/** The model of a mode, with the reach mode's parameters and imported matrix for that mode. */
export function modelOf(reach: ReachState, mode: TravelMode): TravelModel | null {
  const data = reach.data;
  if (!data) return null;
  return modelFor(
    data.network,
    { mode, car: reach.car, noCar: reach.noCar },
    reach.matrices[mode] ?? null,
  );
}

/** The offer as the reach scenario leaves it, or the error that keeps it from applying. */
export function scenarioSites(
  app: AppState,
  reach: ReachState,
): { sites: Site[]; error: string | null } {
  try {
    return { sites: sitesUnderScenario(app.data.sites, reach.edits), error: null };
  } catch (e) {
    return { sites: [...app.data.sites], error: messageOf(e) };
  }
}

/** Classes of a measure over the rows, and the class of every commune's territory. */
export function choropleth<R extends { code: string }>(
  rows: readonly R[],
  measure: Measure<R>,
  territoryOf: ReadonlyMap<string, string>,
): { classes: Classes | null; communeClass: Map<string, number | null>; hasNoData: boolean } {
  const values = new Map(rows.map((r) => [r.code, measure.value(r)]));
  const classes = classifyRobust([...values.values()], GAPS_CLASS_COUNT);
  const communeClass = new Map<string, number | null>();
  for (const [commune, territory] of territoryOf) {
    const v = values.get(territory);
    communeClass.set(
      commune,
      v === null || v === undefined || !classes ? null : classOf(v, classes),
    );
  }
  return { classes, communeClass, hasNoData: [...values.values()].some((v) => v === null) };
}

/** The error a computation threw, as a message for the panel. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * What the coverage and mobility states share: their table (or the error that kept the domain
 * from computing it), the measures it can show and the choropleth of the one chosen.
 */
export abstract class GapsTableState<
  R extends { code: string },
  T extends { rows: readonly R[]; byCommune: boolean },
> {
  readonly #explore: ExploreView;
  readonly #allMeasures: readonly Measure<R>[];
  measureId = $state('');

  constructor(explore: ExploreView, measures: readonly Measure<R>[], measureId: string) {
    this.#explore = explore;
    this.#allMeasures = measures;
    this.measureId = measureId;
  }

  /** The table on the current inputs, null while they are missing; throws what the domain throws. */
  protected abstract computeTable(): T | null;

  readonly result = $derived.by((): { table: T | null; error: string | null } => {
    try {
      return { table: this.computeTable(), error: null };
    } catch (e) {
      return { table: null, error: messageOf(e) };
    }
  });

  get table(): T | null {
    return this.result.table;
  }

  readonly measures = $derived.by(() =>
    this.#allMeasures.filter((m) => !m.byCommune || this.table?.byCommune !== false),
  );

  readonly measure = $derived.by(
    () => this.measures.find((m) => m.id === this.measureId) ?? (this.measures[0] as Measure<R>),
  );

  readonly rowByCode = $derived.by(() => new Map((this.table?.rows ?? []).map((r) => [r.code, r])));

  readonly map = $derived.by(() =>
    choropleth(this.table?.rows ?? [], this.measure, this.#explore.territoryOf),
  );

  /** Changes whenever a commune's class may have changed. */
  readonly mapKey = $derived.by(() => {
    void this.table;
    return `${this.measure.id}|${this.map.classes?.breaks.join(',') ?? ''}|${++keys}`;
  });
}

let keys = 0;

export class GapsState extends GapsTableState<CoverageRow, CoverageTable> {
  readonly #app: AppState;
  readonly #explore: ExploreView;
  readonly #reach: ReachState;

  axis = $state<Axis>(DEFAULT_COVERAGE_AXIS);
  mode = $state<TravelMode>('voiture');
  maxMinutes = $state(DEFAULT_REACH_MINUTES);
  /** Share of the beneficiaries concerned by the axis, 0–1. */
  concernedShare = $state(1);
  unknownCapacity = $state<UnknownCapacityRule>('unlimited');

  constructor(app: AppState, explore: ExploreView, reach: ReachState) {
    // The published version has no beneficiaries by commune, hence no score.
    super(explore, COVERAGE_MEASURES, PUBLIC_BUILD ? 'placesPer100' : 'score');
    this.#app = app;
    this.#explore = explore;
    this.#reach = reach;
  }

  /** The coverage settings of a link; defaults are left out. */
  viewParams(): Partial<ViewParams> {
    return {
      axis: this.axis !== DEFAULT_COVERAGE_AXIS ? this.axis : null,
      minutes: this.maxMinutes !== DEFAULT_REACH_MINUTES ? this.maxMinutes : null,
      travel: this.mode !== 'voiture' ? this.mode : null,
      concernedPercent:
        this.concernedShare !== 1 ? Math.round(this.concernedShare * 1000) / 10 : null,
    };
  }

  applyView(v: ViewParams): void {
    if (v.axis && AXES.includes(v.axis as Axis)) this.axis = v.axis as Axis;
    if (v.minutes !== null) this.maxMinutes = v.minutes;
    if (v.travel) this.mode = v.travel;
    if (v.concernedPercent !== null) this.concernedShare = v.concernedPercent / 100;
  }

  readonly assumptions = $derived.by((): CoverageAssumptions => ({
    axis: this.axis,
    mode: this.mode,
    maxMinutes: this.maxMinutes,
    concernedShare: this.concernedShare,
    unknownCapacity: this.unknownCapacity,
  }));

  readonly scenario = $derived.by(() => scenarioSites(this.#app, this.#reach));

  readonly model = $derived.by(() => modelOf(this.#reach, this.mode));

  protected override computeTable(): CoverageTable | null {
    const model = this.model;
    if (!model) return null;
    const input = tableInputOf(this.#app, this.#explore, this.#reach, this.scenario.sites, model);
    return input ? coverageTable(input, this.assumptions) : null;
  }

  /** Sites of the axis, as the scenario leaves them. */
  readonly axisSites = $derived.by(() =>
    this.scenario.sites.filter((s) => s.axes.includes(this.axis)),
  );
}
