/**
 * A travel model with times given by hand, for the tests of the allocation and of the tables: a
 * square matrix of minutes between communes (Infinity: no trip), no access time, no local term.
 */
import { createTravelNetwork, type TravelModel, type TravelNetwork } from '../travel/model.ts';

export function fixedModel(minutes: readonly (readonly number[])[]): {
  model: TravelModel;
  network: TravelNetwork;
} {
  const n = minutes.length;
  const network = createTravelNetwork(
    Array.from({ length: n }, (_, i) => ({
      code: `C${i}`,
      lon: 2 + i * 0.01,
      lat: 46,
      density: 3 as const,
      areaKm2: 10,
    })),
  );
  const at = (a: number, b: number) => (minutes[a] as readonly number[])[b] as number;
  const model: TravelModel = {
    id: 'matrice',
    label: 'Temps donnés',
    description: 'Temps donnés par le test.',
    approximation: false,
    symmetric: false,
    parameters: [],
    accessMinutes: 0,
    communeMinutes: at,
    localMinutes: () => 0,
    forEachOriginWithin(to, max, visit) {
      for (let o = 0; o < n; o++) if (at(o, to) <= max) visit(o, at(o, to));
    },
    forEachDestinationWithin(from, max, visit) {
      for (let d = 0; d < n; d++) if (at(from, d) <= max) visit(d, at(from, d));
    },
    isMeasured: () => true,
  };
  return { model, network };
}
