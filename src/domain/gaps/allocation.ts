/**
 * Who gets a place: the beneficiaries of every commune against the places of the sites within N
 * minutes. The rule, shown to users as it is written here:
 *
 * 1. Nearest first. Every pair (commune, site) with a trip of at most N minutes is taken by
 *    increasing time (ties: commune, then site, in network order); the pair gets as many people as
 *    the commune still has unserved and the site still has places.
 * 2. Then as many as possible. When a commune still has people without a place while a site
 *    within its N minutes is full, places are handed on step by step: the site takes one of this
 *    commune's people if someone it served can go to another site within N minutes of their own
 *    commune that still has places (an augmenting path). Paths are taken shortest first until
 *    there is none: the number served is then the largest any assignment within N minutes can
 *    reach (a maximum flow, Ford–Fulkerson with shortest paths, Edmonds & Karp 1972), while most
 *    people keep their nearest site.
 *
 * A site of unknown capacity has no limit ('unlimited', the default, flagged in every figure) or no
 * place at all ('zero'); the two bound the truth. A commune is "within reach" when a site of the set
 * is at most N minutes away, whatever its places.
 *
 * Step 2 is what makes the figures monotone: opening a site never lowers the number served, and a
 * new site of capacity K serving people nobody served before adds at least that many (the siting's
 * announced gain is a floor of what the allocation then counts; tested).
 */
import type { TravelModel, TravelNetwork } from '../travel/model.ts';

/** A site as the allocation sees it. */
export interface AllocationSite {
  /** Index of the site's commune in the travel network. */
  communeIndex: number;
  lon: number;
  lat: number;
  /** Places (or people per year, scaled by the caller); null when unknown. */
  capacity: number | null;
}

/** What to do with a site whose capacity is unknown. */
export type UnknownCapacityRule = 'unlimited' | 'zero';
export const UNKNOWN_CAPACITY_RULES: readonly UnknownCapacityRule[] = ['unlimited', 'zero'];

export interface AllocationInput {
  model: TravelModel;
  network: TravelNetwork;
  /** People to serve in each commune, in network order. */
  demand: Float64Array;
  sites: readonly AllocationSite[];
  maxMinutes: number;
  unknownCapacity: UnknownCapacityRule;
}

export interface Allocation {
  /** People with a place within N minutes, per commune. */
  served: Float64Array;
  /** Of those, people placed in a site of unknown capacity (counted without limit). */
  servedByUnknown: Float64Array;
  /** 1 when a site of the set is at most N minutes away. */
  inReach: Uint8Array;
  /** Minutes to the nearest site of the set, Infinity beyond N. */
  nearestMinutes: Float64Array;
  /** Places used, per site (in the order given). */
  used: Float64Array;
  /** Pairs within N minutes, and the augmenting paths step 2 took. */
  pairs: number;
  augmentations: number;
}

const EPS = 1e-9;

/** Pairs (commune, site) within N minutes, nearest first. */
export interface ReachPairs {
  commune: Int32Array;
  site: Int32Array;
  minutes: Float64Array;
}

/**
 * Every pair within N minutes. The sites' searches use the model's grid ('grid'); 'dense' asks
 * every commune of every site, the naive baseline of the benchmark (same pairs).
 */
export function reachPairs(
  model: TravelModel,
  network: TravelNetwork,
  sites: readonly AllocationSite[],
  maxMinutes: number,
  how: 'grid' | 'dense' = 'grid',
): ReachPairs {
  const c: number[] = [];
  const s: number[] = [];
  const t: number[] = [];
  sites.forEach((site, k) => {
    const offset = model.accessMinutes + model.localMinutes(site.communeIndex, site.lon, site.lat);
    const visit = (origin: number, m: number) => {
      const minutes = m + offset;
      if (minutes <= maxMinutes) {
        c.push(origin);
        s.push(k);
        t.push(minutes);
      }
    };
    if (how === 'grid') {
      model.forEachOriginWithin(site.communeIndex, maxMinutes - offset + EPS, visit);
    } else {
      for (let o = 0; o < network.count; o++) {
        visit(o, model.communeMinutes(o, site.communeIndex));
      }
    }
  });
  const order = Array.from({ length: t.length }, (_, i) => i).sort(
    (a, b) =>
      (t[a] as number) - (t[b] as number) ||
      (c[a] as number) - (c[b] as number) ||
      (s[a] as number) - (s[b] as number),
  );
  return {
    commune: Int32Array.from(order, (i) => c[i] as number),
    site: Int32Array.from(order, (i) => s[i] as number),
    minutes: Float64Array.from(order, (i) => t[i] as number),
  };
}

