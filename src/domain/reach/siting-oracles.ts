/**
 * Reference solvers of the siting, for the tests and the benchmark only (a dependency rule keeps
 * the app from importing them): the exact optimum that measures the greedy's quality, and the
 * naive greedy selection that CELF must match pick for pick while evaluating fewer gains.
 */
import { buildCoverage, type GreedySelect, type SitingInput } from './siting.ts';

/** Every eligible candidate evaluated at every pick: the baseline of CELF. */
export const naiveSelect: GreedySelect = (run) => {
  while (run.picked < run.k) {
    let best = -1;
    let bestGain = 0;
    for (let i = 0; i < run.count; i++) {
      if (!run.eligible(i)) continue;
      const g = run.gainOf(i);
      if (g > bestGain) [best, bestGain] = [i, g];
    }
    if (best < 0) break;
    run.take(best);
  }
};

/**
 * The best k candidates, exactly, without capacity: branch and bound over candidates sorted by
 * their own coverage, bounded by the sum of the best remaining single gains (valid since coverage
 * is submodular). Exponential: for tests and small instances only.
 */
export function exactSiting(input: SitingInput): { communes: number[]; gain: number } {
  if (input.capacity != null) throw new Error('exactSiting ne traite pas la capacité');
  const cov = buildCoverage(input);
  const m = cov.candidate.length;
  const lists = Array.from({ length: m }, (_, i) =>
    Array.from(cov.items.subarray(cov.start[i] as number, cov.start[i + 1] as number)),
  );
  const single = lists.map((l) => l.reduce((s, c) => s + (cov.weight[c] as number), 0));
  const order = [...single.keys()].sort((a, b) => (single[b] as number) - (single[a] as number));
  const covered = new Int32Array(input.network.count);
  let best = 0;
  let bestSet: number[] = [];
  const chosen: number[] = [];

  const search = (pos: number, value: number) => {
    if (value > best) {
      best = value;
      bestSet = [...chosen];
    }
    const left = input.k - chosen.length;
    if (left === 0 || pos >= m) return;
    let bound = value;
    for (let q = pos; q < Math.min(m, pos + left); q++)
      bound += single[order[q] as number] as number;
    if (bound <= best) return;
    const i = order[pos] as number;
    let added = 0;
    for (const c of lists[i] as number[]) {
      if ((covered[c] as number) === 0) added += cov.weight[c] as number;
      covered[c] = (covered[c] as number) + 1;
    }
    chosen.push(i);
    search(pos + 1, value + added);
    chosen.pop();
    for (const c of lists[i] as number[]) covered[c] = (covered[c] as number) - 1;
    search(pos + 1, value);
  };
  search(0, 0);
  return { communes: bestSet.map((i) => cov.candidate[i] as number), gain: best };
}
