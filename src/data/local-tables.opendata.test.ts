/**
 * The tables the page decodes itself on the real départements of the seeds (62, 34, 55), built in
 * memory from the open-data folder (skipped, with a message, when it is absent; nothing of it is
 * written into the project): exactly what DuckDB answers, scheme by scheme and need by need.
 */
import { describe, it } from 'vitest';
import { buildDepartement } from '../../scripts/opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from '../../scripts/opendata/opendata-dir.ts';
import { loadBundle } from '../../scripts/lib/demo-db.ts';
import { expectLocalEqualsDuckDb, readLocalTables } from '../../scripts/lib/local-tables-check.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_OPENDATA).each(['62', '34', '55'])('real département %s', (dep) => {
  it('decodes tables that answer as DuckDB does', async () => {
    const { bundle, files } = buildDepartement({ dep, from: OPENDATA_DIR });
    const loaded = await loadBundle(bundle, files);
    try {
      await expectLocalEqualsDuckDb(
        loaded.db,
        loaded.meta,
        await readLocalTables(loaded.meta, loaded.files),
      );
    } finally {
      await loaded.db.close();
    }
  });
});
