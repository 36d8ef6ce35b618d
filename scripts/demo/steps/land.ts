/**
 * Step "land": the demo's cells (commune polygons in the local plane, from the tessellation), its
 * urban poles and bourgs-centres. Every later step places things on this.
 */
import type { Random } from '../../../src/domain/random.ts';
import { at, dist } from '../plane.ts';
import { spreadCells } from '../regions.ts';
import { tessellate, type Cell, type Pt } from '../tessellation.ts';

/** Cells of the urban poles: population of the pole commune; the first is the préfecture. */
export const POLES = [62_000, 27_000, 18_500, 10_500];
const BOURGS = 13;

export interface DemoLand {
  cells: Cell[];
  /** Seed point of every cell (the commune's reference point), local plane. */
  seeds: Pt[];
  neighbours: number[][];
  /** Cells of the poles, in the order of POLES. */
  poleCells: number[];
  polePts: Pt[];
  bourgCells: number[];
  /** Cells well inside the outline (away from its edge). */
  interior: number[];
}

export function landStep(seed: number, rnd: Random): DemoLand {
  const { cells, radiusAt } = tessellate({ seed, radiusKm: 52, spacingKm: 3.6 });
  const seeds = cells.map((c) => c.seed);
  const neighbours = cells.map((c) => c.neighbours);
  const nearestCell = (p: Pt) => {
    let best = 0;
    seeds.forEach((s, i) => {
      if (dist(s, p) < dist(at(seeds, best), p)) best = i;
    });
    return best;
  };
  const poleCells: number[] = [];
  const baseAngle = rnd.range(0, 2 * Math.PI);
  POLES.forEach((_, k) => {
    const theta = baseAngle + (k * 2 * Math.PI) / POLES.length + rnd.range(-0.3, 0.3);
    const r = radiusAt(theta) * (k === 0 ? 0.15 : rnd.range(0.45, 0.62));
    poleCells.push(nearestCell([r * Math.cos(theta), r * Math.sin(theta)]));
  });
  const polePts = poleCells.map((c) => at(seeds, c));
  const interior = seeds
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => Math.hypot(p[0], p[1]) < 0.85 * radiusAt(Math.atan2(p[1], p[0])))
    .map(({ i }) => i);
  const bourgCells = spreadCells(seeds, interior, BOURGS, polePts);
  return { cells, seeds, neighbours, poleCells, polePts, bourgCells, interior };
}
