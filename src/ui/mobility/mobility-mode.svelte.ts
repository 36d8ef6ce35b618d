/**
 * The mobility mode on the map: territories coloured by the unmet need for mobility support (or
 * another measure of the table), the mobility services (hollow when their capacity is unknown),
 * the proposed platforms numbered; a click selects a territory.
 */
import type { PickingInfo } from '@deck.gl/core';
import { communeBorders, type CommuneFeature } from '../../data/geometry.ts';
import { SCENARIO_SOURCE_ID } from '../../domain/gaps/scenario-sites.ts';
import { MOBILITY_SERVICE_LABELS } from '../../domain/labels.ts';
import type { MobilityService } from '../../domain/model.ts';
import { AXIS_COLORS, mobilityRamp } from '../../map/colors.ts';
import type { ImageLegend } from '../../map/export-image.ts';
import { gapsLayers } from '../../map/gaps-layers.ts';
import type { OfferPoint } from '../../map/layers/offer-points-layer.ts';
import type { SuggestedSite } from '../../map/layers/reach-sites-layer.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import type { ExploreView } from '../../state/explore-view.svelte.ts';
import type { MobilityState } from '../../state/mobility.svelte.ts';
import type { StudyData } from '../../state/study-data.svelte.ts';
import { describeSite } from '../common/site-tooltip.ts';
import { reachText } from '../common/travel-text.ts';
import { formatNumber } from '../format.ts';
import { classLegendItems, unitPlural } from '../legend-items.ts';
import { peopleSourceIds, suggestedSites, type MapMode, type TooltipContent } from '../map-mode.ts';
import { measureLabel, rampFor } from '../measure/measure-text.ts';
import { offerPoints } from '../measure/offer-points.ts';

export class MobilityMapMode implements MapMode {
  #app: AppState;
  #explore: ExploreView;
  #study: StudyData;
  #mobility: MobilityState;

  constructor(app: AppState, explore: ExploreView, study: StudyData, mobility: MobilityState) {
    this.#app = app;
    this.#explore = explore;
    this.#study = study;
    this.#mobility = mobility;
  }

  get title(): string {
    const m = this.#mobility;
    return `${m.measure.short} · services de mobilité à ${reachText(m.maxMinutes, m.mode)}`;
  }

  get mapLabel(): string {
    return `Carte : ${this.title}, par ${this.#explore.isCommuneScheme ? 'commune' : 'territoire'}`;
  }

  readonly ramp = $derived.by(() =>
    rampFor(this.#mobility.measure, this.#mobility.map.classes, mobilityRamp),
  );

  readonly legends = $derived.by((): ImageLegend[] => {
    const m = this.#mobility;
    return [
      {
        title: measureLabel(m.measure, m.maxMinutes),
        items: classLegendItems(m.map.classes, this.ramp, m.measure.decimals, m.map.hasNoData),
        distribution: m.map.classes
          ? {
              values: m.map.values,
              classes: m.map.classes,
              colors: this.ramp,
              decimals: m.measure.decimals,
              noun: [this.#app.schemeUnit, unitPlural(this.#app.schemeUnit)],
            }
          : undefined,
      },
      {
        title: 'Services de mobilité solidaire',
        items: [
          { color: AXIS_COLORS.mobilite, label: 'Capacité connue', dot: true },
          { color: '#ffffff', label: 'Capacité inconnue', dot: true, ring: AXIS_COLORS.mobilite },
          ...(this.#suggestions.length > 0
            ? [{ color: '#e6007e', label: 'Plateforme proposée', dot: true }]
            : []),
        ],
      },
    ];
  });

  readonly sourceIds = $derived.by(() => {
    const offer = this.#mobility.services
      .map((s) => s.sourceId)
      .filter((id) => id !== SCENARIO_SOURCE_ID);
    return peopleSourceIds(this.#app, this.#mobility.table?.total.shareSourceIds ?? [], offer);
  });

  readonly #suggestions = $derived.by(() =>
    suggestedSites(this.#mobility.siting, this.#study.data, this.#mobility.sitingStale),
  );

  readonly #points = $derived.by(() => offerPoints(this.#mobility.services));

  readonly layers = $derived.by(() => {
    const geometry = this.#app.data.geometry;
    if (!geometry) return [];
    const m = this.#mobility;
    const v = this.#explore;
    return gapsLayers({
      id: 'mobility',
      features: geometry.features,
      border: geometry.border,
      communeBorders: v.isCommuneScheme ? communeBorders(geometry) : null,
      communeClass: m.map.communeClass,
      ramp: this.ramp,
      classKey: m.mapKey,
      outlines: v.outlines,
      selectionOutline: v.selectionOutline,
      points: this.#points,
      pointColor: AXIS_COLORS.mobilite,
      pointsKey: m.mapKey,
      suggestions: this.#suggestions,
      labels: v.labels,
      large: this.#app.largeDisplay,
    });
  });

  describe(info: PickingInfo): TooltipContent | null {
    const m = this.#mobility;
    if (info.layer?.id === 'mobility-sites') {
      const site = m.services.find((s) => s.id === (info.object as OfferPoint).id);
      if (!site) return null;
      const d = describeSite(site, this.#app.data.sourceMap);
      const service = MOBILITY_SERVICE_LABELS[site.detail as MobilityService];
      return {
        title: d.title,
        lines: [
          ...(service ? [service] : []),
          site.capacity !== null
            ? `${formatNumber(site.capacity)} personnes par an`
            : 'Capacité inconnue',
          ...d.lines.slice(3),
        ],
      };
    }
    if (info.layer?.id === 'reach-suggestions') {
      const s = info.object as SuggestedSite;
      const pick = m.siting?.result.picks[s.rank - 1];
      const data = this.#study.data;
      if (!pick || !data) return null;
      return {
        title: `Plateforme proposée n° ${s.rank} : ${data.names[pick.commune]}`,
        lines: [
          `+${formatNumber(pick.gain)} de besoin couvert à ${formatNumber(m.maxMinutes)} min`,
        ],
      };
    }
    if (info.layer?.id !== 'mobility-communes') return null;
    const f = info.object as CommuneFeature;
    const territory = this.#explore.territoryOf.get(f.id);
    const row = territory ? m.rowByCode.get(territory) : undefined;
    const lines: string[] = [];
    if (row && !this.#explore.isCommuneScheme) lines.push(row.name);
    if (row) {
      lines.push(
        `${measureLabel(m.measure, m.maxMinutes)} : ${formatNumber(m.measure.value(row), m.measure.decimals)}`,
      );
      if (row.rank !== null) lines.push(`Rang : ${row.rank} sur ${m.table?.rows.length ?? 0}`);
    }
    return { title: f.properties.name, lines };
  }

  click(info: PickingInfo): void {
    let commune: string | undefined;
    if (info.layer?.id === 'mobility-communes') commune = (info.object as CommuneFeature).id;
    else if (info.layer?.id === 'mobility-sites') {
      commune = this.#mobility.services.find(
        (s) => s.id === (info.object as OfferPoint).id,
      )?.communeCode;
    }
    const territory = commune ? this.#explore.territoryOf.get(commune) : undefined;
    this.#app.selected = territory && territory !== this.#app.selected ? territory : null;
  }
}
