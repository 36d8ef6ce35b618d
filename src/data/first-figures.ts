/**
 * The figures of the first view, by scheme: the aggregates of every territory, the département
 * total and the territory of every commune. The page runs `querySchemeFigures` on DuckDB-WASM for
 * every view it shows; the build runs the same function in Node and writes what it answers for
 * each scheme of the dataset (with the default need) as a small JSON artefact, so that the page
 * shows its first figures before DuckDB-WASM has started. One function for both is what keeps
 * the snapshot and the live figures equal.
 */
import type { TerritoryAggregate } from '../domain/indicators.ts';
import { ACCUEIL_KINDS, type DatasetMeta } from '../domain/model.ts';
import type { Db } from './db.ts';
import { DEPARTEMENT_SCHEME_ID } from './queries/schema.ts';
import { communeTerritories, territoryAggregates } from './queries/territories.ts';

export interface SchemeFiguresAnswer {
  aggregates: TerritoryAggregate[];
  /** Territory code of every commune, by commune code. */
  territoryOf: Map<string, string>;
  /** The département as a whole; null only when the tables have no commune. */
  total: TerritoryAggregate | null;
}

/** The figures of one scheme for one need indicator, as the explore view shows them. */
export async function querySchemeFigures(
  db: Db,
  schemeId: string,
  needId: string,
): Promise<SchemeFiguresAnswer> {
  const [aggregates, territoryOf, [total]] = await Promise.all([
    territoryAggregates(db, { schemeId, needId, accueilKinds: ACCUEIL_KINDS }),
    communeTerritories(db, schemeId),
    // The département from its own published figure: summing territories would be wrong where
    // secrecy hides some of them.
    territoryAggregates(db, {
      schemeId: DEPARTEMENT_SCHEME_ID,
      needId,
      accueilKinds: ACCUEIL_KINDS,
    }),
  ]);
  return { aggregates, territoryOf, total: total ?? null };
}

/** Plain data (numbers, strings, nulls, arrays, objects) equal in every field. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Two answers that give the same figures (and so the same map), whichever way computed. */
export function sameSchemeFigures(a: SchemeFiguresAnswer, b: SchemeFiguresAnswer): boolean {
  if (a === b) return true;
  if (a.territoryOf.size !== b.territoryOf.size) return false;
  for (const [commune, territory] of a.territoryOf) {
    if (b.territoryOf.get(commune) !== territory) return false;
  }
  return sameValue(a.aggregates, b.aggregates) && sameValue(a.total, b.total);
}

/** File name of the snapshot in the dataset's folder (`DatasetMeta.firstFigures`). */
export const FIRST_FIGURES_FILE = 'first-figures.json';

/** Format of the file: bumped when its shape changes, so that a page never reads an old one. */
export const FIRST_FIGURES_FORMAT = 1;

/** The figures of one scheme in the snapshot; the map becomes an array of pairs in JSON. */
export interface FirstFiguresView {
  schemeId: string;
  needId: string;
  aggregates: TerritoryAggregate[];
  territoryOf: [string, string][];
  total: TerritoryAggregate | null;
}

export interface FirstFigures {
  format: typeof FIRST_FIGURES_FORMAT;
  views: FirstFiguresView[];
}

/**
 * The snapshot of a dataset whose tables are loaded in `db`: every scheme of the dataset with
 * its default need. The commune scheme is left out: it is as large as the tables themselves, and
 * the page opens on a scheme of the dataset.
 */
export async function computeFirstFigures(db: Db, meta: DatasetMeta): Promise<FirstFigures> {
  const views: FirstFiguresView[] = [];
  for (const scheme of meta.schemes) {
    const a = await querySchemeFigures(db, scheme.id, meta.defaultNeed);
    views.push({
      schemeId: scheme.id,
      needId: meta.defaultNeed,
      aggregates: a.aggregates,
      territoryOf: [...a.territoryOf],
      total: a.total,
    });
  }
  return { format: FIRST_FIGURES_FORMAT, views };
}

/** The snapshot's answer for one scheme and need, or null when it does not hold it. */
export function snapshotAnswer(
  snapshot: FirstFigures,
  schemeId: string,
  needId: string,
): SchemeFiguresAnswer | null {
  const v = snapshot.views.find((x) => x.schemeId === schemeId && x.needId === needId);
  if (!v) return null;
  return { aggregates: v.aggregates, territoryOf: new Map(v.territoryOf), total: v.total };
}

/**
 * Reads the snapshot file. Anything that is not a snapshot of this format gives null: the page
 * then simply waits for DuckDB, as it would without one.
 */
export function parseFirstFigures(value: unknown): FirstFigures | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<FirstFigures>;
  if (v.format !== FIRST_FIGURES_FORMAT || !Array.isArray(v.views)) return null;
  const ok = v.views.every(
    (x) =>
      typeof x === 'object' &&
      x !== null &&
      typeof x.schemeId === 'string' &&
      typeof x.needId === 'string' &&
      Array.isArray(x.aggregates) &&
      Array.isArray(x.territoryOf),
  );
  return ok ? (v as FirstFigures) : null;
}
