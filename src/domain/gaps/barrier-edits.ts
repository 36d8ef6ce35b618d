/**
 * The survey shares the mobility figures use, as the dataset and the user leave them:
 * - the dataset's own `barriers` rows;
 * - in the Pas-de-Calais, on a scheme of its own territories (a PTI file) without rows, each
 *   territory's row of the published survey, matched by name (survey-pas-de-calais.ts), or the
 *   row the user chose; a territory with no match applies the « Département » row, and says so;
 * - shares entered by the user for a territory (a département entering its own survey), which
 *   replace the others for that territory.
 * The edits are plain JSON, saved with the scenario, and a short text for the URL (`bs`).
 */
import type { BarrierShare, Source } from '../model.ts';
import {
  SURVEY_DEPARTEMENT_CODE,
  SURVEY_SOURCE,
  SURVEY_TERRITORIES,
  SURVEY_YEAR,
  TRANSPORT_ANSWERS,
  TRANSPORT_QUESTION,
  TRANSPORT_SHARES_PERCENT,
  isSurveyTerritory,
  matchSurveyTerritories,
  type SurveyMatch,
  type SurveyTerritory,
  type TransportAnswer,
} from '../survey-pas-de-calais.ts';

/** Source of the shares a user enters. */
export const USER_SURVEY_SOURCE_ID = 'parts-saisies';

export const USER_SURVEY_SOURCE: Source = {
  id: USER_SURVEY_SOURCE_ID,
  producer: "Saisie dans l'application",
  title: 'Parts de bénéficiaires par réponse à la question du transport, saisies par territoire',
  licence: '',
  millesime: '',
  url: '',
  note: "Parts entrées par l'utilisateur, par exemple d'après l'enquête du département.",
};

export interface BarrierEdits {
  /** The scheme whose territories the edits are about. */
  schemeId: string;
  /** Survey row chosen by the user, by territory code (Pas-de-Calais). */
  rows: Record<string, SurveyTerritory>;
  /** Shares entered by the user, by territory code: every answer, 0–1. */
  shares: Record<string, Record<TransportAnswer, number>>;
}

export const emptyBarrierEdits = (schemeId: string): BarrierEdits => ({
  schemeId,
  rows: {},
  shares: {},
});

export const hasBarrierEdits = (e: BarrierEdits | null | undefined): boolean =>
  !!e && (Object.keys(e.rows).length > 0 || Object.keys(e.shares).length > 0);

/** The scheme of the département's own territories (a PTI file), where survey rows belong. */
export const PTI_SCHEME_ID = 'pti';

/**
 * The scheme the survey shares go on: the one the edits name when it exists, else the PTI
 * scheme, else none.
 */
export function surveySchemeId(
  schemeIds: readonly string[],
  edits: BarrierEdits | null = null,
): string | null {
  if (edits && schemeIds.includes(edits.schemeId)) return edits.schemeId;
  return schemeIds.includes(PTI_SCHEME_ID) ? PTI_SCHEME_ID : null;
}

export interface SurveyScheme {
  id: string;
  territories: readonly { code: string; name: string }[];
}

export interface EffectiveBarriers {
  barriers: BarrierShare[];
  /** The scheme the survey rows are on (null: none; the default row applies everywhere). */
  schemeId: string | null;
  /** How each territory of that scheme got its row, in the Pas-de-Calais; else null. */
  matches: SurveyMatch[] | null;
}

const rowOf = (
  schemeId: string,
  territoryCode: string,
  shares: Record<TransportAnswer, number>,
  sourceId: string,
  year: number,
): BarrierShare[] =>
  TRANSPORT_ANSWERS.map((a) => ({
    schemeId,
    territoryCode,
    question: TRANSPORT_QUESTION,
    answer: a.id,
    share: shares[a.id],
    year,
    sourceId,
  }));

const surveyShares = (row: SurveyTerritory): Record<TransportAnswer, number> =>
  Object.fromEntries(
    TRANSPORT_ANSWERS.map((a) => [a.id, TRANSPORT_SHARES_PERCENT[row][a.id] / 100]),
  ) as Record<TransportAnswer, number>;

/**
 * @param scheme the scheme of the département's own territories (PTI), when there is one: the
 *   survey rows go there in the Pas-de-Calais, and the user's shares on it
 * @param year the year of shares the user enters
 */
export function effectiveBarriers(
  datasetRows: readonly BarrierShare[],
  departementCode: string,
  scheme: SurveyScheme | null,
  edits: BarrierEdits | null,
  year: number,
): EffectiveBarriers {
  const transport = datasetRows.filter((r) => r.question === TRANSPORT_QUESTION);
  const onScheme = scheme ? transport.filter((r) => r.schemeId === scheme.id) : [];
  let barriers = [...datasetRows];
  let matches: SurveyMatch[] | null = null;
  let schemeId: string | null = transport[0]?.schemeId ?? null;
  if (scheme && departementCode === SURVEY_DEPARTEMENT_CODE && onScheme.length === 0) {
    matches = matchSurveyTerritories(scheme.territories, edits?.rows ?? {});
    for (const m of matches) {
      // No match: no row, so that the figure says it applies the « Département » row.
      if (m.how === 'none') continue;
      barriers.push(
        ...rowOf(scheme.id, m.territoryCode, surveyShares(m.row), SURVEY_SOURCE.id, SURVEY_YEAR),
      );
    }
    schemeId = scheme.id;
  }
  const entered = edits && scheme && edits.schemeId === scheme.id ? edits.shares : {};
  const codes = Object.keys(entered);
  if (scheme && codes.length > 0) {
    const known = new Set(scheme.territories.map((t) => t.code));
    const replaced = new Set(codes.filter((c) => known.has(c)));
    barriers = barriers.filter(
      (r) =>
        !(
          r.schemeId === scheme.id &&
          replaced.has(r.territoryCode) &&
          r.question === TRANSPORT_QUESTION
        ),
    );
    for (const code of replaced) {
      barriers.push(...rowOf(scheme.id, code, entered[code]!, USER_SURVEY_SOURCE_ID, year));
    }
    // The survey then lives on this scheme: rows of another scheme would be ignored.
    barriers = barriers.filter(
      (r) => r.question !== TRANSPORT_QUESTION || r.schemeId === scheme.id,
    );
    schemeId = scheme.id;
  }
  return { barriers, schemeId, matches };
}

