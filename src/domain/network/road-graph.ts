/**
 * A compact road graph for car travel times. The ways kept by the car profile come in as chains
 * of nodes; every node that is not a junction, a way's end or a dead end is folded into the edge
 * that runs through it (degree-2 chains collapsed), so the graph holds one vertex per junction.
 * Arcs are stored in compressed sparse rows (typed arrays): `arcStart[v] .. arcStart[v + 1]` are
 * the arcs leaving vertex v, with their head and their time in seconds.
 *
 * The raw segments stay beside it, each with its place on its edge (seconds from the edge's
 * ends), so that a point can be snapped onto the nearest segment and enter the graph mid-edge.
 */
import { greatCircleKm } from '../travel/geo.ts';

/** The routable ways of an extract, as plain arrays indexed by node (input of the graph). */
export interface RoadWays {
  /** Node coordinates. */
  lon: Float64Array;
  lat: Float64Array;
  /** Seconds lost at the node (gate); Infinity for a barrier no car passes. */
  nodePenaltySeconds: Float32Array;
  /** Nodes of way w are wayNodes[wayStart[w] .. wayStart[w + 1]). */
  wayStart: Int32Array;
  wayNodes: Int32Array;
  /** Km/h along / against the way's direction of digitisation, 0 when closed. */
  forwardKmh: Float32Array;
  backwardKmh: Float32Array;
}

export interface RoadGraph {
  readonly vertexCount: number;
  /** The node (index in RoadWays) of each vertex. */
  readonly vertexNode: Int32Array;
  /** Arcs leaving vertex v: arcStart[v] .. arcStart[v + 1]. */
  readonly arcStart: Int32Array;
  readonly arcHead: Int32Array;
  readonly arcSeconds: Float32Array;
  /** Edges (collapsed chains) between vertices: ends, seconds each way (Infinity when closed). */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeForwardSeconds: Float32Array;
  readonly edgeBackwardSeconds: Float32Array;
  readonly edgeMeters: Float32Array;
  /** Raw segments (node a → node b of a way), for snapping. */
  readonly segmentCount: number;
  readonly segA: Int32Array;
  readonly segB: Int32Array;
  readonly segEdge: Int32Array;
  /** Forward seconds from the edge's start to a, and of the segment itself. */
  readonly segForwardBefore: Float32Array;
  readonly segForwardSeconds: Float32Array;
  /** Backward seconds from a to the edge's start, and of the segment itself (b → a). */
  readonly segBackwardBefore: Float32Array;
  readonly segBackwardSeconds: Float32Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
}

