/**
 * The app and the reports read a published dataset's need by the same rule (src/data/inputs.ts):
 * the reach figures sum the published cells of the communes, the tables have no need by commune.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../src/data/duckdb-node.ts';
import type { Db } from '../../src/data/db.ts';
import { loadNeedInputs, loadPublishedNeed, reachNeeds } from '../../src/data/inputs.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import type { DatasetMeta } from '../../src/domain/model.ts';
import { defaultAssumptions } from '../../src/domain/reach/scenario.ts';
import { reachPeople } from '../../src/domain/reach/setup.ts';
import { STATE_CODES } from '../../src/domain/value-state.ts';
import { generateDemo } from '../demo/generate.ts';
import { datasetFiles } from '../lib/write-dataset.ts';
import { publishDataset } from '../public/publish.ts';
import { loadGapsInput } from './gaps-input.ts';
import { reachReportFromDb } from './reach.ts';

let db: Db;
let meta: DatasetMeta;

beforeAll(async () => {
  const files = (await publishDataset(datasetFiles(generateDemo()))).files;
  meta = JSON.parse(new TextDecoder().decode(files.get('meta.json'))) as DatasetMeta;
  db = await openNodeDb();
  await loadDatasetTables(db, meta, async (f) => files.get(f)!);
});
afterAll(() => db.close());

describe('a published dataset in the app and the reports', () => {
  it('gives the reach figures the published cells of the communes, the tables none', async () => {
    const needs = await loadNeedInputs(db, meta, meta.defaultNeed);
    expect(needs.byCommune).toBeNull();
    expect(needs.published?.size).toBeGreaterThan(0);
    expect([...needs.published!.values()].some((v) => v === null)).toBe(true);
    expect(reachNeeds(needs)).toBe(needs.published);
    const published = await loadPublishedNeed(db, meta, meta.defaultNeed, 'pti');
    expect(published?.total).not.toBeNull();
    const gaps = await loadGapsInput(db, meta, { schemeId: 'pti', needId: null });
    expect(gaps.needByCommune).toBeNull();
    expect(gaps.publishedNeed).toEqual(published);
  });

  it('counts in the reach report the need the app counts: the sum of the published cells', async () => {
    const report = await reachReportFromDb(db, meta, {
      assumptions: defaultAssumptions(),
      edits: [],
    });
    const needs = await loadNeedInputs(db, meta, meta.defaultNeed);
    const people = reachPeople(await listCommunes(db), needs.published);
    const known = people.need!.reduce(
      (a, v, i) => a + (people.needState![i] === STATE_CODES.known ? v : 0),
      0,
    );
    expect(report.total.need).toBe(known);
    expect(report.total.needParts.secret).toBeGreaterThan(0);
  });
});
