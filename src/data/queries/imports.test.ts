import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type LoadedDataset } from '../../../scripts/lib/demo-db.ts';
import { importSource, sharedDemo } from '../../../scripts/lib/test-fixtures.ts';
import { ACCUEIL_KINDS, type Site } from '../../domain/model.ts';
import { encodeTable, siteToRow } from '../tables.ts';
import { applyImport, listEpcis, removeImport } from './imports.ts';
import { listSites, listSources, SITES_PER_PAGE } from './sites.ts';
import { territoryAggregates } from './territories.ts';

let loaded: LoadedDataset;
// Its own DuckDB: the test writes an import into it.
const demo = sharedDemo();

beforeAll(async () => {
  loaded = await loadBundle(demo);
});
afterAll(() => loaded.db.close());

const source = importSource('import-test');
const commune = demo.communes[0]!;
const site: Site = {
  id: 'import-test-1',
  name: "Chantier d'O'Brien; DROP TABLE sites",
  kind: 'siae',
  detail: 'ACI',
  axes: ['iae'],
  capacity: 12,
  lon: commune.lon,
  lat: commune.lat,
  communeCode: commune.code,
  operator: '',
  public: '',
  hours: '',
  sourceId: source.id,
};

describe('imports in DuckDB', () => {
  it('adds sites, sources and a scheme that every query then counts, and removes them', async () => {
    const before = await listSites(loaded.db);
    await applyImport(loaded.db, {
      source,
      sites: [site],
      territories: [
        { schemeId: 'import-t', code: 'A', name: 'Nord' },
        { schemeId: 'import-t', code: 'B', name: 'Sud' },
      ],
      memberships: demo.communes.map((c, i) => ({
        schemeId: 'import-t',
        communeCode: c.code,
        territoryCode: i % 2 ? 'A' : 'B',
      })),
    });
    const after = await listSites(loaded.db);
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((s) => s.id === site.id)).toEqual(site);
    expect((await listSources(loaded.db)).map((s) => s.id)).toContain('import-test');
    const rows = await territoryAggregates(loaded.db, {
      schemeId: 'import-t',
      needId: 'rsa_foyers',
      accueilKinds: ACCUEIL_KINDS,
    });
    expect(rows.map((r) => r.code)).toEqual(['A', 'B']);
    expect(rows.reduce((s, r) => s + r.communes, 0)).toBe(demo.communes.length);
    expect(rows.reduce((s, r) => s + r.offerPlacesKnown, 0)).toBe(
      demo.sites
        .filter((s) => ['action', 'siae', 'mobilite'].includes(s.kind))
        .reduce((s, x) => s + (x.capacity ?? 0), 0) + 12,
    );

    // Applying again replaces instead of duplicating.
    await applyImport(loaded.db, { source, sites: [site], territories: [], memberships: [] });
    expect(await listSites(loaded.db)).toHaveLength(before.length + 1);

    await removeImport(loaded.db, source.id, 'import-t');
    expect(await listSites(loaded.db)).toEqual(before);
    const gone = await territoryAggregates(loaded.db, {
      schemeId: 'import-t',
      needId: 'rsa_foyers',
      accueilKinds: ACCUEIL_KINDS,
    });
    expect(gone).toEqual([]);
  });

  it('adds beneficiaries as an indicator of their own, counted by territory, and removes them', async () => {
    const needSource = { ...source, id: 'import-n', title: 'caf.csv' };
    const [a, b] = demo.communes as [(typeof demo.communes)[0], (typeof demo.communes)[0]];
    await applyImport(loaded.db, {
      source: needSource,
      sites: [],
      territories: [],
      memberships: [],
      needs: [
        {
          communeCode: a.code,
          indicator: 'import-n',
          value: 120,
          year: 2023,
          sourceId: 'import-n',
        },
        { communeCode: b.code, indicator: 'import-n', value: 7, year: 2023, sourceId: 'import-n' },
      ],
    });
    const byEpci = () =>
      territoryAggregates(loaded.db, {
        schemeId: 'epci',
        needId: 'import-n',
        accueilKinds: ACCUEIL_KINDS,
      });
    const total = (rows: Awaited<ReturnType<typeof byEpci>>) =>
      rows.reduce((s, r) => s + (r.needKnown ?? 0), 0);
    expect(total(await byEpci())).toBe(127);
    await removeImport(loaded.db, needSource.id, null);
    expect(total(await byEpci())).toBe(0);
  });

  it('lists the EPCI with their communes', async () => {
    const epcis = await listEpcis(loaded.db);
    expect(epcis).toHaveLength(demo.territories.filter((t) => t.schemeId === 'epci').length);
    expect(epcis.reduce((s, e) => s + e.communes.length, 0)).toBe(demo.communes.length);
  });
});

describe('an import larger than a page of sites', () => {
  it('is read back whole, in order, page by page, even with ids repeated across a page', async () => {
    const before = await listSites(loaded.db);
    // Two imported sites share each id: the pages must neither skip nor repeat one.
    const many: Site[] = Array.from({ length: SITES_PER_PAGE * 2 + 3 }, (_, i) => ({
      ...site,
      id: `import-test-${String(Math.floor(i / 2)).padStart(6, '0')}`,
      name: `Site ${i}`,
    }));
    // As the import worker gives them: Arrow bytes in Blobs, applied chunk by chunk.
    const blob = (part: Site[]) =>
      new Blob([encodeTable('sites', part.map(siteToRow)) as Uint8Array<ArrayBuffer>]);
    await applyImport(loaded.db, {
      source,
      sites: [],
      siteChunks: [blob(many.slice(0, 6000)), blob(many.slice(6000))],
      territories: [],
      memberships: [],
    });
    const after = await listSites(loaded.db);
    expect(after).toHaveLength(before.length + many.length);
    const ids = after.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(after.filter((s) => s.sourceId === source.id).map((s) => s.name)).size).toBe(
      many.length,
    );
    // A large import is left out of the page's list: its sites stay in the engine's figures.
    expect(await listSites(loaded.db, [source.id, 'import-other'])).toEqual(before);
    await removeImport(loaded.db, source.id, null);
    expect(await listSites(loaded.db)).toEqual(before);
  });
});
