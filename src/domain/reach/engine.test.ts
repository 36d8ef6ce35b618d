import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../random.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from '../travel/distance-model.ts';
import { createTravelNetwork, type TravelModel, type TravelNetwork } from '../travel/model.ts';
import { DEFAULT_NO_CAR_PARAMETERS, noCarModel } from '../travel/no-car-model.ts';
import { commune, randomNetwork } from '../travel/test-network.ts';
import { ReachEngine, mergeChanges, type EngineSite } from './engine.ts';

const randomSite = (rnd: Random, net: TravelNetwork, id: string): EngineSite => {
  const c = rnd.int(0, net.count - 1);
  return {
    id,
    communeIndex: c,
    lon: net.lon[c]! + rnd.range(-0.02, 0.02),
    lat: net.lat[c]! + rnd.range(-0.015, 0.015),
  };
};

/** Brute force over every site and commune: the definition of the nearest site. */
function bruteForce(model: TravelModel, n: number, sites: EngineSite[], horizon: number) {
  const minutes = new Float64Array(n).fill(Infinity);
  for (let c = 0; c < n; c++) {
    for (const s of sites) {
      const t =
        model.communeMinutes(c, s.communeIndex) +
        (model.accessMinutes + model.localMinutes(s.communeIndex, s.lon, s.lat));
      if (t <= horizon && t < minutes[c]!) minutes[c] = t;
    }
  }
  return minutes;
}

describe('reach engine, hand-computed', () => {
  // Three communes on a meridian, 0.1° (11.12 km) apart, 1 000 inhabitants on 10 km² each.
  const net = createTravelNetwork([
    commune('A', 2, 46, 2, 10, 1000),
    commune('B', 2, 46.1, 2, 10, 1000),
    commune('C', 2, 46.2, 2, 10, 1000),
  ]);
  const model = carDistanceModel(net, DEFAULT_CAR_PARAMETERS);
  const perKm = 1.05; // minutes per straight-line km at 100 inhabitants per km²
  const D = 11.11950802335329;
  const start = 0;
  const intra = 0.25; // from the chef-lieu to a site on it: the time to reach the road

  it('gives every commune the time to its nearest site', () => {
    const e = new ReachEngine(model, 3, 90, [{ id: 's', communeIndex: 0, lon: 2, lat: 46 }]);
    expect(e.minutes[0]).toBeCloseTo(start + intra, 9);
    expect(e.minutes[1]).toBeCloseTo(intra + perKm * D, 9);
    expect(e.minutes[2]).toBeCloseTo(intra + perKm * 2 * D, 9);
    expect(e.nearestSiteId(2)).toBe('s');
  });

  it('opening a site updates only the communes it brings closer', () => {
    const e = new ReachEngine(model, 3, 90, [{ id: 's', communeIndex: 0, lon: 2, lat: 46 }]);
    const changes = e.open({ id: 'n', communeIndex: 2, lon: 2, lat: 46.2 });
    // B is equally far from both sites: its time does not change, and the tie goes to the site
    // added first.
    expect(changes.map((c) => c.commune)).toEqual([2]);
    expect(e.nearestSiteId(1)).toBe('s');
    expect(e.minutes[2]).toBeCloseTo(start + intra, 9);
  });

  it('closing the only site leaves every commune beyond the horizon', () => {
    const e = new ReachEngine(model, 3, 90, [{ id: 's', communeIndex: 1, lon: 2, lat: 46.1 }]);
    const changes = e.close('s');
    expect(changes).toHaveLength(3);
    expect([...e.minutes]).toEqual([Infinity, Infinity, Infinity]);
    expect(e.nearestSiteId(0)).toBeNull();
  });

  it('leaves communes beyond the horizon at Infinity', () => {
    const e = new ReachEngine(model, 3, 10, [{ id: 's', communeIndex: 0, lon: 2, lat: 46 }]);
    expect(e.minutes[1]).toBe(Infinity); // 11.9 min > 10
  });

  it('refuses unknown and duplicate sites', () => {
    const e = new ReachEngine(model, 3, 90, [{ id: 's', communeIndex: 0, lon: 2, lat: 46 }]);
    expect(() => e.open({ id: 's', communeIndex: 0, lon: 2, lat: 46 })).toThrow(/déjà ouvert/);
    expect(() => e.close('x')).toThrow(/absent/);
    expect(() => e.open({ id: 'y', communeIndex: 7, lon: 2, lat: 46 })).toThrow(/hors du réseau/);
  });
});

