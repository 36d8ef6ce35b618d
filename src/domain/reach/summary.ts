/**
 * The figures of reach: who is more than N minutes from the nearest site, by territory of any
 * scheme, the communes concerned, the time bands of the map, and the difference from a baseline.
 * A commune is "within N minutes" when its time is at most N, "beyond" when it is more (or beyond
 * the engine's horizon).
 */
import {
  NO_PARTS,
  STATE_CODES,
  countPart,
  knownFigure,
  missingFigure,
  sumFigure,
  type Figure,
  type Parts,
} from '../value-state.ts';

/**
 * The bands of the map; the last one is open. Each holds its upper limit ("plus de 20 à 30 min"),
 * the rule of every figure: within N minutes is N or less, beyond is more.
 */
export const REACH_BANDS = [
  { id: '0-10', upToMinutes: 10, label: '10 min ou moins' },
  { id: '10-20', upToMinutes: 20, label: 'plus de 10 à 20 min' },
  { id: '20-30', upToMinutes: 30, label: 'plus de 20 à 30 min' },
  { id: '30-45', upToMinutes: 45, label: 'plus de 30 à 45 min' },
  { id: '45+', upToMinutes: Infinity, label: 'plus de 45 min' },
] as const;

export function bandIndex(minutes: number): number {
  for (let b = 0; b < REACH_BANDS.length - 1; b++) {
    if (minutes <= REACH_BANDS[b]!.upToMinutes) return b;
  }
  return REACH_BANDS.length - 1;
}

/** Who lives in each commune, in the order of the travel network. */
export interface ReachPeople {
  population: Float64Array;
  /** The need indicator (beneficiaries), or null when there is no value by commune. */
  need: Float64Array | null;
  /**
   * State of each commune's need value (`STATE_CODES` of value-state.ts): a commune without a
   * known value has 0 in `need` and is counted apart in `needParts`. Absent: all known.
   */
  needState?: Uint8Array | null;
}

/** A territory scheme over the communes of the network. */
export interface TerritoryIndex {
  codes: readonly string[];
  names: readonly string[];
  /** Territory of each commune (index into codes), -1 when it has none. */
  of: Int32Array;
}

export function territoryIndex(
  communeCodes: readonly string[],
  territoryOf: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): TerritoryIndex {
  const codes = [...new Set(territoryOf.values())].sort((a, b) => a.localeCompare(b, 'fr'));
  const position = new Map(codes.map((c, i) => [c, i]));
  return {
    codes,
    names: codes.map((c) => names.get(c) ?? c),
    of: Int32Array.from(communeCodes, (c) => {
      const t = territoryOf.get(c);
      return t === undefined ? -1 : (position.get(t) as number);
    }),
  };
}

export interface ReachFigures {
  communes: number;
  population: number;
  /**
   * Null when the need is unknown by commune; otherwise the sum over the communes with a known
   * value, `needParts` saying how many those are (the figures are then "sur N communes").
   */
  need: number | null;
  /** Communes by state of their need value (all zero when the need is unknown by commune). */
  needParts: Parts;
  /** Population of the communes with a known need value. */
  needPopulation: number;
  communesBeyond: number;
  populationBeyond: number;
  /** Sum over the communes beyond whose need is known (`needBeyondParts`); null as `need`. */
  needBeyond: number | null;
  /** The communes beyond N minutes by state of their need value. */
  needBeyondParts: Parts;
  /** Population of the communes beyond whose need is known. */
  needBeyondPopulation: number;
}

export interface TerritoryReach extends ReachFigures {
  code: string;
  name: string;
}

export interface BandFigures {
  communes: number;
  population: number;
  need: number | null;
}

export interface ReachSummary {
  maxMinutes: number;
  total: ReachFigures;
  territories: TerritoryReach[];
  bands: BandFigures[];
}

const emptyFigures = (hasNeed: boolean): ReachFigures => ({
  communes: 0,
  population: 0,
  need: hasNeed ? 0 : null,
  needParts: { ...NO_PARTS },
  needPopulation: 0,
  communesBeyond: 0,
  populationBeyond: 0,
  needBeyond: hasNeed ? 0 : null,
  needBeyondParts: { ...NO_PARTS },
  needBeyondPopulation: 0,
});

