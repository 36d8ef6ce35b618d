/**
 * The assumptions a figure rests on that do not come from the dataset's own data: the survey
 * shares of another département (or of another level of the survey), a need indicator standing
 * in for the RSA households, a rule for unknown capacities, a default capacity, travel times from
 * a model, a share set by the user. Each figure that rests on one carries a badge naming it
 * (`badge`), with the source and year in its tooltip (`detail`) and in exports
 * (`assumptionLines`). The functions below say which apply to which figure; they are pure, so
 * the interface, the exports and the headless reports name the same assumptions.
 */
import { decimalComma } from './format.ts';
import { SITE_KIND_LABELS } from './labels.ts';
import { NEED_RSA_FOYERS, type SiteKind } from './model.ts';
import { SURVEY_DEPARTEMENT_CODE, SURVEY_SOURCE, SURVEY_YEAR } from './survey-pas-de-calais.ts';
import type { UnknownCapacityRule } from './gaps/allocation.ts';
import type { ShareOrigin } from './gaps/barriers.ts';
import type { CoverageTable } from './gaps/coverage.ts';
import type { MobilityRow, MobilityTable } from './gaps/mobility.ts';

export type AssumptionId =
  | 'survey_other_departement'
  | 'survey_departement_row'
  | 'survey_share_override'
  | 'need_substitute'
  | 'unknown_capacity'
  | 'default_platform_capacity'
  | 'modelled_time'
  | 'network_time'
  | 'concerned_share'
  | 'capacity_years'
  | 'offer_incomplete';

export interface Assumption {
  id: AssumptionId;
  /** Short text of the badge on the figure: "hypothèse : parts du Pas-de-Calais, 2009". */
  badge: string;
  /** What it is and where it comes from, with its source and year (tooltip, exports). */
  detail: string;
  /** Source of the assumed figures, when they have one. */
  sourceId?: string;
  year?: string;
}

const survey = `${SURVEY_SOURCE.producer}, ${SURVEY_SOURCE.title}`;

/** The Pas-de-Calais survey, or a territory's row of it (the demo's sources are `<id>-<row>`). */
export const isSurveySource = (id: string) =>
  id === SURVEY_SOURCE.id || id.startsWith(`${SURVEY_SOURCE.id}-`);

/**
 * The survey shares of a mobility figure. `origins` are those of the communes it sums; the
 * shares are the dataset's own when the dataset is the survey's département and every commune
 * has its territory's row.
 */
export function surveyAssumptions(
  departementCode: string,
  origins: readonly ShareOrigin[],
  sourceIds: readonly string[],
): Assumption[] {
  const out: Assumption[] = [];
  if (origins.includes('override')) {
    out.push({
      id: 'survey_share_override',
      badge: 'hypothèse : part imposée partout',
      detail:
        "Une même part de bénéficiaires avec un frein de transport est appliquée à toutes les communes, à la place de l'enquête.",
    });
  }
  const fromSurvey = origins.includes('default') || sourceIds.some(isSurveySource);
  if (fromSurvey && departementCode !== SURVEY_DEPARTEMENT_CODE) {
    out.push({
      id: 'survey_other_departement',
      badge: `hypothèse : parts du Pas-de-Calais, ${SURVEY_YEAR}`,
      detail: `Les parts de bénéficiaires avec un frein de transport sont celles de l'enquête du Pas-de-Calais, appliquées faute d'enquête du département : ${survey} (${SURVEY_YEAR}).`,
      sourceId: SURVEY_SOURCE.id,
      year: String(SURVEY_YEAR),
    });
  } else if (origins.includes('default')) {
    out.push({
      id: 'survey_departement_row',
      badge: `hypothèse : ligne « Département » de l'enquête, ${SURVEY_YEAR}`,
      detail: `Les territoires sans ligne propre dans l'enquête reçoivent la ligne « Département » : ${survey} (${SURVEY_YEAR}).`,
      sourceId: SURVEY_SOURCE.id,
      year: String(SURVEY_YEAR),
    });
  }
  return out;
}

