/**
 * Step "roads" (routes-demo.osm.pbf, then temps-voiture.arrow through the road step): the road
 * network of the demo as OpenStreetMap nodes and ways, so that the demo is built through the
 * same reader and router as a real extract.
 *
 * Every commune's reference point is a node. Neighbouring communes are joined by a tertiary or
 * unclassified road (with a bend); the roads on the shortest links from the préfecture to the
 * other poles are primary, those from each bourg-centre to its nearest pole secondary (limited
 * to 80 km/h, FR:rural). A motorway with two one-way carriageways (130 km/h) runs between the
 * two largest poles, reached by links at both ends and at a middle interchange. Each pole has a
 * one-way residential loop around its centre. One village road is closed by a bollard, another
 * has a gate.
 */
import type { Random } from '../../../src/domain/random.ts';
import type { OsmNode, OsmWay } from '../../roads/write-pbf.ts';
import { at, dist, toLonLat } from '../plane.ts';
import type { Pt } from '../tessellation.ts';
import type { DemoCommunes } from './communes.ts';
import type { DemoLand } from './land.ts';

export interface DemoRoads {
  nodes: OsmNode[];
  ways: OsmWay[];
}

type Kind = 'motorway' | 'primary' | 'secondary' | 'tertiary' | 'unclassified';
const RANK: Record<Kind, number> = {
  motorway: 0,
  primary: 1,
  secondary: 2,
  tertiary: 3,
  unclassified: 4,
};

/** Shortest paths over the neighbour graph from `source`, by straight-line length (km). */
function shortestTree(land: DemoLand, source: number): Int32Array {
  const n = land.seeds.length;
  const d = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  d[source] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && (u < 0 || d[i]! < d[u]!)) u = i;
    if (u < 0 || d[u] === Infinity) break;
    done[u] = 1;
    for (const v of at(land.neighbours, u)) {
      const t = d[u]! + dist(at(land.seeds, u), at(land.seeds, v));
      if (t < d[v]!) {
        d[v] = t;
        prev[v] = u;
      }
    }
  }
  return prev;
}

export function roadsStep(land: DemoLand, communes: DemoCommunes, rnd: Random): DemoRoads {
  const nodes: OsmNode[] = [];
  const ways: OsmWay[] = [];
  const node = (p: Pt, tags?: Record<string, string>) => {
    const [lon, lat] = toLonLat(p);
    const id = 1_000_000 + nodes.length;
    nodes.push(tags ? { id, lon, lat, tags } : { id, lon, lat });
    return id;
  };
  const way = (refs: number[], tags: Record<string, string>) =>
    ways.push({ id: 2_000_000 + ways.length, refs, tags });

  // A node at each commune's reference point.
  const seedNode = land.seeds.map((p, i) => node(p, { place: 'village', ref: communes.code(i) }));

  // Classes of the links between neighbours.
  const key = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
  const kind = new Map<string, Kind>();
  const raise = (a: number, b: number, k: Kind) => {
    const cur = kind.get(key(a, b));
    if (!cur || RANK[k] < RANK[cur]) kind.set(key(a, b), k);
  };
  const follow = (prev: Int32Array, to: number, k: Kind) => {
    for (let v = to; prev[v]! >= 0; v = prev[v]!) raise(v, prev[v]!, k);
  };
  const [prefecture] = land.poleCells;
  const fromPrefecture = shortestTree(land, prefecture!);
  land.poleCells.slice(1).forEach((c) => follow(fromPrefecture, c, 'primary'));
  const poleTrees = land.poleCells.map((c) => shortestTree(land, c));
  for (const b of land.bourgCells) {
    let best = 0;
    land.polePts.forEach((p, k) => {
      if (dist(p, at(land.seeds, b)) < dist(at(land.polePts, best), at(land.seeds, b))) best = k;
    });
    follow(at(poleTrees, best), b, 'secondary');
  }

  // Every link between neighbours, with a bend in its middle.
  const links: [number, number][] = [];
  land.neighbours.forEach((ns, a) => {
    for (const b of ns) if (a < b) links.push([a, b]);
  });
  const village = links.filter(([a, b]) => !kind.has(key(a, b)));
  const i = Math.floor(rnd.next() * village.length);
  const bollard = at(village, i);
  const gate = at(
    village,
    (i + 1 + Math.floor(rnd.next() * (village.length - 1))) % village.length,
  );
  for (const l of links) {
    const [a, b] = l;
    const pa = at(land.seeds, a);
    const pb = at(land.seeds, b);
    const len = dist(pa, pb);
    const off = rnd.range(-0.12, 0.12) * len;
    const mid: Pt = [
      (pa[0] + pb[0]) / 2 - ((pb[1] - pa[1]) / len) * off,
      (pa[1] + pb[1]) / 2 + ((pb[0] - pa[0]) / len) * off,
    ];
    const k = kind.get(key(a, b)) ?? (rnd.chance(0.3) ? 'unclassified' : 'tertiary');
    const barrier =
      l === bollard ? { barrier: 'bollard' } : l === gate ? { barrier: 'gate' } : undefined;
    const tags: Record<string, string> = { highway: k };
    if (k === 'secondary') tags.maxspeed = 'FR:rural';
    way([at(seedNode, a), node(mid, barrier), at(seedNode, b)], tags);
  }

  // The motorway between the two largest poles: two one-way carriageways on nodes set 1.5 km
  // off the straight line, links at both ends and at a middle interchange.
  const [p0, p1] = [at(land.polePts, 0), at(land.polePts, 1)];
  const len = dist(p0, p1);
  const side: Pt = [(-(p1[1] - p0[1]) / len) * 1.5, ((p1[0] - p0[0]) / len) * 1.5];
  const steps = Math.max(4, Math.round(len / 4));
  const line: number[] = [];
  for (let s = 0; s <= steps; s++) {
    const f = 0.08 + (0.84 * s) / steps;
    line.push(node([p0[0] + f * (p1[0] - p0[0]) + side[0], p0[1] + f * (p1[1] - p0[1]) + side[1]]));
  }
  const motorway = { highway: 'motorway', maxspeed: '130', ref: 'A 99' };
  way(line, motorway);
  way([...line].reverse(), motorway);
  const middle = at(line, steps >> 1);
  const middlePt: Pt = [
    p0[0] + 0.5 * (p1[0] - p0[0]) + side[0],
    p0[1] + 0.5 * (p1[1] - p0[1]) + side[1],
  ];
  let nearest = 0;
  land.seeds.forEach((p, i) => {
    if (dist(p, middlePt) < dist(at(land.seeds, nearest), middlePt)) nearest = i;
  });
  const link = { highway: 'motorway_link' };
  way([at(seedNode, at(land.poleCells, 0)), at(line, 0)], link);
  way([at(seedNode, at(land.poleCells, 1)), at(line, steps)], link);
  way([at(seedNode, nearest), middle], link);

  // A one-way residential loop around each pole's centre, joined to it.
  for (const c of land.poleCells) {
    const [x, y] = at(land.seeds, c);
    const corners = [
      [x - 0.4, y - 0.4],
      [x + 0.4, y - 0.4],
      [x + 0.4, y + 0.4],
      [x - 0.4, y + 0.4],
    ].map((p) => node(p as Pt));
    way([...corners, at(corners, 0)], { highway: 'residential', oneway: 'yes', maxspeed: '30' });
    way([at(seedNode, c), at(corners, 0)], { highway: 'residential' });
    way([at(seedNode, c), at(corners, 2)], { highway: 'residential' });
  }
  return { nodes, ways };
}
