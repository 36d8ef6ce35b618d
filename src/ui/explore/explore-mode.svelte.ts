/**
 * The explore mode on the map: the choropleth of the chosen indicator by territory, the offer
 * points, and the selection of a territory by click.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { CommuneFeature } from '../../data/geometry.ts';
import { AXIS_LABELS, SITE_KIND_LABELS } from '../../domain/labels.ts';
import type { Site } from '../../domain/model.ts';
import { exploreLayers } from '../../map/explore-layers.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import { CLASS_COUNT, type ExploreView } from '../../state/explore-view.svelte.ts';
import { formatNumber } from '../format.ts';
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
