/**
 * The coverage mode's state: the axis and the assumptions the user sets, and the table derived
 * from them by src/domain/gaps (coverageTable), on the communes and beneficiaries the reach mode
 * loads, the territories of the scheme on screen, and the offer as the scenario leaves it. The
 * choropleth's classes are derived here too; the map layers only draw them.
 */
import { defaultCoverageAxis } from '../domain/completeness.ts';
import type { UnknownCapacityRule } from '../domain/gaps/allocation.ts';
import {
  DEFAULT_COVERAGE_AXIS,
  coverageTable,
  type CoverageAssumptions,
  type CoverageRow,
  type CoverageTable,
} from '../domain/gaps/coverage.ts';
import { AXES, isBorderSite, type Axis } from '../domain/model.ts';
import { AXIS_LABELS } from '../domain/labels.ts';
import {
  NO_PARTS,
  knownFigure,
  missingFigure,
  ratioFigure,
  sumFigure,
  type Figure,
  type Parts,
} from '../domain/value-state.ts';

import { DEFAULT_REACH_MINUTES } from '../domain/reach/scenario.ts';
import type { TravelMode } from '../domain/travel/model.ts';
import type { AppState } from './app-state.svelte.ts';
import { PUBLIC_BUILD } from './build-flags.ts';
import type { ExploreView } from './explore-view.svelte.ts';
import type { Study } from './study.ts';
import {
  TerritoryMeasureState,
  noValueState,
  scenarioSites,
  tableInputOf,
  type Measure,
} from './territory-measure.svelte.ts';
import type { ViewParams } from './url.ts';

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

export class GapsState extends TerritoryMeasureState<CoverageRow, CoverageTable> {
  readonly #app: AppState;
  readonly #explore: ExploreView;
  readonly #study: Study;

  /** The axis the user chose; null: the default, which follows the data (`defaultAxis`). */
  #axisChoice = $state<Axis | null>(null);
  mode = $state<TravelMode>('voiture');
  maxMinutes = $state(DEFAULT_REACH_MINUTES);
  /** Share of the beneficiaries concerned by the axis, 0–1. */
  concernedShare = $state(1);
  unknownCapacity = $state<UnknownCapacityRule>('unlimited');

  constructor(app: AppState, explore: ExploreView, study: Study) {
    // The published version has no beneficiaries by commune, hence no score.
    super(explore, COVERAGE_MEASURES, PUBLIC_BUILD ? 'placesPer100' : 'score');
    this.#app = app;
    this.#explore = explore;
    this.#study = study;
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

  readonly scenario = $derived.by(() => scenarioSites(this.#app, this.#study));

  readonly model = $derived.by(() => this.#study.travel.modelOf(this.mode));

  protected override computeTable(): CoverageTable | null {
    const model = this.model;
    if (!model) return null;
    const input = tableInputOf(this.#app, this.#explore, this.#study, this.scenario.sites, model);
    return input ? coverageTable(input, this.assumptions) : null;
  }

  /** Sites of the axis, as the scenario leaves them, in the département (those the figures count). */
  readonly axisSites = $derived.by(() =>
    this.scenario.sites.filter((s) => s.axes.includes(this.axis) && !isBorderSite(s)),
  );
}
