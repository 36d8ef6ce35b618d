/**
 * The exactness check of the first figures, shared by the tests of the demo and of the real
 * départements: the snapshot a build writes, read back from its file, equals what the page's
 * live query answers on the tables the page loads, scheme by scheme.
 */
import { expect } from 'vitest';
import type { Db } from '../../src/data/db.ts';
import {
  parseFirstFigures,
  querySchemeFigures,
  snapshotAnswer,
  type FirstFigures,
} from '../../src/data/first-figures.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';

/** The snapshot file named by the meta, parsed as the page parses it. */
export function readSnapshot(
  meta: DatasetMeta,
  files: ReadonlyMap<string, Uint8Array>,
): FirstFigures {
  expect(meta.firstFigures, 'meta.json names the snapshot').toBeTruthy();
  const bytes = files.get(meta.firstFigures ?? '');
  expect(bytes, `${meta.firstFigures} is among the artefacts`).toBeDefined();
  const snapshot = parseFirstFigures(JSON.parse(new TextDecoder().decode(bytes)));
  expect(snapshot, 'the page can read the snapshot').not.toBeNull();
  return snapshot as FirstFigures;
}

/** Every scheme of the dataset: the snapshot's figures are exactly the live query's. */
export async function expectSnapshotEqualsLive(
  db: Db,
  meta: DatasetMeta,
  snapshot: FirstFigures,
): Promise<void> {
  expect(snapshot.views.map((v) => v.schemeId)).toEqual(meta.schemes.map((s) => s.id));
  for (const scheme of meta.schemes) {
    const live = await querySchemeFigures(db, scheme.id, meta.defaultNeed);
    const shown = snapshotAnswer(snapshot, scheme.id, meta.defaultNeed);
    // Not a tolerance: toStrictEqual also tells 0 from -0, null from a missing field.
    expect(shown, `scheme ${scheme.id}`).toStrictEqual(live);
    expect(live.aggregates.length, `scheme ${scheme.id} has territories`).toBeGreaterThan(0);
  }
}