/** A need indicator other than the RSA households stands in for the beneficiaries. */
export function needAssumption(
  needId: string,
  needLabel: string,
  source?: { id: string; label: string; millesime: string },
): Assumption | null {
  if (needId === NEED_RSA_FOYERS) return null;
  return {
    id: 'need_substitute',
    badge: `hypothèse : « ${needLabel} » au lieu des foyers RSA`,
    detail: `Faute de foyers allocataires du RSA par commune, les bénéficiaires sont mesurés par « ${needLabel} »${
      source ? ` (${source.label}, millésime ${source.millesime})` : ''
    }.`,
    sourceId: source?.id,
    year: source?.millesime,
  };
}

/** The rule for unknown capacities, when sites of unknown capacity enter the figure. */
export function unknownCapacityAssumption(
  rule: UnknownCapacityRule,
  sitesUnknown: number,
  sites: number,
): Assumption | null {
  if (sitesUnknown === 0) return null;
  const how = rule === 'unlimited' ? 'comptée sans limite' : 'comptée comme nulle';
  return {
    id: 'unknown_capacity',
    badge: `hypothèse : capacité inconnue ${how} (${sitesUnknown} lieu${
      sitesUnknown >= 2 ? 'x' : ''
    } sur ${sites})`,
    detail: `La capacité de ${sitesUnknown} lieu${sitesUnknown >= 2 ? 'x' : ''} sur ${sites} n'est pas donnée par la source : elle est ${how}${
      rule === 'unlimited'
        ? ', ce qui surestime les bénéficiaires servis'
        : ', ce qui sous-estime les bénéficiaires servis'
    }.`,
  };
}

/** The capacity of a new mobility platform when the user has not set one. */
export function platformCapacityAssumption(
  capacityPerYear: number | null,
  fromPlatforms: number,
): Assumption {
  return capacityPerYear === null
    ? {
        id: 'default_platform_capacity',
        badge: 'hypothèse : nouvelles plateformes sans limite de capacité',
        detail:
          "Aucune plateforme de mobilité des données n'a de capacité connue : les plateformes proposées sont supposées sans limite.",
      }
    : {
        id: 'default_platform_capacity',
        badge: `hypothèse : ${capacityPerYear} personnes par an et par plateforme`,
        detail: `Capacité d'une nouvelle plateforme : médiane des ${fromPlatforms} plateforme${
          fromPlatforms >= 2 ? 's' : ''
        } de mobilité des données dont la capacité est connue.`,
      };
}

/**
 * Where the travel times come from, when they are not all measured in an imported matrix: an
 * estimate (an assumption), or times computed on a real network (named with their source).
 */
export function travelTimeAssumption(model: {
  id?: string;
  label: string;
  description: string;
  approximation: boolean;
  fallback?: { id?: string; label: string; approximation?: boolean };
}): Assumption | null {
  if (model.id === 'reseau') {
    return {
      id: 'network_time',
      badge: 'temps calculés sur le réseau',
      detail: `${model.label} : ${model.description}`,
    };
  }
  if (!model.approximation && !model.fallback) return null;
  if (model.fallback?.id === 'reseau') {
    return {
      id: 'network_time',
      badge: 'temps hors matrice calculés sur le réseau',
      detail: `Les paires absentes de la matrice importée sont prises dans : ${model.fallback.label}.`,
    };
  }
  return {
    id: 'modelled_time',
    badge: model.approximation
      ? 'hypothèse : temps de trajet estimés'
      : 'hypothèse : temps estimés hors matrice importée',
    detail: model.approximation
      ? `${model.label} : ${model.description}`
      : `Les paires absentes de la matrice importée sont estimées par : ${model.fallback?.label}.`,
  };
}

/** The share of the beneficiaries concerned by an axis, when it is not all of them. */
export function concernedShareAssumption(share: number): Assumption | null {
  if (share >= 1) return null;
  const pct = Math.round(share * 1000) / 10;
  return {
    id: 'concerned_share',
    badge: `hypothèse : ${decimalComma(pct)} % des bénéficiaires concernés`,
    detail: `Part des bénéficiaires concernés par l'axe, fixée par l'utilisateur : ${decimalComma(pct)} %.`,
  };
}

/** Mobility services' yearly capacities against a need at a date. */
export function capacityYearsAssumption(years: number): Assumption {
  const text = decimalComma(years);
  return {
    id: 'capacity_years',
    badge: `hypothèse : besoin à couvrir en ${text} an${years >= 2 ? 's' : ''}`,
    detail: `Un service de mobilité accompagne sa capacité annuelle × ${text} des personnes dans le besoin, chacune une fois.`,
  };
}

