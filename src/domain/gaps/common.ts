/**
 * What the coverage and mobility tables share: the people of the communes (the reach data), the
 * territories of a scheme, the sites as allocation input, the lines of the table (one per
 * territory and the département line) and the figures of the allocation they sum.
 */
import { roundAsShown } from '../rounding.ts';
import { isBorderSite, type Site } from '../model.ts';
import type { ReachData } from '../reach/setup.ts';
import type { ReachPeople, TerritoryIndex } from '../reach/summary.ts';
import {
  STATE_CODES,
  countPart,
  knownFigure,
  missingFigure,
  partsCount,
  sumFigure,
  type Figure,
  type Parts,
} from '../value-state.ts';
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

/**
 * What a line sums of the allocation; null where the beneficiaries by commune are unknown. The
 * sums are over the communes whose need is known: `needParts` counts them and the others (no
 * value, or a masked one), which add nothing, never 0 passed for a value.
 */
export interface AllocatedLine {
  communes: number;
  population: number;
  needParts: Parts;
  /** Population of the communes whose need is known. */
  needPopulation: number;
  served: number | null;
  servedByUnknown: number | null;
  overCapacity: number | null;
  outOfReach: number | null;
}

const add = (a: number | null, b: number) => (a === null ? null : a + b);

/**
 * A line none of whose communes has a known need sums nothing: its figures are null (the state
 * of its communes says why), never the 0 of an empty sum. Returns whether it was so.
 */
export function clearWithoutKnownNeed(r: AllocatedLine & { need: number | null }): boolean {
  if (r.needParts.known > 0 || partsCount(r.needParts) === 0) return false;
  r.need = null;
  r.served = null;
  r.servedByUnknown = null;
  r.overCapacity = null;
  r.outOfReach = null;
  return true;
}

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
  const people = input.data.people;
  r.communes++;
  r.population += people.population[c] as number;
  if (people.need) {
    const state = needStateAt(people, c);
    countPart(r.needParts, state);
    if (state === STATE_CODES.known) r.needPopulation += people.population[c] as number;
  }
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
    // Neighbours' sites count for travel times only, not as the département's offer.
    if (!keep(s) || isBorderSite(s)) continue;
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

/**
 * The beneficiaries of a line as a figure: known, partial over the communes whose need is known,
 * withheld below MIN_COVERAGE of the population, or secret where only published figures exist.
 */
export function lineNeedFigure(r: AllocatedLine & { need: number | null }): Figure {
  if (partsCount(r.needParts) === 0) {
    return r.need === null ? missingFigure('secret') : knownFigure(r.need);
  }
  const coverage = r.population > 0 ? r.needPopulation / r.population : 1;
  return sumFigure(r.need ?? 0, r.needParts, coverage, 'commune');
}

/** State code of the need of commune c (`STATE_CODES`); known when the data has no states. */
export const needStateAt = (people: ReachPeople, c: number): number =>
  people.needState ? (people.needState[c] as number) : STATE_CODES.known;

/**
 * The need of each commune as demand for places: its value when known, 0 otherwise (a commune
 * without a value asks for nothing it could be given; it is counted apart in `needParts`).
 */
export function knownNeed(people: ReachPeople): Float64Array | null {
  const need = people.need;
  if (!need) return null;
  return Float64Array.from(need, (v, c) =>
    needStateAt(people, c) === STATE_CODES.known ? Math.max(0, v) : 0,
  );
}

/**
 * Beneficiaries of each territory (in index order) and of the département: over the communes
 * whose need is known when it is known by commune (the lines' `needParts` say how many).
 */
export function needsOf(input: TableInput): {
  byTerritory: (number | null)[];
  total: number | null;
} {
  const { territories } = input;
  const need = knownNeed(input.data.people);
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

/**
 * Ranks (1 = the largest value) of the rows with a value, in standard competition ranking: rows
 * whose values are equal at the precision shown (`decimals`) share a rank ("1, 2, 2, 4"); the next
 * rank skips as many as shared the previous one. Rows without a value have no rank.
 */
export function rankBy<R>(
  rows: readonly R[],
  value: (r: R) => number | null,
  decimals: number,
): (number | null)[] {
  // As the table writes them (Intl rounding), so that two values that read the same tie.
  const shown = (v: number) => roundAsShown(v, decimals);
  const values = rows.map((r) => {
    const v = value(r);
    return v === null || !Number.isFinite(v) ? null : shown(v);
  });
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  return values.map((v) => (v === null ? null : sorted.findIndex((x) => x === v) + 1));
}

export const ratio = (num: number | null, den: number | null, scale = 1): number | null =>
  num !== null && den !== null && den > 0 ? (scale * num) / den : null;
