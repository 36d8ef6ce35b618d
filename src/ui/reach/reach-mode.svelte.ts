/**
 * The reach mode on the map: communes coloured by travel time to the nearest site, the sites of
 * the counted kinds in their scenario state, the proposals of the siting; a click opens or closes
 * a site (by tool), a drag moves one.
 */
import { describeSite } from '../common/site-tooltip.ts';
import { formatMinutes } from '../common/travel-text.ts';
import type { PickingInfo } from '@deck.gl/core';
import { communeBorders, type CommuneFeature } from '../../data/geometry.ts';
import { communeLocator } from '../../domain/locate-commune.ts';
import { BORDER_ENTRY_KM, nearestCommune } from '../../domain/reach/session.ts';
import { REACH_BANDS } from '../../domain/reach/summary.ts';
import { noCarLegs } from '../../domain/travel/no-car-model.ts';
import { TRAVEL_MODE_LABELS } from '../../domain/travel/model.ts';
import { gainClassIndex } from '../../domain/reach/gain-classes.ts';
import { PAIR_COLORS, REACH_BAND_COLORS, REACH_SITE_COLORS } from '../../map/colors.ts';
import type { ImageLegend, LegendDistribution, LegendItem } from '../../map/export-image.ts';
import type { ReachSitePoint, SuggestedSite } from '../../map/layers/reach-sites-layer.ts';
import { reachLayers } from '../../map/reach-layers.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import { PUBLIC_BUILD } from '../../state/build-flags.ts';
import type { ExploreView } from '../../state/explore-view.svelte.ts';
import type { ReachState } from '../../state/reach.svelte.ts';
import { pairLegend, timesLegend } from './pair-legend.ts';
import {
  peopleSourceIds,
  suggestedSites,
  type MapDrag,
  type MapMode,
  type TooltipContent,
} from '../map-mode.ts';
import { SITE_STATUS_LABELS } from './reach-text.ts';
import { formatNumber } from '../format.ts';
import { objectKey } from '../object-key.ts';

export class ReachMapMode implements MapMode {
  #app: AppState;
  #explore: ExploreView;
  #reach: ReachState;

  constructor(app: AppState, explore: ExploreView, reach: ReachState) {
    this.#app = app;
    this.#explore = explore;
    this.#reach = reach;
  }

  get title(): string {
    if (this.showingPair) return `Écart de temps d'accès entre les scénarios B et A, par commune`;
    return `Temps d'accès au site le plus proche, ${TRAVEL_MODE_LABELS[this.#reach.study.travel.mode].toLowerCase()}`;
  }

