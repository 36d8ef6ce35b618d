/**
 * The demo's snapshot of the first figures, and that of its published variant, against the live
 * queries on the artefacts the page loads (exact equality).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_FIGURES_FILE, parseFirstFigures } from '../../src/data/first-figures.ts';
import { buildDemo } from '../demo/generate.ts';
import { publishDataset } from '../public/publish.ts';
import { loadBundle, loadFiles, type LoadedDataset } from './demo-db.ts';
import { expectSnapshotEqualsLive, readSnapshot } from './first-figures-check.ts';
import { firstFiguresStep } from './first-figures-step.ts';

let demo: LoadedDataset;

beforeAll(async () => {
  // The network times play no part in these figures; the demo without them builds faster.
  const { bundle, files } = buildDemo();
  await firstFiguresStep(bundle, files);
  demo = await loadBundle(bundle, files);
});
afterAll(() => demo?.db.close());

describe('first figures snapshot', () => {
  it('is named in meta.json and equals the live queries on every scheme of the demo', async () => {
    expect(demo.meta.firstFigures).toBe(FIRST_FIGURES_FILE);
    await expectSnapshotEqualsLive(demo.db, demo.meta, readSnapshot(demo.meta, demo.files));
  });

  it('is computed again for the published variant, from its secret-applied needs', async () => {
    const published = await publishDataset(demo.files);
    const loaded = await loadFiles(published.files);
    try {
      const snapshot = readSnapshot(loaded.meta, loaded.files);
      await expectSnapshotEqualsLive(loaded.db, loaded.meta, snapshot);
      // The planner's figures never leave in the public site: secrecy hides some of them.
      expect(snapshot).not.toStrictEqual(readSnapshot(demo.meta, demo.files));
    } finally {
      await loaded.db.close();
    }
  });

  it('is ignored by the page when it is not a snapshot of this format', () => {
    expect(parseFirstFigures(null)).toBeNull();
    expect(parseFirstFigures({ format: 0, views: [] })).toBeNull();
    expect(parseFirstFigures({ format: 1, views: [{ schemeId: 'pti' }] })).toBeNull();
    expect(parseFirstFigures({ format: 1, views: [] })).toEqual({ format: 1, views: [] });
  });
});
