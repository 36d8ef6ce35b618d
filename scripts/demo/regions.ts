/**
 * Grouping cells of the demo tessellation into contiguous regions (EPCI, bassins de vie, PTI
 * territories) and spreading seed cells apart.
 */
import { at, dist } from './plane.ts';
import type { Pt } from './tessellation.ts';

export interface Grouping {
  /** Region index of every cell. */
  region: number[];
  /** Seed cell of every region. */
  seeds: number[];
}

/**
 * Grow contiguous regions from seed cells over the adjacency graph: each cell goes to the seed
 * with the smallest path length divided by the seed's pull. Weighted growth can leave islands;
 * they join the neighbouring region that surrounds them most, so every region is connected.
 */
export function growRegions(
  neighbours: readonly number[][],
  seeds: readonly Pt[],
  seedCells: readonly number[],
  pull: readonly number[],
): Grouping {
  const n = neighbours.length;
  const best = new Float64Array(n).fill(Infinity);
  const region = new Array<number>(n).fill(-1);
  seedCells.forEach((start, k) => {
    const d = new Float64Array(n).fill(Infinity);
    d[start] = 0;
    const done = new Uint8Array(n);
    // Dense Dijkstra: a few hundred cells, a few dozen seeds.
    for (;;) {
      let u = -1;
      let du = Infinity;
      for (let i = 0; i < n; i++)
        if (!done[i] && (d[i] as number) < du) [u, du] = [i, d[i] as number];
      if (u < 0) break;
      done[u] = 1;
      for (const v of at(neighbours, u)) {
        const alt = du + dist(at(seeds, u), at(seeds, v));
        if (alt < (d[v] as number)) d[v] = alt;
      }
    }
    for (let i = 0; i < n; i++) {
      const score = (d[i] as number) / at(pull, k);
      if (score < (best[i] as number)) {
        best[i] = score;
        region[i] = k;
      }
    }
  });
  for (let pass = 0; pass < 10; pass++) {
    let moved = false;
    seedCells.forEach((start, k) => {
      const reached = new Set([start]);
      const queue = [start];
      while (queue.length) {
        const u = queue.pop() as number;
        for (const v of at(neighbours, u)) {
          if (region[v] === k && !reached.has(v)) {
            reached.add(v);
            queue.push(v);
          }
        }
      }
      for (let i = 0; i < n; i++) {
        if (region[i] !== k || reached.has(i)) continue;
        const counts = new Map<number, number>();
        for (const v of at(neighbours, i)) {
          const r = at(region, v);
          if (r !== k) counts.set(r, (counts.get(r) ?? 0) + 1);
        }
        const target = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (target) {
          region[i] = target[0];
          moved = true;
        }
      }
    });
    if (!moved) break;
  }
  return { region, seeds: [...seedCells] };
}

/**
 * Contiguous regions of similar weight: the lightest region that can still grow takes its nearest
 * unassigned neighbour, until every node is assigned.
 */
export function balancedGrowth(
  adjacency: readonly number[][],
  points: readonly Pt[],
  seedNodes: readonly number[],
  weight: readonly number[],
): number[] {
  const region = new Array<number>(adjacency.length).fill(-1);
  const load = seedNodes.map((s) => at(weight, s));
  seedNodes.forEach((s, k) => (region[s] = k));
  for (;;) {
    let bestK = -1;
    let bestNode = -1;
    let bestD = Infinity;
    const growable = seedNodes.map((_, k) => k).sort((a, b) => at(load, a) - at(load, b) || a - b);
    for (const k of growable) {
      region.forEach((r, node) => {
        if (r !== k) return;
        for (const v of at(adjacency, node)) {
          const d = dist(at(points, v), at(points, at(seedNodes, k)));
          if (region[v] === -1 && d < bestD) [bestNode, bestD, bestK] = [v, d, k];
        }
      });
      if (bestNode >= 0) break;
    }
    if (bestNode < 0) break;
    region[bestNode] = bestK;
    load[bestK] = at(load, bestK) + at(weight, bestNode);
  }
  return region;
}

/** Farthest-point sampling: `count` cells spread out, away from `avoid` points. */
export function spreadCells(
  seeds: readonly Pt[],
  candidates: readonly number[],
  count: number,
  avoid: readonly Pt[],
): number[] {
  const chosen: number[] = [];
  const minDist = candidates.map((c) =>
    avoid.reduce((m, p) => Math.min(m, dist(at(seeds, c), p)), Infinity),
  );
  for (let k = 0; k < count; k++) {
    let bestI = -1;
    let bestD = -1;
    candidates.forEach((c, i) => {
      if ((minDist[i] as number) > bestD && !chosen.includes(c))
        [bestI, bestD] = [i, minDist[i] as number];
    });
    if (bestI < 0) break;
    const c = at(candidates, bestI);
    chosen.push(c);
    candidates.forEach((d, i) => {
      minDist[i] = Math.min(at(minDist, i), dist(at(seeds, c), at(seeds, d)));
    });
  }
  return chosen;
}
