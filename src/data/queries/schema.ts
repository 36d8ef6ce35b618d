/**
 * Views over the dataset tables, so that every query treats all schemes alike:
 * - the commune scheme (every commune is its own territory) and the département scheme (one
 *   territory holding every commune) are implicit in the data and made explicit here;
 * - `territory_needs` gives each need indicator by territory of every scheme: the sum over the
 *   communes that have a value, how many communes have one (`communes_known`), how many are
 *   masked at the source (`communes_secret`, a row with a null value), the population of the
 *   communes with a value, and whether the publication masked the figure (`suppressed`). A
 *   commune without a row has no value (« non renseigné »): it is counted in none of these, never
 *   as 0. In a published (public) dataset the view reads the published table, where statistical
 *   secrecy has left nulls, and the commune-level values are not in the files at all.
 */
export const DEPARTEMENT_SCHEME_ID = 'departement';

export const CREATE_DATASET_INFO = `CREATE OR REPLACE TABLE dataset_info (code VARCHAR, name VARCHAR)`;
export const INSERT_DATASET_INFO = `INSERT INTO dataset_info VALUES (?, ?)`;

export const CREATE_VIEWS = [
  `CREATE OR REPLACE VIEW all_territories AS
     SELECT scheme_id, code, name FROM territories
     UNION ALL SELECT 'commune', code, name FROM communes
     UNION ALL SELECT '${DEPARTEMENT_SCHEME_ID}', code, name FROM dataset_info`,
  `CREATE OR REPLACE VIEW all_memberships AS
     SELECT scheme_id, commune_code, territory_code FROM memberships
     UNION ALL SELECT 'commune', code, code FROM communes
     UNION ALL SELECT '${DEPARTEMENT_SCHEME_ID}', c.code, i.code FROM communes c, dataset_info i`,
  `CREATE OR REPLACE VIEW site_axes AS
     SELECT id AS site_id, unnest(string_split(axes, '|')) AS axis FROM sites WHERE axes <> ''`,
];

/**
 * The need of every commune that has a row: one value per commune and indicator (a commune whose
 * rows include a masked one is masked as a whole: its sum would be a part passed for the whole).
 */
export const CREATE_COMMUNE_NEEDS_VIEW = `CREATE OR REPLACE VIEW commune_needs AS
  SELECT commune_code, indicator,
         CASE WHEN bool_or(value IS NULL) THEN NULL ELSE sum(value) END AS value,
         max(year) AS year
  FROM needs GROUP BY 1, 2`;

export const CREATE_NEEDS_VIEW = `CREATE OR REPLACE VIEW territory_needs AS
  SELECT m.scheme_id, m.territory_code, n.indicator,
         sum(n.value) AS value,
         count(n.value)::INTEGER AS communes_known,
         count(*) FILTER (WHERE n.value IS NULL)::INTEGER AS communes_secret,
         coalesce(sum(c.population) FILTER (WHERE n.value IS NOT NULL), 0)::DOUBLE
           AS population_known,
         false AS suppressed
  FROM all_memberships m
  JOIN commune_needs n ON n.commune_code = m.commune_code
  JOIN communes c ON c.code = m.commune_code
  GROUP BY ALL`;

export const CREATE_PUBLISHED_NEEDS_VIEW = `CREATE OR REPLACE VIEW territory_needs AS
  SELECT scheme_id, territory_code, indicator, value, communes_known, communes_secret,
         population_known, suppressed = 1 AS suppressed
  FROM published_needs`;
