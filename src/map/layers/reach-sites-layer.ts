import { LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { SiteStatus } from '../../domain/reach/session.ts';
import { REACH_SITE_COLORS, hexToRgba } from '../colors.ts';

export interface ReachSitePoint {
  id: string;
  lon: number;
  lat: number;
  status: SiteStatus;
  /** Where a moved site was, drawn as a line to its new place. */
  origin: { lon: number; lat: number } | null;
  /** A site of a neighbouring département: drawn paler, it counts for the times only. */
  outside?: boolean;
}

export interface ReachSitesLayerOptions {
  sites: ReachSitePoint[];
  radiusPixels: number;
  /** Changes whenever a site's state or place changes. */
  key: string;
}

/**
 * Sites of the counted kinds, by their state in the scenario: existing (dark blue), opened (teal,
 * larger), moved (purple), closed (hollow grey); sites of neighbouring départements pale blue. A
 * white ring keeps them visible on any band.
 */
export function reachSitesLayer(o: ReachSitesLayerOptions) {
  // Closed first, opened last: new sites are drawn on top.
  const order: Record<SiteStatus, number> = { closed: 0, existing: 1, moved: 2, opened: 3 };
  const data = [...o.sites].sort((a, b) => order[a.status] - order[b.status]);
  return new ScatterplotLayer<ReachSitePoint>({
    id: 'reach-sites',
    data,
    pickable: true,
    getPosition: (s) => [s.lon, s.lat],
    getFillColor: (s) =>
      s.status === 'closed'
        ? [255, 255, 255, 230]
        : hexToRgba(REACH_SITE_COLORS[s.outside && s.status === 'existing' ? 'outside' : s.status]),
    getLineColor: (s) => (s.status === 'closed' ? [70, 70, 70, 255] : [255, 255, 255, 255]),
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: (s) => (s.status === 'existing' ? 1.5 : s.status === 'closed' ? 3 : 2.5),
    radiusUnits: 'pixels',
    getRadius: (s) =>
      (s.status === 'opened' || s.status === 'moved' ? 1.9 : s.status === 'closed' ? 1.4 : 1) *
      o.radiusPixels,
    updateTriggers: {
      getFillColor: o.key,
      getLineColor: o.key,
      getLineWidth: o.key,
      getRadius: o.key,
    },
  });
}

/** From the old place of each moved site to its new one. */
export function reachMovesLayer(sites: ReachSitePoint[], key: string) {
  const moved = sites.filter((s) => s.origin !== null && s.status !== 'closed');
  return new LineLayer<ReachSitePoint>({
    id: 'reach-moves',
    data: moved,
    getSourcePosition: (s) => [s.origin!.lon, s.origin!.lat],
    getTargetPosition: (s) => [s.lon, s.lat],
    getColor: hexToRgba(REACH_SITE_COLORS.moved, 220),
    getWidth: 2,
    widthUnits: 'pixels',
    updateTriggers: { getSourcePosition: key, getTargetPosition: key },
  });
}

export interface SuggestedSite {
  rank: number;
  lon: number;
  lat: number;
}

/** Places proposed by the siting, numbered in the order of their picks. */
export function suggestionsLayers(points: SuggestedSite[], radiusPixels: number) {
  return [
    new ScatterplotLayer<SuggestedSite>({
      id: 'reach-suggestions',
      data: points,
      pickable: true,
      getPosition: (p) => [p.lon, p.lat],
      getFillColor: hexToRgba(REACH_SITE_COLORS.suggested),
      getLineColor: [255, 255, 255, 255],
      stroked: true,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      radiusUnits: 'pixels',
      getRadius: radiusPixels,
    }),
    new TextLayer<SuggestedSite>({
      id: 'reach-suggestion-ranks',
      data: points,
      getPosition: (p) => [p.lon, p.lat],
      getText: (p) => String(p.rank),
      getSize: radiusPixels * 1.3,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontFamily: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
      fontWeight: 700,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'center',
      pickable: false,
    }),
  ];
}
