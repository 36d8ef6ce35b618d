import { decimalPoint } from '../format.ts';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from '../travel/distance-model.ts';
import { createTravelNetwork } from '../travel/model.ts';
import { commune, randomNetwork } from '../travel/test-network.ts';
import { ReachEngine } from './engine.ts';
import { exactSiting, naiveSelect } from './siting-oracles.ts';
import { greedySiting, type SitingInput } from './siting.ts';

describe('siting, hand-computed', () => {
  // A line of communes 0.1° apart (11.1 km, about 11.9 min between neighbours by car at 100
  // inhabitants per km²); weights chosen so that the best single site is not part of the best pair.
  const net = createTravelNetwork(
    Array.from({ length: 7 }, (_, i) => commune(`C${i}`, 2, 46 + i * 0.1, 2, 10, 1000)),
  );
  const model = carDistanceModel(net, DEFAULT_CAR_PARAMETERS);
  const input = (k: number, weight: number[], capacity: number | null = null): SitingInput => ({
    model,
    network: net,
    minutes: new Float64Array(7).fill(Infinity),
    weight: Float64Array.from(weight),
    maxMinutes: 15,
    k,
    capacity,
  });

  it('picks the commune covering most, and explains it by its gain', () => {
    // Within 15 min: a site covers its commune and its two neighbours.
    const r = greedySiting(input(1, [0, 10, 50, 10, 0, 0, 30]));
    expect(r.picks).toHaveLength(1);
    expect(r.picks[0]).toMatchObject({ commune: 2, gain: 70, reachable: 70 });
    expect(r.picks[0]!.communes.sort()).toEqual([1, 2, 3]);
    expect(r.uncoveredBefore).toBe(100);
  });

  it('counts only what is newly covered, picks after picks', () => {
    const r = greedySiting(input(3, [0, 10, 50, 10, 0, 0, 30]));
    expect(r.picks.map((p) => [p.commune, p.gain])).toEqual([
      [2, 70],
      [5, 30], // covers 4, 5, 6: only commune 6 weighs anything; ties go to the smaller index
    ]);
    expect(r.totalGain).toBe(100);
  });

  it('stops when nothing is left to cover', () => {
    expect(greedySiting(input(5, [0, 0, 0, 0, 0, 0, 0])).picks).toEqual([]);
  });

  it('skips communes already within reach', () => {
    const minutes = new Float64Array(7).fill(Infinity);
    minutes[2] = 12;
    const r = greedySiting({ ...input(1, [0, 10, 50, 10, 0, 0, 30]), minutes });
    expect(r.uncoveredBefore).toBe(50);
    expect(r.picks[0]).toMatchObject({ commune: 5, gain: 30 });
  });

  it('limits a site to its capacity, nearest communes first', () => {
    const r = greedySiting(input(2, [0, 10, 50, 10, 0, 0, 30], 40));
    // Sites at 1 and 2 both reach more than 40 and count 40; the tie goes to 1, which serves its
    // own 10 first, then 30 of the 50 of commune 2. Left: 20 at 2, 10 at 3, 30 at 6; a site at 2
    // reaches 30, as one at 5 or 6 does: the tie goes to 2.
    expect(r.picks.map((p) => [p.commune, p.gain, p.reachable])).toEqual([
      [1, 40, 60],
      [2, 30, 30],
    ]);
    expect(r.swaps).toBe(0);
  });

  it('restricts the search to the candidates given', () => {
    const r = greedySiting({ ...input(1, [0, 10, 50, 10, 0, 0, 30]), candidates: [0, 6] });
    expect(r.picks[0]).toMatchObject({ commune: 6, gain: 30 });
    expect(r.candidatesConsidered).toBe(2);
  });
});

describe('greedy against the exact solver (randomised)', () => {
  it('stays within 5 % of the optimum on every instance, and lazy = plain greedy', () => {
    const rnd = createRandom(2024);
    let worst = 1;
    let worstGreedyOnly = 1;
    let instances = 0;
    for (let round = 0; round < 200; round++) {
      const n = rnd.int(20, 60);
      const net = randomNetwork(rnd, n, rnd.range(0.5, 1.2));
      const model = carDistanceModel(net, DEFAULT_CAR_PARAMETERS);
      // A few existing sites, so part of the territory is already covered.
      const sites = Array.from({ length: rnd.int(0, 3) }, (_, i) => {
        const c = rnd.int(0, n - 1);
        return { id: `s${i}`, communeIndex: c, lon: net.lon[c]!, lat: net.lat[c]! };
      });
      const engine = new ReachEngine(model, n, 90, sites);
      const input: SitingInput = {
        model,
        network: net,
        minutes: engine.minutes,
        weight: Float64Array.from({ length: n }, () => Math.round(rnd.range(0, 1) ** 2 * 400)),
        maxMinutes: rnd.pick([15, 20, 30]),
        k: rnd.int(2, 5),
      };
      const lazy = greedySiting(input, { improve: false });
      const plain = greedySiting(input, { select: naiveSelect, improve: false });
      expect(plain.picks).toEqual(lazy.picks);
      expect(lazy.evaluations).toBeLessThanOrEqual(plain.evaluations);
      const result = greedySiting(input);
      expect(result.greedyGain).toBe(lazy.totalGain);
      expect(result.totalGain).toBeGreaterThanOrEqual(lazy.totalGain);
      // Picks are listed in greedy order: gains never increase.
      for (let i = 1; i < result.picks.length; i++)
        expect(result.picks[i]!.gain).toBeLessThanOrEqual(result.picks[i - 1]!.gain);
      const exact = exactSiting(input);
      expect(result.totalGain).toBeLessThanOrEqual(exact.gain + 1e-9);
      if (exact.gain > 0) {
        worst = Math.min(worst, result.totalGain / exact.gain);
        worstGreedyOnly = Math.min(worstGreedyOnly, lazy.totalGain / exact.gain);
        instances++;
      }
    }
    console.info(
      `siting: worst ratio to the optimum ${decimalPoint(worst, 4)} (greedy alone ` +
        `${decimalPoint(worstGreedyOnly, 4)}) over ${instances} instances`,
    );
    expect(instances).toBeGreaterThan(150);
    expect(worst).toBeGreaterThanOrEqual(0.95);
  });
});
