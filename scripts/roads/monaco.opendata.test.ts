/**
 * The road step on a real OpenStreetMap extract, Monaco (skipped, with a message, without the open
 * data): parsed, graph built, its main component strongly connected, times symmetric but for the
 * one-way streets, and three streets timed by hand from their own nodes and tags.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { OSMTransform } from 'osm-pbf-parser-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dijkstra } from '../../src/domain/network/dijkstra.ts';
import { buildRoadGraph, type RoadGraph } from '../../src/domain/network/road-graph.ts';
import { mainComponent } from '../../src/domain/network/road-times.ts';
import { greatCircleKm } from '../../src/domain/travel/geo.ts';
import { OPENDATA_DIR } from '../opendata/opendata-dir.ts';
import { readOsmRoads, type OsmRoads } from './read-osm.ts';
import { readPoints } from './points.ts';
import { roadStep } from './road-step.ts';

const MONACO = resolve(OPENDATA_DIR, 'osm', 'monaco.osm.pbf');
const HAS_MONACO = existsSync(MONACO);
if (!HAS_MONACO)
  console.warn(`Tests sur Monaco ignorés : ${MONACO} absent (définir OPENDATA_DIR).`);

/** The nodes and tags of a few ways, read straight from the file. */
async function waysById(ids: number[]) {
  const want = new Set(ids);
  const ways = new Map<number, { refs: number[]; tags: Record<string, string> }>();
  const coords = new Map<number, [number, number]>();
  const stream = createReadStream(MONACO).pipe(new OSMTransform({ withTags: true }));
  const all: {
    type?: string;
    id: number;
    lon: number;
    lat: number;
    refs: number[];
    tags?: Record<string, string>;
  }[] = [];
  for await (const batch of stream as AsyncIterable<typeof all>)
    for (const it of batch) all.push(it);
  for (const it of all)
    if (it.type === 'way' && want.has(it.id))
      ways.set(it.id, { refs: it.refs, tags: it.tags ?? {} });
  const needed = new Set([...ways.values()].flatMap((w) => w.refs));
  for (const it of all)
    if (it.type === 'node' && needed.has(it.id)) coords.set(it.id, [it.lon, it.lat]);
  return { ways, coords };
}

