/**
 * What the coverage and mobility tables share: the people of the communes (the reach data), the
 * territories of a scheme, the sites as allocation input, the lines of the table (one per
 * territory and the département line) and the figures of the allocation they sum.
 */
import type { Site } from '../model.ts';
import type { ReachData } from '../reach/setup.ts';
import type { TerritoryIndex } from '../reach/summary.ts';
import type { TravelModel } from '../travel/model.ts';
import type { Allocation, AllocationSite } from './allocation.ts';

export interface TableInput {
  /** Communes as the travel network sees them, with population and beneficiaries by commune. */
  data: ReachData;
  /** The travel model of the chosen mode. */
  model: TravelModel;
  /** Every site (the filter by axis or kind is the table's); under a scenario when there is one. */
  sites: readonly Site[];
  /** Territories of the scheme shown. */
  territories: TerritoryIndex;
  /**
   * Beneficiaries by territory as published, for a dataset without them by commune (statistical
   * secrecy): null where secrecy hides them. Ignored when the data has them by commune.
   */
  publishedNeed?: { byTerritory: ReadonlyMap<string, number | null>; total: number | null };
  /** Code and name of the département line. */
  departement?: { code: string; name: string };
}

export const DEPARTEMENT_LINE = { code: 'departement', name: 'Ensemble du département' };

/** An empty line per territory of the scheme, in index order, and the département line. */
export function emptyLines<R>(
  input: TableInput,
  emptyRow: (code: string, name: string) => R,
): { rows: R[]; total: R } {
  const { territories } = input;
  const dep = input.departement ?? DEPARTEMENT_LINE;
  return {
    rows: territories.codes.map((code, k) => emptyRow(code, territories.names[k] as string)),
    total: emptyRow(dep.code, dep.name),
  };
}

/** The lines a commune counts in: the département line, and its territory's when it has one. */
export function linesOf<R>(input: TableInput, c: number, lines: { rows: R[]; total: R }): R[] {
  const k = input.territories.of[c] as number;
  return k >= 0 ? [lines.total, lines.rows[k] as R] : [lines.total];
}

/** What a line sums of the allocation; null where the beneficiaries by commune are unknown. */
export interface AllocatedLine {
  communes: number;
  population: number;
  served: number | null;
  servedByUnknown: number | null;
  overCapacity: number | null;
  outOfReach: number | null;
}

const add = (a: number | null, b: number) => (a === null ? null : a + b);

/** Adds commune c, with demand d, to a line: its people and what the allocation did for it. */
export function addCommune(
  r: AllocatedLine,
  input: TableInput,
  alloc: Allocation,
  c: number,
  d: number,
): void {
  const inReach = alloc.inReach[c] === 1;
  const served = alloc.served[c] as number;
  r.communes++;
  r.population += input.data.people.population[c] as number;
  r.served = add(r.served, served);
  r.servedByUnknown = add(r.servedByUnknown, alloc.servedByUnknown[c] as number);
  r.overCapacity = add(r.overCapacity, inReach ? Math.max(0, d - served) : 0);
  r.outOfReach = add(r.outOfReach, inReach ? 0 : d);
}

/** The sites of the list that are in the network, as allocation input, and those that are not. */
export function placeSites(
  input: TableInput,
  keep: (s: Site) => boolean,
  capacityOf: (s: Site) => number | null = (s) => s.capacity,
): { kept: Site[]; allocation: AllocationSite[]; unplaced: string[] } {
  const kept: Site[] = [];
  const allocation: AllocationSite[] = [];
  const unplaced: string[] = [];
  for (const s of input.sites) {
    if (!keep(s)) continue;
    const c = input.data.network.indexOf.get(s.communeCode);
    if (c === undefined) {
      unplaced.push(s.id);
      continue;
    }
    kept.push(s);
    allocation.push({ communeIndex: c, lon: s.lon, lat: s.lat, capacity: capacityOf(s) });
  }
  return { kept, allocation, unplaced };
}

/** Beneficiaries of each territory (in index order) and of the département. */
export function needsOf(input: TableInput): {
  byTerritory: (number | null)[];
  total: number | null;
} {
  const { territories } = input;
  const need = input.data.people.need;
  if (need) {
    const byTerritory = territories.codes.map(() => 0);
    let total = 0;
    need.forEach((v, c) => {
      total += v;
      const k = territories.of[c] as number;
      if (k >= 0) byTerritory[k] = (byTerritory[k] as number) + v;
    });
    return { byTerritory, total };
  }
  const pub = input.publishedNeed;
  return {
    byTerritory: territories.codes.map((code) => pub?.byTerritory.get(code) ?? null),
    total: pub?.total ?? null,
  };
}

/** Ranks (1 = the largest value) of the rows with a value; ties broken by `tie`, then name. */
export function rankBy<R extends { name: string }>(
  rows: readonly R[],
  value: (r: R) => number | null,
  tie: (r: R) => number,
): (number | null)[] {
  const order = rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .filter((x): x is { r: R; i: number; v: number } => x.v !== null)
    .sort((a, b) => b.v - a.v || tie(b.r) - tie(a.r) || a.r.name.localeCompare(b.r.name, 'fr'));
  const ranks: (number | null)[] = rows.map(() => null);
  order.forEach((x, k) => (ranks[x.i] = k + 1));
  return ranks;
}

export const ratio = (num: number | null, den: number | null, scale = 1): number | null =>
  num !== null && den !== null && den > 0 ? (scale * num) / den : null;