describe.each([
  ['car', (n: TravelNetwork) => carDistanceModel(n, DEFAULT_CAR_PARAMETERS)],
  ['no car', (n: TravelNetwork) => noCarModel(n, DEFAULT_NO_CAR_PARAMETERS)],
])('reach engine properties, %s model (randomised)', (_, make) => {
  it('matches brute force, and stays identical to a full recompute after any edits', () => {
    const rnd = createRandom(21);
    for (let round = 0; round < 6; round++) {
      const net = randomNetwork(rnd, 150);
      const model = make(net);
      const horizon = rnd.pick([45, 90, 120]);
      const sites = Array.from({ length: rnd.int(0, 12) }, (_, i) => randomSite(rnd, net, `s${i}`));
      const e = new ReachEngine(model, net.count, horizon, sites);
      const open = new Map(sites.map((s) => [s.id, s]));
      expect([...e.minutes]).toEqual([
        ...bruteForce(model, net.count, [...open.values()], horizon),
      ]);
      let next = sites.length;
      for (let step = 0; step < 40; step++) {
        const before = e.minutes.slice();
        const ids = [...open.keys()];
        const op = ids.length === 0 ? 'open' : rnd.pick(['open', 'close', 'move'] as const);
        let changes;
        if (op === 'open') {
          const s = randomSite(rnd, net, `s${next++}`);
          open.set(s.id, s);
          changes = e.open(s);
          // Opening a site never makes any commune farther.
          for (let c = 0; c < net.count; c++) expect(e.minutes[c]).toBeLessThanOrEqual(before[c]!);
        } else if (op === 'close') {
          const id = rnd.pick(ids);
          open.delete(id);
          changes = e.close(id);
          // Closing a site never brings any commune closer.
          for (let c = 0; c < net.count; c++)
            expect(e.minutes[c]).toBeGreaterThanOrEqual(before[c]!);
        } else {
          const id = rnd.pick(ids);
          const s = { ...randomSite(rnd, net, id) };
          open.set(id, s);
          changes = e.move(id, s.communeIndex, s.lon, s.lat);
        }
        // The change list is exactly the communes whose time changed.
        const changed = new Set(changes.map((c) => c.commune));
        for (let c = 0; c < net.count; c++) {
          expect(changed.has(c)).toBe(e.minutes[c] !== before[c]);
        }
        for (const ch of changes) {
          expect(ch.before).toBe(before[ch.commune]);
          expect(ch.after).toBe(e.minutes[ch.commune]);
        }
      }
      const incremental = { minutes: e.minutes.slice(), nearest: e.nearest.slice() };
      e.recomputeAll();
      expect([...incremental.minutes]).toEqual([...e.minutes]);
      expect([...incremental.nearest]).toEqual([...e.nearest]);
      expect([...e.minutes]).toEqual([
        ...bruteForce(model, net.count, [...open.values()], horizon),
      ]);
    }
  });
});

describe('mergeChanges', () => {
  it('keeps the first before and the last after, dropping communes back where they were', () => {
    expect(
      mergeChanges([
        { commune: 1, before: 10, after: 20 },
        { commune: 2, before: 5, after: 6 },
        { commune: 1, before: 20, after: 12 },
        { commune: 2, before: 6, after: 5 },
      ]),
    ).toEqual([{ commune: 1, before: 10, after: 12 }]);
  });
});