  /** The map shows B − A of the two kept scenarios (chosen in the comparison panel). */
  get showingPair(): boolean {
    return this.#reach.pair.showingOn(
      this.#app.data.entry?.id ?? '',
      this.#reach.study.data.data?.network.codes,
    );
  }

  /**
   * The communes' times under the bands' legend; a commune beyond the horizon of the computation
   * has no time to place (it is in the last band).
   */
  readonly #timesDistribution = $derived.by((): LegendDistribution | undefined => {
    const minutes = this.#reach.study.scenario.snapshot?.minutes;
    if (!minutes) return undefined;
    const finite = Array.from(minutes).filter((m) => Number.isFinite(m));
    if (finite.length === 0) return undefined;
    return {
      values: finite,
      classes: {
        breaks: REACH_BANDS.slice(0, -1).map((b) => b.upToMinutes),
        min: 0,
        max: Math.max(REACH_BANDS.at(-2)!.upToMinutes, ...finite),
      },
      colors: REACH_BAND_COLORS,
      decimals: 0,
      noun: ['commune', 'communes'],
    };
  });

  /** The legends of what the map draws, on screen and in every image of it. */
  readonly legends = $derived.by((): ImageLegend[] => {
    const edited = this.#reach.study.scenario.edits.length > 0;
    const pair = this.showingPair
      ? pairLegend(this.#reach.pair, this.#app.data.geometry?.features.length ?? 0)
      : null;
    const item = (label: string, color: string): LegendItem => ({ label, color, dot: true });
    return [
      timesLegend(pair, this.#reach.showingGains, this.#timesDistribution),
      {
        title: 'Sites',
        items: [
          item('Site existant', REACH_SITE_COLORS.existing),
          ...(this.#reach.sites.some((s) => s.outside)
            ? [item('Site hors département (compté pour les temps)', REACH_SITE_COLORS.outside)]
            : []),
          ...(edited
            ? [
                item('Site ouvert (scénario)', REACH_SITE_COLORS.opened),
                item('Site déplacé (scénario)', REACH_SITE_COLORS.moved),
                { ...item('Site fermé (scénario)', '#ffffff'), ring: REACH_SITE_COLORS.closed },
              ]
            : []),
          ...(this.#suggestions.length > 0
            ? [item('Implantation proposée', REACH_SITE_COLORS.suggested)]
            : []),
        ],
      },
    ];
  });

  /** Population, beneficiaries and the offer of the counted kinds. */
  readonly sourceIds = $derived.by(() => {
    const kinds = this.#reach.study.travel.kinds;
    const offer = this.#app.data.sites.filter((s) => kinds.includes(s.kind)).map((s) => s.sourceId);
    return peopleSourceIds(this.#app, offer);
  });

  get mapLabel(): string {
    if (this.showingPair) return `Carte : écart de temps d'accès B − A, par commune`;
    return `Carte : temps d'accès au site le plus proche, ${TRAVEL_MODE_LABELS[this.#reach.study.travel.mode].toLowerCase()}, par commune`;
  }

  readonly #locate = $derived.by(() => {
    const g = this.#app.data.geometry;
    return g ? communeLocator(g.features) : null;
  });

  readonly #sitePoints = $derived.by((): ReachSitePoint[] => {
    const drag = this.#reach.dragging;
    return this.#reach.sites.map((s) => ({
      id: s.id,
      lon: drag?.id === s.id ? drag.lon : s.lon,
      lat: drag?.id === s.id ? drag.lat : s.lat,
      status: s.status,
      origin: s.origin,
      outside: s.outside,
    }));
  });

  readonly #suggestions = $derived.by(() =>
    suggestedSites(this.#reach.siting, this.#reach.study.data.data, this.#reach.sitingStale),
  );

  readonly layers = $derived.by(() => {
    const geometry = this.#app.data.geometry;
    if (!geometry) return [];
    const reach = this.#reach;
    const drag = reach.dragging;
    return reachLayers({
      features: geometry.features,
      border: geometry.border,
      communeBorders: communeBorders(geometry),
      outlines: this.#explore.outlines,
      bandOf: (code) => reach.bandOf(code),
      ...(this.showingPair
        ? {
            gainClassOf: (code: string) => this.#reach.pair.classOf(code),
            gainColors: PAIR_COLORS,
            gainKey: `pair|${this.#reach.pair.a?.label}|${this.#reach.pair.b?.label}|${this.#reach.pair.classes?.length}`,
          }
        : {
            gainClassOf: reach.showingGains
              ? (code: string) => {
                  const g = reach.gainOf(code);
                  return g === null ? null : gainClassIndex(g);
                }
              : null,
          }),
      bandKey: objectKey(reach.study.scenario.snapshot),
      sites: this.#sitePoints,
      sitesKey: `${objectKey(reach.study.scenario.snapshot)}|${drag ? `${drag.id}:${drag.lon}:${drag.lat}` : ''}`,
      suggestions: this.#suggestions,
    });
  });

  describe(info: PickingInfo): TooltipContent | null {
    const reach = this.#reach;
    if (info.layer?.id === 'reach-sites') {
      const point = info.object as ReachSitePoint;
      const site = reach.study.scenario.snapshot?.site(point.id);
      if (!site) return null;
      const dataSite = this.#app.data.sites.find((s) => s.id === site.id);
      const base = dataSite
        ? describeSite(dataSite, this.#app.data.sourceMap)
        : { title: site.name, lines: [] };
      return { title: base.title, lines: [SITE_STATUS_LABELS[site.status], ...base.lines] };
    }
    if (info.layer?.id === 'reach-suggestions') {
      const s = info.object as SuggestedSite;
      const pick = reach.siting?.result.picks[s.rank - 1];
      const data = reach.study.data.data;
      if (!pick || !data) return null;
      return {
        title: `Proposition n° ${s.rank} : ${data.names[pick.commune]}`,
        lines: [
          `+${formatNumber(pick.gain)} à moins de ${formatNumber(reach.study.travel.maxMinutes)} min`,
        ],
      };
    }
    if (info.layer?.id !== 'reach-communes') return null;
    const f = info.object as CommuneFeature;
    const t = reach.timeOf(f.id);
    if (!t) return { title: f.properties.name, lines: [] };
    const snapshot = reach.study.scenario.snapshot;
    const site = t.siteId ? snapshot?.site(t.siteId) : undefined;
    const model = snapshot?.model;
    return {
      title: f.properties.name,
      lines: [
        ...this.#pairLines(f.id),
        Number.isFinite(t.minutes)
          ? `${formatMinutes(t.minutes)} jusqu'au site le plus proche`
          : `Plus de ${formatNumber(reach.study.travel.horizonMinutes)} min de tout site`,
        // Where the time comes from: an estimate, a matrix, or a real network and its source.
        ...(model ? [`Temps : ${model.label}`] : []),
        ...(site ? [site.outside ? `${site.name} (hors département)` : site.name] : []),
        ...(site && Number.isFinite(t.minutes) ? this.#legs(f.id, site) : []),
      ],
    };
  }

  /** On the difference map, the commune's time in A and in B. */
  #pairLines(code: string): string[] {
    const { a, b } = this.#reach.pair;
    if (!this.showingPair || !a || !b) return [];
    const i = a.codes.indexOf(code);
    if (i < 0) return ['Scénarios A et B : pas de temps de trajet pour cette commune'];
    const time = (m: number) =>
      Number.isFinite(m)
        ? formatMinutes(m)
        : `plus de ${formatNumber(this.#reach.study.travel.horizonMinutes)} min`;
    return [`A : ${time(a.minutes[i] as number)} · B : ${time(b.minutes[i] as number)}`];
  }

  /** Without a car, the legs of the estimated trip (temps estimés), one line. */
  #legs(communeCode: string, site: { communeCode: string; lon: number; lat: number }): string[] {
    const { data, travel, scenario } = this.#reach.study;
    const net = data.data?.network;
    if (travel.mode !== 'sans-voiture' || scenario.snapshot?.model.id !== 'sans-voiture' || !net)
      return [];
    const from = net.indexOf.get(communeCode);
    const to =
      net.indexOf.get(site.communeCode) ?? nearestCommune(net, site.lon, site.lat, BORDER_ENTRY_KM);
    if (from === undefined || to === undefined) return [];
    const l = noCarLegs(net, travel.noCar, from, to);
    return [
      l.by === 'marche'
        ? `À pied : ${formatMinutes(l.walkMinutes)} (temps estimé)`
        : `Marche ${formatMinutes(l.walkMinutes)} · attente ${formatMinutes(l.waitMinutes)} · ` +
          `trajet ${formatMinutes(l.rideMinutes)} (temps estimés)`,
    ];
  }

  click(info: PickingInfo): void {
    // The public version is read-only: the map only shows.
    if (PUBLIC_BUILD) return;
    const reach = this.#reach;
    if (reach.tool === 'open') {
      const [lon, lat] = (info.coordinate ?? []) as number[];
      if (lon === undefined || lat === undefined) return;
      const code = this.#locate?.(lon, lat) ?? null;
      if (!code) {
        reach.study.scenario.actionError =
          'Cliquez dans une commune du département pour y ouvrir un site.';
        return;
      }
      reach.openAt(lon, lat, code);
    } else if (reach.tool === 'close' && info.layer?.id === 'reach-sites') {
      const point = info.object as ReachSitePoint;
      if (point.status !== 'closed') reach.study.scenario.close(point.id);
    }
  }

  #dragMoved = false;

  readonly drag: MapDrag = {
    start: (info) => {
      const reach = this.#reach;
      if (PUBLIC_BUILD || reach.tool !== 'move' || info.layer?.id !== 'reach-sites') return false;
      const point = info.object as ReachSitePoint;
      if (point.status === 'closed') return false;
      this.#dragMoved = false;
      reach.dragging = { id: point.id, lon: point.lon, lat: point.lat };
      return true;
    },
    move: (lon, lat) => {
      const d = this.#reach.dragging;
      if (!d) return;
      this.#dragMoved = true;
      this.#reach.dragging = { id: d.id, lon, lat };
    },
    end: (lon, lat) => {
      const reach = this.#reach;
      const d = reach.dragging;
      reach.dragging = null;
      if (!d || !this.#dragMoved) return;
      const code = this.#locate?.(lon, lat) ?? null;
      if (!code) {
        reach.study.scenario.actionError = 'Un site ne peut être déplacé hors du département.';
        return;
      }
      reach.study.scenario.move(d.id, lon, lat, code);
    },
  };
}
