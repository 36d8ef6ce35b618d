import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { importSource, sharedDemo } from '../../scripts/lib/test-fixtures.ts';
import { SITE_KINDS, type Site } from '../domain/model.ts';
import { computeFirstFigures } from './first-figures.ts';
import {
  tallySiteChunk,
  withImportedSites,
  type CommuneTallies,
} from './imported-first-figures.ts';
import { applyImport } from './queries/imports.ts';
import { encodeTable, siteToRow } from './tables.ts';

let loaded: LoadedDataset;
// Its own DuckDB: the test writes an import into it.
const demo = sharedDemo();

beforeAll(async () => {
  loaded = await loadBundle(demo);
});
afterAll(() => loaded.db.close());

const source = importSource('import-preview');

describe('the first figures with the stored imports added', () => {
  it('equal what the engine answers once it has the imports, in every view', async () => {
    const before = await computeFirstFigures(loaded.db, loaded.meta);
    // Every kind, capacities known and unknown, and a commune that is not the dataset's.
    const sites: Site[] = Array.from({ length: 2500 }, (_, i) => {
      const c = demo.communes[(i * 37) % demo.communes.length]!;
      return {
        id: `import-preview-${i}`,
        name: `Site ${i}`,
        kind: SITE_KINDS[i % SITE_KINDS.length]!,
        detail: '',
        axes: [],
        capacity: i % 3 === 0 ? null : i % 17,
        lon: c.lon,
        lat: c.lat,
        communeCode: i % 101 === 0 ? '99999' : c.code,
        operator: '',
        public: '',
        hours: '',
        sourceId: source.id,
      };
    });
    const chunks = [sites.slice(0, 1000), sites.slice(1000)].map((part) =>
      encodeTable('sites', part.map(siteToRow)),
    );
    const tallies: CommuneTallies = new Map();
    for (const c of chunks) tallySiteChunk(tallies, c);
    const communes = new Set(demo.communes.map((c) => c.code));
    const preview = withImportedSites(before, tallies, communes);

    await applyImport(loaded.db, {
      source,
      sites: [],
      siteChunks: chunks.map((c) => new Blob([c as Uint8Array<ArrayBuffer>])),
      territories: [],
      memberships: [],
    });
    const after = await computeFirstFigures(loaded.db, loaded.meta);
    expect(preview).toEqual(after);
    // The import did change them: the test compares figures that moved.
    expect(after).not.toEqual(before);
  });
});
