/**
 * Commune polygons of the demo territory: a Voronoi tessellation of jittered seed points inside an
 * irregular département outline, with wavy shared borders.
 *
 * Works in a local plane in kilometres (x east, y north). Borders are shared exactly between two
 * neighbouring cells (the same displaced polyline, walked in opposite directions), so polygons
 * never overlap and the TopoJSON encoder finds the shared arcs.
 */
import { decimalPoint } from '../../src/domain/format.ts';
import { Delaunay } from 'd3-delaunay';
import { createRandom, hashString, type Random } from '../../src/domain/random.ts';

export type Pt = [number, number];

export interface Cell {
  /** Seed point: the commune's reference point. */
  seed: Pt;
  /** Closed ring (first point repeated last), counter-clockwise. */
  ring: Pt[];
  /** Indices (into the returned cells) of the neighbouring communes. */
  neighbours: number[];
  areaKm2: number;
}

export interface TessellationOptions {
  seed: number;
  /** Mean radius of the département outline, km. */
  radiusKm: number;
  /** Spacing of the seed grid, km (a cell is about 0.87 × spacing² km²). */
  spacingKm: number;
}

/** Radius of the outline at angle `theta`: a circle bent by a few random harmonics. */
function outlineRadius(rnd: Random, radiusKm: number): (theta: number) => number {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({
    k,
    amp: rnd.range(0.03, 0.12) / Math.sqrt(k - 1),
    phase: rnd.range(0, 2 * Math.PI),
  }));
  return (theta) =>
    radiusKm * (1 + harmonics.reduce((s, h) => s + h.amp * Math.cos(h.k * theta + h.phase), 0));
}

export function insideOutline(r: (theta: number) => number, p: Pt): boolean {
  return Math.hypot(p[0], p[1]) < r(Math.atan2(p[1], p[0]));
}

function ringArea(ring: readonly Pt[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i] as Pt;
    const q = ring[i + 1] as Pt;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a / 2;
}

function segmentsCross(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const orient = (p: Pt, q: Pt, r: Pt) =>
    (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]);
  const d1 = orient(c, d, a);
  const d2 = orient(c, d, b);
  const d3 = orient(a, b, c);
  const d4 = orient(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** True if no two non-adjacent edges of the closed ring cross. */
export function ringIsSimple(ring: readonly Pt[]): boolean {
  const n = ring.length - 1;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i] as Pt, ring[i + 1] as Pt, ring[j] as Pt, ring[j + 1] as Pt)) {
        return false;
      }
    }
  }
  return true;
}

const key = (p: Pt) => `${decimalPoint(p[0], 6)},${decimalPoint(p[1], 6)}`;

/**
 * A wavy version of the segment a→b, as the points strictly between a and b. The offset is
 * perpendicular to the segment and vanishes at both ends, so the polyline is the graph of a
 * function over the segment and cannot cross itself.
 */
function wavyPoints(a: Pt, b: Pt, rnd: Random, levels: number): Pt[] {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const nx = -(b[1] - a[1]) / len;
  const ny = (b[0] - a[0]) / len;
  const n = 2 ** levels;
  // Offsets at n+1 stations by midpoint displacement, zero at both ends.
  const off = new Array<number>(n + 1).fill(0);
  let step = n;
  let amp = 0.12 * len;
  while (step > 1) {
    for (let i = step / 2; i < n; i += step) {
      off[i] =
        ((off[i - step / 2] as number) + (off[i + step / 2] as number)) / 2 + rnd.range(-amp, amp);
    }
    step /= 2;
    amp /= 2;
  }
  const pts: Pt[] = [];
  for (let i = 1; i < n; i++) {
    const t = i / n;
    // Keep the wiggle small near the ends so corners stay clean.
    const o = (off[i] as number) * Math.min(1, 4 * Math.min(t, 1 - t));
    pts.push([a[0] + t * (b[0] - a[0]) + o * nx, a[1] + t * (b[1] - a[1]) + o * ny]);
  }
  return pts;
}

export interface Tessellation {
  cells: Cell[];
  /** The département outline's radius function, to place poles and test points. */
  radiusAt: (theta: number) => number;
}

export function tessellate(options: TessellationOptions): Tessellation {
  const rnd = createRandom(options.seed);
  const radiusAt = outlineRadius(rnd, options.radiusKm);
  const s = options.spacingKm;
  const extent = options.radiusKm * 1.6;

  // Jittered hexagonal grid over a square larger than the outline.
  const seeds: Pt[] = [];
  const rowH = (s * Math.sqrt(3)) / 2;
  for (let row = 0, y = -extent; y <= extent; row++, y += rowH) {
    for (let x = -extent + (row % 2 ? s / 2 : 0); x <= extent; x += s) {
      seeds.push([x + rnd.range(-0.38, 0.38) * s, y + rnd.range(-0.38, 0.38) * rowH]);
    }
  }
  const delaunay = Delaunay.from(seeds);
  const voronoi = delaunay.voronoi([-extent - s, -extent - s, extent + s, extent + s]);

  const kept: number[] = [];
  const indexOf = new Map<number, number>();
  seeds.forEach((p, i) => {
    if (insideOutline(radiusAt, p)) {
      indexOf.set(i, kept.length);
      kept.push(i);
    }
  });

  // Straight rings first, then wavy borders; a border that would make either of its two cells
  // non-simple stays straight.
  const straight = kept.map((i) => {
    const poly = voronoi.cellPolygon(i) as unknown as Pt[];
    const ring = poly.map((p) => [p[0], p[1]] as Pt);
    if (ringArea(ring) < 0) ring.reverse();
    return ring;
  });
  const borders = new Map<string, Pt[]>();
  const straightEdges = new Set<string>();
  const edgeKey = (a: Pt, b: Pt) =>
    key(a) < key(b) ? `${key(a)}|${key(b)}` : `${key(b)}|${key(a)}`;
  const build = (ring: Pt[]): Pt[] => {
    const out: Pt[] = [];
    for (let j = 0; j + 1 < ring.length; j++) {
      const a = ring[j] as Pt;
      const b = ring[j + 1] as Pt;
      out.push(a);
      const k = edgeKey(a, b);
      if (straightEdges.has(k)) continue;
      let mid = borders.get(k);
      const forward = key(a) < key(b);
      if (!mid) {
        const [p, q] = forward ? [a, b] : [b, a];
        mid = wavyPoints(p, q, createRandom(options.seed ^ hashString(k)), 2);
        borders.set(k, mid);
      }
      out.push(...(forward ? mid : [...mid].reverse()));
    }
    out.push(out[0] as Pt);
    return out;
  };
  let rings = straight.map(build);
  for (let pass = 0; pass < 5; pass++) {
    let changed = false;
    rings.forEach((ring, c) => {
      if (ringIsSimple(ring)) return;
      const base = straight[c] as Pt[];
      for (let j = 0; j + 1 < base.length; j++) {
        straightEdges.add(edgeKey(base[j] as Pt, base[j + 1] as Pt));
      }
      changed = true;
    });
    if (!changed) break;
    rings = straight.map(build);
  }

  const cells: Cell[] = kept.map((i, c) => ({
    seed: seeds[i] as Pt,
    ring: rings[c] as Pt[],
    neighbours: [...voronoi.neighbors(i)]
      .map((j) => indexOf.get(j))
      .filter((j): j is number => j !== undefined)
      .sort((a, b) => a - b),
    areaKm2: ringArea(rings[c] as Pt[]),
  }));
  return { cells, radiusAt };
}
