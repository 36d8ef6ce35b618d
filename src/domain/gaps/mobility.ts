/**
 * Mobility-platform needs, by territory: the beneficiaries likely to need mobility support (each
 * commune's beneficiaries × the share of the survey answers counted as a transport barrier, see
 * barriers.ts), against the mobility services within N minutes (sites of kind `mobilite`:
 * plateformes de mobilité, garages solidaires, auto-écoles sociales, transport à la demande,
 * covoiturage solidaire), without a car by default since these people lack one.
 *
 * A mobility service's capacity is a number of people per year, the need a number of people at a
 * date. They are compared through one assumption, `capacityYears`: a service accompanies
 * `capacity × capacityYears` of the people in need, i.e. the need is to be met within that many
 * years, each person being accompanied once (1 year by default). The people are then allocated to
 * services by the coverage rule (allocation.ts); the rest is the unmet need. Platform siting
 * (`mobilitySiting`) is the reach engine's maximal covering siting weighted by that unmet need.
 */
import { MOBILITY_SERVICES, type BarrierShare, type Site } from '../model.ts';
import { MAX_REACH_MINUTES, MIN_REACH_MINUTES } from '../reach/scenario.ts';
import { greedySiting, type SitingResult } from '../reach/siting.ts';
import type { TransportAnswer } from '../survey-pas-de-calais.ts';
import { TRAVEL_MODES, type TravelMode } from '../travel/model.ts';
import { allocate, UNKNOWN_CAPACITY_RULES, type UnknownCapacityRule } from './allocation.ts';
import {
  barrierProfile,
  communeShares,
  defaultBarrierAssumptions,
  type BarrierProfile,
  type ShareOrigin,
} from './barriers.ts';
import { NO_PARTS, type Parts } from '../value-state.ts';
import {
  addCommune,
  clearWithoutKnownNeed,
  emptyLines,
  knownNeed,
  linesOf,
  needsOf,
  placeSites,
  rankBy,
  ratio,
  type TableInput,
} from './common.ts';

export interface MobilityAssumptions {
  mode: TravelMode;
  maxMinutes: number;
  /** Answers of the transport question counted as a barrier. */
  answers: TransportAnswer[];
  /** One share (0–1) imposed everywhere instead of the survey, or null. */
  shareOverride: number | null;
  /** Years within which the need is to be met: a service takes capacity × years people. */
  capacityYears: number;
  unknownCapacity: UnknownCapacityRule;
}

export const defaultMobilityAssumptions = (): MobilityAssumptions => ({
  mode: 'sans-voiture',
  maxMinutes: 30,
  ...defaultBarrierAssumptions(),
  capacityYears: 1,
  unknownCapacity: 'unlimited',
});

export const MIN_CAPACITY_YEARS = 0.25;
export const MAX_CAPACITY_YEARS = 10;

export function checkMobilityAssumptions(a: MobilityAssumptions): void {
  const problems: string[] = [];
  if (!TRAVEL_MODES.includes(a.mode)) problems.push(`déplacement inconnu « ${a.mode} »`);
  if (!(a.maxMinutes >= MIN_REACH_MINUTES && a.maxMinutes <= MAX_REACH_MINUTES)) {
    problems.push(`seuil de ${MIN_REACH_MINUTES} à ${MAX_REACH_MINUTES} minutes attendu`);
  }
  if (!(a.capacityYears >= MIN_CAPACITY_YEARS && a.capacityYears <= MAX_CAPACITY_YEARS)) {
    problems.push(`durée de ${MIN_CAPACITY_YEARS} à ${MAX_CAPACITY_YEARS} ans attendue`);
  }
  if (!UNKNOWN_CAPACITY_RULES.includes(a.unknownCapacity)) {
    problems.push(`règle des capacités inconnues « ${a.unknownCapacity} »`);
  }
  if (problems.length > 0) throw new Error(`Hypothèses invalides : ${problems.join(' ; ')}.`);
}

