/**
 * The coverage mode's state: the axis and the assumptions the user sets, and the table derived
 * from them by src/domain/gaps (coverageTable), on the communes and beneficiaries the reach mode
 * loads, the territories of the scheme on screen, and the offer as the scenario leaves it. The
 * choropleth's classes are derived here too; the map layers only draw them.
 */
import { messageOf } from '../domain/errors.ts';
import { classOf, classesFor, type Classes, type MeasureScale } from '../domain/classify.ts';
import { defaultCoverageAxis } from '../domain/completeness.ts';
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
import { AXES, isBorderSite, type Axis, type Site } from '../domain/model.ts';
import { AXIS_LABELS } from '../domain/labels.ts';
import {
  NO_PARTS,
  NO_VALUE_STATES,
  knownFigure,
  missingFigure,
  ratioFigure,
  sumFigure,
  type Figure,
  type NoValueState,
  type Parts,
} from '../domain/value-state.ts';

/** The state of a figure without a value (a partial or known one has a value). */
export const noValueState = (f: Figure): NoValueState =>
  f.state === 'known' || f.state === 'partial' ? 'missing' : f.state;
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
  /**
   * A share (0–100 %) is classed on fixed breaks, the same for every territory and dataset;
   * counts and rates (the default) on classes drawn from the values.
   */
  scale?: MeasureScale;
  /** Why a row has no value (drawn apart, in the legend with its count); else « sans objet ». */
  state?: (r: R) => NoValueState;
}

/** The places of a coverage line as a figure: over the sites of known capacity, or unknown. */
export function coveragePlacesFigure(r: CoverageRow): Figure {
  if (r.sites === 0) return knownFigure(0, 'lieu');
  const parts: Parts = { ...NO_PARTS, known: r.sites - r.sitesUnknownCapacity };
  parts.unknown = r.sitesUnknownCapacity;
  // Over the sites of known capacity, however few, as the allocation counts them (the rule for
  // the others is the user's, named on the figure); unknown only when none is known.
  return sumFigure(r.places, parts, parts.known / r.sites, 'lieu', 0);
}

/** Places per 100 beneficiaries, unknown when the capacities are, never 0 for want of them. */
export function coveragePer100Figure(r: CoverageRow): Figure {
  return ratioFigure(
    coveragePlacesFigure(r),
    r.need === null ? missingFigure('secret') : r.need,
    100,
  );
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
    scale: 'share',
  },
  {
    id: 'placesPer100',
    label: 'Places pour 100 bénéficiaires',
    short: 'Places pour 100 bénéficiaires',
    unit: '',
    decimals: 1,
    value: (r) => coveragePer100Figure(r).value,
    state: (r) => noValueState(coveragePer100Figure(r)),
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
    scale: 'share',
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
    data.networks?.[mode] ?? null,
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

/**
 * Classes of a measure over the rows, and the class of every commune's territory. With
 * `withheld`, no value is drawn: every commune is « non renseigné » (a coverage axis the data has
 * no site of would read 100 % out of reach everywhere).
 */
export function choropleth<R extends { code: string }>(
  rows: readonly R[],
  measure: Measure<R>,
  territoryOf: ReadonlyMap<string, string>,
  withheld = false,
): {
  classes: Classes | null;
  communeClass: Map<string, number | NoValueState | null>;
  hasNoData: boolean;
  withheld: boolean;
  /** Territories without a value, by the state the measure gives them. */
  stateCounts: { state: NoValueState; count: number }[];
  /** The territories' values the classes were cut from (for the legend's histogram). */
  values: (number | null)[];
} {
  const values = new Map(rows.map((r) => [r.code, withheld ? null : measure.value(r)]));
  const states = new Map<string, NoValueState>();
  if (!withheld && measure.state) {
    for (const r of rows) if (values.get(r.code) === null) states.set(r.code, measure.state(r));
  }
  const classes = withheld
    ? null
    : classesFor([...values.values()], measure.scale ?? 'rate', GAPS_CLASS_COUNT);
  const communeClass = new Map<string, number | NoValueState | null>();
  for (const [commune, territory] of territoryOf) {
    const v = values.get(territory);
    communeClass.set(
      commune,
      withheld
        ? 'missing'
        : v === null || v === undefined || !classes
          ? (states.get(territory) ?? null)
          : classOf(v, classes),
    );
  }
  const counts = new Map<NoValueState, number>();
  for (const st of states.values()) counts.set(st, (counts.get(st) ?? 0) + 1);
  return {
    classes,
    values: [...values.values()],
    communeClass,
    hasNoData: !withheld && [...values].some(([code, v]) => v === null && !states.has(code)),
    withheld,
    stateCounts: NO_VALUE_STATES.filter((st) => counts.has(st)).map((st) => ({
      state: st,
      count: counts.get(st) ?? 0,
    })),
  };
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

  /** Whether the map draws no value at all, and why (a sentence), or null. */
  protected withheld(): string | null {
    return null;
  }

  readonly map = $derived.by(() =>
    choropleth(
      this.table?.rows ?? [],
      this.measure,
      this.#explore.territoryOf,
      this.withheld() !== null,
    ),
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

  /** The axis the user chose; null: the default, which follows the data (`defaultAxis`). */
  #axisChoice = $state<Axis | null>(null);
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

  /**
   * The axis the view opens on: the usual one when the data has sites of it, else the first axis
   * that has (an axis without sites would show a uniform 100 % that says nothing).
   */
  readonly defaultAxis = $derived.by(() =>
    defaultCoverageAxis(this.#app.data.sites, DEFAULT_COVERAGE_AXIS),
  );

  get axis(): Axis {
    return this.#axisChoice ?? this.defaultAxis;
  }

  set axis(axis: Axis) {
    this.#axisChoice = axis;
  }

  /**
   * Sites of every axis in the data (the axis list says how many): the département's own, as the
   * coverage counts them (those of neighbouring départements only serve the travel times).
   */
  readonly axisSiteCounts = $derived.by(() => {
    const out = new Map<Axis, number>();
    for (const s of this.#app.data.sites) {
      if (isBorderSite(s)) continue;
      for (const a of s.axes) out.set(a, (out.get(a) ?? 0) + 1);
    }
    return out;
  });

  protected override withheld(): string | null {
    const t = this.table;
    if (!t || t.axisSites > 0) return null;
    return `Aucun lieu de l'axe « ${AXIS_LABELS[this.axis]} » dans les données : la couverture n'est pas calculée (elle se lirait 100 % hors de portée partout, ce qui ne dit rien du territoire). Choisissez un autre axe, ou importez ces lieux (modèle CSV ou data·inclusion).`;
  }

  /** Why the map draws no value, when it draws none. */
  get withheldReason(): string | null {
    return this.withheld();
  }

  /** The coverage settings of a link; defaults are left out. */
  viewParams(): Partial<ViewParams> {
    return {
      axis: this.#axisChoice !== null && this.#axisChoice !== this.defaultAxis ? this.axis : null,
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

  /** Sites of the axis, as the scenario leaves them, in the département (those the figures count). */
  readonly axisSites = $derived.by(() =>
    this.scenario.sites.filter((s) => s.axes.includes(this.axis) && !isBorderSite(s)),
  );
}
