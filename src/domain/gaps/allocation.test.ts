import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from '../travel/distance-model.ts';
import { randomNetwork } from '../travel/test-network.ts';
import { allocate, communeSplit, type AllocationSite } from './allocation.ts';
import { fixedModel } from './fixed-model.ts';

const X = Infinity;
/** A site in commune c (the fixed model ignores the point). */
const site = (c: number, capacity: number | null): AllocationSite => ({
  communeIndex: c,
  lon: 2,
  lat: 46,
  capacity,
});

describe('allocation, hand-checked', () => {
  it('gives a site its places, the rest of the commune waiting within reach', () => {
    const { model, network } = fixedModel([[5]]);
    const a = allocate({
      model,
      network,
      demand: Float64Array.of(10),
      sites: [site(0, 6)],
      maxMinutes: 30,
      unknownCapacity: 'unlimited',
    });
    expect(communeSplit(a, Float64Array.of(10), 0)).toEqual({
      served: 6,
      overCapacity: 4,
      outOfReach: 0,
    });
    expect(Array.from(a.used)).toEqual([6]);
    expect(a.nearestMinutes[0]).toBe(5);
  });

  it('serves the nearest commune first', () => {
    // Site in commune 0: 5 min from commune 0, 20 from commune 1, 40 from commune 2.
    const { model, network } = fixedModel([
      [5, X, X],
      [20, 5, X],
      [40, X, 5],
    ]);
    const demand = Float64Array.of(4, 5, 7);
    const a = allocate({
      model,
      network,
      demand,
      sites: [site(0, 6)],
      maxMinutes: 30,
      unknownCapacity: 'unlimited',
    });
    expect([0, 1, 2].map((c) => communeSplit(a, demand, c))).toEqual([
      { served: 4, overCapacity: 0, outOfReach: 0 },
      { served: 2, overCapacity: 3, outOfReach: 0 },
      { served: 0, overCapacity: 0, outOfReach: 7 },
    ]);
  });

  it('counts a site of unknown capacity without limit, or with no place, as asked', () => {
    const { model, network } = fixedModel([
      [5, X],
      [10, 5],
    ]);
    const demand = Float64Array.of(30, 20);
    const input = { model, network, demand, sites: [site(0, null)], maxMinutes: 30 };
    const unlimited = allocate({ ...input, unknownCapacity: 'unlimited' });
    expect(Array.from(unlimited.served)).toEqual([30, 20]);
    expect(Array.from(unlimited.servedByUnknown)).toEqual([30, 20]);
    const zero = allocate({ ...input, unknownCapacity: 'zero' });
    expect(Array.from(zero.served)).toEqual([0, 0]);
    // Within reach all the same: the site is there, its places are not known.
    expect(communeSplit(zero, demand, 1)).toEqual({ served: 0, overCapacity: 20, outOfReach: 0 });
  });

  it('hands places on when the nearest-first rule would leave someone out', () => {
    // Commune 0 has a new site N at 1 min and an old one O at 10 min; commune 1 reaches only N,
    // at 25 min. Nearest first gives N to commune 0 and leaves commune 1 out though O has room:
    // the augmenting path moves commune 0 to O, and N serves commune 1.
    const { model, network } = fixedModel([
      [1, 10, X],
      [25, X, X],
      [X, X, 0],
    ]);
    const demand = Float64Array.of(1, 1, 0);
    const a = allocate({
      model,
      network,
      demand,
      // N in commune 0, O in commune 1 (from commune 0: 10 min), with one place each.
      sites: [site(0, 1), site(1, 1)],
      maxMinutes: 30,
      unknownCapacity: 'unlimited',
    });
    expect(Array.from(a.served)).toEqual([1, 1, 0]);
    expect(Array.from(a.used)).toEqual([1, 1]);
    expect(a.augmentations).toBe(1);
  });

  it('leaves beyond N minutes those whom no site reaches', () => {
    const { model, network } = fixedModel([
      [5, 31],
      [31, 5],
    ]);
    const demand = Float64Array.of(3, 8);
    const a = allocate({
      model,
      network,
      demand,
      sites: [site(0, 100)],
      maxMinutes: 30,
      unknownCapacity: 'unlimited',
    });
    expect(communeSplit(a, demand, 1)).toEqual({ served: 0, overCapacity: 0, outOfReach: 8 });
    expect(a.nearestMinutes[1]).toBe(Infinity);
  });

  it('rejects a demand that does not match the communes', () => {
    const { model, network } = fixedModel([[5]]);
    expect(() =>
      allocate({
        model,
        network,
        demand: Float64Array.of(1, 2),
        sites: [],
        maxMinutes: 30,
        unknownCapacity: 'zero',
      }),
    ).toThrow(/besoin par commune/);
  });
});

