/**
 * Latency of the app's own queries in DuckDB-WASM, in the browser: the page opens the engine and
 * loads a dataset exactly as the app does (`openBrowserDb`, `loadDatasetTables`), then exposes
 * `window.benchQueries(reps)`, which times each query function of `src/data/queries/` next to a
 * trivial `SELECT 1` (the cost of a round trip to the engine's worker).
 *
 * URL parameter: `d` dataset id (default: the first listed).
 */
import { artefactReader, fetchManifest, fetchMeta } from '../../src/data/artefacts.ts';
import type { Db } from '../../src/data/db.ts';
import { openBrowserDb } from '../../src/data/duckdb-browser.ts';
import { loadDatasetTables } from '../../src/data/load-dataset.ts';
import { listCommunes } from '../../src/data/queries/communes.ts';
import { listSites, listSources } from '../../src/data/queries/sites.ts';
import {
  communeTerritories,
  territoryAggregates,
  territoryCommunes,
  territoryOfferByAxis,
  territoryOfferByKind,
} from '../../src/data/queries/territories.ts';
import { ACCUEIL_KINDS, COMMUNE_SCHEME_ID, type DatasetMeta } from '../../src/domain/model.ts';

export interface QueryTiming {
  name: string;
  /** Milliseconds of each repetition, in order. */
  times: number[];
}

declare global {
  interface Window {
    /** Resolves once the tables are loaded; rejects if loading failed. */
    benchReady: Promise<void>;
    benchQueries: (reps: number) => Promise<QueryTiming[]>;
  }
}

type NamedQuery = [name: string, run: () => Promise<unknown>];

/** The queries the app runs, with the parameters of its default view. */
async function queriesOf(db: Db, meta: DatasetMeta): Promise<NamedQuery[]> {
  const needId = meta.defaultNeed;
  const schemeId = meta.schemes.some((s) => s.id === 'pti')
    ? 'pti'
    : (meta.schemes[0]?.id ?? COMMUNE_SCHEME_ID);
  const aggregates = (id: string) => () =>
    territoryAggregates(db, { schemeId: id, needId, accueilKinds: ACCUEIL_KINDS });
  // The territory sheet's queries on the most populated territory: the largest answer.
  const biggest = (await aggregates(schemeId)()).reduce((a, b) =>
    b.population > a.population ? b : a,
  );
  return [
    ['SELECT 1', () => db.query('SELECT 1')],
    ...[COMMUNE_SCHEME_ID, ...meta.schemes.map((s) => s.id)].map((id): NamedQuery => [
      `territoryAggregates(${id})`,
      aggregates(id),
    ]),
    [`communeTerritories(${schemeId})`, () => communeTerritories(db, schemeId)],
    [`territoryOfferByAxis(${schemeId})`, () => territoryOfferByAxis(db, schemeId, biggest.code)],
    [`territoryOfferByKind(${schemeId})`, () => territoryOfferByKind(db, schemeId, biggest.code)],
    [`territoryCommunes(${schemeId})`, () => territoryCommunes(db, schemeId, biggest.code, needId)],
    ['listCommunes', () => listCommunes(db)],
    ['listSites', () => listSites(db)],
    ['listSources', () => listSources(db)],
  ];
}

async function start(): Promise<NamedQuery[]> {
  const id = new URLSearchParams(location.search).get('d');
  const entries = await fetchManifest();
  const entry = entries.find((e) => e.id === id) ?? entries[0];
  if (!entry) throw new Error('no dataset listed in data/datasets.json');
  const meta = await fetchMeta(entry);
  const db = await openBrowserDb();
  await loadDatasetTables(db, meta, artefactReader(entry));
  return queriesOf(db, meta);
}

const queries = start();
const status = document.getElementById('status') as HTMLElement;
window.benchReady = queries.then(
  () => {
    status.textContent = 'Prêt.';
  },
  (e: unknown) => {
    status.textContent = `Erreur : ${String(e)}`;
    status.dataset.benchError = '';
    throw e;
  },
);

/**
 * Each query once to warm up (first plans, first allocations), then `reps` rounds of all the
 * queries in turn, so a slow moment of the machine spreads over every query alike.
 */
window.benchQueries = async (reps: number) => {
  const list = await queries;
  for (const [, run] of list) await run();
  const timings: QueryTiming[] = list.map(([name]) => ({ name, times: [] }));
  for (let r = 0; r < reps; r++) {
    for (const [i, [, run]] of list.entries()) {
      const t0 = performance.now();
      await run();
      (timings[i] as QueryTiming).times.push(performance.now() - t0);
    }
  }
  return timings;
};
