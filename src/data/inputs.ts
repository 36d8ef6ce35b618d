/**
 * What the app and the headless reports read of a dataset's need, by one rule each, so that a
 * figure reads the same on screen and in a report:
 * - the coverage and mobility tables take the need by commune, which a published dataset does
 *   not have (it has territory figures only, `publishedNeed`);
 * - the reach figures take, in a published dataset, the published value of each commune (null
 *   where masked): a sum of those cells reveals nothing the published table does not.
 */
import type { BarrierShare, DatasetMeta } from '../domain/model.ts';
import type { Db } from './db.ts';
import { LocalTables } from './local-tables.ts';
import { publishedCommuneNeeds } from './queries/publication.ts';
import { listBarriers } from './queries/gaps.ts';
import { communeNeeds, schemeTerritories, type SchemeTerritories } from './queries/reach.ts';
import { DEPARTEMENT_SCHEME_ID } from './queries/schema.ts';
import { territoryAggregates } from './queries/territories.ts';
import { ACCUEIL_KINDS, COMMUNE_SCHEME_ID } from '../domain/model.ts';

/** Whether the dataset is a published (public) version, without beneficiaries by commune. */
export const isPublishedDataset = (meta: DatasetMeta): boolean =>
  Boolean(meta.tables.published_needs);

export interface NeedInputs {
  /** The need of every commune, for the coverage and mobility tables; null when published. */
  byCommune: Map<string, number | null> | null;
  /** In a published dataset, the published value of every commune that the reach figures sum. */
  published: Map<string, number | null> | null;
}

/**
 * Where the tables are read: DuckDB, or the dataset's own tables decoded in the page, which answer
 * the same (src/data/local-tables.ts) before DuckDB has started.
 */
export type TableSource = Db | LocalTables;

export async function loadNeedInputs(
  source: TableSource,
  meta: DatasetMeta,
  needId: string,
): Promise<NeedInputs> {
  if (!needId) return { byCommune: null, published: null };
  if (source instanceof LocalTables) {
    return isPublishedDataset(meta)
      ? { byCommune: null, published: source.publishedCommuneNeeds(needId) }
      : { byCommune: source.communeNeeds(needId), published: null };
  }
  return isPublishedDataset(meta)
    ? { byCommune: null, published: await publishedCommuneNeeds(source, needId) }
    : { byCommune: await communeNeeds(source, needId), published: null };
}

/** The survey shares of one question (`listBarriers`). */
export async function loadBarriers(source: TableSource, question: string): Promise<BarrierShare[]> {
  return source instanceof LocalTables ? source.barriers(question) : listBarriers(source, question);
}

/** Territory and names of a scheme (`schemeTerritories`). */
export async function loadSchemeTerritories(
  source: TableSource,
  schemeId: string,
): Promise<SchemeTerritories> {
  return source instanceof LocalTables
    ? source.schemeTerritories(schemeId)
    : schemeTerritories(source, schemeId);
}

/** What the reach figures count by commune (see the module's comment). */
export const reachNeeds = (n: NeedInputs): Map<string, number | null> | null =>
  n.published ?? n.byCommune;

/**
 * The published need of every territory of a scheme and of the département, for the tables of a
 * published dataset (undefined otherwise: they then sum the need by commune).
 */
export async function loadPublishedNeed(
  db: Db,
  meta: DatasetMeta,
  needId: string,
  schemeId: string,
): Promise<{ byTerritory: Map<string, number | null>; total: number | null } | undefined> {
  if (!isPublishedDataset(meta)) return undefined;
  const params = { needId, accueilKinds: ACCUEIL_KINDS };
  const [rows, [dep]] = await Promise.all([
    territoryAggregates(db, { ...params, schemeId }),
    territoryAggregates(db, { ...params, schemeId: DEPARTEMENT_SCHEME_ID }),
  ]);
  return { byTerritory: new Map(rows.map((r) => [r.code, r.need])), total: dep?.need ?? null };
}

/** Every scheme a figure can be given by: the dataset's, then the communes and the département. */
export function schemeChoices(meta: DatasetMeta): (readonly [id: string, label: string])[] {
  return [
    ...meta.schemes.map((s) => [s.id, s.label] as const),
    [COMMUNE_SCHEME_ID, 'Communes'] as const,
    [DEPARTEMENT_SCHEME_ID, 'Département'] as const,
  ];
}
