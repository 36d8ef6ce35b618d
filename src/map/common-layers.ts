/**
 * What the explore, reach, coverage and mobility maps share: the fill of a commune by its class,
 * the lines drawn over the choropleth (département border, scheme outlines, selected territory),
 * the territory names, and the larger sizes for a projector.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import {
  COMMUNE_LINE_COLOR,
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

/**
 * Ids of the lines that change only with the geometry or the scheme: the map draws them on a
 * canvas of their own, so that an edit or a new indicator, which change the fills and the
 * points, does not draw them again (with software WebGL, lines are most of a frame's cost).
 */
export const STATIC_LINE_LAYER_IDS: ReadonlySet<string> = new Set([
  'commune-borders',
  'border',
  'scheme-outlines',
]);

/**
 * The borders between communes (when drawn), the département border, then the outlines of the
 * scheme's territories and the selected one.
 */
export function outlineLayers(
  i: {
    communeBorders?: MultiLineString | null;
    border: MultiLineString;
    outlines: MultiLineString | null;
    selectionOutline?: MultiLineString | null;
  },
  scale: number,
): Layer[] {
  const layers: Layer[] = [];
  if (i.communeBorders) {
    layers.push(
      outlinesLayer({
        id: 'commune-borders',
        lines: i.communeBorders,
        color: COMMUNE_LINE_COLOR,
        widthPixels: 0.6,
      }),
    );
  }
  layers.push(
    outlinesLayer({ id: 'border', lines: i.border, color: OUTLINE_COLOR, widthPixels: 2 * scale }),
  );
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

/**
 * The layers in three planes, each drawn on its own canvas, bottom first: what lies under the
 * static lines (the fills), the static lines, and what lies over them (selection, points,
 * labels). A canvas is drawn again only when one of its layers changed.
 */
export function layerPlanes(layers: readonly Layer[]): [Layer[], Layer[], Layer[]] {
  const planes: [Layer[], Layer[], Layer[]] = [[], [], []];
  let linesSeen = false;
  for (const layer of layers) {
    const isLine = STATIC_LINE_LAYER_IDS.has(layer.id);
    linesSeen ||= isLine;
    planes[isLine ? 1 : linesSeen ? 2 : 0].push(layer);
  }
  return planes;
}

/**
 * Whether two lists of layers would draw the same: same ids and kinds, and every prop given the
 * same value. deck.gl draws again whenever it is handed a new list, even of unchanged layers; the
 * map hands a plane its layers only when this is false. A prop rebuilt to an equal but new value
 * (a closure, an object) counts as changed: at worst a plane is drawn again, never left stale.
 */
export function sameLayers(a: readonly Layer[], b: readonly Layer[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((layer, i) => {
    const other = b[i] as Layer;
    if (layer.id !== other.id || layer.constructor !== other.constructor) return false;
    const p = layer.props as unknown as Record<string, unknown>;
    const q = other.props as unknown as Record<string, unknown>;
    // Every enumerable prop, inherited ones included: deck.gl serves `data` from its props'
    // prototype (a getter), not as an own key.
    for (const k in p) if (p[k] !== q[k]) return false;
    for (const k in q) if (!(k in p)) return false;
    return true;
  });
}
