/**
 * Coverage gaps of the offer, by territory, for one axis: how many sites and places, places per
 * 100 beneficiaries, and the beneficiaries concerned by the axis split into those with a place
 * within N minutes, those within reach but beyond the places, and those with no site of the axis
 * within N minutes (allocation.ts says how places are given). The gap score is the share of the
 * concerned beneficiaries without a place within N minutes; each territory is ranked by it and
 * compared with the département as a whole. FORMULAS (formulas.ts) is what users read.
 */
import { AXES, type Axis } from '../model.ts';
import { MAX_REACH_MINUTES, MIN_REACH_MINUTES } from '../reach/scenario.ts';
import { TRAVEL_MODES, type TravelMode } from '../travel/model.ts';
import { allocate, UNKNOWN_CAPACITY_RULES, type UnknownCapacityRule } from './allocation.ts';
import {
  MIN_COVERAGE,
  NO_PARTS,
  missingFigure,
  ratioFigure,
  stateOfCode,
  sumFigure,
  type Figure,
  type Parts,
  type ValueState,
} from '../value-state.ts';
import {
  addCommune,
  clearWithoutKnownNeed,
  emptyLines,
  knownNeed,
  needStateAt,
  linesOf,
  needsOf,
  placeSites,
  rankBy,
  ratio,
  type TableInput,
} from './common.ts';

export interface CoverageAssumptions {
  axis: Axis;
  mode: TravelMode;
  maxMinutes: number;
  /** Share of the beneficiaries concerned by the axis, 0–1. */
  concernedShare: number;
  unknownCapacity: UnknownCapacityRule;
}

export const DEFAULT_COVERAGE_AXIS: Axis = 'remobilisation';

export const defaultCoverageAssumptions = (): CoverageAssumptions => ({
  axis: DEFAULT_COVERAGE_AXIS,
  mode: 'voiture',
  maxMinutes: 30,
  concernedShare: 1,
  unknownCapacity: 'unlimited',
});

export function checkCoverageAssumptions(a: CoverageAssumptions): void {
  const problems: string[] = [];
  if (!AXES.includes(a.axis)) problems.push(`axe inconnu « ${a.axis} »`);
  if (!TRAVEL_MODES.includes(a.mode)) problems.push(`déplacement inconnu « ${a.mode} »`);
  if (!(a.maxMinutes >= MIN_REACH_MINUTES && a.maxMinutes <= MAX_REACH_MINUTES)) {
    problems.push(`seuil de ${MIN_REACH_MINUTES} à ${MAX_REACH_MINUTES} minutes attendu`);
  }
  if (!(a.concernedShare > 0 && a.concernedShare <= 1)) {
    problems.push('part des bénéficiaires concernés de plus de 0 à 100 % attendue');
  }
  if (!UNKNOWN_CAPACITY_RULES.includes(a.unknownCapacity)) {
    problems.push(`règle des capacités inconnues « ${a.unknownCapacity} »`);
  }
  if (problems.length > 0) throw new Error(`Hypothèses invalides : ${problems.join(' ; ')}.`);
}

export interface CoverageRow {
  code: string;
  name: string;
  communes: number;
  population: number;
  /**
   * Beneficiaries (the need indicator), over the communes whose need is known (`needParts`);
   * null where statistical secrecy hides them. Every sum below is over the same communes.
   */
  need: number | null;
  /** Communes by state of their need: the figures are "sur N communes renseignées" when some lack it. */
  needParts: Parts;
  /** Population of the communes whose need is known. */
  needPopulation: number;
  /** Beneficiaries × the share concerned by the axis. */
  concerned: number | null;
  /** Sites of the axis located in the territory. */
  sites: number;
  sitesUnknownCapacity: number;
  /** Places of those sites whose capacity is known. */
  places: number;
  placesPer100: number | null;
  /** The split of the concerned beneficiaries; null without beneficiaries by commune. */
  served: number | null;
  overCapacity: number | null;
  outOfReach: number | null;
  /** Of the served, those placed in a site of unknown capacity (counted without limit). */
  servedByUnknown: number | null;
  communesOutOfReach: number;
  populationOutOfReach: number;
  /**
   * 100 × (outOfReach + overCapacity) ÷ concerned, over the communes whose need is known; null
   * when those hold less than MIN_COVERAGE of the population (`scoreFigure` says why).
   */
  score: number | null;
  /** Score minus the département's, in points. */
  scoreVsDepartement: number | null;
  /** 1 = the largest gap; null without a score. */
  rank: number | null;
}

export interface CoverageCommune {
  code: string;
  name: string;
  /** Territory code in the scheme, or '' when the commune has none. */
  territory: string;
  population: number;
  /** Null when the commune's need is not known (`needState` says why) or not by commune. */
  need: number | null;
  needState: ValueState;
  concerned: number | null;
  served: number | null;
  overCapacity: number | null;
  outOfReach: number | null;
  /** Minutes to the nearest site of the axis; null beyond N. */
  nearestMinutes: number | null;
}

export interface CoverageTable {
  assumptions: CoverageAssumptions;
  /** Whether the beneficiaries are known by commune (false in a published dataset). */
  byCommune: boolean;
  rows: CoverageRow[];
  total: CoverageRow;
  communes: CoverageCommune[];
  /**
   * Sites of the axis in the data. With none, the scores are not computed (they would read
   * 100 %): the data lacks that part of the offer, which says nothing of the territory.
   */
  axisSites: number;
  /** Sites of the axis whose commune is not in the dataset (left out). */
  unplacedSites: string[];
  pairs: number;
  augmentations: number;
}

