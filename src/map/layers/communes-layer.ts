import { GeoJsonLayer } from '@deck.gl/layers';
import type { Rgba } from '../colors.ts';
import type { CommuneFeature } from '../../data/geometry.ts';

export interface CommunesLayerOptions {
  /** Layer id, 'communes' by default; a mode whose fills mean something else uses its own. */
  id?: string;
  features: CommuneFeature[];
  /** Fill colour of a commune, by INSEE code. */
  fillOf: (code: string) => Rgba;
  /** Changes whenever `fillOf` gives other colours (deck.gl recomputes the fills only then). */
  colorKey: string;
}

/**
 * The choropleth: every commune filled with the colour of its territory's class. Its borders are
 * a layer of their own (`outlineLayers`), each shared border drawn once and not again when only
 * the fills change. New classes show on the next frame, without a fade: with software WebGL each
 * frame of a fade redraws every fill, and its first frames still show the old classes.
 */
export function communesLayer(o: CommunesLayerOptions) {
  return new GeoJsonLayer<CommuneFeature['properties']>({
    id: o.id ?? 'communes',
    data: o.features,
    pickable: true,
    filled: true,
    stroked: false,
    getFillColor: (f) => o.fillOf(String(f.id)),
    updateTriggers: { getFillColor: o.colorKey },
  });
}
