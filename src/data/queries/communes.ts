import type { Commune } from '../../domain/model.ts';
import type { Db } from '../db.ts';
import { rowToCommune } from '../tables.ts';

export async function listCommunes(db: Db): Promise<Commune[]> {
  return (await db.query('SELECT * FROM communes ORDER BY code')).map(rowToCommune);
}