/** The sites counted as mobility services. */
export const isMobilityService = (s: Site) => s.kind === 'mobilite';

export interface MobilityInput extends TableInput {
  /** The survey table (`barriers`) of the dataset. */
  barriers: readonly BarrierShare[];
  /** The dataset's schemes, in order: the first carrying survey rows is used. */
  schemeOrder: readonly string[];
  /** Territory of each commune in the scheme that carries the survey (empty when none does). */
  barrierTerritoryOf: ReadonlyMap<string, string>;
}

/** The scheme whose territories carry the survey, the one `barrierTerritoryOf` must describe. */
export function barrierSchemeId(
  barriers: readonly BarrierShare[],
  schemeOrder: readonly string[],
): string | null {
  return barrierProfile(barriers, defaultBarrierAssumptions(), schemeOrder).schemeId;
}

export interface MobilityRow {
  code: string;
  name: string;
  communes: number;
  population: number;
  /** Beneficiaries over the communes whose need is known (`needParts`), as every sum below. */
  need: number | null;
  needParts: Parts;
  /** Population of the communes whose need is known. */
  needPopulation: number;
  /** Share of the beneficiaries counted as needing support (their mean over the communes). */
  share: number | null;
  /** Where the share comes from: one origin, or 'mixed' when communes differ. */
  shareOrigin: ShareOrigin | 'mixed';
  /** Sources of the shares used in the territory. */
  shareSourceIds: string[];
  /** Beneficiaries × share: people likely to need mobility support. */
  supportNeed: number | null;
  /** Mobility services located in the territory. */
  services: number;
  servicesUnknownCapacity: number;
  /** People per year of the services whose capacity is known. */
  capacityPerYear: number;
  /** The split of the support need; null without beneficiaries by commune. */
  served: number | null;
  overCapacity: number | null;
  outOfReach: number | null;
  servedByUnknown: number | null;
  /** overCapacity + outOfReach. */
  unmet: number | null;
  /** 100 × unmet ÷ beneficiaries. */
  unmetPer100: number | null;
  /** 1 = the largest unmet need. */
  rank: number | null;
}

export interface MobilityTable {
  assumptions: MobilityAssumptions;
  byCommune: boolean;
  /** The scheme of the survey rows used (null: none in the dataset, the default share). */
  barrierSchemeId: string | null;
  /** Share used where no survey row covers a commune. */
  fallbackShare: number;
  rows: MobilityRow[];
  total: MobilityRow;
  /** Unmet need by commune (network order); null without beneficiaries by commune. */
  unmetByCommune: Float64Array | null;
  supportByCommune: Float64Array | null;
  shareByCommune: Float64Array;
  unplacedSites: string[];
}

function emptyRow(code: string, name: string, known: boolean): MobilityRow {
  return {
    code,
    name,
    communes: 0,
    population: 0,
    need: null,
    needParts: { ...NO_PARTS },
    needPopulation: 0,
    share: null,
    shareOrigin: 'default',
    shareSourceIds: [],
    supportNeed: null,
    services: 0,
    servicesUnknownCapacity: 0,
    capacityPerYear: 0,
    served: known ? 0 : null,
    overCapacity: known ? 0 : null,
    outOfReach: known ? 0 : null,
    servedByUnknown: known ? 0 : null,
    unmet: null,
    unmetPer100: null,
    rank: null,
  };
}

/**
 * Without beneficiaries by commune (a published dataset), the support need of a territory is
 * estimated from its published count where one share covers it, and the département's as the
 * sum of its territories' when each has one. Such an estimate is a published count times a
 * published share: anyone can compute it from the published table, so it reveals nothing and is
 * shown whatever its size; a masked count leaves it masked.
 * @param options.pairs as in coverageTable ('dense': the benchmark's naive baseline)
 */
