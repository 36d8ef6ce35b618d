/**
 * The snapshot of the first figures on the real départements of the seeds (62, 34, 55), built in
 * memory from the open-data folder (skipped, with a message, when it is absent; nothing of it is
 * written into the project): exactly the live queries' figures, scheme by scheme.
 */
import { describe, it } from 'vitest';
import { buildDepartement } from '../opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from '../opendata/opendata-dir.ts';
import { loadBundle } from './demo-db.ts';
import { expectSnapshotEqualsLive, readSnapshot } from './first-figures-check.ts';
import { firstFiguresStep } from './first-figures-step.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_OPENDATA).each(['62', '34', '55'])('real département %s', (dep) => {
  it('shows first figures equal to the live queries on every scheme', async () => {
    const { bundle, files } = buildDepartement({ dep, from: OPENDATA_DIR });
    await firstFiguresStep(bundle, files);
    const loaded = await loadBundle(bundle, files);
    try {
      await expectSnapshotEqualsLive(
        loaded.db,
        loaded.meta,
        readSnapshot(loaded.meta, loaded.files),
      );
    } finally {
      await loaded.db.close();
    }
  });
});
