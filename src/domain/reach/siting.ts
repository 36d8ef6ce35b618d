/* eslint-disable max-lines -- one algorithm: the lazy greedy, its restarts and exchanges, and the capacity rule it must respect. */
/**
 * Where to open k new sites: the maximal covering location problem (Church & ReVelle, 1974).
 * Existing sites (and the scenario's) are fixed; each candidate is a commune's reference point;
 * a commune is covered when a site is at most N minutes away. We maximise the weight (beneficiaries
 * or inhabitants) newly within N minutes.
 *
 * The solver is the greedy algorithm with lazy evaluation (CELF, Leskovec et al., 2007): a
 * candidate's gain can only shrink as sites are picked (coverage is submodular), so a stale gain is
 * an upper bound and only the top of the queue needs recomputing. The greedy alone can miss the
 * optimum by several percent when its first pick straddles two clusters (14 % on the worst instance
 * of the test suite), so without capacity it is run again from each of the best single sites as
 * first pick, each run improved by exchanges (Teitz & Bart, 1968: swap a pick for a candidate while
 * that covers more), and the best set is kept. The final sites are listed in greedy order, each
 * explained by its marginal gain. An exact branch-and-bound solver for small instances
 * (siting-oracles.ts) measures the quality in the tests.
 *
 * Optional capacity: a new site then counts at most `capacity` of the weight it reaches, the
 * nearest communes first (a commune served in part keeps the rest for the next pick). The reach
 * figures themselves do not model capacity: they count everyone within N minutes.
 */
import type { TravelModel, TravelNetwork } from '../travel/model.ts';

export interface SitingInput {
  model: TravelModel;
  network: TravelNetwork;
  /** Current minutes of every commune (existing sites and scenario). */
  minutes: Float64Array;
  /** What to cover, per commune: beneficiaries or inhabitants. */
  weight: Float64Array;
  maxMinutes: number;
  /** How many new sites. */
  k: number;
  /** Candidate communes; all communes when absent. */
  candidates?: readonly number[];
  /** Places of each new site, or null for no limit. */
  capacity?: number | null;
}

export interface SitingPick {
  /** Commune of the new site (at its reference point). */
  commune: number;
  /** Weight brought within N minutes by this site, after the sites picked before it. */
  gain: number;
  /** Weight it reaches that was not yet covered (the gain before the capacity limit). */
  reachable: number;
  /** Communes it brings within N minutes (in part, with a capacity). */
  communes: number[];
}

export interface SitingResult {
  picks: SitingPick[];
  /** Weight the plain greedy picks cover, before restarts and exchanges. */
  greedyGain: number;
  /** Greedy runs from another first pick, and swaps made by the exchange step. */
  restarts: number;
  swaps: number;
  /** Weight beyond N minutes before any new site. */
  uncoveredBefore: number;
  totalGain: number;
  /** Candidates that could cover anything. */
  candidatesConsidered: number;
  /** Gain computations, the measure of the lazy evaluation's saving. */
  evaluations: number;
}

/** For each useful candidate, the uncovered communes it would bring within N minutes. */
export interface Coverage {
  /** Commune index of each useful candidate. */
  candidate: Int32Array;
  /** Communes covered by candidate i: items[start[i] .. start[i + 1]), nearest first. */
  start: Int32Array;
  items: Int32Array;
  /** Uncovered weight per commune. */
  weight: Float64Array;
  uncoveredBefore: number;
}

const EPSILON = 1e-9;