/**
 * The largest number that any assignment within N minutes can serve, by the max-flow min-cut
 * theorem: the least, over the sets Y of sites, of the places of Y plus the demand of the communes
 * that reach a site outside Y. Exponential in the sites: for small instances.
 */
function minCut(reach: boolean[][], demand: number[], capacity: number[]): number {
  const sites = capacity.length;
  let best = Infinity;
  for (let mask = 0; mask < 1 << sites; mask++) {
    let cut = 0;
    for (let s = 0; s < sites; s++) if (mask & (1 << s)) cut += capacity[s] as number;
    demand.forEach((d, c) => {
      const row = reach[c] as boolean[];
      if (row.some((r, s) => r && !(mask & (1 << s)))) cut += d;
    });
    best = Math.min(best, cut);
  }
  return best;
}

describe('allocation on random instances', () => {
  it('serves as many as the best assignment can (min cut), never more than demand or places', () => {
    const rnd = createRandom(7);
    for (let trial = 0; trial < 150; trial++) {
      const n = rnd.int(2, 9);
      const sites = rnd.int(1, 5);
      const times = Array.from({ length: n }, () =>
        Array.from({ length: n }, () => (rnd.chance(0.45) ? rnd.range(0, 40) : X)),
      );
      const { model, network } = fixedModel(times);
      const where = Array.from({ length: sites }, () => rnd.int(0, n - 1));
      const capacity = Array.from({ length: sites }, () => rnd.int(0, 12));
      const demand = Array.from({ length: n }, () => (rnd.chance(0.2) ? 0 : rnd.range(0, 15)));
      const a = allocate({
        model,
        network,
        demand: Float64Array.from(demand),
        sites: where.map((c, k) => site(c, capacity[k] as number)),
        maxMinutes: 30,
        unknownCapacity: 'unlimited',
      });
      const reach = demand.map((_, c) => where.map((j) => (times[c]![j] as number) <= 30));
      const served = a.served.reduce((x, y) => x + y, 0);
      expect(served).toBeCloseTo(minCut(reach, demand, capacity), 6);
      a.served.forEach((v, c) => expect(v).toBeLessThanOrEqual((demand[c] as number) + 1e-9));
      a.used.forEach((v, s) => expect(v).toBeLessThanOrEqual((capacity[s] as number) + 1e-9));
      a.served.forEach((v, c) => {
        if (!reach[c]!.some(Boolean)) expect(v).toBe(0);
      });
    }
  });

  it('finds the same pairs with the grid as by asking every commune', () => {
    const rnd = createRandom(3);
    const network = randomNetwork(rnd, 300);
    const model = carDistanceModel(network, DEFAULT_CAR_PARAMETERS);
    const sites = Array.from({ length: 25 }, () => {
      const c = rnd.int(0, 299);
      return {
        communeIndex: c,
        lon: network.lon[c] as number,
        lat: network.lat[c] as number,
        capacity: rnd.chance(0.2) ? null : rnd.int(10, 200),
      };
    });
    const demand = Float64Array.from({ length: 300 }, () => rnd.range(0, 80));
    const input = {
      model,
      network,
      demand,
      sites,
      maxMinutes: 30,
      unknownCapacity: 'zero' as const,
    };
    const grid = allocate(input);
    const dense = allocate(input, { pairs: 'dense' });
    expect(grid.pairs).toBe(dense.pairs);
    expect(Array.from(grid.served)).toEqual(Array.from(dense.served));
    expect(grid.pairs).toBeGreaterThan(0);
  });
});
