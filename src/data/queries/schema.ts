/**
 * Views over the dataset tables, so that every query treats all schemes alike:
 * - the commune scheme (every commune is its own territory) and the département scheme (one
 *   territory holding every commune) are implicit in the data and made explicit here;
 * - `territory_needs` gives each need indicator by territory of every scheme. In a published
 *   (public) dataset it reads the published table, where statistical secrecy has left nulls, and
 *   the commune-level values are not in the files at all.
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

export const CREATE_NEEDS_VIEW = `CREATE OR REPLACE VIEW territory_needs AS
  SELECT m.scheme_id, m.territory_code, n.indicator, sum(n.value) AS value
  FROM all_memberships m JOIN needs n ON n.commune_code = m.commune_code
  GROUP BY ALL`;

export const CREATE_PUBLISHED_NEEDS_VIEW = `CREATE OR REPLACE VIEW territory_needs AS
  SELECT scheme_id, territory_code, indicator, value FROM published_needs`;
