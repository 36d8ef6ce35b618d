/**
 * The first figures in plain JavaScript over the decoded Arrow tables, as a page without DuckDB
 * computes them (the floor of issue 14: what a peer bundling its data as JSON does): for every
 * territory of a scheme and for the département, the population, the need's known sum, the
 * accueil sites and the known places of the offer; and the classes of the need rate.
 */
import { classifyRobust, type Classes } from '../../src/domain/classify.ts';
import { ACCUEIL_KINDS, OFFER_KINDS } from '../../src/domain/model.ts';
import type { TableRow } from '../../src/data/tables.ts';

export interface PlainAggregate {
  code: string;
  population: number;
  /** Sum of the need over the communes with a value; null when none has one. */
  needKnown: number | null;
  accueilSites: number;
  offerPlacesKnown: number;
}

export interface PlainFigures {
  aggregates: PlainAggregate[];
  total: PlainAggregate;
  /** Classes of the need per 100 inhabitants over the territories. */
  classes: Classes | null;
}

export interface PlainTables {
  communes: TableRow[];
  memberships: TableRow[];
  needs: TableRow[];
  sites: TableRow[];
}

const empty = (code: string): PlainAggregate => ({
  code,
  population: 0,
  needKnown: null,
  accueilSites: 0,
  offerPlacesKnown: 0,
});

export function plainFirstFigures(
  t: PlainTables,
  schemeId: string,
  needId: string,
  classCount: number,
): PlainFigures {
  const territoryOf = new Map<string, string>();
  const byCode = new Map<string, PlainAggregate>();
  for (const m of t.memberships) {
    if (m.scheme_id !== schemeId) continue;
    const code = String(m.territory_code);
    territoryOf.set(String(m.commune_code), code);
    if (!byCode.has(code)) byCode.set(code, empty(code));
  }
  const total = empty('');
  const targets = (commune: unknown) => {
    const a = byCode.get(territoryOf.get(String(commune)) ?? '');
    return a ? [a, total] : [total];
  };
  for (const c of t.communes) {
    for (const a of targets(c.code)) a.population += Number(c.population);
  }
  for (const n of t.needs) {
    if (n.indicator !== needId || n.value === null) continue;
    for (const a of targets(n.commune_code)) a.needKnown = (a.needKnown ?? 0) + Number(n.value);
  }
  const accueil = new Set<string>(ACCUEIL_KINDS);
  const offer = new Set<string>(OFFER_KINDS);
  for (const s of t.sites) {
    const kind = String(s.kind);
    // Sites of neighbouring départements have no commune of the dataset: not counted.
    if (!territoryOf.has(String(s.commune_code))) continue;
    for (const a of targets(s.commune_code)) {
      if (accueil.has(kind)) a.accueilSites++;
      if (offer.has(kind) && s.capacity !== null) a.offerPlacesKnown += Number(s.capacity);
    }
  }
  const aggregates = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const rates = aggregates.map((a) =>
    a.needKnown !== null && a.population > 0 ? (100 * a.needKnown) / a.population : null,
  );
  return { aggregates, total, classes: classifyRobust(rates, classCount) };
}
