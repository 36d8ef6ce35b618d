/**
 * Aggregations by territory, for any scheme (the commune scheme included, through the views of
 * `schema.ts`). Parameters are always bound, never spliced into the SQL.
 */
import type { TerritoryAggregate } from '../../domain/indicators.ts';
import type { CodeInsee, SiteKind } from '../../domain/model.ts';
import type { Db } from '../db.ts';

/** Kinds whose sites carry the actions of the offer (as opposed to accueil and orientation). */
export const OFFER_KINDS: readonly SiteKind[] = ['action', 'siae', 'mobilite'];

export interface AggregateParams {
  schemeId: string;
  /** Need indicator id (`needs.indicator`). */
  needId: string;
  /** Kinds counted as accueil sites. */
  accueilKinds: readonly SiteKind[];
}

const AGGREGATES_SQL = `
WITH m AS (
  SELECT commune_code, territory_code FROM all_memberships WHERE scheme_id = $scheme
),
c AS (
  SELECT m.territory_code, count(*) AS communes, sum(population) AS population,
         sum(area_km2) AS area_km2
  FROM m JOIN communes ON communes.code = m.commune_code GROUP BY 1
),
n AS (
  SELECT territory_code, value AS need FROM territory_needs
  WHERE scheme_id = $scheme AND indicator = $need
),
s AS (
  SELECT m.territory_code,
         count(*) FILTER (WHERE list_contains(string_split($accueil, ','), kind)) AS accueil_sites,
         count(*) FILTER (WHERE list_contains(string_split($offer, ','), kind)) AS offer_sites,
         coalesce(sum(capacity) FILTER (WHERE list_contains(string_split($offer, ','), kind)), 0)
           AS offer_places
  FROM m JOIN sites ON sites.commune_code = m.commune_code GROUP BY 1
)
SELECT t.code, t.name,
       coalesce(c.communes, 0) AS communes, coalesce(c.population, 0) AS population,
       coalesce(c.area_km2, 0) AS area_km2,
       -- No row: no need counted (0). A row with null: hidden by statistical secrecy.
       CASE WHEN n.territory_code IS NULL THEN 0 ELSE n.need END AS need,
       coalesce(s.accueil_sites, 0) AS accueil_sites, coalesce(s.offer_sites, 0) AS offer_sites,
       coalesce(s.offer_places, 0) AS offer_places
FROM all_territories t
LEFT JOIN c ON c.territory_code = t.code
LEFT JOIN n ON n.territory_code = t.code
LEFT JOIN s ON s.territory_code = t.code
WHERE t.scheme_id = $scheme
ORDER BY t.code`;

interface AggregateRow {
  code: string;
  name: string;
  communes: number;
  population: number;
  area_km2: number;
  need: number | null;
  accueil_sites: number;
  offer_sites: number;
  offer_places: number;
}

/** DuckDB binds `?` in order; named markers keep the SQL readable and are expanded here. */
function bindNamed(sql: string, values: Record<string, string>): [string, string[]] {
  const params: string[] = [];
  const text = sql.replace(/\$([a-z]+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`Paramètre SQL manquant : ${name}`);
    params.push(v);
    return '?';
  });
  return [text, params];
}

export async function territoryAggregates(
  db: Db,
  p: AggregateParams,
): Promise<TerritoryAggregate[]> {
  const [sql, params] = bindNamed(AGGREGATES_SQL, {
    scheme: p.schemeId,
    need: p.needId,
    accueil: p.accueilKinds.join(','),
    offer: OFFER_KINDS.join(','),
  });
  const rows = await db.query<AggregateRow>(sql, params);
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    communes: r.communes,
    population: r.population,
    areaKm2: r.area_km2,
    need: r.need,
    accueilSites: r.accueil_sites,
    offerSites: r.offer_sites,
    offerPlaces: r.offer_places,
  }));
}

/** Territory of every commune in a scheme. */
export async function communeTerritories(
  db: Db,
  schemeId: string,
): Promise<Map<CodeInsee, string>> {
  const rows = await db.query<{ commune_code: string; territory_code: string }>(
    'SELECT commune_code, territory_code FROM all_memberships WHERE scheme_id = ?',
    [schemeId],
  );
  return new Map(rows.map((r) => [r.commune_code, r.territory_code]));
}

export interface OfferLine {
  /** Axis id, or site kind id, depending on the query. */
  key: string;
  sites: number;
  places: number;
  /** Sites whose capacity is unknown. */
  unknownCapacity: number;
}

/** Sites and places of one territory by axis of the offer. */
export async function territoryOfferByAxis(
  db: Db,
  schemeId: string,
  territoryCode: string,
): Promise<OfferLine[]> {
  return db.query<OfferLine>(
    `SELECT a.axis AS key, count(*) AS sites, coalesce(sum(s.capacity), 0) AS places,
            count(*) FILTER (WHERE s.capacity IS NULL) AS "unknownCapacity"
     FROM all_memberships m
     JOIN sites s ON s.commune_code = m.commune_code
     JOIN site_axes a ON a.site_id = s.id
     WHERE m.scheme_id = ? AND m.territory_code = ?
     GROUP BY 1 ORDER BY 1`,
    [schemeId, territoryCode],
  );
}

/** Sites and places of one territory by kind. */
export async function territoryOfferByKind(
  db: Db,
  schemeId: string,
  territoryCode: string,
): Promise<OfferLine[]> {
  return db.query<OfferLine>(
    `SELECT s.kind AS key, count(*) AS sites, coalesce(sum(s.capacity), 0) AS places,
            count(*) FILTER (WHERE s.capacity IS NULL) AS "unknownCapacity"
     FROM all_memberships m JOIN sites s ON s.commune_code = m.commune_code
     WHERE m.scheme_id = ? AND m.territory_code = ?
     GROUP BY 1 ORDER BY 1`,
    [schemeId, territoryCode],
  );
}

export interface CommuneLine {
  code: string;
  name: string;
  population: number;
  /** Null where statistical secrecy hides it. */
  need: number | null;
}

/** Communes of one territory, the most populated first. */
export async function territoryCommunes(
  db: Db,
  schemeId: string,
  territoryCode: string,
  needId: string,
): Promise<CommuneLine[]> {
  return db.query<CommuneLine>(
    `SELECT c.code, c.name, c.population,
            CASE WHEN n.territory_code IS NULL THEN 0 ELSE n.value END AS need
     FROM all_memberships m
     JOIN communes c ON c.code = m.commune_code
     LEFT JOIN territory_needs n
       ON n.scheme_id = 'commune' AND n.territory_code = c.code AND n.indicator = ?
     WHERE m.scheme_id = ? AND m.territory_code = ?
     ORDER BY c.population DESC, c.code`,
    [needId, schemeId, territoryCode],
  );
}
