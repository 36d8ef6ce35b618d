/**
 * Aggregations by territory, for any scheme (the commune scheme included, through the views of
 * `schema.ts`). Parameters are always bound, never spliced into the SQL.
 */
import type { TerritoryAggregate } from '../../domain/indicators.ts';
import { OFFER_KINDS, type CodeInsee, type SiteKind } from '../../domain/model.ts';
import type { ValueState } from '../../domain/value-state.ts';
import type { Db } from '../db.ts';

export { OFFER_KINDS } from '../../domain/model.ts';

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
  SELECT territory_code, value, communes_known, communes_secret, population_known, suppressed
  FROM territory_needs WHERE scheme_id = $scheme AND indicator = $need
),
s AS (
  SELECT m.territory_code,
         count(*) FILTER (WHERE list_contains(string_split($accueil, ','), kind)) AS accueil_sites,
         count(*) FILTER (WHERE list_contains(string_split($offer, ','), kind)) AS offer_sites,
         sum(capacity) FILTER (WHERE list_contains(string_split($offer, ','), kind))
           AS offer_places_known,
         count(*) FILTER (WHERE list_contains(string_split($offer, ','), kind)
                          AND capacity IS NULL) AS offer_unknown_capacity
  FROM m JOIN sites ON sites.commune_code = m.commune_code GROUP BY 1
)
-- Counts of things present (communes, sites) are 0 when there are none; the need of a territory
-- without a row, or without a value, stays null with the count of communes that have one.
SELECT t.code, t.name,
       coalesce(c.communes, 0) AS communes, coalesce(c.population, 0) AS population,
       coalesce(c.area_km2, 0) AS area_km2,
       n.value AS need_known,
       coalesce(n.communes_known, 0) AS communes_known,
       coalesce(n.communes_secret, 0) AS communes_secret,
       coalesce(n.population_known, 0) AS population_known,
       coalesce(n.suppressed, false) AS suppressed,
       coalesce(s.accueil_sites, 0) AS accueil_sites, coalesce(s.offer_sites, 0) AS offer_sites,
       -- No offer site: no place, a true zero; unknown capacities are counted apart.
       coalesce(s.offer_places_known, 0) AS offer_places_known,
       coalesce(s.offer_unknown_capacity, 0) AS offer_unknown_capacity
FROM all_territories t
LEFT JOIN c ON c.territory_code = t.code
LEFT JOIN n ON n.territory_code = t.code
LEFT JOIN s ON s.territory_code = t.code
WHERE t.scheme_id = $scheme
ORDER BY t.code`;

/** A row of `territoryAggregates`' SQL, as DuckDB answers it. */
export interface AggregateRow {
  code: string;
  name: string;
  communes: number;
  population: number;
  area_km2: number;
  need_known: number | null;
  communes_known: number;
  communes_secret: number;
  population_known: number;
  suppressed: boolean;
  accueil_sites: number;
  offer_sites: number;
  offer_places_known: number;
  offer_unknown_capacity: number;
}

/** A row of the aggregation as the domain's aggregate: the need's parts, the places' states. */
export function toAggregate(r: AggregateRow): TerritoryAggregate {
  const needParts = {
    known: r.communes_known,
    missing: Math.max(0, r.communes - r.communes_known - r.communes_secret),
    unknown: 0,
    secret: r.communes_secret,
  };
  const complete = !r.suppressed && r.communes > 0 && needParts.known === r.communes;
  return {
    code: r.code,
    name: r.name,
    communes: r.communes,
    population: r.population,
    areaKm2: r.area_km2,
    need: complete ? r.need_known : null,
    needKnown: r.communes_known > 0 && !r.suppressed ? r.need_known : null,
    needParts,
    needPopulation: r.population_known,
    needSuppressed: r.suppressed,
    accueilSites: r.accueil_sites,
    offerSites: r.offer_sites,
    offerPlaces: r.offer_unknown_capacity === 0 ? r.offer_places_known : null,
    offerPlacesKnown: r.offer_places_known,
    offerUnknownCapacity: r.offer_unknown_capacity,
  };
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
  return rows.map(toAggregate);
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
  /** Places of the sites whose capacity is known (the others are `unknownCapacity`, never 0). */
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
  /** Null where the commune has no value: `needState` says whether it is missing or secret. */
  need: number | null;
  needState: ValueState;
}

/** Communes of one territory, the most populated first. */
export async function territoryCommunes(
  db: Db,
  schemeId: string,
  territoryCode: string,
  needId: string,
): Promise<CommuneLine[]> {
  const rows = await db.query<{
    code: string;
    name: string;
    population: number;
    need: number | null;
    secret: number | null;
    suppressed: boolean | null;
  }>(
    `SELECT c.code, c.name, c.population, n.value AS need, n.communes_secret AS secret,
            n.suppressed
     FROM all_memberships m
     JOIN communes c ON c.code = m.commune_code
     LEFT JOIN territory_needs n
       ON n.scheme_id = 'commune' AND n.territory_code = c.code AND n.indicator = ?
     WHERE m.scheme_id = ? AND m.territory_code = ?
     ORDER BY c.population DESC, c.code`,
    [needId, schemeId, territoryCode],
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    population: r.population,
    need: r.need,
    // No row: no value in the source. A row without a value: masked at the source, or by the
    // publication's secrecy.
    needState:
      r.need !== null ? 'known' : r.suppressed || (r.secret ?? 0) > 0 ? 'secret' : 'missing',
  }));
}
