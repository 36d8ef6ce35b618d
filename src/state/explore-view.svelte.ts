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
import { COMMUNE_SCHEME_ID, isBorderSite, type Site } from '../domain/model.ts';
import type { AppState } from './app-state.svelte.ts';
import type { SchemeFigures } from './explore.svelte.ts';

export const CLASS_COUNT = 5;
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

  /** Figures are current when they answer the scheme and need on screen. */
  readonly current = $derived.by(() => {
    const k = this.#figures.key.split('|');
    return k[1] === this.#app.effectiveSchemeId && k[2] === this.#app.needId;
  });

  /** Why the figures could not be computed, if they could not. */
  readonly error = $derived.by(() => this.#figures.error);

  readonly aggregates = $derived.by(() => (this.current ? this.#figures.aggregates : []));

  /** The département as a whole, the reference of every comparison. */
  readonly total = $derived.by(() => (this.current ? this.#figures.total : null));

  readonly aggregateByCode = $derived.by(
    () => new Map(this.aggregates.map((a) => [a.code, a] as [string, TerritoryAggregate])),
  );

  readonly territoryOf = $derived.by(() =>
    this.current ? this.#figures.territoryOf : new Map<string, string>(),
  );

  readonly values = $derived.by(() => {
    const ind = this.indicator;
    return new Map(this.aggregates.map((a) => [a.code, ind.value(a)]));
  });

  readonly classes = $derived.by((): Classes | null =>
    classifyRobust([...this.values.values()], CLASS_COUNT),
  );

  readonly hasNoData = $derived.by(() => [...this.values.values()].some((v) => v === null));

  /** Class of the territory of every commune, or null (no value yet, or none). */
  readonly communeClass = $derived.by(() => {
    const out = new Map<string, number | null>();
    const classes = this.classes;
    for (const [commune, territory] of this.territoryOf) {
      const v = this.values.get(territory);
      out.set(commune, v === null || v === undefined || !classes ? null : classOf(v, classes));
    }
    return out;
  });

  /** Changes whenever any commune's class may have changed. */
  readonly classKey = $derived.by(
    () => `${this.#figures.key}|${this.indicator.id}|${this.classes?.breaks.join(',') ?? ''}`,
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

  /** The département's own offer: sites of neighbouring départements count for times only. */
  readonly visibleSites = $derived.by((): Site[] => {
    if (!this.#app.showSites) return [];
    const hidden = this.#app.hiddenAxes;
    return this.#app.data.sites.filter(
      (s) => !isBorderSite(s) && (hidden.length === 0 || s.axes.some((a) => !hidden.includes(a))),
    );
  });
}
