/**
 * The "territory × measure" building block of the coverage and mobility tools: a table of rows by
 * territory computed by src/domain/gaps on the study's inputs (communes, needs, territories of
 * the scheme on screen, the offer as the scenario leaves it, the travel model), the measures it
 * can show, and the choropleth of the one chosen. Each tool configures it with its own table and
 * measures; neither imports the other.
 */
import { isPublishedDataset } from '../data/inputs.ts';
import { classOf, classesFor, type Classes, type MeasureScale } from '../domain/classify.ts';
import { messageOf } from '../domain/errors.ts';
import type { TableInput } from '../domain/gaps/common.ts';
import { sitesUnderScenario } from '../domain/gaps/scenario-sites.ts';
import type { Site } from '../domain/model.ts';
import type { TravelModel } from '../domain/travel/model.ts';
import { NO_VALUE_STATES, type Figure, type NoValueState } from '../domain/value-state.ts';
import type { AppState } from './app-state.svelte.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import type { Study } from './study.ts';

/** The state of a figure without a value (a partial or known one has a value). */
export const noValueState = (f: Figure): NoValueState =>
  f.state === 'known' || f.state === 'partial' ? 'missing' : f.state;

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

/** The table input shared by the coverage and mobility states. */
export function tableInputOf(
  app: AppState,
  explore: ExploreView,
  study: Study,
  sites: readonly Site[],
  model: TravelModel,
): TableInput | null {
  const data = study.data.data;
  const territories = study.data.territories;
  if (!data || !territories) return null;
  const meta = app.data.meta;
  const published = meta !== null && isPublishedDataset(meta);
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

/** The offer as the study's scenario leaves it, or the error that keeps it from applying. */
export function scenarioSites(
  app: AppState,
  study: Study,
): { sites: Site[]; error: string | null } {
  try {
    return { sites: sitesUnderScenario(app.data.sites, study.scenario.edits), error: null };
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
export abstract class TerritoryMeasureState<
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
