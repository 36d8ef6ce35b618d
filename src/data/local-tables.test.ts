/**
 * The tables the page decodes itself answer exactly what DuckDB answers: on the demo, and on its
 * published variant (needs by territory only, secrecy applied).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundle, loadFiles, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { expectLocalEqualsDuckDb, readLocalTables } from '../../scripts/lib/local-tables-check.ts';
import { buildDemo } from '../../scripts/demo/generate.ts';
import { publishDataset } from '../../scripts/public/publish.ts';
import { ACCUEIL_KINDS, COMMUNE_SCHEME_ID } from '../domain/model.ts';
import { TRANSPORT_QUESTION } from '../domain/survey-pas-de-calais.ts';

let demo: LoadedDataset;

beforeAll(async () => {
  demo = await loadBundle(buildDemo().bundle);
});
afterAll(() => demo?.db.close());

describe('tables decoded in the page', () => {
  it('give the lists, the figures of every scheme and the need DuckDB gives, on the demo', async () => {
    const local = await readLocalTables(demo.meta, demo.files);
    await expectLocalEqualsDuckDb(demo.db, demo.meta, local);
    // The survey the mobility mode reads is compared on rows, not on two empty lists.
    expect(local.barriers(TRANSPORT_QUESTION).length).toBeGreaterThan(0);
  });

  it('give those of the published variant too', async () => {
    const published = await publishDataset(demo.files);
    const loaded = await loadFiles(published.files);
    try {
      const local = await readLocalTables(loaded.meta, loaded.files);
      await expectLocalEqualsDuckDb(loaded.db, loaded.meta, local);
      // The published tables are not the planner's: secrecy hides the need of some communes.
      const need = loaded.meta.defaultNeed;
      const planner = await readLocalTables(demo.meta, demo.files);
      const secret = (t: typeof local) =>
        t
          .schemeFigures(COMMUNE_SCHEME_ID, need, ACCUEIL_KINDS)
          .aggregates.filter((a) => a.needSuppressed).length;
      expect(secret(local)).toBeGreaterThan(0);
      expect(secret(planner)).toBe(0);
    } finally {
      await loaded.db.close();
    }
  });
});