export function allocate(
  input: AllocationInput,
  options: { pairs?: 'grid' | 'dense' } = {},
): Allocation {
  const { network: net, demand, sites } = input;
  const n = net.count;
  if (demand.length !== n) throw new Error('Un besoin par commune du réseau est attendu.');
  const pairs = reachPairs(input.model, net, sites, input.maxMinutes, options.pairs);
  const m = pairs.commune.length;
  const unknown = Uint8Array.from(sites, (s) => (s.capacity === null ? 1 : 0));
  const room = Float64Array.from(sites, (s) =>
    s.capacity === null
      ? input.unknownCapacity === 'unlimited'
        ? Infinity
        : 0
      : Math.max(0, s.capacity),
  );
  const left = Float64Array.from(demand, (d) => (d > 0 ? d : 0));
  const flow = new Float64Array(m);
  const inReach = new Uint8Array(n);
  const nearestMinutes = new Float64Array(n).fill(Infinity);

  // 1. Nearest first.
  for (let e = 0; e < m; e++) {
    const c = pairs.commune[e] as number;
    const s = pairs.site[e] as number;
    inReach[c] = 1;
    if ((pairs.minutes[e] as number) < (nearestMinutes[c] as number)) {
      nearestMinutes[c] = pairs.minutes[e] as number;
    }
    const x = Math.min(left[c] as number, room[s] as number);
    if (x > EPS) {
      flow[e] = x;
      left[c] = (left[c] as number) - x;
      room[s] = (room[s] as number) - x;
    }
  }

  // 2. Augmenting paths, shortest first, from every commune with people left at once.
  const byCommune = groupBy(pairs.commune, n);
  const bySite = groupBy(pairs.site, sites.length);
  let augmentations = 0;
  const communeFrom = new Int32Array(n);
  const siteFrom = new Int32Array(sites.length);
  const queue = new Int32Array(n + sites.length);
  for (;;) {
    communeFrom.fill(-2);
    siteFrom.fill(-2);
    let head = 0;
    let tail = 0;
    for (let c = 0; c < n; c++) {
      if ((left[c] as number) > EPS && byCommune.start[c + 1]! > byCommune.start[c]!) {
        communeFrom[c] = -1;
        queue[tail++] = c;
      }
    }
    let found = -1;
    // Nodes: communes are 0 … n-1, sites n … n + sites - 1.
    search: while (head < tail) {
      const node = queue[head++] as number;
      if (node < n) {
        for (let p = byCommune.start[node]!; p < byCommune.start[node + 1]!; p++) {
          const e = byCommune.items[p] as number;
          const s = pairs.site[e] as number;
          if (siteFrom[s] !== -2) continue;
          siteFrom[s] = e;
          if ((room[s] as number) > EPS) {
            found = s;
            break search;
          }
          queue[tail++] = n + s;
        }
      } else {
        const s = node - n;
        for (let p = bySite.start[s]!; p < bySite.start[s + 1]!; p++) {
          const e = bySite.items[p] as number;
          const c = pairs.commune[e] as number;
          if (communeFrom[c] !== -2 || !((flow[e] as number) > EPS)) continue;
          communeFrom[c] = e;
          queue[tail++] = c;
        }
      }
    }
    if (found < 0) break;
    // The bottleneck along the path, then the path itself.
    let amount = room[found] as number;
    let s = found;
    let start = -1;
    for (;;) {
      const e = siteFrom[s] as number;
      const c = pairs.commune[e] as number;
      const back = communeFrom[c] as number;
      if (back === -1) {
        amount = Math.min(amount, left[c] as number);
        start = c;
        break;
      }
      amount = Math.min(amount, flow[back] as number);
      s = pairs.site[back] as number;
    }
    room[found] = (room[found] as number) - amount;
    left[start] = (left[start] as number) - amount;
    s = found;
    for (;;) {
      const e = siteFrom[s] as number;
      flow[e] = (flow[e] as number) + amount;
      const c = pairs.commune[e] as number;
      const back = communeFrom[c] as number;
      if (back === -1) break;
      flow[back] = (flow[back] as number) - amount;
      if ((flow[back] as number) < EPS) flow[back] = 0;
      s = pairs.site[back] as number;
    }
    augmentations++;
  }

  const served = new Float64Array(n);
  const servedByUnknown = new Float64Array(n);
  const used = new Float64Array(sites.length);
  for (let e = 0; e < m; e++) {
    const x = flow[e] as number;
    if (x === 0) continue;
    const c = pairs.commune[e] as number;
    const s = pairs.site[e] as number;
    served[c] = (served[c] as number) + x;
    used[s] = (used[s] as number) + x;
    if (unknown[s]) servedByUnknown[c] = (servedByUnknown[c] as number) + x;
  }
  // Rounding of long paths: served never exceeds the demand.
  for (let c = 0; c < n; c++) {
    const d = Math.max(0, demand[c] as number);
    if ((served[c] as number) > d) served[c] = d;
  }
  return { served, servedByUnknown, inReach, nearestMinutes, used, pairs: m, augmentations };
}

/** Indices of `keys` grouped by key, in their order: items[start[k] .. start[k + 1]). */
function groupBy(keys: Int32Array, count: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const k of keys) start[k + 1] = (start[k + 1] as number) + 1;
  for (let k = 0; k < count; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, count);
  const items = new Int32Array(keys.length);
  keys.forEach((k, i) => {
    items[fill[k] as number] = i;
    fill[k] = (fill[k] as number) + 1;
  });
  return { start, items };
}

/** The three parts of the people of a commune: served, within reach without a place, beyond. */
export interface Split {
  served: number;
  overCapacity: number;
  outOfReach: number;
}

export function communeSplit(a: Allocation, demand: Float64Array, c: number): Split {
  const d = Math.max(0, demand[c] as number);
  if (!a.inReach[c]) return { served: 0, overCapacity: 0, outOfReach: d };
  const served = a.served[c] as number;
  return { served, overCapacity: Math.max(0, d - served), outOfReach: 0 };
}
