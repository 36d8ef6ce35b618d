import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territoryAggregates, territoryCommunes } from '../../src/data/queries/territories.ts';
import { needFigure } from '../../src/domain/indicators.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import type { Db } from '../../src/data/db.ts';
import { decodeTable } from '../../src/data/tables.ts';
import { ACCUEIL_KINDS, type DatasetMeta } from '../../src/domain/model.ts';
import { determinedCells } from '../../src/domain/secrecy.ts';
import { sharedDemo, sharedDemoDb } from '../lib/test-fixtures.ts';
import { datasetFiles } from '../lib/write-dataset.ts';
import { publishDataset, type Published } from './publish.ts';

let original: Map<string, Uint8Array>;
let published: Published;
let db: Db;
let raw: Db;

async function open(files: Map<string, Uint8Array>): Promise<Db> {
  const meta = JSON.parse(new TextDecoder().decode(files.get('meta.json'))) as DatasetMeta;
  const d = await openNodeDb();
  await loadDatasetTables(d, meta, async (f) => files.get(f)!);
  return d;
}

beforeAll(async () => {
  original = datasetFiles(sharedDemo());
  published = await publishDataset(original);
  db = await open(published.files);
  raw = (await sharedDemoDb()).db;
});
afterAll(async () => {
  await db.close();
});

const params = (schemeId: string) => ({
  schemeId,
  needId: 'rsa_foyers',
  accueilKinds: ACCUEIL_KINDS,
});

describe('published dataset', () => {
  it('publishes no commune-level table and no count below 11', () => {
    expect(decodeTable(published.files.get('needs.arrow')!)).toHaveLength(0);
    const rows = decodeTable(published.files.get('published_needs.arrow')!);
    const shown = rows.filter((r) => r.value !== null).map((r) => Number(r.value));
    expect(shown.length).toBeGreaterThan(0);
    expect(Math.min(...shown)).toBeGreaterThanOrEqual(11);
    for (const r of published.report) {
      expect(r.primary).toBeGreaterThan(0);
      expect(r.secondary).toBeGreaterThan(0);
    }
  });

  it('lets no hidden count be recovered by differencing nested totals', () => {
    const rows = decodeTable(published.files.get('published_needs.arrow')!).filter(
      (r) => r.indicator === 'rsa_foyers',
    );
    const rawRows = decodeTable(published.files.get('memberships.arrow')!);
    const id = (s: unknown, t: unknown) => `${s}|${t}`;
    // Rebuild the constraints an attacker knows from the published memberships.
    const groups = new Map<string, string[]>();
    for (const m of rawRows) {
      const k = id(m.scheme_id, m.territory_code);
      groups.set(k, [...(groups.get(k) ?? []), id('commune', m.commune_code)]);
    }
    const dep = id('departement', '00');
    const schemes = new Set(rows.map((r) => String(r.scheme_id)));
    const constraints = [
      ...[...groups].map(([total, parts]) => ({ total, parts })),
      ...[...schemes]
        .filter((s) => s !== 'departement')
        .map((s) => ({
          total: dep,
          parts: rows.filter((r) => r.scheme_id === s).map((r) => id(s, r.territory_code)),
        })),
    ];
    const hidden = new Set(
      rows.filter((r) => r.value === null).map((r) => id(r.scheme_id, r.territory_code)),
    );
    const cells = new Map(
      rows.map((r) => [id(r.scheme_id, r.territory_code), Number(r.value ?? 0)]),
    );
    expect(hidden.size).toBeGreaterThan(0);
    expect(determinedCells(cells, constraints, hidden).size).toBe(0);
  });

  it('gives the app the same figures where they are published, and null where hidden', async () => {
    for (const scheme of ['epci', 'pti', 'commune', 'departement']) {
      const pub = await territoryAggregates(db, params(scheme));
      const full = await territoryAggregates(raw, params(scheme));
      expect(pub.map((r) => r.code)).toEqual(full.map((r) => r.code));
      pub.forEach((r, i) => {
        expect(r.population).toBe(full[i]!.population);
        if (r.need !== null) expect(r.need).toBe(full[i]!.need);
      });
    }
    const [dep] = await territoryAggregates(db, params('departement'));
    expect(dep!.need).not.toBeNull();
    const communes = await territoryCommunes(db, 'pti', 'T1', 'rsa_foyers');
    expect(communes.some((c) => c.need === null)).toBe(true);
    expect(communes.every((c) => c.need === null || c.need >= 11)).toBe(true);
    expect(communes.filter((c) => c.need === null).every((c) => c.needState === 'secret')).toBe(
      true,
    );
  });
});

