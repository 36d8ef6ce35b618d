import { ScatterplotLayer } from '@deck.gl/layers';
import type { Site } from '../../domain/model.ts';
import { AXIS_COLORS, hexToRgba } from '../colors.ts';

export interface SitesLayerOptions {
  sites: Site[];
  radiusPixels: number;
}

/** Sites of the offer, coloured by their first axis. */
export function sitesLayer(o: SitesLayerOptions) {
  return new ScatterplotLayer<Site>({
    id: 'sites',
    data: o.sites,
    pickable: true,
    getPosition: (s) => [s.lon, s.lat],
    getFillColor: (s) => hexToRgba(AXIS_COLORS[s.axes[0] ?? 'accueil']),
    getLineColor: [255, 255, 255, 255],
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.2,
    radiusUnits: 'pixels',
    getRadius: o.radiusPixels,
    radiusMinPixels: 2,
  });
}
