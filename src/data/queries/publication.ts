/** Queries of the publication step (public build): every cell of every need table. */
import type { Db } from '../db.ts';

export interface MembershipRow {
  scheme_id: string;
  commune_code: string;
  territory_code: string;
}

export function allMemberships(db: Db): Promise<MembershipRow[]> {
  return db.query<MembershipRow>(
    'SELECT scheme_id, commune_code, territory_code FROM all_memberships ORDER BY 1, 2',
  );
}

export interface NeedCell {
  scheme_id: string;
  territory_code: string;
  /** Sum over the communes with a value; null when none has one (never 0 for "no value"). */
  value: number | null;
  communes_known: number;
  communes_secret: number;
  population_known: number;
}

/** The need of every territory of every scheme, with how many of its communes have a value. */
export function needCells(db: Db, indicator: string): Promise<NeedCell[]> {
  return db.query<NeedCell>(
    `SELECT t.scheme_id, t.code AS territory_code,
            CASE WHEN coalesce(n.communes_known, 0) > 0 THEN n.value END AS value,
            coalesce(n.communes_known, 0) AS communes_known,
            coalesce(n.communes_secret, 0) AS communes_secret,
            coalesce(n.population_known, 0) AS population_known
     FROM all_territories t
     LEFT JOIN territory_needs n
       ON n.scheme_id = t.scheme_id AND n.territory_code = t.code AND n.indicator = ?
     ORDER BY 1, 2`,
    [indicator],
  );
}

/** Millésime of a need indicator. */
export async function needYear(db: Db, indicator: string): Promise<number | null> {
  const [row] = await db.query<{ year: number | null }>(
    'SELECT max(year) AS year FROM needs WHERE indicator = ?',
    [indicator],
  );
  return row?.year ?? null;
}
