/**
 * Car times between points over a road graph: each point is snapped onto the nearest segment of
 * the graph's main network (its largest strongly connected part, so that no point lands on an
 * isolated car park it cannot leave), enters the graph mid-edge, and a Dijkstra from every point
 * gives its times to every other point within a cutoff.
 *
 *   seconds(P → Q) = snap(P) + network time from P's place on its edge to Q's place + snap(Q)
 *
 * where snap(X) is the straight-line distance from X to its place on the network, driven at
 * SNAP_KMH (a point off the mapped roads is reached by a short drive on unmapped ways).
 */
import { Dijkstra, type Seed } from './dijkstra.ts';
import type { RoadGraph } from './road-graph.ts';

/** Speed at which the distance from a point to its place on the network is counted, km/h. */
export const SNAP_KMH = 20;
/** Farthest a point may lie from the network: beyond, the network does not cover it. */
export const MAX_SNAP_METERS = 5000;

const RAD = Math.PI / 180;
const M_PER_DEG = 111_195;

/** Strongly connected components (iterative Tarjan); component index per vertex. */
function stronglyConnected(graph: RoadGraph): { component: Int32Array; count: number } {
  const n = graph.vertexCount;
  const { arcStart, arcHead } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callV = new Int32Array(n);
  const callP = new Int32Array(n);
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if ((index[root] as number) >= 0) continue;
    let depth = 0;
    callV[0] = root;
    callP[0] = arcStart[root] as number;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth] as number;
      const p = callP[depth] as number;
      if (p < (arcStart[v + 1] as number)) {
        callP[depth] = p + 1;
        const w = arcHead[p] as number;
        if ((index[w] as number) < 0) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callP[depth] = arcStart[w] as number;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v] as number, index[w] as number);
        }
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp] as number;
          onStack[w] = 0;
          component[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callV[depth] as number;
        low[parent] = Math.min(low[parent] as number, low[v] as number);
      }
    }
  }
  return { component, count };
}

/** The vertices of the largest strongly connected component (1) and the others (0). */
export function mainComponent(graph: RoadGraph): Uint8Array {
  const { component, count } = stronglyConnected(graph);
  const size = new Int32Array(count);
  for (const c of component) size[c] = (size[c] as number) + 1;
  let best = 0;
  for (let c = 1; c < count; c++) if ((size[c] as number) > (size[best] as number)) best = c;
  const inMain = new Uint8Array(graph.vertexCount);
  for (let v = 0; v < graph.vertexCount; v++) if (component[v] === best) inMain[v] = 1;
  return inMain;
}

/** A point's place on the network. */
export interface Snap {
  segment: number;
  /** Position on the segment, 0 at its first node, 1 at its last. */
  fraction: number;
  /** Straight-line distance from the point to that place, metres. */
  meters: number;
}

/**
 * Snaps each point onto the nearest segment whose edge joins two vertices of the main component.
 * Distances are planar in a local equirectangular projection (exact enough within a few km);
 * null for a point with no such segment within MAX_SNAP_METERS.
 */
export function snapPoints(
  graph: RoadGraph,
  lon: ArrayLike<number>,
  lat: ArrayLike<number>,
  inMain: Uint8Array = mainComponent(graph),
): (Snap | null)[] {
  const { segA, segB, segEdge, edgeFrom, edgeTo } = graph;
  const usable: number[] = [];
  for (let s = 0; s < graph.segmentCount; s++) {
    const e = segEdge[s] as number;
    if (inMain[edgeFrom[e] as number] && inMain[edgeTo[e] as number]) usable.push(s);
  }
  if (usable.length === 0) return Array.from({ length: lon.length }, () => null);
  let lat0 = 0;
  for (const s of usable) lat0 += graph.lat[segA[s] as number] as number;
  const kx = M_PER_DEG * Math.cos((lat0 / usable.length) * RAD);
  const x = (n: number) => (graph.lon[n] as number) * kx;
  const y = (n: number) => (graph.lat[n] as number) * M_PER_DEG;

  // Grid of 500 m cells over the segments' bounding boxes.
  const cell = 500;
  const buckets = new Map<number, number[]>();
  const key = (i: number, j: number) => (i + 2 ** 20) * 2 ** 21 + (j + 2 ** 20);
  let minI = Infinity;
  let maxI = -Infinity;
  let minJ = Infinity;
  let maxJ = -Infinity;
  for (const s of usable) {
    const a = segA[s] as number;
    const b = segB[s] as number;
    const i0 = Math.floor(Math.min(x(a), x(b)) / cell);
    const i1 = Math.floor(Math.max(x(a), x(b)) / cell);
    const j0 = Math.floor(Math.min(y(a), y(b)) / cell);
    const j1 = Math.floor(Math.max(y(a), y(b)) / cell);
    minI = Math.min(minI, i0);
    maxI = Math.max(maxI, i1);
    minJ = Math.min(minJ, j0);
    maxJ = Math.max(maxJ, j1);
    for (let i = i0; i <= i1; i++)
      for (let j = j0; j <= j1; j++) {
        const k = key(i, j);
        const list = buckets.get(k);
        if (list) list.push(s);
        else buckets.set(k, [s]);
      }
  }
  const out: (Snap | null)[] = [];
  for (let p = 0; p < lon.length; p++) {
    const px = (lon[p] as number) * kx;
    const py = (lat[p] as number) * M_PER_DEG;
    const ci = Math.floor(px / cell);
    const cj = Math.floor(py / cell);
    // Rings beyond the grid, or beyond the farthest snap allowed, hold nothing to find.
    const lastRing = Math.min(
      Math.max(ci - minI, maxI - ci, cj - minJ, maxJ - cj),
      Math.ceil(MAX_SNAP_METERS / cell) + 1,
    );
    let best: Snap | null = null;
    for (let r = 0; r <= lastRing; r++) {
      // A segment not seen yet has its nearest point in a cell r or more rings away, hence
      // farther than (r - 1) cells from the point.
      if (best && best.meters <= (r - 1) * cell) break;
      for (let i = ci - r; i <= ci + r; i++)
        for (let j = cj - r; j <= cj + r; j++) {
          if (Math.max(Math.abs(i - ci), Math.abs(j - cj)) !== r) continue;
          const list = buckets.get(key(i, j));
          if (!list) continue;
          for (const s of list) {
            const ax = x(segA[s] as number);
            const ay = y(segA[s] as number);
            const dx = x(segB[s] as number) - ax;
            const dy = y(segB[s] as number) - ay;
            const len2 = dx * dx + dy * dy;
            let f = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
            f = Math.min(1, Math.max(0, f));
            const d = Math.hypot(ax + f * dx - px, ay + f * dy - py);
            if (best === null || d < best.meters) best = { segment: s, fraction: f, meters: d };
          }
        }
    }
    out.push(best && best.meters <= MAX_SNAP_METERS ? best : null);
  }
  return out;
}