/** Growable typed array of numbers. */
class Column<T extends Float32Array | Int32Array> {
  data: T;
  length = 0;
  constructor(readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
const int32 = () => new Column((n) => new Int32Array(n));
const float32 = () => new Column((n) => new Float32Array(n));

/** Builds the compact graph: blocked nodes cut their ways, chains are collapsed. */
export function buildRoadGraph(ways: RoadWays): RoadGraph {
  const nodeCount = ways.lon.length;
  const wayCount = ways.forwardKmh.length;
  const { wayStart, wayNodes, nodePenaltySeconds: penalty } = ways;
  const blocked = (n: number) => (penalty[n] as number) === Infinity;

  // Uses of each node by a segment end; nodes at a way's end or used more than twice are kept.
  const uses = new Uint8Array(nodeCount);
  const keep = new Uint8Array(nodeCount);
  const bump = (n: number) => {
    if ((uses[n] as number) < 255) uses[n] = (uses[n] as number) + 1;
  };
  for (let w = 0; w < wayCount; w++) {
    const s = wayStart[w] as number;
    const e = wayStart[w + 1] as number;
    for (let i = s; i < e - 1; i++) {
      const a = wayNodes[i] as number;
      const b = wayNodes[i + 1] as number;
      if (a === b || blocked(a) || blocked(b)) continue;
      bump(a);
      bump(b);
    }
    if (e - s >= 2) {
      keep[wayNodes[s] as number] = 1;
      keep[wayNodes[e - 1] as number] = 1;
    }
  }
  const vertexOf = new Int32Array(nodeCount).fill(-1);
  const vertexNode = int32();
  for (let n = 0; n < nodeCount; n++) {
    if ((uses[n] as number) > 0 && (keep[n] || (uses[n] as number) !== 2)) {
      vertexOf[n] = vertexNode.length;
      vertexNode.push(n);
    }
  }

  const edgeFrom = int32();
  const edgeTo = int32();
  const edgeFwd = float32();
  const edgeBwd = float32();
  const edgeMeters = float32();
  const segA = int32();
  const segB = int32();
  const segEdge = int32();
  const segFwdBefore = float32();
  const segFwd = float32();
  const segBwdBefore = float32();
  const segBwd = float32();

  for (let w = 0; w < wayCount; w++) {
    const s = wayStart[w] as number;
    const e = wayStart[w + 1] as number;
    const fKmh = ways.forwardKmh[w] as number;
    const bKmh = ways.backwardKmh[w] as number;
    let from = -1;
    let fwd = 0;
    let bwd = 0;
    let meters = 0;
    for (let i = s; i < e - 1; i++) {
      const a = wayNodes[i] as number;
      const b = wayNodes[i + 1] as number;
      if (a === b) continue;
      if (blocked(a) || blocked(b)) {
        from = -1;
        continue;
      }
      if (from < 0) {
        // A chain starts at a vertex (a way's first node, or the node after a barrier, which the
        // uses above made a vertex since it is used once).
        from = vertexOf[a] as number;
        fwd = bwd = meters = 0;
      }
      const m =
        1000 *
        greatCircleKm(
          ways.lon[a] as number,
          ways.lat[a] as number,
          ways.lon[b] as number,
          ways.lat[b] as number,
        );
      const gate = penalty[b] as number;
      const sf = fKmh > 0 ? (m / 1000 / fKmh) * 3600 + gate : Infinity;
      const sb = bKmh > 0 ? (m / 1000 / bKmh) * 3600 + gate : Infinity;
      segA.push(a);
      segB.push(b);
      segEdge.push(edgeFrom.length);
      segFwdBefore.push(fwd);
      segFwd.push(sf);
      segBwdBefore.push(bwd);
      segBwd.push(sb);
      fwd += sf;
      bwd += sb;
      meters += m;
      const to = vertexOf[b] as number;
      if (to >= 0) {
        edgeFrom.push(from);
        edgeTo.push(to);
        edgeFwd.push(fwd);
        edgeBwd.push(bwd);
        edgeMeters.push(meters);
        from = to;
        fwd = bwd = meters = 0;
      }
    }
  }

  // Arcs in compressed sparse rows.
  const vertexCount = vertexNode.length;
  const edges = edgeFrom.length;
  const ef = edgeFrom.done();
  const et = edgeTo.done();
  const efs = edgeFwd.done();
  const ebs = edgeBwd.done();
  const arcStart = new Int32Array(vertexCount + 1);
  for (let k = 0; k < edges; k++) {
    if ((efs[k] as number) < Infinity)
      arcStart[(ef[k] as number) + 1] = (arcStart[(ef[k] as number) + 1] as number) + 1;
    if ((ebs[k] as number) < Infinity)
      arcStart[(et[k] as number) + 1] = (arcStart[(et[k] as number) + 1] as number) + 1;
  }
  for (let v = 0; v < vertexCount; v++)
    arcStart[v + 1] = (arcStart[v + 1] as number) + (arcStart[v] as number);
  const arcs = arcStart[vertexCount] as number;
  const arcHead = new Int32Array(arcs);
  const arcSeconds = new Float32Array(arcs);
  const fill = arcStart.slice(0, vertexCount);
  const add = (u: number, v: number, sec: number) => {
    const p = fill[u] as number;
    arcHead[p] = v;
    arcSeconds[p] = sec;
    fill[u] = p + 1;
  };
  for (let k = 0; k < edges; k++) {
    if ((efs[k] as number) < Infinity) add(ef[k] as number, et[k] as number, efs[k] as number);
    if ((ebs[k] as number) < Infinity) add(et[k] as number, ef[k] as number, ebs[k] as number);
  }

  return {
    vertexCount,
    vertexNode: vertexNode.done(),
    arcStart,
    arcHead,
    arcSeconds,
    edgeFrom: ef,
    edgeTo: et,
    edgeForwardSeconds: efs,
    edgeBackwardSeconds: ebs,
    edgeMeters: edgeMeters.done(),
    segmentCount: segA.length,
    segA: segA.done(),
    segB: segB.done(),
    segEdge: segEdge.done(),
    segForwardBefore: segFwdBefore.done(),
    segForwardSeconds: segFwd.done(),
    segBackwardBefore: segBwdBefore.done(),
    segBackwardSeconds: segBwd.done(),
    lon: ways.lon,
    lat: ways.lat,
  };
}