export function buildCoverage(input: SitingInput): Coverage {
  const { model, network: net, minutes, maxMinutes } = input;
  const n = net.count;
  const isCandidate = new Uint8Array(n);
  if (input.candidates) for (const c of input.candidates) isCandidate[c] = 1;
  else isCandidate.fill(1);
  // The time a new site at a candidate's reference point adds: the engine computes it the same way.
  const offset = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    offset[j] =
      model.accessMinutes + model.localMinutes(j, net.lon[j] as number, net.lat[j] as number);
  }
  const weight = new Float64Array(n);
  const lists = new Map<number, { commune: number; t: number }[]>();
  let uncoveredBefore = 0;
  for (let c = 0; c < n; c++) {
    const w = input.weight[c] as number;
    if (!((minutes[c] as number) > maxMinutes) || !(w > 0)) continue;
    weight[c] = w;
    uncoveredBefore += w;
    model.forEachDestinationWithin(c, maxMinutes - model.accessMinutes + EPSILON, (j, m) => {
      if (!isCandidate[j]) return;
      const t = m + (offset[j] as number);
      if (t > maxMinutes) return;
      let list = lists.get(j);
      if (!list) lists.set(j, (list = []));
      list.push({ commune: c, t });
    });
  }
  const candidates = [...lists.keys()].sort((a, b) => a - b);
  const start = new Int32Array(candidates.length + 1);
  const items: number[] = [];
  candidates.forEach((j, i) => {
    const list = (lists.get(j) as { commune: number; t: number }[]).sort(
      (a, b) => a.t - b.t || a.commune - b.commune,
    );
    for (const e of list) items.push(e.commune);
    start[i + 1] = items.length;
  });
  return {
    candidate: Int32Array.from(candidates),
    start,
    items: Int32Array.from(items),
    weight,
    uncoveredBefore,
  };
}

/** A binary max-heap of (gain, candidate), ties to the smaller key (commune index). */
class GainHeap {
  readonly #gain: number[] = [];
  readonly #item: number[] = [];
  readonly #key: number[] = [];

  get size(): number {
    return this.#item.length;
  }

  #above(i: number, j: number): boolean {
    const gi = this.#gain[i] as number;
    const gj = this.#gain[j] as number;
    return gi > gj || (gi === gj && (this.#key[i] as number) < (this.#key[j] as number));
  }

  #swap(i: number, j: number): void {
    const g = this.#gain;
    const it = this.#item;
    const k = this.#key;
    const tg = g[i] as number;
    g[i] = g[j] as number;
    g[j] = tg;
    const ti = it[i] as number;
    it[i] = it[j] as number;
    it[j] = ti;
    const tk = k[i] as number;
    k[i] = k[j] as number;
    k[j] = tk;
  }

  push(gain: number, item: number, key: number): void {
    this.#gain.push(gain);
    this.#item.push(item);
    this.#key.push(key);
    let i = this.#item.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.#above(i, p)) break;
      this.#swap(i, p);
      i = p;
    }
  }

  peekGain(): number {
    return this.#gain[0] as number;
  }

  pop(): number {
    const top = this.#item[0] as number;
    this.#swap(0, this.#item.length - 1);
    this.#gain.pop();
    this.#item.pop();
    this.#key.pop();
    const n = this.#item.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.#above(l, m)) m = l;
      if (r < n && this.#above(r, m)) m = r;
      if (m === i) break;
      this.#swap(i, m);
      i = m;
    }
    return top;
  }
}

/** Greedy runs from another first pick, when there is no capacity. */
export const SITING_RESTARTS = 8;

/**
 * One greedy run as a selection strategy sees it: candidates are positions 0..count-1 of the
 * coverage. The product's strategy is CELF (`celfSelect`); the tests and the benchmark pass the
 * naive one (every candidate evaluated at every pick, siting-oracles.ts), which picks the same.
 */
export interface GreedyRun {
  readonly count: number;
  readonly k: number;
  /** Sites picked so far. */
  readonly picked: number;
  /** Whether candidate i may still be picked. */
  eligible(i: number): boolean;
  /** Gain of candidate i given the picks so far (counted as an evaluation). */
  gainOf(i: number): number;
  /** Tie-break key of candidate i: its commune index, the smaller first. */
  key(i: number): number;
  take(i: number): void;
}

export type GreedySelect = (run: GreedyRun) => void;