export function mobilityTable(
  input: MobilityInput,
  a: MobilityAssumptions,
  options: { pairs?: 'grid' | 'dense' } = {},
): MobilityTable {
  checkMobilityAssumptions(a);
  const { data } = input;
  const net = data.network;
  const n = net.count;
  const need = knownNeed(data.people);
  const known = need !== null;
  const profile: BarrierProfile = barrierProfile(input.barriers, a, input.schemeOrder);
  const shares = communeShares(profile, net.codes, input.barrierTerritoryOf);
  const support = need ? Float64Array.from(need, (v, c) => v * (shares.share[c] as number)) : null;
  const placed = placeSites(input, isMobilityService, (s) =>
    s.capacity === null ? null : s.capacity * a.capacityYears,
  );
  const alloc = allocate(
    {
      model: input.model,
      network: net,
      demand: support ?? new Float64Array(n),
      sites: placed.allocation,
      maxMinutes: a.maxMinutes,
      unknownCapacity: a.unknownCapacity,
    },
    { pairs: options.pairs },
  );

  const lines = emptyLines(input, (code, name) => emptyRow(code, name, known));
  const { rows, total } = lines;
  // Per line: sum of shares (for the mean), the origins and sources met.
  const shareSum = new Map<MobilityRow, number>();
  const supportSum = new Map<MobilityRow, number>();
  const origins = new Map<MobilityRow, Set<ShareOrigin>>();
  const unmetByCommune = support ? new Float64Array(n) : null;
  for (let c = 0; c < n; c++) {
    const d = support ? (support[c] as number) : 0;
    if (unmetByCommune) unmetByCommune[c] = Math.max(0, d - (alloc.served[c] as number));
    for (const r of linesOf(input, c, lines)) {
      addCommune(r, input, alloc, c, d);
      shareSum.set(r, (shareSum.get(r) ?? 0) + (shares.share[c] as number));
      supportSum.set(r, (supportSum.get(r) ?? 0) + d);
      const o = origins.get(r) ?? new Set<ShareOrigin>();
      o.add(shares.origin[c] as ShareOrigin);
      origins.set(r, o);
      const src = shares.sourceId[c] as string;
      if (src && !r.shareSourceIds.includes(src)) r.shareSourceIds.push(src);
    }
  }
  placed.kept.forEach((s) => {
    for (const r of linesOf(input, net.indexOf.get(s.communeCode) as number, lines)) {
      r.services++;
      if (s.capacity === null) r.servicesUnknownCapacity++;
      else r.capacityPerYear += s.capacity;
    }
  });
  const needs = needsOf(input);
  const finish = (r: MobilityRow, needSum: number | null, supportSum: number | null) => {
    r.need = needSum;
    const nothingKnown = clearWithoutKnownNeed(r);
    const beneficiaries = r.need;
    const o = origins.get(r) ?? new Set<ShareOrigin>();
    r.shareOrigin = o.size === 1 ? ([...o][0] as ShareOrigin) : o.size === 0 ? 'default' : 'mixed';
    r.shareSourceIds.sort();
    if (supportSum !== null) {
      r.supportNeed = nothingKnown ? null : supportSum;
      // The beneficiary-weighted mean share: what the territory's support need rests on.
      r.share = ratio(supportSum, beneficiaries);
      if (r.share === null && r.communes > 0) r.share = (shareSum.get(r) ?? 0) / r.communes;
    } else {
      // Published figures only: the estimate is possible where one share covers the territory.
      const uniform = uniformShare(r, shareSum.get(r) ?? 0, o);
      r.share = uniform;
      r.supportNeed = uniform === null || beneficiaries === null ? null : beneficiaries * uniform;
    }
    r.unmet =
      r.overCapacity === null || r.outOfReach === null ? null : r.overCapacity + r.outOfReach;
    r.unmetPer100 = ratio(r.unmet, beneficiaries, 100);
  };
  const supportOf = (r: MobilityRow) => (support ? (supportSum.get(r) ?? 0) : null);
  rows.forEach((r, k) => finish(r, needs.byTerritory[k] ?? null, supportOf(r)));
  finish(total, needs.total, supportOf(total));
  if (!support && total.supportNeed === null && total.need !== null) {
    // Shares differ across the département: the sum of its territories' estimates, when every
    // commune is in a territory and every territory has one (the survey's own territories).
    const covered = rows.reduce((n, r) => n + r.communes, 0) === total.communes;
    if (covered && rows.every((r) => r.communes === 0 || r.supportNeed !== null)) {
      total.supportNeed = rows.reduce((sum, r) => sum + (r.supportNeed ?? 0), 0);
    }
  }
  // Unmet needs are shown as whole people: equal ones share a rank.
  const ranks = rankBy(rows, (r) => r.unmet, 0);
  rows.forEach((r, k) => (r.rank = ranks[k] ?? null));
  return {
    assumptions: { ...a, answers: [...a.answers] },
    byCommune: known,
    barrierSchemeId: profile.schemeId,
    fallbackShare: profile.fallback.share,
    rows,
    total,
    unmetByCommune,
    supportByCommune: support,
    shareByCommune: shares.share,
    unplacedSites: placed.unplaced,
  };
}

