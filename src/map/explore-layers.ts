/**
 * The layers of the explore map, in drawing order: choropleth, département border, scheme
 * outlines, selected territory, offer points, labels.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import type { Site } from '../domain/model.ts';
import {
  NO_DATA_COLOR,
  OUTLINE_COLOR,
  SELECTION_COLOR,
  hexToRgba,
  sequentialRamp,
  type Rgba,
} from './colors.ts';
import { communesLayer } from './layers/communes-layer.ts';
import { labelsLayer, type Label } from './layers/labels-layer.ts';
import { outlinesLayer } from './layers/outlines-layer.ts';
import { sitesLayer } from './layers/sites-layer.ts';

export interface ExploreLayersInput {
  features: CommuneFeature[];
  border: MultiLineString;
  /** Class index of every commune's territory, null when it has no value. */
  communeClass: ReadonlyMap<string, number | null>;
  classCount: number;
  classKey: string;
  isCommuneScheme: boolean;
  outlines: MultiLineString | null;
  selectionOutline: MultiLineString | null;
  sites: Site[];
  labels: Label[];
  /** Larger type and points for a projector. */
  large?: boolean;
}

export function exploreLayers(i: ExploreLayersInput): Layer[] {
  const ramp = sequentialRamp(i.classCount).map((c) => hexToRgba(c, 235));
  const noData = hexToRgba(NO_DATA_COLOR, 235);
  const fillOf = (code: string): Rgba => {
    const k = i.communeClass.get(code);
    return k === null || k === undefined ? noData : (ramp[k] ?? noData);
  };
  const scale = i.large ? 1.6 : 1;
  const layers: Layer[] = [
    communesLayer({
      features: i.features,
      fillOf,
      colorKey: i.classKey,
      showBorders: i.isCommuneScheme,
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
  if (i.sites.length > 0) layers.push(sitesLayer({ sites: i.sites, radiusPixels: 4 * scale }));
  if (i.labels.length > 0) {
    // Many territories, smaller type: a score of EPCI names must not cover the map.
    const size = (i.labels.length > 15 ? 11 : 13) * scale;
    layers.push(labelsLayer({ labels: i.labels, sizePixels: size }));
  }
  return layers;
}
