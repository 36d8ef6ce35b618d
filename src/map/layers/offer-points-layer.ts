import { ScatterplotLayer } from '@deck.gl/layers';
import type { Rgba } from '../colors.ts';

export interface OfferPoint {
  id: string;
  lon: number;
  lat: number;
  /** Whether the capacity is known: unknown ones are drawn hollow. */
  knownCapacity: boolean;
  /** Opened by the scenario: drawn larger. */
  opened: boolean;
}

export interface OfferPointsLayerOptions {
  id: string;
  points: OfferPoint[];
  color: Rgba;
  radiusPixels: number;
  /** Changes whenever the points change. */
  key: string;
}

/**
 * Sites of one axis (or the mobility services) on the coverage and mobility maps: filled in the
 * axis colour when their capacity is known, white with a ring of that colour when it is not (their
 * places are an assumption), larger when a scenario opened them.
 */
export function offerPointsLayer(o: OfferPointsLayerOptions) {
  return new ScatterplotLayer<OfferPoint>({
    id: o.id,
    data: o.points,
    pickable: true,
    getPosition: (p) => [p.lon, p.lat],
    getFillColor: (p) => (p.knownCapacity ? o.color : [255, 255, 255, 255]),
    getLineColor: (p) => (p.knownCapacity ? [255, 255, 255, 255] : o.color),
    stroked: true,
    lineWidthUnits: 'pixels',
    getLineWidth: (p) => (p.knownCapacity ? 1.5 : 3),
    radiusUnits: 'pixels',
    getRadius: (p) => (p.opened ? 1.6 : 1) * o.radiusPixels,
    updateTriggers: {
      getFillColor: o.key,
      getLineColor: o.key,
      getLineWidth: o.key,
      getRadius: o.key,
    },
  });
}
