/**
 * The compact graph, Dijkstra and the point-to-point times against a plain Bellman-Ford on the
 * uncollapsed network (every node of every way a vertex), on random networks: a two-way grid
 * split into ways at random nodes, one-way diagonals with random speeds, gates, and barriers that
 * cut diagonals.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { greatCircleKm } from '../travel/geo.ts';
import { Dijkstra } from './dijkstra.ts';
import { buildRoadGraph, type RoadWays } from './road-graph.ts';
import { roadTimes, snapPoints, SNAP_KMH } from './road-times.ts';

interface Arc {
  from: number;
  to: number;
  seconds: number;
}

function bellmanFord(n: number, arcs: readonly Arc[], source: number): Float64Array {
  const d = new Float64Array(n).fill(Infinity);
  d[source] = 0;
  for (let round = 0; round < n; round++) {
    let changed = false;
    for (const a of arcs) {
      const t = (d[a.from] as number) + a.seconds;
      if (t < (d[a.to] as number)) {
        d[a.to] = t;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return d;
}

describe('Dijkstra with a binary heap and a cutoff', () => {
  it('gives the Bellman-Ford times on random directed graphs', () => {
    const rnd = createRandom(7).next;
    for (let trial = 0; trial < 30; trial++) {
      const n = 2 + Math.floor(rnd() * 40);
      const arcs: Arc[] = [];
      const m = Math.floor(rnd() * n * 3);
      for (let k = 0; k < m; k++) {
        arcs.push({
          from: Math.floor(rnd() * n),
          to: Math.floor(rnd() * n),
          seconds: Math.round(rnd() * 100),
        });
      }
      const arcStart = new Int32Array(n + 1);
      const sorted = [...arcs].sort((a, b) => a.from - b.from);
      for (const a of sorted) arcStart[a.from + 1] = (arcStart[a.from + 1] as number) + 1;
      for (let v = 0; v < n; v++)
        arcStart[v + 1] = (arcStart[v + 1] as number) + (arcStart[v] as number);
      const graph = {
        vertexCount: n,
        arcStart,
        arcHead: Int32Array.from(sorted, (a) => a.to),
        arcSeconds: Float32Array.from(sorted, (a) => a.seconds),
      };
      const dijkstra = new Dijkstra(graph);
      for (const cutoff of [Infinity, 120]) {
        for (let s = 0; s < n; s++) {
          dijkstra.run([{ vertex: s, seconds: 0 }], cutoff);
          const expected = bellmanFord(n, arcs, s);
          for (let v = 0; v < n; v++) {
            const e = expected[v] as number;
            expect(dijkstra.seconds[v]).toBe(e <= cutoff ? e : Infinity);
          }
          expect(new Set(dijkstra.reached()).size).toBe(
            [...expected].filter((e) => e < Infinity && e <= cutoff).length,
          );
        }
      }
    }
  });

  it('starts from several seeds at their own times', () => {
    const graph = {
      vertexCount: 3,
      arcStart: Int32Array.from([0, 1, 2, 2]),
      arcHead: Int32Array.from([2, 2]),
      arcSeconds: Float32Array.from([10, 10]),
    };
    const d = new Dijkstra(graph);
    d.run(
      [
        { vertex: 0, seconds: 5 },
        { vertex: 1, seconds: 1 },
      ],
      Infinity,
    );
    expect([...d.seconds]).toEqual([5, 1, 11]);
  });
});

/** A random network: a k×k two-way grid and one-way diagonals, as RoadWays. */
function randomNetwork(seed: number) {
  const rnd = createRandom(seed).next;
  const k = 3 + Math.floor(rnd() * 4);
  const step = 0.002;
  const lon: number[] = [];
  const lat: number[] = [];
  const penalty: number[] = [];
  const node = (x: number, y: number) => {
    lon.push(2 + x * step);
    lat.push(45 + y * step);
    penalty.push(0);
    return lon.length - 1;
  };
  const grid: number[][] = [];
  for (let i = 0; i < k; i++) {
    grid.push([]);
    for (let j = 0; j < k; j++) grid[i]!.push(node(i, j));
  }
  const ways: { nodes: number[]; fwd: number; bwd: number }[] = [];
  // Grid lines, with a chain node between grid nodes, split into ways at random grid nodes.
  const line = (cells: number[][]) => {
    let current: number[] = [cells[0]![0]!];
    const kmh = [25, 50, 90][Math.floor(rnd() * 3)] as number;
    for (let c = 1; c < cells.length; c++) {
      const [x0, y0] = [lon[cells[c - 1]![0]!]!, lat[cells[c - 1]![0]!]!];
      const [x1, y1] = [lon[cells[c]![0]!]!, lat[cells[c]![0]!]!];
      const mid = lon.length;
      lon.push((x0 + x1) / 2 + (rnd() - 0.5) * 0.0003);
      lat.push((y0 + y1) / 2 + (rnd() - 0.5) * 0.0003);
      penalty.push(rnd() < 0.1 ? 60 : 0);
      current.push(mid, cells[c]![0]!);
      if (rnd() < 0.4 && c < cells.length - 1) {
        ways.push({ nodes: current, fwd: kmh, bwd: kmh });
        current = [cells[c]![0]!];
      }
    }
    ways.push({ nodes: current, fwd: kmh, bwd: kmh });
  };
  for (let i = 0; i < k; i++) {
    line(grid[i]!.map((n) => [n]));
    line(grid.map((col) => [col[i]!]));
  }
  // One-way diagonals, some cut by a barrier on a middle node.
  for (let i = 0; i < k - 1; i++) {
    for (let j = 0; j < k - 1; j++) {
      if (rnd() < 0.5) continue;
      const a = grid[i]![j]!;
      const b = grid[i + 1]![j + 1]!;
      const m1 = node(i + 0.3, j + 0.3);
      const m2 = node(i + 0.6, j + 0.6);
      if (rnd() < 0.2) penalty[m2] = Infinity;
      const kmh = 20 + Math.floor(rnd() * 100);
      ways.push(
        rnd() < 0.5
          ? { nodes: [a, m1, m2, b], fwd: kmh, bwd: 0 }
          : { nodes: [a, m1, m2, b], fwd: 0, bwd: kmh },
      );
    }
  }
  const wayStart = new Int32Array(ways.length + 1);
  ways.forEach((w, i) => (wayStart[i + 1] = (wayStart[i] as number) + w.nodes.length));
  const roadWays: RoadWays = {
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    nodePenaltySeconds: Float32Array.from(penalty),
    wayStart,
    wayNodes: Int32Array.from(ways.flatMap((w) => w.nodes)),
    forwardKmh: Float32Array.from(ways, (w) => w.fwd),
    backwardKmh: Float32Array.from(ways, (w) => w.bwd),
  };
  return { roadWays, ways, grid: grid.flat(), rnd };
}

