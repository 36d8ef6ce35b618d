import { describe, expect, it } from 'vitest';
import type { Site } from '../domain/model.ts';
import {
  isLargeImport,
  LARGE_IMPORT_SITES,
  siteCellsOf,
  siteTalliesOf,
  type StoredImport,
} from './import-storage.ts';
import { tallySites, type CommuneTallies } from './imported-first-figures.ts';
import { encodeTable, siteToRow } from './tables.ts';

const site = (i: number): Site => ({
  id: `import-t-${i}`,
  name: `Site ${i}`,
  kind: 'action',
  detail: '',
  axes: ['mobilite'],
  capacity: null,
  // Two places 20 km apart, each site within 50 m of its place.
  lon: (i % 2 ? 2.3 : 2.6) + (i % 7) / 20000,
  lat: 50.4 + (i % 5) / 20000,
  communeCode: '62001',
  operator: '',
  public: '',
  hours: '',
  sourceId: 'import-t',
});

const blob = (sites: Site[]) =>
  new Blob([encodeTable('sites', sites.map(siteToRow)) as Uint8Array<ArrayBuffer>]);

describe('a large import', () => {
  it('is one whose sites are in Arrow chunks only, more of them than LARGE_IMPORT_SITES', () => {
    const r = (siteCount: number, sites: Site[] = []) =>
      ({ sites, siteCount, siteChunks: [] }) as unknown as StoredImport;
    expect(isLargeImport(r(LARGE_IMPORT_SITES + 1))).toBe(true);
    expect(isLargeImport(r(LARGE_IMPORT_SITES))).toBe(false);
    expect(isLargeImport(r(LARGE_IMPORT_SITES + 1, [site(0)]))).toBe(false);
  });

  it('has its sites counted by cells from its chunks, every site once', async () => {
    const sites = Array.from({ length: 3001 }, (_, i) => site(i));
    const record = {
      sites: [],
      siteCount: sites.length,
      siteChunks: [blob(sites.slice(0, 1000)), blob(sites.slice(1000))],
    } as unknown as StoredImport;
    const cells = await siteCellsOf(record);
    expect(cells.sites).toBe(3001);
    expect([...cells.count].sort((a, b) => a - b)).toEqual([1500, 1501]);
  });

  it('has its sites tallied by commune the same from its chunks as from the stored tallies', async () => {
    const sites = Array.from({ length: 1200 }, (_, i) => ({
      ...site(i),
      communeCode: i % 3 ? '62001' : '62002',
      capacity: i % 4 ? i : null,
    }));
    const fromSites: CommuneTallies = new Map();
    tallySites(fromSites, sites);
    const chunked = {
      sites: [],
      siteChunks: [blob(sites.slice(0, 500)), blob(sites.slice(500))],
    } as unknown as StoredImport;
    const stored = { sites: [], siteTallies: [...fromSites] } as unknown as StoredImport;
    expect(await siteTalliesOf([chunked])).toEqual(fromSites);
    // Two imports add up, commune by commune.
    const both = await siteTalliesOf([chunked, stored]);
    expect(both.get('62001')?.offer).toBe(2 * fromSites.get('62001')!.offer);
    expect(both.get('62002')?.unknownCapacity).toBe(2 * fromSites.get('62002')!.unknownCapacity);
  });
});
