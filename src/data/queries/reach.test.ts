import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../../scripts/lib/demo-db.ts';
import { sharedDemo, sharedDemoDb } from '../../../scripts/lib/test-fixtures.ts';
import type { DatasetBundle } from '../../domain/dataset.ts';
import { communeNeeds, schemeTerritories } from './reach.ts';

let demo: DatasetBundle;
let loaded: LoadedDataset;

beforeAll(async () => {
  demo = sharedDemo();
  loaded = await sharedDemoDb();
});

describe('reach queries on the demo', () => {
  it('read the need of every commune as the generator wrote it', async () => {
    const needs = await communeNeeds(loaded.db, 'rsa_foyers');
    const direct = demo.needs.filter((n) => n.indicator === 'rsa_foyers');
    expect(needs.size).toBe(direct.length);
    for (const n of direct) expect(needs.get(n.communeCode)).toBe(n.value);
    expect((await communeNeeds(loaded.db, 'nothing')).size).toBe(0);
  });

  it('read the territories of a scheme with their names', async () => {
    const pti = await schemeTerritories(loaded.db, 'pti');
    expect(pti.territoryOf.size).toBe(demo.communes.length);
    const names = demo.territories.filter((t) => t.schemeId === 'pti');
    expect(pti.names.size).toBe(names.length);
    for (const t of names) expect(pti.names.get(t.code)).toBe(t.name);
    const communes = await schemeTerritories(loaded.db, 'commune');
    expect(communes.names.get(demo.communes[0]!.code)).toBe(demo.communes[0]!.name);
  });
});
