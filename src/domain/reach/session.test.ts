import { describe, expect, it } from 'vitest';
import type { Site, SiteKind } from '../model.ts';
import { createRandom } from '../random.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from '../travel/distance-model.ts';
import { DEFAULT_NO_CAR_PARAMETERS, noCarModel } from '../travel/no-car-model.ts';
import { randomNetwork } from '../travel/test-network.ts';
import { ReachEngine } from './engine.ts';
import { ScenarioError, type ScenarioEdit, type ScenarioSite } from './scenario.ts';
import { ReachSession } from './session.ts';

const rnd = createRandom(77);
const net = randomNetwork(rnd, 120);
const model = carDistanceModel(net, DEFAULT_CAR_PARAMETERS);

const site = (id: string, c: number, kind: SiteKind = 'mds'): Site => ({
  id,
  name: `Site ${id}`,
  kind,
  detail: '',
  axes: ['accueil'],
  capacity: null,
  lon: net.lon[c]! + 0.005,
  lat: net.lat[c]!,
  communeCode: net.codes[c]!,
  operator: '',
  public: '',
  hours: '',
  sourceId: 'test',
});

const sites = [site('a', 3), site('b', 40), site('c', 77), site('x', 90, 'siae')];
const make = (edits?: ScenarioEdit[], redo?: ScenarioEdit[]) =>
  new ReachSession({
    model,
    network: net,
    sites,
    kinds: ['mds', 'ccas', 'france_services'],
    horizonMinutes: 90,
    edits,
    redo,
  });

const open = (id: string, c: number, kind: SiteKind = 'france_services'): ScenarioEdit => ({
  op: 'open',
  site: {
    id,
    name: id,
    kind,
    lon: net.lon[c]!,
    lat: net.lat[c]!,
    communeCode: net.codes[c]!,
    capacity: null,
  },
});

describe('what-if session', () => {
  it('gives snapshots that later edits leave as they were', () => {
    const s = make();
    const before = s.snapshot();
    const times = [...before.minutes];
    s.apply({ op: 'close', siteId: 'b' });
    s.apply({
      op: 'move',
      siteId: 'a',
      lon: net.lon[100]!,
      lat: net.lat[100]!,
      communeCode: net.codes[100]!,
    });
    const after = s.snapshot();
    expect([...before.minutes]).toEqual(times);
    expect(before.site('b')?.status).toBe('existing');
    expect(before.site('a')).toMatchObject({ status: 'existing', origin: null });
    expect(before.edits).toHaveLength(0);
    expect(after.site('b')?.status).toBe('closed');
    expect(after.edits).toHaveLength(2);
    expect([...after.minutes]).toEqual([...s.engine.minutes]);
    expect(after.baseline).toBe(before.baseline);
    for (let c = 0; c < net.count; c++)
      expect(after.nearestSiteIds[c]).toBe(s.engine.nearestSiteId(c));
    // Only an imported matrix measures pairs.
    expect(after.measuredCount).toBeNull();
  });

  it('counts only the chosen kinds, and keeps the baseline', () => {
    const s = make();
    const only = new ReachEngine(model, net.count, 90, [
      { id: 'a', communeIndex: 3, lon: sites[0]!.lon, lat: sites[0]!.lat },
      { id: 'b', communeIndex: 40, lon: sites[1]!.lon, lat: sites[1]!.lat },
      { id: 'c', communeIndex: 77, lon: sites[2]!.lon, lat: sites[2]!.lat },
    ]);
    expect([...s.engine.minutes]).toEqual([...only.minutes]);
    expect([...s.baseline]).toEqual([...only.minutes]);
    expect(s.site('x')?.counted).toBe(false);
  });

  it('undoes and redoes every edit back to the exact same times', () => {
    const s = make();
    const edits: ScenarioEdit[] = [
      open('n1', 60),
      { op: 'close', siteId: 'b' },
      {
        op: 'move',
        siteId: 'a',
        lon: net.lon[100]!,
        lat: net.lat[100]!,
        communeCode: net.codes[100]!,
      },
      {
        op: 'move',
        siteId: 'n1',
        lon: net.lon[10]!,
        lat: net.lat[10]!,
        communeCode: net.codes[10]!,
      },
      { op: 'close', siteId: 'n1' },
      { op: 'close', siteId: 'x' }, // not a counted kind: no change in times
    ];
    const states = [s.engine.minutes.slice()];
    for (const e of edits) {
      s.apply(e);
      states.push(s.engine.minutes.slice());
    }
    expect(states[6]).toEqual(states[5]);
    expect(s.site('a')).toMatchObject({ status: 'moved', origin: { communeCode: net.codes[3] } });
    expect(s.site('b')?.status).toBe('closed');
    for (let k = edits.length - 1; k >= 0; k--) {
      s.undo();
      expect([...s.engine.minutes]).toEqual([...states[k]!]);
    }
    expect(s.undo()).toBeNull();
    expect(s.site('a')).toMatchObject({ status: 'existing', origin: null });
    expect(s.site('n1')).toBeUndefined();
    for (let k = 1; k <= edits.length; k++) {
      s.redo();
      expect([...s.engine.minutes]).toEqual([...states[k]!]);
    }
    expect(s.canRedo).toBe(false);
    // Replaying the edits in a new session gives the same times as editing live.
    expect([...make(s.edits).engine.minutes]).toEqual([...states[6]!]);
  });

  it('forgets the redo stack on a new edit, and keeps it across a rebuild', () => {
    const s = make();
    s.apply(open('n1', 60));
    s.apply(open('n2', 61));
    s.undo();
    expect(s.redoStack).toEqual([open('n2', 61)]);
    const rebuilt = make(s.edits, s.redoStack);
    expect(rebuilt.canRedo).toBe(true);
    s.apply({ op: 'close', siteId: 'c' });
    expect(s.canRedo).toBe(false);
  });

  it('refuses edits that make no sense, and a scenario that has them', () => {
    const s = make();
    expect(() => s.apply({ op: 'close', siteId: 'zzz' })).toThrow(/inconnu/);
    expect(() => s.apply(open('a', 5))).toThrow(/déjà/);
    s.apply({ op: 'close', siteId: 'a' });
    expect(() => s.apply({ op: 'close', siteId: 'a' })).toThrow(/déjà fermé/);
    expect(() =>
      s.apply({ op: 'move', siteId: 'b', lon: 2, lat: 46, communeCode: '99999' }),
    ).toThrow(/absente/);
    expect(() => make([{ op: 'close', siteId: 'zzz' }])).toThrow(ScenarioError);
  });
});

