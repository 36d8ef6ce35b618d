import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiLineString } from 'geojson';
import type { Rgba } from '../colors.ts';

export interface OutlinesLayerOptions {
  id: string;
  lines: MultiLineString;
  color: Rgba;
  widthPixels: number;
}

const wrapped = new WeakMap<MultiLineString, Feature<MultiLineString>[]>();

/**
 * The layer's data, the same array for the same lines: deck.gl compares data by reference, and
 * a new array makes it cut every line into segments again at each rebuild of the layers (every
 * edit of a scenario rebuilds them).
 */
function dataOf(lines: MultiLineString): Feature<MultiLineString>[] {
  let data = wrapped.get(lines);
  if (!data) {
    data = [{ type: 'Feature', properties: {}, geometry: lines }];
    wrapped.set(lines, data);
  }
  return data;
}

/** Borders of territories, of the département, or of the selected territory. */
export function outlinesLayer(o: OutlinesLayerOptions) {
  return new GeoJsonLayer({
    id: o.id,
    data: dataOf(o.lines),
    stroked: true,
    filled: false,
    pickable: false,
    getLineColor: o.color,
    lineWidthUnits: 'pixels',
    getLineWidth: o.widthPixels,
    lineJointRounded: true,
  });
}