function add(
  f: ReachFigures,
  population: number,
  need: number,
  beyond: boolean,
  state: number,
): void {
  f.communes++;
  f.population += population;
  if (f.need !== null) {
    countPart(f.needParts, state);
    if (state === STATE_CODES.known) f.needPopulation += population;
    f.need += need;
  }
  if (beyond) {
    f.communesBeyond++;
    f.populationBeyond += population;
    if (f.needBeyond !== null) {
      f.needBeyond += need;
      countPart(f.needBeyondParts, state);
      if (state === STATE_CODES.known) f.needBeyondPopulation += population;
    }
  }
}

/**
 * The need beyond N minutes as a figure. No commune beyond: 0, whatever is known of the need (a
 * sum over no commune). Otherwise the sum over the communes beyond, `partial` when some of them
 * have no known value (secret, or none) and the others hold enough of their population, and in
 * the state of the missing values below that: a sum over part of them is never passed for the
 * whole. In a published dataset the values are the published ones (secret below the threshold),
 * so that this figure is a sum of published cells and reveals nothing they do not.
 */
export function needBeyondFigure(f: ReachFigures): Figure {
  if (f.communesBeyond === 0) return knownFigure(0);
  if (f.needBeyond === null) return missingFigure('missing');
  const coverage = f.populationBeyond > 0 ? f.needBeyondPopulation / f.populationBeyond : 1;
  return sumFigure(f.needBeyond, f.needBeyondParts, coverage, 'commune');
}

/** One pass over the communes; territories of the scheme in code order. */
export function summariseReach(
  minutes: Float64Array,
  people: ReachPeople,
  territories: TerritoryIndex,
  maxMinutes: number,
): ReachSummary {
  const hasNeed = people.need !== null;
  const total = emptyFigures(hasNeed);
  const byTerritory = territories.codes.map(() => emptyFigures(hasNeed));
  const bands: BandFigures[] = REACH_BANDS.map(() => ({
    communes: 0,
    population: 0,
    need: hasNeed ? 0 : null,
  }));
  for (let c = 0; c < minutes.length; c++) {
    const t = minutes[c] as number;
    const pop = people.population[c] as number;
    const state = people.needState ? (people.needState[c] as number) : STATE_CODES.known;
    // A commune without a known value adds nothing to the sums: it is counted in needParts.
    const need = people.need && state === STATE_CODES.known ? (people.need[c] as number) : 0;
    const beyond = t > maxMinutes;
    add(total, pop, need, beyond, state);
    const k = territories.of[c] as number;
    if (k >= 0) add(byTerritory[k] as ReachFigures, pop, need, beyond, state);
    const band = bands[bandIndex(t)] as BandFigures;
    band.communes++;
    band.population += pop;
    if (band.need !== null) band.need += need;
  }
  return {
    maxMinutes,
    total,
    territories: byTerritory.map((f, i) => ({
      code: territories.codes[i] as string,
      name: territories.names[i] as string,
      ...f,
    })),
    bands,
  };
}

export interface CommuneBeyond {
  index: number;
  code: string;
  name: string;
  /** Infinity beyond the engine's horizon. */
  minutes: number;
  population: number;
  /** Null when the commune has no known need value (missing or secret). */
  need: number | null;
}

/** The communes beyond N minutes, the most beneficiaries (then inhabitants) first. */
export function communesBeyond(
  minutes: Float64Array,
  people: ReachPeople,
  maxMinutes: number,
  codes: readonly string[],
  names: readonly string[],
): CommuneBeyond[] {
  const out: CommuneBeyond[] = [];
  for (let c = 0; c < minutes.length; c++) {
    const t = minutes[c] as number;
    if (!(t > maxMinutes)) continue;
    out.push({
      index: c,
      code: codes[c] as string,
      name: names[c] as string,
      minutes: t,
      population: people.population[c] as number,
      need:
        people.need && (people.needState?.[c] ?? STATE_CODES.known) === STATE_CODES.known
          ? (people.need[c] as number)
          : null,
    });
  }
  return out.sort(
    (a, b) =>
      (b.need ?? 0) - (a.need ?? 0) || b.population - a.population || a.code.localeCompare(b.code),
  );
}

/** Change from the baseline: positive numbers are people brought within N minutes. */
export interface ReachDelta {
  communesWithin: number;
  populationWithin: number;
  needWithin: number | null;
}

export function reachDelta(current: ReachFigures, baseline: ReachFigures): ReachDelta {
  return {
    communesWithin: baseline.communesBeyond - current.communesBeyond,
    populationWithin: baseline.populationBeyond - current.populationBeyond,
    needWithin:
      current.needBeyond === null || baseline.needBeyond === null
        ? null
        : baseline.needBeyond - current.needBeyond,
  };
}
