import type { DensityLevel } from './model.ts';

/**
 * Density level of a commune from its population and area, when INSEE's grid (computed on 1 km²
 * cells, not on communes) is not available. The thresholds are on inhabitants per km² and
 * approximate the four-level grid: the dense communes of French urban poles are mostly above
 * 800/km², the intermediate ones above 150/km², the very sparse ones below 30/km².
 */
export function densityLevel(population: number, areaKm2: number): DensityLevel {
  const d = areaKm2 > 0 ? population / areaKm2 : 0;
  if (d >= 800) return 1;
  if (d >= 150) return 2;
  if (d >= 30) return 3;
  return 4;
}
