/**
 * The demo's road network, built through the road step like a real extract: its times equal a
 * plain Dijkstra over the uncollapsed network read from the same file, every commune reaches
 * every other, and opening a site changes exactly the communes whose nearest site changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeNetworkTimes } from '../../src/data/network-times.ts';
import { carWay } from '../../src/domain/network/car-profile.ts';
import { defaultAssumptions } from '../../src/domain/reach/scenario.ts';
import { reachData, reachSession } from '../../src/domain/reach/setup.ts';
import { greatCircleKm } from '../../src/domain/travel/geo.ts';
import type { NetworkTimesByMode } from '../../src/domain/travel/network-model.ts';
import { createRandom } from '../../src/domain/random.ts';
import { readOsmRoads, type OsmRoads } from '../roads/read-osm.ts';
import { buildDemoWithNetworks } from './with-networks.ts';

const dir = mkdtempSync(join(tmpdir(), 'demo-roads-'));
let demo: Awaited<ReturnType<typeof buildDemoWithNetworks>>;
let osm: OsmRoads;
let times: Map<string, number>;
let networkTimes: NetworkTimesByMode;

beforeAll(async () => {
  const file = join(dir, 'routes.osm.pbf');
  demo = await buildDemoWithNetworks({ roadsFile: file, gtfsFile: join(dir, 'demo-gtfs.zip') });
  osm = await readOsmRoads(file);
  const meta = demo.bundle.meta.networkTimes!.voiture!;
  const rows = decodeNetworkTimes(demo.files.get(meta.file)!);
  times = new Map(rows.origin.map((o, i) => [`${o}>${rows.destination[i]}`, rows.minutes[i]!]));
  networkTimes = {
    voiture: { meta, source: demo.bundle.meta.sources.find((s) => s.id === meta.sourceId)!, rows },
  };
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Plain O(V²) Dijkstra over every node of every way, in seconds. */
function plainDijkstra(source: number): Float64Array {
  const w = osm.ways;
  const n = w.lon.length;
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  for (let k = 0; k + 1 < w.wayStart.length; k++) {
    for (let i = w.wayStart[k]!; i + 1 < w.wayStart[k + 1]!; i++) {
      const a = w.wayNodes[i]!;
      const b = w.wayNodes[i + 1]!;
      if (w.nodePenaltySeconds[a] === Infinity || w.nodePenaltySeconds[b] === Infinity) continue;
      const km = greatCircleKm(w.lon[a]!, w.lat[a]!, w.lon[b]!, w.lat[b]!);
      const gate = w.nodePenaltySeconds[b]!;
      if (w.forwardKmh[k]! > 0) adj[a]!.push([b, (km / w.forwardKmh[k]!) * 3600 + gate]);
      if (w.backwardKmh[k]! > 0) adj[b]!.push([a, (km / w.backwardKmh[k]!) * 3600 + gate]);
    }
  }
  const d = new Float64Array(n).fill(Infinity);
  const done = new Uint8Array(n);
  d[source] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && d[i]! < Infinity && (u < 0 || d[i]! < d[u]!)) u = i;
    if (u < 0) break;
    done[u] = 1;
    for (const [v, s] of adj[u]!) if (d[u]! + s < d[v]!) d[v] = d[u]! + s;
  }
  return d;
}

describe('the demo’s road network', () => {
  it('has every road class, one-ways, a bollard and a gate, and is read like an extract', () => {
    const kinds = new Set(demo.roads.ways.map((w) => w.tags.highway));
    for (const k of [
      'motorway',
      'motorway_link',
      'primary',
      'secondary',
      'tertiary',
      'residential',
    ])
      expect(kinds).toContain(k);
    expect(demo.roads.ways.filter((w) => carWay(w.tags)?.backwardKmh === 0).length).toBeGreaterThan(
      2,
    );
    const barriers = demo.roads.nodes.flatMap((n) => (n.tags?.barrier ? [n.tags.barrier] : []));
    expect(barriers.sort()).toEqual(['bollard', 'gate']);
    expect(osm.counts.waysKept).toBe(demo.roads.ways.length);
    expect(demo.roadStats.mainVertices).toBe(demo.roadStats.vertices);
    expect(demo.roadStats.maxSnapMeters).toBeLessThan(1);
  });

  it('gives the times of a plain Dijkstra on the same network', () => {
    const communes = demo.bundle.communes;
    const nodeOf = new Map(
      demo.roads.nodes.filter((n) => n.tags?.ref).map((n) => [n.tags!.ref!, n.id]),
    );
    const rank = (id: number) => osm.nodeIds.indexOf(id);
    const rnd = createRandom(3);
    for (let k = 0; k < 4; k++) {
      const o = communes[rnd.int(0, communes.length - 1)]!;
      const d = plainDijkstra(rank(nodeOf.get(o.code)!));
      for (const c of communes) {
        const expected = d[rank(nodeOf.get(c.code)!)]! / 60;
        // To the tenth of a minute, as the artefact holds them.
        expect(Math.abs(times.get(`${o.code}>${c.code}`)! - expected)).toBeLessThan(0.0501);
      }
    }
  });

  it('joins every commune to every other within the cutoff', () => {
    const n = demo.bundle.communes.length;
    expect(times.size).toBe(n * n);
    expect(demo.bundle.meta.networkTimes?.voiture?.pairs).toBe(n * n);
  });

  it('opening a site changes exactly the communes whose nearest site changes', () => {
    const { communes, sites } = demo.bundle;
    const data = reachData(communes, null, networkTimes);
    const assumptions = defaultAssumptions();
    const s = reachSession(data, sites, assumptions);
    expect(s.engine.model.id).toBe('reseau');
    const rnd = createRandom(11);
    for (let k = 0; k < 5; k++) {
      const before = s.engine.minutes.slice();
      const c = communes[rnd.int(0, communes.length - 1)]!;
      s.apply({
        op: 'open',
        site: {
          id: `essai-${k}`,
          name: 'Essai',
          kind: 'france_services',
          lon: c.lon + 0.001,
          lat: c.lat,
          communeCode: c.code,
          capacity: null,
        },
      });
      communes.forEach((o, i) => {
        const t = times.get(`${o.code}>${c.code}`)!;
        const expected = Math.min(before[i]!, t <= 90 ? t : Infinity);
        expect(s.engine.minutes[i]).toBe(expected);
      });
    }
  });
});