/** The share of a line when all its communes have the same one, else null. */
function uniformShare(r: MobilityRow, sum: number, origins: Set<ShareOrigin>): number | null {
  if (r.communes === 0 || origins.size !== 1) return null;
  const mean = sum / r.communes;
  // Same origin is not enough (two survey territories): every share must equal the mean.
  return Math.abs(mean * r.communes - sum) < 1e-9 && r.shareSourceIds.length <= 1 ? mean : null;
}

/**
 * The capacity of a new platform by default: the median of the known capacities of the
 * dataset's mobility platforms (people per year, rounded), or null (no limit) when there is none.
 */
export function defaultPlatformCapacity(sites: readonly Site[]): number | null {
  const caps = sites
    .filter((s) => isMobilityService(s) && s.detail === MOBILITY_SERVICES[0] && s.capacity !== null)
    .map((s) => s.capacity as number)
    .sort((x, y) => x - y);
  if (caps.length === 0) return null;
  const mid = caps.length >> 1;
  const median =
    caps.length % 2
      ? (caps[mid] as number)
      : ((caps[mid - 1] as number) + (caps[mid] as number)) / 2;
  // Whole people: a capacity is never a fraction of a person.
  return Math.round(median);
}

export interface MobilitySitingRequest {
  k: number;
  /** People per year of each new platform, or null for no limit. */
  capacityPerYear: number | null;
}

/**
 * Where to open k mobility platforms: the commune reference points whose N minutes hold the most
 * unmet need, each pick explained by its marginal gain (the unmet need it takes, nearest communes
 * first, within its capacity × capacityYears). Null without beneficiaries by commune.
 */
export function mobilitySiting(
  input: TableInput,
  table: MobilityTable,
  request: MobilitySitingRequest,
): SitingResult | null {
  const unmet = table.unmetByCommune;
  if (!unmet) return null;
  if (!(Number.isInteger(request.k) && request.k >= 1)) {
    throw new Error(`Nombre de plateformes invalide : ${request.k}.`);
  }
  if (request.capacityPerYear !== null && !(request.capacityPerYear > 0)) {
    throw new Error(`Capacité invalide : ${request.capacityPerYear}.`);
  }
  return greedySiting({
    model: input.model,
    network: input.data.network,
    // Every commune counts as uncovered: the weight is what the existing services leave.
    minutes: new Float64Array(unmet.length).fill(Infinity),
    weight: unmet,
    maxMinutes: table.assumptions.maxMinutes,
    k: request.k,
    capacity:
      request.capacityPerYear === null
        ? null
        : request.capacityPerYear * table.assumptions.capacityYears,
  });
}
