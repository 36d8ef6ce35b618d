/**
 * The layers of the reach map, in drawing order: communes coloured by travel-time band,
 * département border, scheme outlines, moves, sites, the site being dragged, siting proposals.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import {
  GAIN_COLORS,
  NO_DATA_COLOR,
  OUTLINE_COLOR,
  REACH_BAND_COLORS,
  hexToRgba,
  type Rgba,
} from './colors.ts';
import { communesLayer } from './layers/communes-layer.ts';
import { outlinesLayer } from './layers/outlines-layer.ts';
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
  outlines: MultiLineString | null;
  /** Band index (0 … 4) of a commune, or null while unknown. */
  bandOf: (code: string) => number | null;
  /** With it, the difference map: class in GAIN_CLASSES of the minutes a commune gains. */
  gainClassOf?: ((code: string) => number | null) | null;
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
  const ramp = (gainClassOf ? GAIN_COLORS : REACH_BAND_COLORS).map((c) => hexToRgba(c, 235));
  const classOf = gainClassOf ?? i.bandOf;
  const noData = hexToRgba(NO_DATA_COLOR, 235);
  const fillOf = (code: string): Rgba => {
    const b = classOf(code);
    return b === null ? noData : (ramp[b] ?? noData);
  };
  const scale = i.large ? 1.6 : 1;
  const layers: Layer[] = [
    // Its own layer (not the explore choropleth's, whose fills it would inherit and fade from),
    // and no fade: a what-if shows on the next frame.
    communesLayer({
      id: 'reach-communes',
      features: i.features,
      fillOf,
      colorKey: `${gainClassOf ? 'gain' : 'band'}|${i.bandKey}`,
      showBorders: true,
      transitionMs: 0,
    }),
    outlinesLayer({ id: 'border', lines: i.border, color: OUTLINE_COLOR, widthPixels: 2 * scale }),
  ];
  if (i.outlines) {
    layers.push(
      outlinesLayer({
        id: 'scheme-outlines',
        lines: i.outlines,
        color: OUTLINE_COLOR,
        widthPixels: 1.4 * scale,
      }),
    );
  }
  layers.push(reachMovesLayer(i.sites, i.sitesKey));
  layers.push(reachSitesLayer({ sites: i.sites, radiusPixels: 4.5 * scale, key: i.sitesKey }));
  if (i.suggestions.length > 0) layers.push(...suggestionsLayers(i.suggestions, 9 * scale));
  return layers;
}
