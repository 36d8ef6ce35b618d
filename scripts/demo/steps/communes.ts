/**
 * Step "communes" (communes.arrow, communes.topo.json): populations, names, INSEE-like codes,
 * reference points and polygons of the demo communes.
 */
import type { Polygon } from 'geojson';
import { densityLevel } from '../../../src/domain/density.ts';
import type { CodeInsee, Commune } from '../../../src/domain/model.ts';
import type { Random } from '../../../src/domain/random.ts';
import { RIVERS, communeName, uniqueNames } from '../names.ts';
import { at, dist, round, toLonLat } from '../plane.ts';
import type { Pt } from '../tessellation.ts';
import { POLES, type DemoLand } from './land.ts';

export const DEP_CODE = '00';

export interface DemoCommunes {
  /** One commune per cell, in cell order. */
  communes: Commune[];
  polygons: Map<CodeInsee, Polygon>;
  /** Population, name and code of every cell. */
  population: number[];
  names: string[];
  code: (cell: number) => CodeInsee;
}

export function communesStep(land: DemoLand, rnd: Random): DemoCommunes {
  const { cells, seeds, neighbours, poleCells, polePts, bourgCells } = land;
  const population = seeds.map((p, i) => {
    let factor = 1;
    POLES.forEach((w, k) => {
      const rel = w / POLES[0]!;
      const lambda = 5 + 5 * rel;
      factor += 9 * rel * Math.exp(-dist(p, at(polePts, k)) / lambda);
    });
    const base = Math.min(2000, Math.max(40, Math.exp(Math.log(230) + 0.75 * rnd.normal())));
    let pop = base * factor;
    if (poleCells.some((c) => at(neighbours, c).includes(i))) pop *= 1.5;
    return Math.round(pop);
  });
  poleCells.forEach((c, k) => (population[c] = at(POLES, k) + rnd.int(-400, 400)));
  bourgCells.forEach((c) => (population[c] = Math.max(at(population, c), rnd.int(1_600, 4_600))));

  // Names, then codes: INSEE numbers communes in alphabetical order.
  const riverOf = (p: Pt) => {
    const sector = Math.floor(((Math.atan2(p[1], p[0]) + Math.PI) / (2 * Math.PI)) * RIVERS.length);
    return rnd.chance(0.6) ? at(RIVERS, Math.min(sector, RIVERS.length - 1)) : null;
  };
  const names = uniqueNames(cells.length, (i) => communeName(rnd, riverOf(at(seeds, i))));
  const order = names
    .map((_, i) => i)
    .sort((a, b) => at(names, a).localeCompare(at(names, b), 'fr'));
  const codes = new Array<string>(cells.length);
  order.forEach((cell, rank) => (codes[cell] = `${DEP_CODE}${String(rank + 1).padStart(3, '0')}`));
  const code = (i: number) => at(codes, i);

  const communes: Commune[] = cells.map((c, i) => {
    const [lon, lat] = toLonLat(c.seed);
    const areaKm2 = round(c.areaKm2, 3);
    return {
      code: code(i),
      name: at(names, i),
      population: at(population, i),
      lon,
      lat,
      areaKm2,
      density: densityLevel(at(population, i), areaKm2),
    };
  });
  const polygons = new Map<string, Polygon>();
  cells.forEach((c, i) =>
    polygons.set(code(i), { type: 'Polygon', coordinates: [c.ring.map((p) => toLonLat(p))] }),
  );
  return { communes, polygons, population, names, code };
}
