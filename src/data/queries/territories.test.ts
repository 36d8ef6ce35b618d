import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../scripts/demo/generate.ts';
import { loadBundle, type LoadedDataset } from '../../../scripts/lib/demo-db.ts';
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
  demo = generateDemo();
  loaded = await loadBundle(demo);
});
afterAll(() => loaded.db.close());

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
    if (n.indicator === need) get(member.get(n.communeCode)!).need += n.value;
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
