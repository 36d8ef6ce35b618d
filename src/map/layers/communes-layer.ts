import { GeoJsonLayer } from '@deck.gl/layers';
import { COMMUNE_LINE_COLOR, type Rgba } from '../colors.ts';
import type { CommuneFeature } from '../../data/geometry.ts';

export interface CommunesLayerOptions {
  /** Layer id, 'communes' by default; a mode whose fills mean something else uses its own. */
  id?: string;
  features: CommuneFeature[];
  /** Fill colour of a commune, by INSEE code. */
  fillOf: (code: string) => Rgba;
  /** Changes whenever `fillOf` gives other colours (deck.gl recomputes the fills only then). */
  colorKey: string;
  /** Draw commune borders (true when the scheme is the commune itself, or zoomed in). */
  showBorders: boolean;
  /** Fade between fills, ms (250 by default; 0 when a change must show at once). */
  transitionMs?: number;
}

/** The choropleth: every commune filled with the colour of its territory's class. */
export function communesLayer(o: CommunesLayerOptions) {
  return new GeoJsonLayer<CommuneFeature['properties']>({
    id: o.id ?? 'communes',
    data: o.features,
    pickable: true,
    filled: true,
    stroked: o.showBorders,
    getFillColor: (f) => o.fillOf(String(f.id)),
    getLineColor: COMMUNE_LINE_COLOR,
    lineWidthUnits: 'pixels',
    getLineWidth: 0.6,
    updateTriggers: { getFillColor: o.colorKey },
    ...(o.transitionMs === 0 ? {} : { transitions: { getFillColor: o.transitionMs ?? 250 } }),
  });
}
