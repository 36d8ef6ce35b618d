/**
 * The share of beneficiaries likely to need mobility support, by commune: the share of the survey
 * answers counted as a transport barrier, in the territory the commune belongs to in the scheme
 * that carries the survey (the `barriers` table), or, where no survey row covers the commune, the
 * département row of the Pas-de-Calais survey (2009), the default assumption, said as such. A
 * user may also impose one share everywhere.
 */
import type { BarrierShare } from '../model.ts';
import {
  DEFAULT_BARRIER_ANSWERS,
  SURVEY_SOURCE,
  SURVEY_YEAR,
  TRANSPORT_ANSWERS,
  TRANSPORT_QUESTION,
  TRANSPORT_SHARES_PERCENT,
  type TransportAnswer,
} from '../survey-pas-de-calais.ts';

export interface BarrierAssumptions {
  /** Answers of the transport question counted as a barrier. */
  answers: TransportAnswer[];
  /** One share (0–1) imposed on every commune instead of the survey, or null. */
  shareOverride: number | null;
}

export const defaultBarrierAssumptions = (): BarrierAssumptions => ({
  answers: [...DEFAULT_BARRIER_ANSWERS],
  shareOverride: null,
});

/** Where a commune's share comes from. */
export type ShareOrigin = 'territory' | 'default' | 'override';

export interface ShareSource {
  share: number;
  sourceId: string;
  year: number;
}

export interface BarrierProfile {
  /** The scheme whose territories carry survey rows, or null when the dataset has none. */
  schemeId: string | null;
  /** Share of the chosen answers by territory of that scheme. */
  byTerritory: ReadonlyMap<string, ShareSource>;
  /** The département row of the Pas-de-Calais survey, for communes without a row. */
  fallback: ShareSource;
  answers: TransportAnswer[];
  shareOverride: number | null;
}

/** Checks the assumptions: a clear error rather than a silent zero. */
export function checkBarrierAssumptions(a: BarrierAssumptions): void {
  const known = new Set<string>(TRANSPORT_ANSWERS.map((x) => x.id));
  const unknown = a.answers.filter((x) => !known.has(x));
  if (unknown.length > 0) throw new Error(`Réponses inconnues : ${unknown.join(', ')}.`);
  if (a.answers.length === 0 && a.shareOverride === null) {
    throw new Error('Au moins une réponse doit être comptée comme un frein de transport.');
  }
  if (a.shareOverride !== null && !(a.shareOverride >= 0 && a.shareOverride <= 1)) {
    throw new Error(`Part imposée invalide : ${a.shareOverride} (de 0 à 100 %).`);
  }
}

/** The département share of the Pas-de-Calais survey for the chosen answers, 0–1. */
export function surveyDepartementShare(answers: readonly TransportAnswer[]): number {
  const row = TRANSPORT_SHARES_PERCENT.Département;
  return round6(answers.reduce((s, a) => s + row[a], 0) / 100);
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The survey's shares for the chosen answers, by territory. The scheme is the first of
 * `schemeOrder` with rows (the dataset's own order), then any other; a territory counts only if it
 * has a row for every answer of the question (a partial profile would understate the barrier).
 */
export function barrierProfile(
  rows: readonly BarrierShare[],
  assumptions: BarrierAssumptions,
  schemeOrder: readonly string[] = [],
): BarrierProfile {
  checkBarrierAssumptions(assumptions);
  const transport = rows.filter((r) => r.question === TRANSPORT_QUESTION);
  const schemes = [...new Set(transport.map((r) => r.schemeId))].sort(
    (a, b) => rank(schemeOrder, a) - rank(schemeOrder, b) || a.localeCompare(b),
  );
  const schemeId = schemes[0] ?? null;
  const byTerritory = new Map<string, ShareSource>();
  const grouped = new Map<string, BarrierShare[]>();
  for (const r of transport) {
    if (r.schemeId !== schemeId) continue;
    const list = grouped.get(r.territoryCode);
    if (list) list.push(r);
    else grouped.set(r.territoryCode, [r]);
  }
  for (const [code, list] of grouped) {
    const answered = new Set(list.map((r) => r.answer));
    if (!TRANSPORT_ANSWERS.every((a) => answered.has(a.id))) continue;
    const chosen = list.filter((r) => (assumptions.answers as string[]).includes(r.answer));
    byTerritory.set(code, {
      share: round6(chosen.reduce((s, r) => s + r.share, 0)),
      sourceId: list[0]!.sourceId,
      year: Math.max(...list.map((r) => r.year)),
    });
  }
  return {
    schemeId,
    byTerritory,
    fallback: {
      share: surveyDepartementShare(assumptions.answers),
      sourceId: SURVEY_SOURCE.id,
      year: SURVEY_YEAR,
    },
    answers: [...assumptions.answers],
    shareOverride: assumptions.shareOverride,
  };
}

const rank = (order: readonly string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};

export interface CommuneShares {
  share: Float64Array;
  origin: ShareOrigin[];
  /** Source of each commune's share. */
  sourceId: string[];
}

/**
 * The share of every commune (network order), from its territory in the survey's scheme.
 * @param territoryOf territory of each commune code in `profile.schemeId`
 */
export function communeShares(
  profile: BarrierProfile,
  communeCodes: readonly string[],
  territoryOf: ReadonlyMap<string, string>,
): CommuneShares {
  const n = communeCodes.length;
  const share = new Float64Array(n);
  const origin: ShareOrigin[] = new Array(n);
  const sourceId: string[] = new Array(n);
  communeCodes.forEach((code, i) => {
    if (profile.shareOverride !== null) {
      share[i] = profile.shareOverride;
      origin[i] = 'override';
      sourceId[i] = '';
      return;
    }
    const t = territoryOf.get(code);
    const row = t === undefined ? undefined : profile.byTerritory.get(t);
    const used = row ?? profile.fallback;
    share[i] = used.share;
    origin[i] = row ? 'territory' : 'default';
    sourceId[i] = used.sourceId;
  });
  return { share, origin, sourceId };
}