function emptyRow(code: string, name: string, known: boolean): CoverageRow {
  return {
    code,
    name,
    communes: 0,
    population: 0,
    need: null,
    needParts: { ...NO_PARTS },
    needPopulation: 0,
    concerned: null,
    sites: 0,
    sitesUnknownCapacity: 0,
    places: 0,
    placesPer100: null,
    served: known ? 0 : null,
    overCapacity: known ? 0 : null,
    outOfReach: known ? 0 : null,
    servedByUnknown: known ? 0 : null,
    communesOutOfReach: 0,
    populationOutOfReach: 0,
    score: null,
    scoreVsDepartement: null,
    rank: null,
  };
}

/**
 * @param options.pairs how the pairs within N minutes are found: the model's grid, or every
 *   commune of every site ('dense', the naive baseline of the benchmark; same figures)
 */
export function coverageTable(
  input: TableInput,
  a: CoverageAssumptions,
  options: { pairs?: 'grid' | 'dense' } = {},
): CoverageTable {
  checkCoverageAssumptions(a);
  const { data, territories } = input;
  const net = data.network;
  const n = net.count;
  const need = knownNeed(data.people);
  const known = need !== null;
  const demand = need ? Float64Array.from(need, (v) => v * a.concernedShare) : new Float64Array(n);
  const placed = placeSites(input, (s) => s.axes.includes(a.axis));
  const alloc = allocate(
    {
      model: input.model,
      network: net,
      demand,
      sites: placed.allocation,
      maxMinutes: a.maxMinutes,
      unknownCapacity: a.unknownCapacity,
    },
    options,
  );

  const lines = emptyLines(input, (code, name) => emptyRow(code, name, known));
  const { rows, total } = lines;
  const communes: CoverageCommune[] = [];
  for (let c = 0; c < n; c++) {
    const k = territories.of[c] as number;
    const pop = data.people.population[c] as number;
    const d = demand[c] as number;
    const inReach = alloc.inReach[c] === 1;
    const served = alloc.served[c] as number;
    for (const r of linesOf(input, c, lines)) {
      addCommune(r, input, alloc, c, d);
      if (!inReach) {
        r.communesOutOfReach++;
        r.populationOutOfReach += pop;
      }
    }
    const minutes = alloc.nearestMinutes[c] as number;
    const state = known ? stateOfCode(needStateAt(data.people, c)) : 'secret';
    const has = known && state === 'known';
    communes.push({
      code: net.codes[c] as string,
      name: data.names[c] as string,
      territory: k >= 0 ? (territories.codes[k] as string) : '',
      population: pop,
      need: has ? (need[c] as number) : null,
      needState: state,
      concerned: has ? d : null,
      served: has ? served : null,
      overCapacity: has ? (inReach ? Math.max(0, d - served) : 0) : null,
      outOfReach: has ? (inReach ? 0 : d) : null,
      nearestMinutes: Number.isFinite(minutes) ? minutes : null,
    });
  }
  placed.kept.forEach((s) => {
    for (const r of linesOf(input, net.indexOf.get(s.communeCode) as number, lines)) {
      r.sites++;
      if (s.capacity === null) r.sitesUnknownCapacity++;
      else r.places += s.capacity;
    }
  });
  const needs = needsOf(input);
  const finish = (r: CoverageRow, beneficiaries: number | null) => {
    r.need = beneficiaries;
    clearWithoutKnownNeed(r);
    r.concerned = r.need === null ? null : r.need * a.concernedShare;
    r.placesPer100 = ratio(r.places, r.need, 100);
    r.score = scoreFigure(r, placed.kept.length).value;
  };
  rows.forEach((r, k) => finish(r, needs.byTerritory[k] ?? null));
  finish(total, needs.total);
  // Scores are shown with one decimal: equal ones share a rank.
  const ranks = rankBy(rows, (r) => r.score, 1);
  rows.forEach((r, k) => {
    r.rank = ranks[k] ?? null;
    r.scoreVsDepartement = r.score === null || total.score === null ? null : r.score - total.score;
  });
  return {
    assumptions: { ...a },
    byCommune: known,
    rows,
    total,
    communes,
    axisSites: placed.kept.length,
    unplacedSites: placed.unplaced,
    pairs: alloc.pairs,
    augmentations: alloc.augmentations,
  };
}

/**
 * The gap score of a line as a figure: over the communes whose need is known, "sur N communes
 * renseignées" when some lack it, withheld below MIN_COVERAGE of the population; « non
 * renseigné » when the data has no site of the axis at all (`axisSites` = 0).
 */
export function scoreFigure(r: CoverageRow, axisSites: number): Figure {
  if (axisSites === 0) return missingFigure('missing');
  if (r.overCapacity === null || r.outOfReach === null || r.concerned === null) {
    return { value: null, state: 'secret', parts: r.needParts, unit: 'commune', coverage: 0 };
  }
  const coverage = r.population > 0 ? r.needPopulation / r.population : 1;
  const gap = sumFigure(
    r.overCapacity + r.outOfReach,
    r.needParts,
    coverage,
    'commune',
    MIN_COVERAGE,
  );
  const concerned = sumFigure(r.concerned, r.needParts, coverage, 'commune', MIN_COVERAGE);
  return ratioFigure(gap, concerned, 100);
}
