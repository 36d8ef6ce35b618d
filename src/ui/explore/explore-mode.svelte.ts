/**
 * The explore mode on the map: the choropleth of the chosen indicator by territory, the offer
 * points, and the selection of a territory by click.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { CommuneFeature } from '../../data/geometry.ts';
import { AXIS_LABELS, SITE_KIND_LABELS } from '../../domain/labels.ts';
import { AXES, type Site } from '../../domain/model.ts';
import { AXIS_COLORS, sequentialRamp } from '../../map/colors.ts';
import type { ImageLegend } from '../../map/export-image.ts';
import { exploreLayers } from '../../map/explore-layers.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import { CLASS_COUNT, type ExploreView } from '../../state/explore-view.svelte.ts';
import { formatNumber } from '../format.ts';
import { classLegendItems } from '../legend-items.ts';
import type { MapMode, TooltipContent } from '../map-mode.ts';

/** Tooltip lines of an offer site, shared by every mode that draws sites. */
export function describeSite(s: Site): TooltipContent {
  return {
    title: s.name,
    lines: [
      SITE_KIND_LABELS[s.kind] + (s.detail ? ` (${s.detail.replaceAll('_', ' ')})` : ''),
      s.axes.map((a) => AXIS_LABELS[a]).join(', '),
      s.capacity !== null ? `${formatNumber(s.capacity)} places` : 'Capacité non renseignée',
    ],
  };
}

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

  readonly legends = $derived.by((): ImageLegend[] => {
    const v = this.#view;
    const classCount = (v.classes?.breaks.length ?? 0) + 1;
    const legends: ImageLegend[] = [
      {
        title: v.indicatorTitle,
        items: classLegendItems(
          v.classes,
          sequentialRamp(classCount),
          v.indicator.decimals,
          v.hasNoData,
        ),
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
      communeClass: v.communeClass,
      classCount: (v.classes?.breaks.length ?? CLASS_COUNT - 1) + 1,
      classKey: v.classKey,
      isCommuneScheme: v.isCommuneScheme,
      outlines: v.outlines,
      selectionOutline: v.selectionOutline,
      sites: v.visibleSites,
      labels: v.labels,
      large: this.#app.largeDisplay,
    });
  });

  describe(info: PickingInfo): TooltipContent | null {
    const v = this.#view;
    if (info.layer?.id === 'sites') return describeSite(info.object as Site);
    if (info.layer?.id !== 'communes') return null;
    const f = info.object as CommuneFeature;
    const territory = v.territoryOf.get(f.id);
    const agg = territory ? v.aggregateByCode.get(territory) : undefined;
    const value = territory ? v.values.get(territory) : undefined;
    const lines: string[] = [];
    if (agg && !v.isCommuneScheme) lines.push(agg.name);
    if (value !== undefined) {
      lines.push(`${v.indicatorTitle} : ${formatNumber(value, v.indicator.decimals)}`);
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