describe.each([
  ['voiture', carDistanceModel(net, DEFAULT_CAR_PARAMETERS)],
  ['sans voiture', noCarModel(net, DEFAULT_NO_CAR_PARAMETERS)],
])('times, %s (properties)', (_, m) => {
  const session = (extra: Site[] = []) =>
    new ReachSession({
      model: m,
      network: net,
      sites: [...sites, ...extra],
      kinds: ['mds'],
      horizonMinutes: 240,
    });

  it('never rise when a site opens, never fall when one closes', () => {
    const r = createRandom(5);
    const s = session();
    for (let k = 0; k < 25; k++) {
      const before = s.engine.minutes.slice();
      const c = r.int(0, net.count - 1);
      const o = site(`o${k}`, c);
      const opened: ScenarioSite = {
        id: o.id,
        name: o.name,
        kind: o.kind,
        lon: o.lon,
        lat: o.lat,
        communeCode: o.communeCode,
        capacity: null,
      };
      s.apply({ op: 'open', site: opened });
      s.engine.minutes.forEach((t, i) => expect(t).toBeLessThanOrEqual(before[i]!));
      // A commune that hosts an open site is within its local time of it.
      expect(s.engine.minutes[c]).toBeLessThanOrEqual(
        m.accessMinutes +
          m.communeMinutes(c, c) +
          m.localMinutes(c, net.lon[c]! + 0.005, net.lat[c]!),
      );
    }
    for (const id of ['a', 'o3', 'o7']) {
      const before = s.engine.minutes.slice();
      s.apply({ op: 'close', siteId: id });
      s.engine.minutes.forEach((t, i) => expect(t).toBeGreaterThanOrEqual(before[i]!));
    }
  });

  it('counts a site across the border for the communes near it', () => {
    // A site 3 km west of the westernmost commune, in a commune the network does not have.
    let west = 0;
    for (let c = 1; c < net.count; c++) if (net.lon[c]! < net.lon[west]!) west = c;
    const border: Site = {
      ...site('border', west),
      detail: 'hors département (99)',
      communeCode: '99001',
      lon: net.lon[west]! - 0.04,
    };
    const without = session();
    const withBorder = session([border]);
    expect(withBorder.unplaced).toEqual([]);
    expect(withBorder.engine.minutes[west]).toBeLessThan(without.engine.minutes[west]!);
    withBorder.engine.minutes.forEach((t, i) =>
      expect(t).toBeLessThanOrEqual(without.engine.minutes[i]!),
    );
  });
});
