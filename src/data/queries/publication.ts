/**
 * Queries of the publication step (public build): every cell of every need table; and, in the
 * published site, the published value of each commune.
 */
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
  /** Legal population of the territory (INSEE, public for every commune). */
  population: number;
}

/** The need of every territory of every scheme, with how many of its communes have a value. */
export function needCells(db: Db, indicator: string): Promise<NeedCell[]> {
  return db.query<NeedCell>(
    `WITH p AS (
       SELECT m.scheme_id, m.territory_code, sum(c.population)::DOUBLE AS population
       FROM all_memberships m JOIN communes c ON c.code = m.commune_code GROUP BY 1, 2
     )
     SELECT t.scheme_id, t.code AS territory_code,
            CASE WHEN coalesce(n.communes_known, 0) > 0 THEN n.value END AS value,
            coalesce(n.communes_known, 0) AS communes_known,
            coalesce(n.communes_secret, 0) AS communes_secret,
            coalesce(n.population_known, 0) AS population_known,
            coalesce(p.population, 0) AS population
     FROM all_territories t
     LEFT JOIN territory_needs n
       ON n.scheme_id = t.scheme_id AND n.territory_code = t.code AND n.indicator = ?
     LEFT JOIN p ON p.scheme_id = t.scheme_id AND p.territory_code = t.code
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

/**
 * The published need of every commune, in the shape of `communeNeeds` (queries/reach.ts): the
 * value where it is published, null where it is masked (by the publication's secrecy or at the
 * source), no entry where the commune has none. Figures summed from it are sums of published
 * cells: they reveal nothing that the published table does not.
 */
export async function publishedCommuneNeeds(
  db: Db,
  indicator: string,
): Promise<Map<string, number | null>> {
  const rows = await db.query<{ code: string; value: number | null; masked: boolean }>(
    `SELECT territory_code AS code, value, (suppressed OR communes_secret > 0) AS masked
     FROM territory_needs WHERE scheme_id = 'commune' AND indicator = ? ORDER BY 1`,
    [indicator],
  );
  const out = new Map<string, number | null>();
  for (const r of rows) {
    if (r.value !== null) out.set(r.code, r.value);
    else if (r.masked) out.set(r.code, null);
  }
  return out;
}