/** Where a snapped point sits on its edge, in seconds from the edge's ends. */
interface Place {
  edge: number;
  /** Position along the edge (segment index + fraction), to order two places on one edge. */
  position: number;
  /** Forward seconds from the edge's start to the place, and from the place to its end. */
  fromStart: number;
  toEnd: number;
  /** Backward seconds from the edge's end to the place, and from the place to its start. */
  backFromEnd: number;
  backToStart: number;
  snapSeconds: number;
}

function place(graph: RoadGraph, snap: Snap): Place {
  const s = snap.segment;
  const e = graph.segEdge[s] as number;
  const fwdOpen = (graph.edgeForwardSeconds[e] as number) < Infinity;
  const bwdOpen = (graph.edgeBackwardSeconds[e] as number) < Infinity;
  const fromStart = fwdOpen
    ? (graph.segForwardBefore[s] as number) + snap.fraction * (graph.segForwardSeconds[s] as number)
    : Infinity;
  const backToStart = bwdOpen
    ? (graph.segBackwardBefore[s] as number) +
      snap.fraction * (graph.segBackwardSeconds[s] as number)
    : Infinity;
  return {
    edge: e,
    position: s + snap.fraction,
    fromStart,
    toEnd: fwdOpen ? (graph.edgeForwardSeconds[e] as number) - fromStart : Infinity,
    backFromEnd: bwdOpen ? (graph.edgeBackwardSeconds[e] as number) - backToStart : Infinity,
    backToStart,
    snapSeconds: (snap.meters / 1000 / SNAP_KMH) * 3600,
  };
}

/**
 * Seconds from every snapped point to every other within cutoffSeconds: visit(from, to, seconds)
 * for each such pair, the point to itself included (0). A point without a place (null snap)
 * reaches nothing and is reached by nothing.
 */
export function roadTimes(
  graph: RoadGraph,
  snaps: readonly (Snap | null)[],
  cutoffSeconds: number,
  visit: (from: number, to: number, seconds: number) => void,
): void {
  const places = snaps.map((s) => (s ? place(graph, s) : null));
  const dijkstra = new Dijkstra(graph);
  const sec = dijkstra.seconds;
  const { edgeFrom, edgeTo } = graph;
  places.forEach((o, from) => {
    if (!o) return;
    const seeds: Seed[] = [];
    if (o.toEnd < Infinity) seeds.push({ vertex: edgeTo[o.edge] as number, seconds: o.toEnd });
    if (o.backToStart < Infinity)
      seeds.push({ vertex: edgeFrom[o.edge] as number, seconds: o.backToStart });
    const budget = cutoffSeconds - o.snapSeconds;
    dijkstra.run(seeds, budget);
    places.forEach((d, to) => {
      if (!d) return;
      let t = from === to ? 0 : Infinity;
      if (t > 0) {
        const u = edgeFrom[d.edge] as number;
        const v = edgeTo[d.edge] as number;
        t = Math.min((sec[u] as number) + d.fromStart, (sec[v] as number) + d.backFromEnd);
        if (d.edge === o.edge) {
          if (d.position >= o.position && o.fromStart < Infinity)
            t = Math.min(t, d.fromStart - o.fromStart);
          if (d.position <= o.position && o.backToStart < Infinity)
            t = Math.min(t, o.backToStart - d.backToStart);
        }
        t += o.snapSeconds + d.snapSeconds;
      }
      if (t <= cutoffSeconds) visit(from, to, t);
    });
  });
}