/** CELF: stale gains are upper bounds (submodularity), so only the top of the queue is recomputed. */
export const celfSelect: GreedySelect = (run) => {
  const heap = new GainHeap();
  const fresh = new Int32Array(run.count).fill(-1);
  for (let i = 0; i < run.count; i++) {
    if (!run.eligible(i)) continue;
    heap.push(run.gainOf(i), i, run.key(i));
    fresh[i] = run.picked;
  }
  while (run.picked < run.k && heap.size > 0) {
    if (!(heap.peekGain() > 0)) break;
    const i = heap.pop();
    if (fresh[i] === run.picked) run.take(i);
    else {
      fresh[i] = run.picked;
      heap.push(run.gainOf(i), i, run.key(i));
    }
  }
};

/**
 * Greedy maximal covering, picking with `select` (CELF by default). With `improve` (the default,
 * without capacity only), restarts and exchanges as described above.
 */
export function greedySiting(
  input: SitingInput,
  options: { select?: GreedySelect; improve?: boolean } = {},
): SitingResult {
  const cov = buildCoverage(input);
  const select = options.select ?? celfSelect;
  const capacity = input.capacity ?? null;
  const first = greedyPicks(cov, input.k, capacity, select, null, null);
  let picks = first.picks;
  let evaluations = first.evaluations;
  let swaps = 0;
  let restarts = 0;
  const greedyGain = sumGains(picks);
  if ((options.improve ?? true) && capacity === null && picks.length > 1) {
    const positions = new Map(Array.from(cov.candidate, (c, i) => [c, i]));
    const setOf = (ps: SitingPick[]) => ps.map((p) => positions.get(p.commune) as number);
    let best = exchange(cov, setOf(picks));
    evaluations += best.evaluations;
    // The best single sites, as first picks of other greedy runs.
    const singles = Array.from(cov.candidate, (_, i) => i)
      .map((i) => ({ i, w: singleWeight(cov, i) }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, SITING_RESTARTS + 1)
      .map((x) => x.i)
      .filter((i) => i !== setOf(picks)[0]);
    for (const seed of singles.slice(0, SITING_RESTARTS)) {
      const run = greedyPicks(cov, input.k, null, select, null, seed);
      const improved = exchange(cov, setOf(run.picks));
      evaluations += run.evaluations + improved.evaluations;
      restarts++;
      if (improved.value > best.value + 1e-9) best = improved;
    }
    swaps = best.swaps;
    if (best.value > greedyGain + 1e-9) {
      // The better set, in greedy order: each site with its marginal gain.
      const again = greedyPicks(cov, input.k, null, celfSelect, best.set, null);
      picks = again.picks;
      evaluations += again.evaluations;
    }
  }
  return {
    picks,
    greedyGain,
    restarts,
    swaps,
    uncoveredBefore: cov.uncoveredBefore,
    totalGain: sumGains(picks),
    candidatesConsidered: cov.candidate.length,
    evaluations,
  };
}

const sumGains = (picks: readonly SitingPick[]) => picks.reduce((s, p) => s + p.gain, 0);

/** Weight covered by a set of candidate positions, without capacity. */
function coverageWeight(cov: Coverage, set: readonly number[]): number {
  const seen = new Uint8Array(cov.weight.length);
  let w = 0;
  for (const i of set) {
    const end = cov.start[i + 1] as number;
    for (let p = cov.start[i] as number; p < end; p++) {
      const c = cov.items[p] as number;
      if (!seen[c]) {
        seen[c] = 1;
        w += cov.weight[c] as number;
      }
    }
  }
  return w;
}

/** Weight of the communes a single candidate covers. */
function singleWeight(cov: Coverage, i: number): number {
  let w = 0;
  const end = cov.start[i + 1] as number;
  for (let p = cov.start[i] as number; p < end; p++)
    w += cov.weight[cov.items[p] as number] as number;
  return w;
}

/**
 * Greedy picks over the coverage, among `only` (candidate positions) when given, starting with
 * `seed` when given.
 */
function greedyPicks(
  cov: Coverage,
  k: number,
  capacity: number | null,
  select: GreedySelect,
  only: readonly number[] | null,
  seed: number | null,
): { picks: SitingPick[]; evaluations: number } {
  const residual = cov.weight.slice();
  const m = cov.candidate.length;
  const allowed = only ? new Set(only) : null;
  let evaluations = 0;

  const reachableOf = (i: number): number => {
    let sum = 0;
    const end = cov.start[i + 1] as number;
    for (let p = cov.start[i] as number; p < end; p++)
      sum += residual[cov.items[p] as number] as number;
    return sum;
  };
  const gainOf = (i: number) => {
    evaluations++;
    const r = reachableOf(i);
    return capacity === null ? r : Math.min(capacity, r);
  };

  const picks: SitingPick[] = [];
  const picked = new Uint8Array(m);
  const take = (i: number): SitingPick => {
    const reachable = reachableOf(i);
    picked[i] = 1;
    let room = capacity ?? Infinity;
    let gain = 0;
    const communes: number[] = [];
    const end = cov.start[i + 1] as number;
    for (let p = cov.start[i] as number; p < end && room > 0; p++) {
      const c = cov.items[p] as number;
      const r = residual[c] as number;
      if (r <= 0) continue;
      const used = Math.min(r, room);
      residual[c] = r - used;
      room -= used;
      gain += used;
      communes.push(c);
    }
    return { commune: cov.candidate[i] as number, gain, reachable, communes };
  };

  if (seed !== null && k > 0) picks.push(take(seed));
  select({
    count: m,
    k,
    get picked() {
      return picks.length;
    },
    eligible: (i) => !picked[i] && (!allowed || allowed.has(i)),
    gainOf,
    key: (i) => cov.candidate[i] as number,
    take: (i) => {
      picks.push(take(i));
    },
  });
  return { picks, evaluations };
}

/**
 * Swaps a picked candidate for an unpicked one while that covers strictly more weight (best swap
 * first), without capacity. Each accepted swap gains something, so it ends.
 */
function exchange(
  cov: Coverage,
  start: number[],
): { set: number[]; value: number; swaps: number; evaluations: number } {
  const set = [...start];
  const m = cov.candidate.length;
  const { start: from, items, weight } = cov;
  const count = new Int32Array(weight.length);
  const shift = (i: number, by: number) => {
    const end = from[i + 1] as number;
    for (let p = from[i] as number; p < end; p++) {
      const c = items[p] as number;
      count[c] = (count[c] as number) + by;
    }
  };
  /** Weight of the communes of candidate i covered by exactly `times` picks. */
  const weightCovered = (i: number, times: number) => {
    let w = 0;
    const end = from[i + 1] as number;
    for (let p = from[i] as number; p < end; p++) {
      const c = items[p] as number;
      if (count[c] === times) w += weight[c] as number;
    }
    return w;
  };
  for (const i of set) shift(i, 1);
  const inSet = new Uint8Array(m);
  for (const i of set) inSet[i] = 1;
  let swaps = 0;
  let evaluations = 0;
  for (let round = 0; round < 100; round++) {
    let bestDelta = 1e-9;
    let bestOut = -1;
    let bestIn = -1;
    for (let a = 0; a < set.length; a++) {
      const out = set[a] as number;
      // Weight only `out` covers: lost when it leaves.
      const loss = weightCovered(out, 1);
      shift(out, -1);
      for (let j = 0; j < m; j++) {
        if (inSet[j]) continue;
        evaluations++;
        const delta = weightCovered(j, 0) - loss;
        if (delta > bestDelta) {
          bestDelta = delta;
          bestOut = a;
          bestIn = j;
        }
      }
      shift(out, 1);
    }
    if (bestOut < 0) break;
    const out = set[bestOut] as number;
    shift(out, -1);
    shift(bestIn, 1);
    inSet[out] = 0;
    inSet[bestIn] = 1;
    set[bestOut] = bestIn;
    swaps++;
  }
  return { set, value: coverageWeight(cov, set), swaps, evaluations };
}
