/**
 * What the coverage and mobility views read besides communes, sites and needs: the survey shares
 * of the `barriers` table. Parameters are bound, never spliced.
 */
import type { BarrierShare } from '../../domain/model.ts';
import type { Db } from '../db.ts';

interface BarrierRow {
  scheme_id: string;
  territory_code: string;
  question: string;
  answer: string;
  share: number;
  year: number;
  source_id: string;
}

/** The survey shares of one question (every territory of every scheme that has them). */
export async function listBarriers(db: Db, question: string): Promise<BarrierShare[]> {
  const rows = await db.query<BarrierRow>(
    `SELECT scheme_id, territory_code, question, answer, share, year, source_id
     FROM barriers WHERE question = ? ORDER BY 1, 2, 4`,
    [question],
  );
  return rows.map((r) => ({
    schemeId: r.scheme_id,
    territoryCode: r.territory_code,
    question: r.question,
    answer: r.answer,
    share: r.share,
    year: r.year,
    sourceId: r.source_id,
  }));
}
