import type { Site, Source } from '../../domain/model.ts';
import type { Db } from '../db.ts';
import { rowToSite } from '../tables.ts';

/**
 * Sites per answer of `listSites`: turning one page into objects takes a few milliseconds, and
 * the page gets its turn between two answers, so 300 000 imported sites never hold it for long.
 */
export const SITES_PER_PAGE = 2000;

/**
 * Every site, by id (then by insertion order for equal ids), but those of `exceptSources`. The sites are numbered in that
 * order once, then read page by page by number: each page costs the engine a range read, not a
 * sort of every site again.
 */
let lists = 0;

export async function listSites(db: Db, exceptSources: readonly string[] = []): Promise<Site[]> {
  // A table of its own: two lists under way (a dataset loading, an import applied) never share it.
  const pages = `site_pages_${++lists}`;
  // Source ids are the dataset's and `import-…`: none holds a comma.
  await db.query(
    `CREATE OR REPLACE TEMP TABLE ${pages} AS
     SELECT *, row_number() OVER (ORDER BY id, rowid) AS page_row FROM sites
     WHERE ? = '' OR NOT list_contains(string_split(?, ','), source_id) ORDER BY page_row`,
    [exceptSources.join(','), exceptSources.join(',')],
  );
  try {
    const out: Site[] = [];
    for (let from = 0; ; from += SITES_PER_PAGE) {
      const page = await db.query(
        `SELECT * EXCLUDE (page_row) FROM ${pages} WHERE page_row > ? AND page_row <= ? ORDER BY page_row`,
        [from, from + SITES_PER_PAGE],
      );
      for (const r of page) out.push(rowToSite(r));
      if (page.length < SITES_PER_PAGE) return out;
    }
  } finally {
    await db.query(`DROP TABLE IF EXISTS ${pages}`);
  }
}

export async function listSources(db: Db): Promise<Source[]> {
  return db.query<Source>(
    'SELECT id, producer, title, licence, millesime, url, note FROM sources ORDER BY id',
  );
}
