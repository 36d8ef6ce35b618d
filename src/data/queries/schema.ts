/**
 * Views over the dataset tables. The commune scheme is implicit in the data (every commune is its
 * own territory); these views make it explicit so every query treats all schemes alike.
 */
export const CREATE_VIEWS = [
  `CREATE OR REPLACE VIEW all_territories AS
     SELECT scheme_id, code, name FROM territories
     UNION ALL SELECT 'commune', code, name FROM communes`,
  `CREATE OR REPLACE VIEW all_memberships AS
     SELECT scheme_id, commune_code, territory_code FROM memberships
     UNION ALL SELECT 'commune', code, code FROM communes`,
  `CREATE OR REPLACE VIEW site_axes AS
     SELECT id AS site_id, unnest(string_split(axes, '|')) AS axis FROM sites WHERE axes <> ''`,
];
