import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type LoadedDataset } from '../../../scripts/lib/demo-db.ts';
import { sharedDemo, sharedDemoDb } from '../../../scripts/lib/test-fixtures.ts';
import type { DatasetBundle } from '../../domain/dataset.ts';
import { ACCUEIL_KINDS } from '../../domain/model.ts';
import {
  OFFER_KINDS,
  communeTerritories,
  territoryAggregates,
  territoryCommunes,
  territoryOfferByAxis,
  territoryOfferByKind,
} from './territories.ts';
import { listSites, listSources } from './sites.ts';

let demo: DatasetBundle;
let loaded: LoadedDataset;

beforeAll(async () => {
  demo = sharedDemo();
  loaded = await sharedDemoDb();
});

const need = 'rsa_foyers';
const params = (schemeId: string) => ({ schemeId, needId: need, accueilKinds: ACCUEIL_KINDS });

/** The same figures counted directly from the generator's records, without SQL. */
function directCount(schemeId: string) {
  const member = new Map(
    schemeId === 'commune'
      ? demo.communes.map((c) => [c.code, c.code])
      : demo.memberships
          .filter((m) => m.schemeId === schemeId)
          .map((m) => [m.communeCode, m.territoryCode]),
  );
  const out = new Map<
    string,
    { population: number; need: number; accueil: number; places: number }
  >();
  const get = (t: string) => {
    const v = out.get(t) ?? { population: 0, need: 0, accueil: 0, places: 0 };
    out.set(t, v);
    return v;
  };
  for (const c of demo.communes) get(member.get(c.code)!).population += c.population;
  for (const n of demo.needs)
    if (n.indicator === need) get(member.get(n.communeCode)!).need += n.value!;
  for (const s of demo.sites) {
    const t = get(member.get(s.communeCode)!);
    if (ACCUEIL_KINDS.includes(s.kind)) t.accueil += 1;
    if (OFFER_KINDS.includes(s.kind)) t.places += s.capacity ?? 0;
  }
  return out;
}

describe('territory queries on the demo', () => {
  it.each(['commune', 'epci', 'bv2022', 'pti'])(
    'aggregates by %s equal a direct count',
    async (scheme) => {
      const rows = await territoryAggregates(loaded.db, params(scheme));
      const direct = directCount(scheme);
      expect(rows).toHaveLength(direct.size);
      for (const r of rows) {
        const d = direct.get(r.code)!;
        expect([r.population, r.need, r.accueilSites, r.offerPlaces], r.code).toEqual([
          d.population,
          d.need,
          d.accueil,
          d.places,
        ]);
      }
    },
  );

  it('gives the same département totals whatever the scheme', async () => {
    const totals = await Promise.all(
      ['commune', 'epci', 'bv2022', 'pti', 'departement'].map(async (s) => {
        const rows = await territoryAggregates(loaded.db, params(s));
        return ['population', 'need', 'areaKm2', 'offerSites', 'accueilSites', 'communes'].map(
          (k) =>
            Math.round(
              rows.reduce((sum, r) => sum + (r[k as keyof typeof r] as number), 0) * 1000,
            ) / 1000,
        );
      }),
    );
    for (const t of totals) expect(t).toEqual(totals[0]);
    expect(totals[0]![5]).toBe(demo.communes.length);
  });

  it('maps every commune to its territory', async () => {
    const m = await communeTerritories(loaded.db, 'pti');
    expect(m.size).toBe(demo.communes.length);
    const first = demo.memberships.find((x) => x.schemeId === 'pti')!;
    expect(m.get(first.communeCode)).toBe(first.territoryCode);
  });

  it('splits the offer of a territory by axis and by kind', async () => {
    const t = demo.territories.find((x) => x.schemeId === 'pti')!;
    const inT = new Set(
      demo.memberships
        .filter((m) => m.schemeId === 'pti' && m.territoryCode === t.code)
        .map((m) => m.communeCode),
    );
    const sites = demo.sites.filter((s) => inT.has(s.communeCode));
    const byKind = await territoryOfferByKind(loaded.db, 'pti', t.code);
    expect(byKind.reduce((s, l) => s + l.sites, 0)).toBe(sites.length);
    const byAxis = await territoryOfferByAxis(loaded.db, 'pti', t.code);
    expect(byAxis.reduce((s, l) => s + l.sites, 0)).toBe(
      sites.reduce((s, x) => s + x.axes.length, 0),
    );
    const iae = byAxis.find((l) => l.key === 'iae');
    const iaeSites = sites.filter((s) => s.axes.includes('iae'));
    expect(iae?.sites ?? 0).toBe(iaeSites.length);
    expect(iae?.places ?? 0).toBe(iaeSites.reduce((s, x) => s + (x.capacity ?? 0), 0));
  });

  it('lists the communes of a territory, largest first', async () => {
    const t = demo.territories.find((x) => x.schemeId === 'epci')!;
    const rows = await territoryCommunes(loaded.db, 'epci', t.code, need);
    expect(rows.length).toBe(demo.memberships.filter((m) => m.territoryCode === t.code).length);
    for (let i = 1; i < rows.length; i++)
      expect(rows[i - 1]!.population).toBeGreaterThanOrEqual(rows[i]!.population);
  });

  it('reads sites and sources back unchanged', async () => {
    const sites = await listSites(loaded.db);
    expect(sites).toEqual([...demo.sites].sort((a, b) => a.id.localeCompare(b.id)));
    const sources = await listSources(loaded.db);
    expect(sources.map((s) => s.id)).toEqual(demo.meta.sources.map((s) => s.id));
  });

  it('refuses extensions at once instead of hanging offline', async () => {
    await expect(loaded.db.query("SELECT * FROM read_json_auto('x.json')")).rejects.toThrow();
  });
});

