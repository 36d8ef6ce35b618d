/**
 * The explore mode on the map: the choropleth of the chosen indicator by territory, the offer
 * points, and the selection of a territory by click.
 */
import type { PickingInfo } from '@deck.gl/core';
import { communeBorders, type CommuneFeature } from '../../data/geometry.ts';
import { AXIS_LABELS } from '../../domain/labels.ts';
import { AXES, type Site } from '../../domain/model.ts';
import { STATE_EXPLANATIONS, figureStatus } from '../../domain/value-state.ts';
import { AXIS_COLORS, sequentialRamp } from '../../map/colors.ts';
import { exploreLayers } from '../../map/explore-layers.ts';
import type { ImageLegend } from '../../map/export-image.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import { CLASS_COUNT, type ExploreView } from '../../state/explore-view.svelte.ts';
import { describeSite } from '../common/site-tooltip.ts';
import { formatNumber } from '../format.ts';
import { classLegendItems, stateLegendItems, unitPlural } from '../legend-items.ts';
import type { MapMode, TooltipContent } from '../map-mode.ts';

export class ExploreMapMode implements MapMode {
  #app: AppState;
  #view: ExploreView;

  constructor(app: AppState, view: ExploreView) {
    this.#app = app;
    this.#view = view;
  }

  get title(): string {
    return this.#view.indicatorTitle;
  }

  readonly #sources = $derived.by(() => this.#app.data.sourceMap);

  readonly legends = $derived.by((): ImageLegend[] => {
    const v = this.#view;
    const ramp = sequentialRamp((v.classes?.breaks.length ?? 0) + 1);
    const noun: [string, string] = [this.#app.schemeUnit, unitPlural(this.#app.schemeUnit)];
    const legends: ImageLegend[] = [
      {
        title: v.indicatorTitle,
        items: classLegendItems(v.classes, ramp, v.indicator.decimals, false).concat(
          stateLegendItems(v.stateCounts, noun),
        ),
        distribution: v.classes
          ? {
              values: [...v.values.values()],
              classes: v.classes,
              colors: ramp,
              decimals: v.indicator.decimals,
              noun,
            }
          : undefined,
      },
    ];
    const axes = AXES.filter(
      (a) =>
        this.#app.showSites &&
        !this.#app.hiddenAxes.includes(a) &&
        v.visibleSites.some((s) => s.axes[0] === a),
    );
    if (axes.length > 0) {
      legends.push({
        title: "Offre d'insertion (axe principal)",
        items: axes.map((a) => ({ color: AXIS_COLORS[a], label: AXIS_LABELS[a], dot: true })),
      });
    }
    return legends;
  });

  readonly sourceIds = $derived.by(() => {
    const meta = this.#app.data.meta;
    if (!meta) return [];
    const need = meta.needIndicators.find((n) => n.id === this.#app.needId);
    const ids = this.#view.indicator.feeds.flatMap((f) =>
      f === 'population'
        ? [meta.populationSourceId]
        : f === 'need'
          ? need
            ? [need.sourceId]
            : []
          : [...new Set(this.#view.visibleSites.map((s) => s.sourceId))],
    );
    return [...new Set(ids)];
  });

  get mapLabel(): string {
    const v = this.#view;
    return `Carte : ${v.indicatorTitle}, par ${v.isCommuneScheme ? 'commune' : 'territoire'}`;
  }

  readonly layers = $derived.by(() => {
    const geometry = this.#app.data.geometry;
    const v = this.#view;
    if (!geometry) return [];
    return exploreLayers({
      features: geometry.features,
      border: geometry.border,
      communeBorders: v.isCommuneScheme ? communeBorders(geometry) : null,
      communeClass: v.communeClass,
      classCount: (v.classes?.breaks.length ?? CLASS_COUNT - 1) + 1,
      classKey: v.classKey,
      outlines: v.outlines,
      selectionOutline: v.selectionOutline,
      sites: v.visibleSites,
      labels: v.labels,
      large: this.#app.largeDisplay,
    });
  });

  describe(info: PickingInfo): TooltipContent | null {
    const v = this.#view;
    if (info.layer?.id === 'sites') return describeSite(info.object as Site, this.#sources);
    if (info.layer?.id !== 'communes') return null;
    const f = info.object as CommuneFeature;
    const territory = v.territoryOf.get(f.id);
    const agg = territory ? v.aggregateByCode.get(territory) : undefined;
    const figure = territory ? v.figures.get(territory) : undefined;
    const lines: string[] = [];
    if (agg && !v.isCommuneScheme) lines.push(agg.name);
    if (figure) {
      // A value that is not there is said in words, never as 0.
      if (figure.value === null) {
        const state =
          figure.state === 'known' || figure.state === 'partial' ? 'missing' : figure.state;
        lines.push(`${v.indicatorTitle} : ${figureStatus(figure) || 'non renseigné'}`);
        lines.push(`(${STATE_EXPLANATIONS[state]})`);
      } else {
        lines.push(`${v.indicatorTitle} : ${formatNumber(figure.value, v.indicator.decimals)}`);
        if (figure.state === 'partial') lines.push(figureStatus(figure));
      }
    }
    return { title: f.properties.name, lines };
  }

  click(info: PickingInfo): void {
    let commune: string | undefined;
    if (info.layer?.id === 'communes') commune = (info.object as CommuneFeature).id;
    else if (info.layer?.id === 'sites') commune = (info.object as Site).communeCode;
    const territory = commune ? this.#view.territoryOf.get(commune) : undefined;
    this.#app.selected = territory && territory !== this.#app.selected ? territory : null;
  }
}