/** Checks edits read from a file or a link: a clear error rather than a silent default. */
export function parseBarrierEdits(value: unknown): BarrierEdits {
  const fail = (why: string): never => {
    throw new Error(`Parts d'enquête invalides : ${why}.`);
  };
  if (typeof value !== 'object' || value === null) fail('objet attendu');
  const v = value as Record<string, unknown>;
  if (typeof v.schemeId !== 'string' || v.schemeId === '') fail('découpage absent');
  const rows: Record<string, SurveyTerritory> = {};
  for (const [code, row] of Object.entries((v.rows ?? {}) as Record<string, unknown>)) {
    if (typeof row !== 'string' || !isSurveyTerritory(row))
      fail(`ligne inconnue « ${String(row)} »`);
    rows[code] = row as SurveyTerritory;
  }
  const shares: Record<string, Record<TransportAnswer, number>> = {};
  for (const [code, raw] of Object.entries((v.shares ?? {}) as Record<string, unknown>)) {
    const r = (raw ?? {}) as Record<string, unknown>;
    const row = {} as Record<TransportAnswer, number>;
    for (const a of TRANSPORT_ANSWERS) {
      const x = r[a.id];
      if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
        fail(`part « ${a.label} » de ${code} : de 0 à 100 % attendu`);
      }
      row[a.id] = x as number;
    }
    shares[code] = row;
  }
  return { schemeId: v.schemeId as string, rows, shares };
}

/** Short keys of the survey rows in links. */
const ROW_KEYS: Record<SurveyTerritory, string> = {
  Arrageois: 'arr',
  Artois: 'art',
  Boulonnais: 'bou',
  Calaisis: 'cal',
  'Hénin-Carvin': 'hen',
  Lensois: 'len',
  Audomarois: 'aud',
  Ternois: 'ter',
  Montreuillois: 'mon',
  Département: 'dep',
};
const ROW_OF_KEY = new Map(
  Object.entries(ROW_KEYS).map(([row, key]) => [key, row as SurveyTerritory]),
);

/** Shares in percent with at most two decimals, as the survey prints them. */
const pct = (share: number) => String(Math.round(share * 10_000) / 100);

/**
 * The edits as a short text for the URL parameter `bs`: the scheme, then for each territory
 * `code:row` (a chosen row) or `code=p1,…,p6` (entered shares in percent, in the order of
 * TRANSPORT_ANSWERS), separated by `|`. Codes are percent-encoded.
 */
export function encodeBarrierEdits(e: BarrierEdits): string {
  const parts = [encodeURIComponent(e.schemeId)];
  for (const [code, row] of Object.entries(e.rows).sort()) {
    parts.push(`${encodeURIComponent(code)}:${ROW_KEYS[row]}`);
  }
  for (const [code, s] of Object.entries(e.shares).sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(
      `${encodeURIComponent(code)}=${TRANSPORT_ANSWERS.map((a) => pct(s[a.id])).join(',')}`,
    );
  }
  return parts.join('|');
}

/** The edits of a `bs` text, or null when it is not one (an old or hand-edited link). */
export function decodeBarrierEdits(text: string): BarrierEdits | null {
  try {
    const [scheme, ...items] = text.split('|');
    if (!scheme) return null;
    const edits = emptyBarrierEdits(decodeURIComponent(scheme));
    for (const item of items) {
      const row = /^([^:=]+):([a-z]{3})$/.exec(item);
      const shares = /^([^:=]+)=([\d.,]+)$/.exec(item);
      if (row) {
        const r = ROW_OF_KEY.get(row[2] as string);
        if (!r) return null;
        edits.rows[decodeURIComponent(row[1] as string)] = r;
      } else if (shares) {
        const values = (shares[2] as string).split(',').map(Number);
        if (values.length !== TRANSPORT_ANSWERS.length) return null;
        edits.shares[decodeURIComponent(shares[1] as string)] = Object.fromEntries(
          // Percent with two decimals back to a share, exactly as it was entered.
          TRANSPORT_ANSWERS.map((a, i) => [a.id, Math.round((values[i] as number) * 100) / 10_000]),
        ) as Record<TransportAnswer, number>;
      } else return null;
    }
    return parseBarrierEdits(edits);
  } catch {
    return null;
  }
}

/** The survey rows a user can choose from, in the order of the published table. */
export const SURVEY_ROWS: readonly SurveyTerritory[] = [...SURVEY_TERRITORIES, 'Département'];
