/**
 * The layers of the explore map, in drawing order: choropleth, département border, scheme
 * outlines, selected territory, offer points, labels.
 */
import type { Layer } from '@deck.gl/core';
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';
import type { Site } from '../domain/model.ts';
import { sequentialRamp } from './colors.ts';
import {
  classFill,
  outlineLayers,
  sizeScale,
  territoryLabels,
  type CommuneClass,
} from './common-layers.ts';
import { communesLayer } from './layers/communes-layer.ts';
import type { Label } from './layers/labels-layer.ts';
import { sitesLayer } from './layers/sites-layer.ts';

export interface ExploreLayersInput {
  features: CommuneFeature[];
  border: MultiLineString;
  /** Borders between communes (`communeBorders`), or null to leave them out. */
  communeBorders: MultiLineString | null;
  /** Class index of every commune's territory, or the state of its missing value. */
  communeClass: ReadonlyMap<string, CommuneClass>;
  classCount: number;
  classKey: string;
  outlines: MultiLineString | null;
  selectionOutline: MultiLineString | null;
  sites: Site[];
  labels: Label[];
  /** Larger type and points for a projector. */
  large?: boolean;
}

export function exploreLayers(i: ExploreLayersInput): Layer[] {
  const scale = sizeScale(i.large);
  const layers: Layer[] = [
    communesLayer({
      features: i.features,
      fillOf: classFill(sequentialRamp(i.classCount), (code) => i.communeClass.get(code)),
      colorKey: i.classKey,
    }),
    ...outlineLayers(i, scale),
  ];
  if (i.sites.length > 0) layers.push(sitesLayer({ sites: i.sites, radiusPixels: 4 * scale }));
  layers.push(...territoryLabels(i.labels, scale));
  return layers;
}
