/**
 * What the explore, reach, coverage and mobility maps share: the fill of a commune by its class,
 * the lines drawn over the choropleth (département border, scheme outlines, selected territory),
 * the territory names, and the larger sizes for a projector.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import {
  NO_DATA_COLOR,
  OUTLINE_COLOR,
  SELECTION_COLOR,
  STATE_COLORS,
  hexToRgba,
  type Rgba,
} from './colors.ts';
import type { NoValueState } from '../domain/value-state.ts';
import { labelsLayer, type Label } from './layers/labels-layer.ts';
import { outlinesLayer } from './layers/outlines-layer.ts';

/** How much larger type, lines and points are for a projector. */
export const sizeScale = (large: boolean | undefined): number => (large ? 1.6 : 1);

/**
 * The class of a commune on the map: a class index, the state of a value that is not there (drawn
 * in its neutral colour, never in a class), or null (nothing to draw yet).
 */
export type CommuneClass = number | NoValueState | null;

/**
 * The fill of a commune: the colour of its class on the ramp (lightest first), the colour of its
 * state when it has no value, else no data.
 */
export function classFill(
  ramp: readonly string[],
  classOf: (code: string) => CommuneClass | undefined,
): (code: string) => Rgba {
  const colors = ramp.map((c) => hexToRgba(c, 235));
  const noData = hexToRgba(NO_DATA_COLOR, 235);
  const states = Object.fromEntries(
    Object.entries(STATE_COLORS).map(([k, c]) => [k, hexToRgba(c, 235)]),
  ) as Record<NoValueState, Rgba>;
  return (code) => {
    const k = classOf(code);
    if (typeof k === 'string') return states[k] ?? noData;
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
