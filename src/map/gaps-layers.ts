/**
 * The layers of the coverage and mobility maps, in drawing order: communes coloured by the class
 * of their territory, département border, scheme outlines, selected territory, the offer points,
 * the siting's proposals, territory names.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import { NO_DATA_COLOR, OUTLINE_COLOR, SELECTION_COLOR, hexToRgba, type Rgba } from './colors.ts';
import { communesLayer } from './layers/communes-layer.ts';
import { labelsLayer, type Label } from './layers/labels-layer.ts';
import { offerPointsLayer, type OfferPoint } from './layers/offer-points-layer.ts';
import { outlinesLayer } from './layers/outlines-layer.ts';
import { suggestionsLayers, type SuggestedSite } from './layers/reach-sites-layer.ts';

export interface GapsLayersInput {
  /** Prefix of the layer ids: each mode has its own layers (no fill inherited from another). */
  id: 'gaps' | 'mobility';
  features: CommuneFeature[];
  border: MultiLineString;
  /** Class of every commune's territory, null without a value. */
  communeClass: ReadonlyMap<string, number | null>;
  /** Colour of each class, lightest first. */
  ramp: readonly string[];
  classKey: string;
  isCommuneScheme: boolean;
  outlines: MultiLineString | null;
  selectionOutline: MultiLineString | null;
  points: OfferPoint[];
  pointColor: string;
  pointsKey: string;
  suggestions: SuggestedSite[];
  labels: Label[];
  large?: boolean;
}

export function gapsLayers(i: GapsLayersInput): Layer[] {
  const ramp = i.ramp.map((c) => hexToRgba(c, 235));
  const noData = hexToRgba(NO_DATA_COLOR, 235);
  const fillOf = (code: string): Rgba => {
    const k = i.communeClass.get(code);
    return k === null || k === undefined ? noData : (ramp[k] ?? noData);
  };
  const scale = i.large ? 1.6 : 1;
  const layers: Layer[] = [
    communesLayer({
      id: `${i.id}-communes`,
      features: i.features,
      fillOf,
      colorKey: i.classKey,
      showBorders: i.isCommuneScheme,
      // An assumption changed: the map shows it on the next frame.
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
  if (i.points.length > 0) {
    layers.push(
      offerPointsLayer({
        id: `${i.id}-sites`,
        points: i.points,
        color: hexToRgba(i.pointColor),
        radiusPixels: 5 * scale,
        key: i.pointsKey,
      }),
    );
  }
  if (i.suggestions.length > 0) layers.push(...suggestionsLayers(i.suggestions, 9 * scale));
  if (i.labels.length > 0) {
    const size = (i.labels.length > 15 ? 11 : 13) * scale;
    layers.push(labelsLayer({ labels: i.labels, sizePixels: size }));
  }
  return layers;
}
