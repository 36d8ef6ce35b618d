/**
 * The exactness check of the tables the page decodes itself, shared by the tests of the demo and
 * of the real départements: every list and figure `LocalTables` gives equals what DuckDB answers
 * on the same artefacts, for every scheme (the communes and the département included) and every
 * need indicator of the dataset.
 */
import { expect } from 'vitest';
import type { Db } from '../../src/data/db.ts';
import { querySchemeFigures } from '../../src/data/first-figures.ts';
import { loadBarriers, loadNeedInputs, loadSchemeTerritories } from '../../src/data/inputs.ts';
import { LocalTables } from '../../src/data/local-tables.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import { DEPARTEMENT_SCHEME_ID } from '../../src/data/queries/schema.ts';
import { listSites, listSources } from '../../src/data/queries/sites.ts';
import { TRANSPORT_QUESTION } from '../../src/domain/survey-pas-de-calais.ts';
import { ACCUEIL_KINDS, COMMUNE_SCHEME_ID, type DatasetMeta } from '../../src/domain/model.ts';

/** The dataset's tables decoded as the page decodes them, from the artefacts. */
export function readLocalTables(
  meta: DatasetMeta,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<LocalTables> {
  return LocalTables.read(meta, async (name) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`Artefact absent : ${name}`);
    return bytes;
  });
}

export async function expectLocalEqualsDuckDb(
  db: Db,
  meta: DatasetMeta,
  local: LocalTables,
): Promise<void> {
  // Not a tolerance: toStrictEqual also tells 0 from -0, null from a missing field.
  expect(local.communes).toStrictEqual(await listCommunes(db));
  expect(local.sites).toStrictEqual(await listSites(db));
  expect(local.sources).toStrictEqual(await listSources(db));
  expect(local.communes.length).toBeGreaterThan(0);
  const schemes = [...meta.schemes.map((s) => s.id), COMMUNE_SCHEME_ID, DEPARTEMENT_SCHEME_ID];
  // The question the mobility mode reads.
  expect(await loadBarriers(local, TRANSPORT_QUESTION)).toStrictEqual(
    await loadBarriers(db, TRANSPORT_QUESTION),
  );
  for (const scheme of schemes) {
    expect(await loadSchemeTerritories(local, scheme), `territories of ${scheme}`).toStrictEqual(
      await loadSchemeTerritories(db, scheme),
    );
  }
  for (const need of meta.needIndicators.map((n) => n.id)) {
    for (const scheme of schemes) {
      const live = await querySchemeFigures(db, scheme, need);
      const shown = local.schemeFigures(scheme, need, ACCUEIL_KINDS);
      expect(shown, `scheme ${scheme}, need ${need}`).toStrictEqual(live);
      expect(live.aggregates.length, `scheme ${scheme} has territories`).toBeGreaterThan(0);
    }
    expect(await loadNeedInputs(local, meta, need), `need ${need} by commune`).toStrictEqual(
      await loadNeedInputs(db, meta, need),
    );
  }
}
