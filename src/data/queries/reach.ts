/**
 * What the reach needs from the dataset besides communes and sites: the need indicator by commune
 * and the territories of a scheme. Parameters are bound, never spliced.
 */
import type { Db } from '../db.ts';

/**
 * The need indicator by commune code: a number, or null where the source masked it (secret); a
 * commune absent from the map has no value (missing). Empty in a published dataset, whose
 * commune-level values are not in the files (statistical secrecy): callers then treat
 * beneficiaries as unknown.
 */
export async function communeNeeds(db: Db, needId: string): Promise<Map<string, number | null>> {
  const rows = await db.query<{ commune_code: string; value: number | null }>(
    'SELECT commune_code, value FROM commune_needs WHERE indicator = ? ORDER BY 1',
    [needId],
  );
  return new Map(rows.map((r) => [r.commune_code, r.value]));
}

export interface SchemeTerritories {
  /** Territory code of every commune. */
  territoryOf: Map<string, string>;
  /** Name of every territory. */
  names: Map<string, string>;
}

export async function schemeTerritories(db: Db, schemeId: string): Promise<SchemeTerritories> {
  const [members, territories] = await Promise.all([
    db.query<{ commune_code: string; territory_code: string }>(
      'SELECT commune_code, territory_code FROM all_memberships WHERE scheme_id = ?',
      [schemeId],
    ),
    db.query<{ code: string; name: string }>(
      'SELECT code, name FROM all_territories WHERE scheme_id = ?',
      [schemeId],
    ),
  ]);
  return {
    territoryOf: new Map(members.map((m) => [m.commune_code, m.territory_code])),
    names: new Map(territories.map((t) => [t.code, t.name])),
  };
}
