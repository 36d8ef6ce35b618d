/**
 * The build's snapshot of the first figures (first-figures.ts) with the sites of the imports kept
 * in this browser added, counted from their stored Arrow chunks before DuckDB has started: a
 * reload then shows figures that count the imports within seconds, while the engine takes them
 * in behind. The sites are counted as the aggregation counts them (AGGREGATES_SQL in
 * queries/territories.ts): by the territory of their commune, accueil and offer kinds apart,
 * places summed over the offer sites whose capacity is known; the département's total counts
 * every site in one of its communes. A test holds both equal on the demo.
 */
import { tableFromIPC } from 'apache-arrow';
import type { TerritoryAggregate } from '../domain/indicators.ts';
import { ACCUEIL_KINDS, OFFER_KINDS, type Site } from '../domain/model.ts';
import type { FirstFigures, FirstFiguresView } from './first-figures.ts';
import { stringColumn } from './tables.ts';

/** What the sites of one commune add to its territory's figures. */
export interface SiteTally {
  accueil: number;
  offer: number;
  placesKnown: number;
  unknownCapacity: number;
}

/** Tallies by commune code. */
export type CommuneTallies = Map<string, SiteTally>;

const accueil = new Set<string>(ACCUEIL_KINDS);
const offer = new Set<string>(OFFER_KINDS);

function tallyOne(
  into: CommuneTallies,
  kind: string | null,
  capacity: number | null,
  code: string | null,
): void {
  if (code === null || kind === null) return;
  const isAccueil = accueil.has(kind);
  const isOffer = offer.has(kind);
  if (!isAccueil && !isOffer) return;
  let t = into.get(code);
  if (!t) into.set(code, (t = { accueil: 0, offer: 0, placesKnown: 0, unknownCapacity: 0 }));
  if (isAccueil) t.accueil++;
  if (isOffer) {
    t.offer++;
    if (capacity === null) t.unknownCapacity++;
    else t.placesKnown += capacity;
  }
}

/** Adds the sites of one Arrow chunk of the `sites` table to the tallies, column by column. */
export function tallySiteChunk(into: CommuneTallies, ipc: Uint8Array): void {
  const table = tableFromIPC(ipc);
  const kinds = stringColumn(table, 'kind');
  const communes = stringColumn(table, 'commune_code');
  const capacities = table.getChild('capacity');
  if (!kinds || !communes || !capacities) return;
  const values = capacities.toArray() as Float64Array;
  const hasNull = capacities.nullCount > 0;
  for (let i = 0; i < kinds.length; i++)
    tallyOne(
      into,
      kinds[i] ?? null,
      hasNull && !capacities.isValid(i) ? null : (values[i] as number),
      communes[i] ?? null,
    );
}

/** Adds sites given as records (an import stored before its sites were kept as Arrow chunks). */
export function tallySites(into: CommuneTallies, sites: readonly Site[]): void {
  for (const s of sites) tallyOne(into, s.kind, s.capacity, s.communeCode);
}

/** Adds tallies made earlier (those the import worker stores with an import). */
export function addTallies(into: CommuneTallies, tallies: Iterable<[string, SiteTally]>): void {
  for (const [code, t] of tallies) {
    const u = into.get(code);
    if (!u) into.set(code, { ...t });
    else {
      u.accueil += t.accueil;
      u.offer += t.offer;
      u.placesKnown += t.placesKnown;
      u.unknownCapacity += t.unknownCapacity;
    }
  }
}

function add(a: TerritoryAggregate, t: SiteTally): TerritoryAggregate {
  const offerPlacesKnown = a.offerPlacesKnown + t.placesKnown;
  const offerUnknownCapacity = a.offerUnknownCapacity + t.unknownCapacity;
  return {
    ...a,
    accueilSites: a.accueilSites + t.accueil,
    offerSites: a.offerSites + t.offer,
    offerPlaces: offerUnknownCapacity === 0 ? offerPlacesKnown : null,
    offerPlacesKnown,
    offerUnknownCapacity,
  };
}

/**
 * The snapshot with the tallied sites added. `communes` are the dataset's communes: a site of
 * another commune counts in no territory, as in the engine.
 */
export function withImportedSites(
  snapshot: FirstFigures,
  tallies: CommuneTallies,
  communes: ReadonlySet<string>,
): FirstFigures {
  const views = snapshot.views.map((v): FirstFiguresView => {
    const territoryOf = new Map(v.territoryOf);
    const byCode = new Map(v.aggregates.map((a) => [a.code, a]));
    let total = v.total;
    for (const [code, t] of tallies) {
      if (!communes.has(code)) continue;
      if (total) total = add(total, t);
      const territory = territoryOf.get(code);
      const a = territory === undefined ? undefined : byCode.get(territory);
      if (a) byCode.set(a.code, add(a, t));
    }
    return { ...v, aggregates: v.aggregates.map((a) => byCode.get(a.code) ?? a), total };
  });
  return { ...snapshot, views };
}