/** The uncollapsed network's arcs, from the ways directly (independent of the graph). */
function rawArcs(ways: ReturnType<typeof randomNetwork>['ways'], w: RoadWays): Arc[] {
  const arcs: Arc[] = [];
  for (const way of ways) {
    for (let i = 0; i + 1 < way.nodes.length; i++) {
      const a = way.nodes[i]!;
      const b = way.nodes[i + 1]!;
      if (w.nodePenaltySeconds[a] === Infinity || w.nodePenaltySeconds[b] === Infinity) continue;
      const km = greatCircleKm(w.lon[a]!, w.lat[a]!, w.lon[b]!, w.lat[b]!);
      const gate = w.nodePenaltySeconds[b]!;
      if (way.fwd > 0) arcs.push({ from: a, to: b, seconds: (km / way.fwd) * 3600 + gate });
      if (way.bwd > 0) arcs.push({ from: b, to: a, seconds: (km / way.bwd) * 3600 + gate });
    }
  }
  return arcs;
}

describe('compact road graph', () => {
  it('collapses chains: vertex-to-vertex times equal the uncollapsed network', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { roadWays, ways } = randomNetwork(seed);
      const graph = buildRoadGraph(roadWays);
      expect(graph.vertexCount).toBeLessThan(roadWays.lon.length);
      const arcs = rawArcs(ways, roadWays);
      const dijkstra = new Dijkstra(graph);
      for (let v = 0; v < graph.vertexCount; v += 3) {
        dijkstra.run([{ vertex: v, seconds: 0 }], Infinity);
        const expected = bellmanFord(roadWays.lon.length, arcs, graph.vertexNode[v]!);
        for (let u = 0; u < graph.vertexCount; u++) {
          const e = expected[graph.vertexNode[u]!]!;
          if (e === Infinity) expect(dijkstra.seconds[u]).toBe(Infinity);
          else expect(dijkstra.seconds[u]).toBeCloseTo(e, 2);
        }
      }
    }
  });

  it('point-to-point times equal Bellman-Ford with the points inserted on their segments', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { roadWays, ways, grid, rnd } = randomNetwork(seed);
      const graph = buildRoadGraph(roadWays);
      const arcs = rawArcs(ways, roadWays);
      // Points: some grid nodes, and points a little off two-way grid segments.
      const points: { lon: number; lat: number; a: number; b: number; f: number }[] = [];
      for (const n of grid) {
        if (rnd() < 0.3)
          points.push({ lon: roadWays.lon[n]!, lat: roadWays.lat[n]!, a: n, b: n, f: 0 });
      }
      const gridWays = ways.filter((w) => w.fwd > 0 && w.bwd > 0);
      for (let p = 0; p < 6; p++) {
        const w = gridWays[Math.floor(rnd() * gridWays.length)]!;
        const i = Math.floor(rnd() * (w.nodes.length - 1));
        const a = w.nodes[i]!;
        const b = w.nodes[i + 1]!;
        const f = 0.1 + 0.8 * rnd();
        points.push({
          lon: roadWays.lon[a]! + f * (roadWays.lon[b]! - roadWays.lon[a]!),
          lat: roadWays.lat[a]! + f * (roadWays.lat[b]! - roadWays.lat[a]!),
          a,
          b,
          f,
        });
      }
      const snaps = snapPoints(
        graph,
        points.map((p) => p.lon),
        points.map((p) => p.lat),
      );
      // Brute force: each point a new node joined to its segment's ends.
      const n0 = roadWays.lon.length;
      const all = [...arcs];
      points.forEach((p, i) => {
        const s = snaps[i]!;
        expect(s.meters).toBeLessThan(1);
        const v = n0 + i;
        if (p.a === p.b) {
          all.push({ from: v, to: p.a, seconds: 0 }, { from: p.a, to: v, seconds: 0 });
          return;
        }
        for (const arc of arcs) {
          if (arc.from === p.a && arc.to === p.b) {
            all.push({ from: p.a, to: v, seconds: p.f * arc.seconds });
            all.push({ from: v, to: p.b, seconds: (1 - p.f) * arc.seconds });
          }
          if (arc.from === p.b && arc.to === p.a) {
            all.push({ from: p.b, to: v, seconds: (1 - p.f) * arc.seconds });
            all.push({ from: v, to: p.a, seconds: p.f * arc.seconds });
          }
        }
      });
      // Two points on one segment are joined along it.
      points.forEach((p, i) =>
        points.forEach((q, j) => {
          if (i === j || p.a === p.b || p.a !== q.a || p.b !== q.b || p.f >= q.f) return;
          for (const arc of arcs) {
            const df = q.f - p.f;
            if (arc.from === p.a && arc.to === p.b)
              all.push({ from: n0 + i, to: n0 + j, seconds: df * arc.seconds });
            if (arc.from === p.b && arc.to === p.a)
              all.push({ from: n0 + j, to: n0 + i, seconds: df * arc.seconds });
          }
        }),
      );
      const got = new Map<string, number>();
      roadTimes(graph, snaps, Infinity, (o, d, s) => got.set(`${o}-${d}`, s));
      points.forEach((_, o) => {
        const expected = bellmanFord(n0 + points.length, all, n0 + o);
        points.forEach((__, d) => {
          const snapSec = ((snaps[o]!.meters + snaps[d]!.meters) / 1000 / SNAP_KMH) * 3600;
          const e = o === d ? 0 : expected[n0 + d]! + snapSec;
          expect(got.get(`${o}-${d}`)).toBeCloseTo(e, 1);
        });
      });
      // A cutoff keeps exactly the pairs within it.
      const cutoff = [...got.values()].sort((x, y) => x - y)[Math.floor(got.size / 2)]! + 0.5;
      const within = new Set<string>();
      roadTimes(graph, snaps, cutoff, (o, d, s) => {
        expect(s).toBeLessThanOrEqual(cutoff);
        within.add(`${o}-${d}`);
      });
      for (const [key, s] of got) expect(within.has(key)).toBe(s <= cutoff);
    }
  });

  it('a barrier cuts the way through it, a gate costs its penalty', () => {
    const roadWays: RoadWays = {
      lon: Float64Array.from([0, 0.01, 0.02]),
      lat: Float64Array.from([45, 45, 45]),
      nodePenaltySeconds: Float32Array.from([0, 60, 0]),
      wayStart: Int32Array.from([0, 3]),
      wayNodes: Int32Array.from([0, 1, 2]),
      forwardKmh: Float32Array.from([50]),
      backwardKmh: Float32Array.from([50]),
    };
    const km = greatCircleKm(0, 45, 0.02, 45);
    const gated = buildRoadGraph(roadWays);
    expect(gated.vertexCount).toBe(2);
    const d = new Dijkstra(gated);
    d.run([{ vertex: 0, seconds: 0 }], Infinity);
    expect(d.seconds[1]).toBeCloseTo((km / 50) * 3600 + 60, 2);
    const barred = buildRoadGraph({
      ...roadWays,
      nodePenaltySeconds: Float32Array.from([0, Infinity, 0]),
    });
    expect(barred.arcHead.length).toBe(0);
  });
});
