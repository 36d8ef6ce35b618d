/**
 * The floor's plain-JavaScript figures are the app's first figures: on the demo, every territory's
 * population, known need, accueil sites and known places, and the département's, equal what the
 * app's query answers in DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { generateDemo } from '../../scripts/demo/generate.ts';
import { querySchemeFigures } from '../../src/data/first-figures.ts';
import { decodeTable } from '../../src/data/tables.ts';
import { plainFirstFigures } from './plain-figures.ts';

let demo: LoadedDataset;

beforeAll(async () => {
  demo = await loadBundle(generateDemo());
});
afterAll(() => demo?.db.close());

describe('floor figures in plain JavaScript', () => {
  it('equal the app query on every scheme of the demo', async () => {
    const table = (name: string) => decodeTable(demo.files.get(`${name}.arrow`)!);
    const tables = {
      communes: table('communes'),
      memberships: table('memberships'),
      needs: table('needs'),
      sites: table('sites'),
    };
    for (const scheme of demo.meta.schemes) {
      const live = await querySchemeFigures(demo.db, scheme.id, demo.meta.defaultNeed);
      const plain = plainFirstFigures(tables, scheme.id, demo.meta.defaultNeed, 5);
      const pick = (a: {
        code: string;
        population: number;
        needKnown: number | null;
        accueilSites: number;
        offerPlacesKnown: number;
      }) => [a.code, a.population, a.needKnown, a.accueilSites, a.offerPlacesKnown];
      expect(plain.aggregates.map(pick), scheme.id).toEqual(live.aggregates.map(pick));
      expect(pick(plain.total).slice(1)).toEqual(pick(live.total!).slice(1));
      expect(plain.classes?.breaks.length).toBeGreaterThan(0);
    }
  });
});
