/**
 * The layers of the reach map, in drawing order: communes coloured by travel-time band,
 * département border, scheme outlines, moves, sites, the site being dragged, siting proposals.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import { GAIN_COLORS, REACH_BAND_COLORS } from './colors.ts';
import { classFill, outlineLayers, sizeScale } from './common-layers.ts';
import { communesLayer } from './layers/communes-layer.ts';
import {
  reachMovesLayer,
  reachSitesLayer,
  suggestionsLayers,
  type ReachSitePoint,
  type SuggestedSite,
} from './layers/reach-sites-layer.ts';

export interface ReachLayersInput {
  features: CommuneFeature[];
  border: MultiLineString;
  /** Borders between communes (`communeBorders`), or null to leave them out. */
  communeBorders: MultiLineString | null;
  outlines: MultiLineString | null;
  /** Band index (0 … 4) of a commune, or null while unknown. */
  bandOf: (code: string) => number | null;
  /** With it, the difference map: class in GAIN_CLASSES of the minutes a commune gains. */
  gainClassOf?: ((code: string) => number | null) | null;
  /** Colours of the difference map's classes (GAIN_COLORS unless given). */
  gainColors?: readonly string[];
  /** Changes whenever the difference map's classes may have changed. */
  gainKey?: string;
  /** Changes whenever any commune's band may have changed. */
  bandKey: string;
  sites: ReachSitePoint[];
  sitesKey: string;
  suggestions: SuggestedSite[];
  /** Larger points for a projector. */
  large?: boolean;
}

export function reachLayers(i: ReachLayersInput): Layer[] {
  const gainClassOf = i.gainClassOf;
  const scale = sizeScale(i.large);
  return [
    // Its own layer, not the explore choropleth's: deck.gl keeps a layer's state by its id.
    communesLayer({
      id: 'reach-communes',
      features: i.features,
      fillOf: classFill(
        gainClassOf ? (i.gainColors ?? GAIN_COLORS) : REACH_BAND_COLORS,
        gainClassOf ?? i.bandOf,
      ),
      colorKey: `${gainClassOf ? (i.gainKey ? `gain|${i.gainKey}` : 'gain') : 'band'}|${i.bandKey}`,
    }),
    ...outlineLayers(i, scale),
    reachMovesLayer(i.sites, i.sitesKey),
    reachSitesLayer({ sites: i.sites, radiusPixels: 4.5 * scale, key: i.sitesKey }),
    ...(i.suggestions.length > 0 ? suggestionsLayers(i.suggestions, 9 * scale) : []),
  ];
}
