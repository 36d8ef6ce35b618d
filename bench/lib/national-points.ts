/**
 * A synthetic France for the national-scale benchmark: 35 000 communes (points, populations,
 * areas, density levels, beneficiaries) and 10 000 sites, generated from a seed so every run
 * measures the same thing. Communes cluster around about a hundred towns over metropolitan
 * France's extent, like real ones; no polygon is made, the reach engine needs none.
 */
import { densityLevel } from '../../src/domain/density.ts';
import type { Commune, Site, SiteKind } from '../../src/domain/model.ts';
import { createRandom } from '../../src/domain/random.ts';

export interface NationalPoints {
  communes: Commune[];
  sites: Site[];
  /** Beneficiaries by commune code. */
  need: Map<string, number>;
  /** Synthetic département of every commune (the nearest town's), for aggregates. */
  departementOf: Map<string, string>;
}

const WEST = -4.6;
const EAST = 7.9;
const SOUTH = 42.4;
const NORTH = 51;
/** Land area of metropolitan France, km²: sets the mean commune area. */
const AREA_KM2 = 543_940;

export function nationalPoints(
  communeCount = 35_000,
  siteCount = 10_000,
  seed = 35_000,
): NationalPoints {
  const rnd = createRandom(seed);
  const towns = Array.from({ length: 96 }, (_, i) => ({
    code: String(i + 1).padStart(2, '0'),
    lon: rnd.range(WEST + 0.5, EAST - 0.5),
    lat: rnd.range(SOUTH + 0.4, NORTH - 0.4),
    weight: Math.exp(rnd.normal()),
  }));
  const communes: Commune[] = [];
  const need = new Map<string, number>();
  const departementOf = new Map<string, string>();
  const meanArea = AREA_KM2 / communeCount;
  for (let i = 0; i < communeCount; i++) {
    // Two communes in five cluster around a town, the others spread over the country.
    let lon: number;
    let lat: number;
    let urban = 0;
    if (rnd.chance(0.4)) {
      const t = rnd.pick(towns);
      const r = Math.abs(rnd.normal()) * 0.25;
      const a = rnd.range(0, 2 * Math.PI);
      lon = t.lon + (r * Math.cos(a)) / 0.68;
      lat = t.lat + r * Math.sin(a);
      urban = Math.max(0, 1 - r / 0.25) * Math.min(1, t.weight / 2);
    } else {
      lon = rnd.range(WEST, EAST);
      lat = rnd.range(SOUTH, NORTH);
    }
    const areaKm2 = meanArea * Math.exp(0.6 * rnd.normal()) * (urban > 0.8 ? 0.6 : 1);
    // Median about 450 inhabitants, towns up to a few hundred thousand, as in France.
    const population = Math.max(10, Math.round(Math.exp(6.1 + rnd.normal() + 3 * urban)));
    const code = `N${String(i).padStart(5, '0')}`;
    communes.push({
      code,
      name: `Commune ${i}`,
      population,
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      areaKm2,
      density: densityLevel(population, areaKm2),
    });
    need.set(code, Math.round(population * rnd.range(0.015, 0.06)));
    let best = towns[0]!;
    let bestD = Infinity;
    for (const t of towns) {
      const d = (t.lon - lon) ** 2 * 0.46 + (t.lat - lat) ** 2;
      if (d < bestD) [best, bestD] = [t, d];
    }
    departementOf.set(code, best.code);
  }
  // Sites in communes drawn by population^0.6: mostly in towns, some in villages, as accueil
  // sites (CCAS, France Services, MDS) are.
  const cumulative = new Float64Array(communeCount);
  let sum = 0;
  communes.forEach((c, i) => (cumulative[i] = sum += c.population ** 0.6));
  const kinds: SiteKind[] = ['mds', 'ccas', 'france_services'];
  const sites: Site[] = [];
  for (let k = 0; k < siteCount; k++) {
    const x = rnd.range(0, sum);
    let lo = 0;
    let hi = communeCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    const c = communes[lo]!;
    sites.push({
      id: `site-${k}`,
      name: `Site ${k}`,
      kind: rnd.pick(kinds),
      detail: '',
      axes: ['accueil'],
      capacity: null,
      lon: c.lon + rnd.range(-0.01, 0.01),
      lat: c.lat + rnd.range(-0.007, 0.007),
      communeCode: c.code,
      operator: '',
      public: '',
      hours: '',
      sourceId: 'synthetic',
    });
  }
  return { communes, sites, need, departementOf };
}
