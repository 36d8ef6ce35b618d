import { GeoJsonLayer } from '@deck.gl/layers';
import type { MultiLineString } from 'geojson';
import type { Rgba } from '../colors.ts';

export interface OutlinesLayerOptions {
  id: string;
  lines: MultiLineString;
  color: Rgba;
  widthPixels: number;
}

/** Borders of territories, of the département, or of the selected territory. */
export function outlinesLayer(o: OutlinesLayerOptions) {
  return new GeoJsonLayer({
    id: o.id,
    data: [{ type: 'Feature', properties: {}, geometry: o.lines }],
    stroked: true,
    filled: false,
    pickable: false,
    getLineColor: o.color,
    lineWidthUnits: 'pixels',
    getLineWidth: o.widthPixels,
    lineJointRounded: true,
  });
}