describe('published dataset with communes that have no inhabitant', () => {
  it('publishes their zero, and protects the other counts knowing it', async () => {
    const demo = { ...sharedDemo() };
    // As the villages « morts pour la France » of the Meuse: no inhabitant, hence nobody in need.
    const empty = new Set(demo.communes.filter((_, i) => i % 40 === 0).map((c) => c.code));
    demo.communes = demo.communes.map((c) => (empty.has(c.code) ? { ...c, population: 0 } : c));
    demo.needs = demo.needs.map((n) => (empty.has(n.communeCode) ? { ...n, value: 0 } : n));
    const { files, report } = await publishDataset(datasetFiles(demo));
    expect(report.find((r) => r.indicator === 'rsa_foyers')!.structuralZeros).toBe(empty.size);
    const rows = decodeTable(files.get('published_needs.arrow')!).filter(
      (r) => r.indicator === 'rsa_foyers',
    );
    for (const code of empty) {
      expect(
        rows.find((r) => r.scheme_id === 'commune' && r.territory_code === code),
      ).toMatchObject({ value: 0, suppressed: 0 });
    }
    // An attacker knows those zeros (they are published): nothing hidden is recovered.
    const id = (s: unknown, t: unknown) => `${s}|${t}`;
    const groups = new Map<string, string[]>();
    for (const m of decodeTable(files.get('memberships.arrow')!)) {
      const k = id(m.scheme_id, m.territory_code);
      groups.set(k, [...(groups.get(k) ?? []), id('commune', m.commune_code)]);
    }
    const dep = id('departement', '00');
    const schemes = new Set(rows.map((r) => String(r.scheme_id)));
    const constraints = [
      ...[...groups].map(([total, parts]) => ({ total, parts })),
      ...[...schemes]
        .filter((s) => s !== 'departement')
        .map((s) => ({
          total: dep,
          parts: rows.filter((r) => r.scheme_id === s).map((r) => id(s, r.territory_code)),
        })),
    ];
    const hidden = new Set(
      rows.filter((r) => r.value === null).map((r) => id(r.scheme_id, r.territory_code)),
    );
    const cells = new Map(
      rows.map((r) => [id(r.scheme_id, r.territory_code), Number(r.value ?? 0)]),
    );
    expect(determinedCells(cells, constraints, hidden).size).toBe(0);
  });
});

describe('published dataset with communes that have no value', () => {
  it('publishes partial sums as partial, and no value as "non renseigné", never 0', async () => {
    const demo = { ...sharedDemo() };
    // One commune in ten without a value, as in a file where the producer publishes none.
    const dropped = new Set(demo.communes.filter((_, i) => i % 10 === 0).map((c) => c.code));
    demo.needs = demo.needs.filter((n) => !dropped.has(n.communeCode));
    const files = datasetFiles(demo);
    const pub = await open((await publishDataset(files)).files);
    const full = await open(files);
    try {
      for (const scheme of ['epci', 'commune', 'departement']) {
        const p = await territoryAggregates(pub, params(scheme));
        const f = await territoryAggregates(full, params(scheme));
        p.forEach((r, i) => {
          const g = f[i]!;
          expect(r.needParts, r.code).toEqual(g.needParts);
          expect(r.needPopulation).toBe(g.needPopulation);
          // Complete territories only have a plain value; the others say how many communes.
          if (g.needParts.missing > 0) expect(r.need).toBeNull();
          if (!r.needSuppressed) expect(needFigure(r)).toEqual(needFigure(g));
          else expect(needFigure(r).state).toBe('secret');
        });
      }
      const [dep] = await territoryAggregates(pub, params('departement'));
      expect(needFigure(dep!).state).toBe('partial');
      const t1 = await territoryCommunes(pub, 'commune', [...dropped][0]!, 'rsa_foyers');
      expect(t1[0]).toMatchObject({ need: null, needState: 'missing' });
    } finally {
      await pub.close();
      await full.close();
    }
  });
});
