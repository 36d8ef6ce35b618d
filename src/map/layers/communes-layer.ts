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
  /**
   * Fade between fills, ms; none by default: deck.gl starts a fade by reading the current colours
   * back from the GPU, a wait of the page of 0.2 to 0.8 s with software WebGL, and up to 18 s
   * while the GPU was busy (measured on every change of the figures, an import's included).
   */
  transitionMs?: number;
}

/**
 * The choropleth: every commune filled with the colour of its territory's class. Its borders are
 * a layer of their own (`outlineLayers`), each shared border drawn once and not again when only
 * the fills change.
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
    ...(o.transitionMs ? { transitions: { getFillColor: o.transitionMs } } : {}),
  });
}
