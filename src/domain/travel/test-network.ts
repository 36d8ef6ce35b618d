/** Small networks for the travel and reach tests. */
import type { DensityLevel } from '../model.ts';
import type { Random } from '../random.ts';
import { createTravelNetwork, type TravelCommune, type TravelNetwork } from './model.ts';

/** A commune at (lon, lat) with a density level, an area, and optionally its population. */
export const commune = (
  code: string,
  lon: number,
  lat: number,
  density: DensityLevel = 3,
  areaKm2 = 10,
  population?: number,
  mountain?: boolean,
): TravelCommune => ({ code, lon, lat, density, areaKm2, population, mountain });

/** `n` communes scattered over a département-sized box (about 110 × 110 km). */
export function randomCommunes(rnd: Random, n: number, span = 1.4): TravelCommune[] {
  return Array.from({ length: n }, (_, i) =>
    commune(
      String(i).padStart(5, '0'),
      2 + rnd.range(0, span),
      46 + rnd.range(0, span * 0.7),
      rnd.pick([1, 2, 3, 3, 4, 4] as const),
      rnd.range(2, 40),
      Math.round(rnd.range(20, 20000)),
      rnd.range(0, 1) < 0.2,
    ),
  );
}

export const randomNetwork = (rnd: Random, n: number, span?: number): TravelNetwork =>
  createTravelNetwork(randomCommunes(rnd, n, span));
