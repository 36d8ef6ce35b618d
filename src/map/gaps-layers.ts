/**
 * The layers of the coverage and mobility maps, in drawing order: communes coloured by the class
 * of their territory, département border, scheme outlines, selected territory, the offer points,
 * the siting's proposals, territory names.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import { hexToRgba } from './colors.ts';
import {
  classFill,
  outlineLayers,
  sizeScale,
  territoryLabels,
  type CommuneClass,
} from './common-layers.ts';
import { communesLayer } from './layers/communes-layer.ts';
import type { Label } from './layers/labels-layer.ts';
import { offerPointsLayer, type OfferPoint } from './layers/offer-points-layer.ts';
import { suggestionsLayers, type SuggestedSite } from './layers/reach-sites-layer.ts';

export interface GapsLayersInput {
  /** Prefix of the layer ids: each mode has its own layers (no fill inherited from another). */
  id: 'gaps' | 'mobility';
  features: CommuneFeature[];
  border: MultiLineString;
  /** Borders between communes (`communeBorders`), or null to leave them out. */
  communeBorders: MultiLineString | null;
  /** Class of every commune's territory, the state of its value, or null without a value. */
  communeClass: ReadonlyMap<string, CommuneClass>;
  /** Colour of each class, lightest first. */
  ramp: readonly string[];
  classKey: string;
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
  const scale = sizeScale(i.large);
  const layers: Layer[] = [
    communesLayer({
      id: `${i.id}-communes`,
      features: i.features,
      fillOf: classFill(i.ramp, (code) => i.communeClass.get(code)),
      colorKey: i.classKey,
    }),
    ...outlineLayers(i, scale),
  ];
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
  layers.push(...territoryLabels(i.labels, scale));
  return layers;
}
