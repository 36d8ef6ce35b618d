/**
 * What the explore map shows, derived from the app state and the figures: the value and class of
 * every territory, the outlines and labels of the scheme, the selected outline, the visible
 * sites. Colours are chosen by the map layer; this class only says which class each commune is in.
 */
import type { MultiLineString } from 'geojson';
import { schemeOutlines, territoryOutline } from '../data/geometry.ts';
import { classOf, classifyRobust, type Classes } from '../domain/classify.ts';
import {
  indicatorById,
  indicatorLabel,
  lowerFirst,
  type TerritoryAggregate,
} from '../domain/indicators.ts';
import { territoryLabelPoints } from '../domain/label-points.ts';
import { shortTerritoryName } from '../domain/territory-names.ts';
import { ACCUEIL_KINDS, COMMUNE_SCHEME_ID, isBorderSite, type Site } from '../domain/model.ts';
import { sameSchemeFigures, type SchemeFiguresAnswer } from '../data/first-figures.ts';
import { siteShown, type SiteFilter } from '../domain/site-table.ts';
import { NO_VALUE_STATES, type Figure, type NoValueState } from '../domain/value-state.ts';

/** Class index of a commune's territory, or the state of its value when it has none. */
export type CommuneClass = number | NoValueState | null;
import type { AppState } from './app-state.svelte.ts';
import type { SchemeFigures } from './explore.svelte.ts';

export const CLASS_COUNT = 5;

const NO_TERRITORIES: Map<string, string> = new Map();

/** A number for each answer shown, so that a key tells two answers apart. */
const answerIds = new WeakMap<SchemeFiguresAnswer, number>();
let answers = 0;
function answerId(a: SchemeFiguresAnswer): number {
  let id = answerIds.get(a);
  if (id === undefined) answerIds.set(a, (id = ++answers));
  return id;
}
/** In the commune scheme, only towns this large get a label. */
const COMMUNE_LABEL_MIN_POPULATION = 5000;

export interface TerritoryLabel {
  code: string;
  text: string;
  position: [number, number];
}

export class ExploreView {
  #app: AppState;
  #figures: SchemeFigures;

  constructor(app: AppState, figures: SchemeFigures) {
    this.#app = app;
    this.#figures = figures;
  }