/**
 * Kinds a figure counts of which the data has no site at all: a territory's 0 is then the data's
 * silence, not the territory's offer.
 * @param kinds the kinds the figure counts
 * @param absent the kinds with no site in the data (completeness.ts)
 */
export function offerIncompleteAssumption(
  kinds: readonly SiteKind[],
  absent: readonly SiteKind[],
): Assumption | null {
  const missing = kinds.filter((k) => absent.includes(k));
  if (missing.length === 0) return null;
  const names = missing.map((k) => SITE_KIND_LABELS[k]).join(', ');
  return {
    id: 'offer_incomplete',
    badge: `données incomplètes : aucun lieu « ${names} »`,
    detail: `Le chiffre compte ${missing.length >= 2 ? 'des types' : 'un type'} de lieux dont les données n'ont aucun exemplaire (${names}) : un territoire à 0 peut en avoir. Importez-les (modèle CSV ou data·inclusion).`,
  };
}

/** Keeps one of each assumption (the first), in order. */
export function uniqueAssumptions(list: readonly (Assumption | null)[]): Assumption[] {
  const seen = new Set<AssumptionId>();
  const out: Assumption[] = [];
  for (const a of list) {
    if (!a || seen.has(a.id)) continue;
    seen.add(a.id);
    out.push(a);
  }
  return out;
}

/** One line per assumption, for the head of an export: "Hypothèse : … — détail". */
export function assumptionLines(list: readonly Assumption[]): string[] {
  return list.map((a) => `${a.badge.replace(/^hypothèse : /, 'Hypothèse : ')} — ${a.detail}`);
}

/** What the assumptions of a figure depend on besides its table. */
export interface FigureContext {
  departementCode: string;
  needId: string;
  needLabel: string;
  needSource?: { id: string; label: string; millesime: string };
  /** The travel model of the figure, when it rests on travel times. */
  model?: Parameters<typeof travelTimeAssumption>[0];
}

/** The assumptions of a coverage table's figures. */
export function coverageAssumptionsOf(t: CoverageTable, ctx: FigureContext): Assumption[] {
  return uniqueAssumptions([
    needAssumption(ctx.needId, ctx.needLabel, ctx.needSource),
    concernedShareAssumption(t.assumptions.concernedShare),
    unknownCapacityAssumption(
      t.assumptions.unknownCapacity,
      t.total.sitesUnknownCapacity,
      t.total.sites,
    ),
    ctx.model ? travelTimeAssumption(ctx.model) : null,
  ]);
}

/** The origins of the shares of a mobility line ('mixed': some territories' rows, some default). */
export const originsOf = (o: ShareOrigin | 'mixed'): ShareOrigin[] =>
  o === 'mixed' ? ['territory', 'default'] : [o];

/** The assumptions of a mobility table's figures (of one line, or of the département line). */
export function mobilityAssumptionsOf(
  t: MobilityTable,
  ctx: FigureContext,
  row: MobilityRow = t.total,
): Assumption[] {
  return uniqueAssumptions([
    ...surveyAssumptions(ctx.departementCode, originsOf(row.shareOrigin), row.shareSourceIds),
    needAssumption(ctx.needId, ctx.needLabel, ctx.needSource),
    capacityYearsAssumption(t.assumptions.capacityYears),
    unknownCapacityAssumption(
      t.assumptions.unknownCapacity,
      t.total.servicesUnknownCapacity,
      t.total.services,
    ),
    ctx.model ? travelTimeAssumption(ctx.model) : null,
  ]);
}

/**
 * The assumptions of an indicator of the explore map: a substitute need indicator for those fed
 * by the need, and the kinds with no site for those that count the offer.
 * @param offerKinds the kinds the indicator counts (places: the offer kinds; accueil: the
 *   accueil kinds)
 */
export function indicatorAssumptionsOf(
  feeds: readonly ('population' | 'need' | 'offer')[],
  offerKinds: readonly SiteKind[],
  absentKinds: readonly SiteKind[],
  ctx: Pick<FigureContext, 'needId' | 'needLabel' | 'needSource'>,
): Assumption[] {
  return uniqueAssumptions([
    feeds.includes('need') ? needAssumption(ctx.needId, ctx.needLabel, ctx.needSource) : null,
    feeds.includes('offer') ? offerIncompleteAssumption(offerKinds, absentKinds) : null,
  ]);
}