describe('territory queries with values not there', () => {
  // One commune in five without a row (« non renseigné »), one in seven masked (« secret »), and
  // the capacity of one offer site in three not given (« inconnu »).
  let holes: LoadedDataset;
  let bundle: DatasetBundle;
  beforeAll(async () => {
    bundle = { ...sharedDemo() };
    bundle.needs = bundle.needs.flatMap((n, i) =>
      n.indicator !== need ? [n] : i % 5 === 0 ? [] : i % 7 === 0 ? [{ ...n, value: null }] : [n],
    );
    bundle.sites = bundle.sites.map((s, i) =>
      OFFER_KINDS.includes(s.kind) && i % 3 === 0 ? { ...s, capacity: null } : s,
    );
    holes = await loadBundle(bundle);
  });
  afterAll(() => holes.db.close());

  it.each(['commune', 'epci', 'departement'])(
    'counts, by %s, the communes with a value, the masked ones and the others, never as 0',
    async (scheme) => {
      const rows = await territoryAggregates(holes.db, params(scheme));
      const member = new Map(
        scheme === 'commune'
          ? bundle.communes.map((c) => [c.code, c.code])
          : scheme === 'departement'
            ? bundle.communes.map((c) => [c.code, holes.meta.departement.code])
            : bundle.memberships
                .filter((m) => m.schemeId === scheme)
                .map((m) => [m.communeCode, m.territoryCode]),
      );
      const value = new Map(
        bundle.needs.filter((n) => n.indicator === need).map((n) => [n.communeCode, n.value]),
      );
      const population = new Map(bundle.communes.map((c) => [c.code, c.population]));
      for (const r of rows) {
        const communes = [...member].filter(([, t]) => t === r.code).map(([c]) => c);
        const known = communes.filter((c) => typeof value.get(c) === 'number');
        const secret = communes.filter((c) => value.has(c) && value.get(c) === null);
        expect(r.needParts, r.code).toEqual({
          known: known.length,
          secret: secret.length,
          missing: communes.length - known.length - secret.length,
          unknown: 0,
        });
        expect(r.needKnown).toBe(
          known.length === 0 ? null : known.reduce((s, c) => s + (value.get(c) as number), 0),
        );
        expect(r.needPopulation).toBe(known.reduce((s, c) => s + population.get(c)!, 0));
        expect(r.need).toBe(known.length === communes.length ? r.needKnown : null);
        const sites = bundle.sites.filter(
          (s) => member.get(s.communeCode) === r.code && OFFER_KINDS.includes(s.kind),
        );
        const unknown = sites.filter((s) => s.capacity === null).length;
        expect([r.offerSites, r.offerUnknownCapacity]).toEqual([sites.length, unknown]);
        expect(r.offerPlacesKnown).toBe(sites.reduce((s, x) => s + (x.capacity ?? 0), 0));
        expect(r.offerPlaces).toBe(unknown === 0 ? r.offerPlacesKnown : null);
      }
    },
  );

  it('says of each commune of a territory whether its value is known, missing or secret', async () => {
    const t = bundle.territories.find((x) => x.schemeId === 'epci')!;
    const rows = await territoryCommunes(holes.db, 'epci', t.code, need);
    const value = new Map(
      bundle.needs.filter((n) => n.indicator === need).map((n) => [n.communeCode, n.value]),
    );
    for (const c of rows) {
      const v = value.get(c.code);
      expect([c.need, c.needState]).toEqual(
        v === undefined ? [null, 'missing'] : v === null ? [null, 'secret'] : [v, 'known'],
      );
    }
    expect(new Set(rows.map((r) => r.needState)).size).toBeGreaterThan(1);
  });

  it('gives offer lines with their places known and their unknown capacities apart', async () => {
    const t = bundle.territories.find((x) => x.schemeId === 'epci')!;
    const byKind = await territoryOfferByKind(holes.db, 'epci', t.code);
    expect(byKind.some((l) => l.unknownCapacity > 0)).toBe(true);
  });
});
