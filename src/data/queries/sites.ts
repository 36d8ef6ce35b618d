import type { Site, Source } from '../../domain/model.ts';
import type { Db } from '../db.ts';
import { rowToSite } from '../tables.ts';

export async function listSites(db: Db): Promise<Site[]> {
  return (await db.query('SELECT * FROM sites ORDER BY id')).map(rowToSite);
}

export async function listSources(db: Db): Promise<Source[]> {
  return db.query<Source>(
    'SELECT id, producer, title, licence, millesime, url, note FROM sources ORDER BY id',
  );
}