  readonly isCommuneScheme = $derived.by(() => this.#app.effectiveSchemeId === COMMUNE_SCHEME_ID);

  readonly indicator = $derived.by(() => indicatorById(this.#app.indicatorId));

  readonly indicatorTitle = $derived.by(() => indicatorLabel(this.indicator, this.#app.needLabel));

  readonly indicatorFormula = $derived.by(() =>
    this.indicator.formula.replaceAll('{need}', lowerFirst(this.#app.needLabel)),
  );

  /**
   * The figures of the scheme and need on screen: DuckDB's (or the build's snapshot) when they
   * answer them, else those computed at once from the tables decoded in the page, which are the
   * same; null while neither can give them.
   */
  readonly #latest = $derived.by((): SchemeFiguresAnswer | null => {
    const schemeId = this.#app.effectiveSchemeId;
    const needId = this.#app.needId;
    const k = this.#figures.key.split('|');
    if (k[1] === schemeId && k[2] === needId) return this.#figures.answer;
    return this.#app.data.localTables?.schemeFigures(schemeId, needId, ACCUEIL_KINDS) ?? null;
  });

  #shown: SchemeFiguresAnswer | null = null;

  /**
   * The answer shown, kept when a later one gives the same figures (DuckDB's after the page's
   * own): nothing derived from it is computed or drawn again.
   */
  readonly #answer = $derived.by((): SchemeFiguresAnswer | null => {
    const next = this.#latest;
    if (!next || !this.#shown || !sameSchemeFigures(next, this.#shown)) this.#shown = next;
    return this.#shown;
  });

  /** Figures are current when they answer the scheme and need on screen. */
  readonly current = $derived.by(() => this.#answer !== null);

  /** Why the figures could not be computed, if they could not. */
  readonly error = $derived.by(() => this.#figures.error);

  readonly aggregates = $derived.by(() => this.#answer?.aggregates ?? []);

  /** The département as a whole, the reference of every comparison. */
  readonly total = $derived.by(() => this.#answer?.total ?? null);

  readonly aggregateByCode = $derived.by(
    () => new Map(this.aggregates.map((a) => [a.code, a] as [string, TerritoryAggregate])),
  );

  readonly territoryOf = $derived.by(() => this.#answer?.territoryOf ?? NO_TERRITORIES);

  /** The indicator of every territory as a figure: its value, or why it has none. */
  readonly figures = $derived.by(() => {
    const ind = this.indicator;
    return new Map(this.aggregates.map((a) => [a.code, ind.figure(a)] as [string, Figure]));
  });

  readonly values = $derived.by(
    () => new Map([...this.figures].map(([code, f]) => [code, f.value] as [string, number | null])),
  );

  /** Classes of the values only: a territory without a value never enters them as 0. */
  readonly classes = $derived.by((): Classes | null =>
    classifyRobust([...this.values.values()], CLASS_COUNT),
  );

  /** Territories without a value, by state (drawn apart, each in the legend with its count). */
  readonly stateCounts = $derived.by(() => {
    const out: Partial<Record<NoValueState, number>> = {};
    for (const f of this.figures.values()) {
      if (f.value !== null) continue;
      const state: NoValueState =
        f.state === 'known' || f.state === 'partial' ? 'missing' : f.state;
      out[state] = (out[state] ?? 0) + 1;
    }
    return NO_VALUE_STATES.filter((s) => out[s]).map((s) => ({ state: s, count: out[s] ?? 0 }));
  });

  /** Territories whose value is over some of their communes only ("sur N communes"). */
  readonly partialCount = $derived.by(
    () => [...this.figures.values()].filter((f) => f.state === 'partial').length,
  );

  /**
   * Class of the territory of every commune, the state of its value when it has none, or null
   * (no figure yet).
   */
  readonly communeClass = $derived.by(() => {
    const out = new Map<string, CommuneClass>();
    const classes = this.classes;
    for (const [commune, territory] of this.territoryOf) {
      const f = this.figures.get(territory);
      if (!f) out.set(commune, null);
      else if (f.value === null) {
        out.set(commune, f.state === 'known' || f.state === 'partial' ? 'missing' : f.state);
      } else out.set(commune, classes ? classOf(f.value, classes) : null);
    }
    return out;
  });

  /** Changes whenever any commune's class may have changed. */
  readonly classKey = $derived.by(
    () =>
      `${this.#answer ? answerId(this.#answer) : 0}|${this.indicator.id}|${this.classes?.breaks.join(',') ?? ''}`,
  );

  readonly outlines = $derived.by((): MultiLineString | null => {
    const geometry = this.#app.data.geometry;
    if (!geometry || this.isCommuneScheme || this.territoryOf.size === 0) return null;
    const t = this.territoryOf;
    return schemeOutlines(geometry, (c) => t.get(c));
  });

  readonly selectionOutline = $derived.by((): MultiLineString | null => {
    const geometry = this.#app.data.geometry;
    const selected = this.#app.selected;
    if (!geometry || !selected || this.territoryOf.size === 0) return null;
    const t = this.territoryOf;
    return territoryOutline(geometry, (c) => t.get(c), selected);
  });

  readonly labels = $derived.by((): TerritoryLabel[] => {
    const communes = this.#app.data.communes;
    if (this.isCommuneScheme) {
      return communes
        .filter((c) => c.population >= COMMUNE_LABEL_MIN_POPULATION)
        .map((c) => ({ code: c.code, text: c.name, position: [c.lon, c.lat] }));
    }
    const points = territoryLabelPoints(communes, this.territoryOf);
    return this.aggregates.flatMap((a) => {
      const p = points.get(a.code);
      return p ? [{ code: a.code, text: shortTerritoryName(a.name), position: p }] : [];
    });
  });

  /** What the map and the table of sites show: the kinds and axes ticked. */
  readonly siteFilter = $derived.by((): SiteFilter => ({
    kinds: this.#app.siteKinds,
    hiddenAxes: this.#app.hiddenAxes,
  }));

  /**
   * The sites the filters keep, on the map and in the table alike: the département's own offer
   * (sites of neighbouring départements count for travel times only).
   */
  readonly filteredSites = $derived.by((): Site[] => {
    const f = this.siteFilter;
    return this.#app.data.sites.filter((s) => !isBorderSite(s) && siteShown(s, f));
  });

  readonly visibleSites = $derived.by((): Site[] =>
    this.#app.showSites ? this.filteredSites : [],
  );
}
