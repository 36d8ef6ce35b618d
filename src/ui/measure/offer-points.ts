import { SCENARIO_SOURCE_ID } from '../../domain/gaps/scenario-sites.ts';
import type { Site } from '../../domain/model.ts';
import type { OfferPoint } from '../../map/layers/offer-points-layer.ts';

/** Offer points of a list of sites, opened ones (by a scenario) marked. */
export function offerPoints(sites: readonly Site[]): OfferPoint[] {
  return sites.map((s) => ({
    id: s.id,
    lon: s.lon,
    lat: s.lat,
    knownCapacity: s.capacity !== null,
    opened: s.sourceId === SCENARIO_SOURCE_ID,
  }));
}