describe.skipIf(!HAS_MONACO)('Monaco, a real OpenStreetMap extract', () => {
  let osm: OsmRoads;
  let graph: RoadGraph;
  let inMain: Uint8Array;
  const vertexOfId = (id: number) => {
    const node = osm.nodeIds.indexOf(id);
    const v = graph.vertexNode.indexOf(node);
    expect(v).toBeGreaterThanOrEqual(0);
    return v;
  };
  beforeAll(async () => {
    osm = await readOsmRoads(MONACO);
    graph = buildRoadGraph(osm.ways);
    inMain = mainComponent(graph);
  });

  it('keeps the car ways and collapses their chains', () => {
    expect(osm.counts.waysRead).toBe(27_377);
    expect(osm.counts.waysKept).toBeGreaterThan(1000);
    expect(osm.counts.nodesMissing).toBe(0);
    expect(graph.vertexCount).toBeLessThan(osm.counts.nodesKept / 3);
    const main = inMain.reduce((a, b) => a + b, 0);
    expect(main).toBeGreaterThan(0.85 * graph.vertexCount);
  });

  it('reaches every vertex of the main component from every other', () => {
    const main = inMain.reduce((a, b) => a + b, 0);
    const d = new Dijkstra(graph);
    for (let v = 0; v < graph.vertexCount; v++) {
      if (!inMain[v]) continue;
      d.run([{ vertex: v, seconds: 0 }], Infinity);
      let reached = 0;
      for (const u of d.reached()) reached += inMain[u] as number;
      expect(reached).toBe(main);
    }
  });

  it('gives symmetric times on the two-way streets alone, and bounded asymmetry with one-ways', () => {
    const w = osm.ways;
    const twoWay = buildRoadGraph({
      ...w,
      forwardKmh: w.forwardKmh.map((f, i) => (f > 0 && f === w.backwardKmh[i] ? f : 0)),
      backwardKmh: w.backwardKmh.map((b, i) => (b > 0 && b === w.forwardKmh[i] ? b : 0)),
    });
    /** Gaps |t(a→b) − t(b→a)| between every pair of a sample of main-component vertices. */
    const gaps = (g: RoadGraph) => {
      const main = mainComponent(g);
      const vs = [...main.keys()].filter((v) => main[v]).filter((_, i) => i % 25 === 0);
      const d = new Dijkstra(g);
      const times = vs.map((v) => {
        d.run([{ vertex: v, seconds: 0 }], Infinity);
        return vs.map((u) => d.seconds[u] as number);
      });
      const out: number[] = [];
      vs.forEach((_, i) =>
        vs.forEach((__, j) => {
          if (i < j) out.push(Math.abs(times[i]![j]! - times[j]![i]!));
        }),
      );
      return out.sort((a, b) => a - b);
    };
    expect(Math.max(...gaps(twoWay))).toBeLessThan(0.01);
    // With the one-way streets, half the return trips are within 30 s of the way out; the worst
    // (11 min) starts on a motorway slip road above the town, whose way back runs to the next
    // interchange: never more than 15 min.
    const g = gaps(graph);
    expect(g[g.length >> 1]).toBeLessThan(30);
    expect(g[g.length - 1]).toBeGreaterThan(60);
    expect(g[g.length - 1]).toBeLessThan(15 * 60);
  });

  it('times three streets as their length over their speed', async () => {
    // Avenue Princesse Grace (primary, one-way, maxspeed 50 → 40 km/h), Boulevard du Larvotto
    // (primary, two-way, maxspeed 50 → 40 km/h), Boulevard Charles III (secondary, two-way, no
    // limit → 55 km/h).
    const cases = [
      { id: 4230044, kmh: 40, oneway: true },
      { id: 4230074, kmh: 40, oneway: false },
      { id: 4229220, kmh: 55, oneway: false },
    ];
    const { ways, coords } = await waysById(cases.map((c) => c.id));
    const d = new Dijkstra(graph);
    for (const c of cases) {
      const way = ways.get(c.id)!;
      let km = 0;
      for (let i = 0; i + 1 < way.refs.length; i++) {
        const [x0, y0] = coords.get(way.refs[i]!)!;
        const [x1, y1] = coords.get(way.refs[i + 1]!)!;
        km += greatCircleKm(x0, y0, x1, y1);
      }
      const expected = (km / c.kmh) * 3600;
      const a = vertexOfId(way.refs[0]!);
      const b = vertexOfId(way.refs[way.refs.length - 1]!);
      d.run([{ vertex: a, seconds: 0 }], Infinity);
      expect(d.seconds[b]).toBeCloseTo(expected, 1);
      d.run([{ vertex: b, seconds: 0 }], Infinity);
      if (c.oneway) expect(d.seconds[a]).toBeGreaterThan(expected);
      else expect(d.seconds[a]).toBeCloseTo(expected, 1);
    }
  });

  it('runs as the road step between the points of a CSV', async () => {
    const points = readPoints(resolve(import.meta.dirname, '../../data/roads/monaco-points.csv'));
    const { times, stats } = await roadStep(MONACO, points);
    expect(times.rows.origin.length).toBe(points.length ** 2);
    expect(stats.maxSnapMeters).toBeLessThan(250);
    expect(times.source.producer).toBe("© les contributeurs d'OpenStreetMap");
    expect(times.source.millesime).toBe('extrait du 2016-03-05');
    for (let i = 0; i < times.rows.origin.length; i++) {
      const m = times.rows.minutes[i]!;
      if (times.rows.origin[i] === times.rows.destination[i]) expect(m).toBe(0);
      else expect(m).toBeGreaterThan(0.5);
      expect(m).toBeLessThan(15);
    }
  });

  it('refuses an extract that does not cover the points', async () => {
    await expect(roadStep(MONACO, [{ code: '62041', lon: 2.78, lat: 50.29 }])).rejects.toThrow(
      /ne couvre pas/,
    );
  });
});
