/**
 * The coverage mode on the map: territories coloured by the chosen measure of the gap table (the
 * score by default), the sites of the axis (hollow when their capacity is unknown), a click
 * selects a territory, whose sheet the panel shows.
 */
import type { PickingInfo } from '@deck.gl/core';
import { communeBorders, type CommuneFeature } from '../../data/geometry.ts';
import { SCENARIO_SOURCE_ID } from '../../domain/gaps/scenario-sites.ts';
import { AXIS_LABELS } from '../../domain/labels.ts';
import { AXIS_COLORS, gapRamp } from '../../map/colors.ts';
import type { ImageLegend } from '../../map/export-image.ts';
import { gapsLayers } from '../../map/gaps-layers.ts';
import type { OfferPoint } from '../../map/layers/offer-points-layer.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import type { ExploreView } from '../../state/explore-view.svelte.ts';
import type { GapsState } from '../../state/gaps.svelte.ts';
import { describeSite } from '../common/site-tooltip.ts';
import { reachText, formatMinutes } from '../common/travel-text.ts';
import { formatCount, formatNumber } from '../format.ts';
import { classLegendItems, stateLegendItems, unitPlural } from '../legend-items.ts';
import { peopleSourceIds, type MapMode, type TooltipContent } from '../map-mode.ts';
import { measureLabel, rampFor } from '../measure/measure-text.ts';
import { offerPoints } from '../measure/offer-points.ts';

export class GapsMapMode implements MapMode {
  #app: AppState;
  #explore: ExploreView;
  #gaps: GapsState;

  constructor(app: AppState, explore: ExploreView, gaps: GapsState) {
    this.#app = app;
    this.#explore = explore;
    this.#gaps = gaps;
  }

  get title(): string {
    const g = this.#gaps;
    return `${g.measure.short} · ${AXIS_LABELS[g.axis]} · ${reachText(g.maxMinutes, g.mode)}`;
  }

  get mapLabel(): string {
    return `Carte : ${this.title}, par ${this.#explore.isCommuneScheme ? 'commune' : 'territoire'}`;
  }

  readonly ramp = $derived.by(() => rampFor(this.#gaps.measure, this.#gaps.map.classes, gapRamp));

  readonly legends = $derived.by((): ImageLegend[] => {
    const g = this.#gaps;
    return [
      {
        title: measureLabel(g.measure, g.maxMinutes),
        items: g.map.withheld
          ? stateLegendItems(
              [{ state: 'missing', count: g.table?.rows.length ?? 0 }],
              [this.#app.schemeUnit, unitPlural(this.#app.schemeUnit)],
            )
          : [
              ...classLegendItems(g.map.classes, this.ramp, g.measure.decimals, g.map.hasNoData),
              ...stateLegendItems(g.map.stateCounts, [
                this.#app.schemeUnit,
                unitPlural(this.#app.schemeUnit),
              ]),
            ],
        distribution: g.map.classes
          ? {
              values: g.map.values,
              classes: g.map.classes,
              colors: this.ramp,
              decimals: g.measure.decimals,
              noun: [this.#app.schemeUnit, unitPlural(this.#app.schemeUnit)],
            }
          : undefined,
      },
      {
        title: `Sites de l'axe « ${AXIS_LABELS[g.axis]} »`,
        items: [
          { color: AXIS_COLORS[g.axis], label: 'Capacité connue', dot: true },
          { color: '#ffffff', label: 'Capacité inconnue', dot: true, ring: AXIS_COLORS[g.axis] },
        ],
      },
    ];
  });

  readonly sourceIds = $derived.by(() =>
    peopleSourceIds(
      this.#app,
      this.#gaps.axisSites.map((s) => s.sourceId).filter((id) => id !== SCENARIO_SOURCE_ID),
    ),
  );

  readonly #points = $derived.by(() => offerPoints(this.#gaps.axisSites));

  readonly layers = $derived.by(() => {
    const geometry = this.#app.data.geometry;
    if (!geometry) return [];
    const g = this.#gaps;
    const v = this.#explore;
    return gapsLayers({
      id: 'gaps',
      features: geometry.features,
      border: geometry.border,
      communeBorders: v.isCommuneScheme ? communeBorders(geometry) : null,
      communeClass: g.map.communeClass,
      ramp: this.ramp,
      classKey: g.mapKey,
      outlines: v.outlines,
      selectionOutline: v.selectionOutline,
      points: this.#points,
      pointColor: AXIS_COLORS[g.axis],
      pointsKey: `${g.axis}|${g.mapKey}`,
      suggestions: [],
      labels: v.labels,
      large: this.#app.largeDisplay,
    });
  });

  describe(info: PickingInfo): TooltipContent | null {
    const g = this.#gaps;
    if (info.layer?.id === 'gaps-sites') {
      const site = g.axisSites.find((s) => s.id === (info.object as OfferPoint).id);
      return site ? describeSite(site, this.#app.data.sourceMap) : null;
    }
    if (info.layer?.id !== 'gaps-communes') return null;
    const f = info.object as CommuneFeature;
    const territory = this.#explore.territoryOf.get(f.id);
    const row = territory ? g.rowByCode.get(territory) : undefined;
    const commune = g.table?.communes.find((c) => c.code === f.id);
    const lines: string[] = [];
    if (row && !this.#explore.isCommuneScheme) lines.push(row.name);
    if (row && g.map.withheld) {
      lines.push(`${measureLabel(g.measure, g.maxMinutes)} : non renseigné`);
      lines.push(`(aucun lieu de l'axe « ${AXIS_LABELS[g.axis]} » dans les données)`);
    } else if (row) {
      lines.push(
        `${measureLabel(g.measure, g.maxMinutes)} : ${formatNumber(g.measure.value(row), g.measure.decimals)}${g.measure.unit === '%' ? ' %' : ''}`,
      );
      if (row.rank !== null) lines.push(`Rang : ${row.rank} sur ${g.table?.rows.length ?? 0}`);
    }
    if (commune) {
      lines.push(
        commune.nearestMinutes === null
          ? `Aucun site de l'axe à ${formatNumber(g.maxMinutes)} min`
          : `Site de l'axe le plus proche : ${formatMinutes(commune.nearestMinutes)}`,
      );
      if (commune.served !== null) {
        lines.push(
          `Commune : ${formatCount(commune.concerned === null ? null : Math.round(commune.concerned))} concernés, ${formatNumber(commune.served)} servis`,
        );
      }
    }
    return { title: f.properties.name, lines };
  }

  click(info: PickingInfo): void {
    let commune: string | undefined;
    if (info.layer?.id === 'gaps-communes') commune = (info.object as CommuneFeature).id;
    else if (info.layer?.id === 'gaps-sites') {
      commune = this.#gaps.axisSites.find(
        (s) => s.id === (info.object as OfferPoint).id,
      )?.communeCode;
    }
    const territory = commune ? this.#explore.territoryOf.get(commune) : undefined;
    this.#app.selected = territory && territory !== this.#app.selected ? territory : null;
  }
}
