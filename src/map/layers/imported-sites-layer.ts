import { ScatterplotLayer } from '@deck.gl/layers';
import type { Site } from '../../domain/model.ts';
import { IMPORT_HIGHLIGHT_COLOR } from '../colors.ts';

export interface ImportedSitesLayerOptions {
  sites: Site[];
  radiusPixels: number;
}

/** A ring around each site of one import, drawn over the offer points. */
export function importedSitesLayer(o: ImportedSitesLayerOptions) {
  return new ScatterplotLayer<Site>({
    id: 'imported-sites',
    data: o.sites,
    pickable: false,
    getPosition: (s) => [s.lon, s.lat],
    filled: false,
    stroked: true,
    getLineColor: IMPORT_HIGHLIGHT_COLOR,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    radiusUnits: 'pixels',
    getRadius: o.radiusPixels,
  });
}
