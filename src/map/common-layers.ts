/**
 * What the explore, reach, coverage and mobility maps share: the fill of a commune by its class,
 * the lines drawn over the choropleth (département border, scheme outlines, selected territory),
 * the territory names, and the larger sizes for a projector.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import { NO_DATA_COLOR, OUTLINE_COLOR, SELECTION_COLOR, hexToRgba, type Rgba } from './colors.ts';
import { labelsLayer, type Label } from './layers/labels-layer.ts';
import { outlinesLayer } from './layers/outlines-layer.ts';

/** How much larger type, lines and points are for a projector. */
export const sizeScale = (large: boolean | undefined): number => (large ? 1.6 : 1);

/** The fill of a commune: the colour of its class on the ramp (lightest first), else no data. */
export function classFill(
  ramp: readonly string[],
  classOf: (code: string) => number | null | undefined,
): (code: string) => Rgba {
  const colors = ramp.map((c) => hexToRgba(c, 235));
  const noData = hexToRgba(NO_DATA_COLOR, 235);
  return (code) => {
    const k = classOf(code);
    return k === null || k === undefined ? noData : (colors[k] ?? noData);
  };
}

/** The département border, then the outlines of the scheme's territories and the selected one. */
export function outlineLayers(
  i: {
    border: MultiLineString;
    outlines: MultiLineString | null;
    selectionOutline?: MultiLineString | null;
  },
  scale: number,
): Layer[] {
  const layers: Layer[] = [
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
  if (i.selectionOutline) {
    layers.push(
      outlinesLayer({
        id: 'selection',
        lines: i.selectionOutline,
        color: SELECTION_COLOR,
        widthPixels: 3.5 * scale,
      }),
    );
  }
  return layers;
}

/** The territory names, if any. */
export function territoryLabels(labels: Label[], scale: number): Layer[] {
  if (labels.length === 0) return [];
  // Many territories, smaller type: a score of EPCI names must not cover the map.
  const size = (labels.length > 15 ? 11 : 13) * scale;
  return [labelsLayer({ labels, sizePixels: size })];
}
