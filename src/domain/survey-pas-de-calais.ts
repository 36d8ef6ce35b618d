/**
 * Transport barriers of RSA beneficiaries, by territory, as published in the Pas-de-Calais
 * Programme départemental d'insertion: "échelles de distance à l'emploi", first diagnosis of
 * December 2009 on 3 679 scales (about 10 % of RSA socle beneficiaries), question « Le transport –
 * Disposez-vous d'un moyen de transport pour vous rendre à votre travail ? ».
 *
 * The figures are quoted as printed (percentages, two decimals). They are the default assumptions
 * of the mobility-need estimate and the barrier shares of the demo territory; a département
 * replaces them with its own survey.
 */
import type { Source } from './model.ts';

export const SURVEY_SOURCE: Source = {
  id: 'pdi62-echelles-2009',
  producer: 'Département du Pas-de-Calais',
  title:
    "Programme départemental d'insertion, échelles de distance à l'emploi (3 679 échelles, décembre 2009), question « Disposez-vous d'un moyen de transport pour vous rendre à votre travail ? »",
  licence: 'Document public, chiffres cités',
  millesime: '2009',
  url: 'https://www.pasdecalais.fr',
  note: 'Déclaratif : réponses des bénéficiaires du RSA socle avec leur référent.',
};

export const TRANSPORT_QUESTION = 'transport';
export const SURVEY_YEAR = 2009;
/** The département the survey describes: its rows are that dataset's own data. */
export const SURVEY_DEPARTEMENT_CODE = '62';

/** Answers of the transport question, in the order of the published table. */
export const TRANSPORT_ANSWERS = [
  { id: 'aucune_difficulte', label: "Je n'ai aucune difficulté de transport" },
  { id: 'mobile_plus_25km', label: 'Je suis mobile à plus de 25 km' },
  { id: 'mobile_moins_25km', label: 'Je suis mobile à moins de 25 km' },
  {
    id: 'vehicule_avec_difficultes',
    label: "J'ai un moyen de locomotion autonome mais j'ai des difficultés à me déplacer",
  },
  { id: 'transports_en_commun_seulement', label: "Je n'ai que les transports en commun" },
  { id: 'aucun_moyen', label: "Je n'ai aucun moyen de transport à ma disposition" },
] as const;
export type TransportAnswer = (typeof TRANSPORT_ANSWERS)[number]['id'];

/**
 * Answers counted as a transport barrier by default: only public transport, no means at all, or
 * a vehicle with difficulties. "Mobile à moins de 25 km" is left out (a limit, not a barrier);
 * the user can change the selection.
 */
export const DEFAULT_BARRIER_ANSWERS: readonly TransportAnswer[] = [
  'vehicule_avec_difficultes',
  'transports_en_commun_seulement',
  'aucun_moyen',
];

/** Survey territories (the nine territories of the Pas-de-Calais PTI), then the département. */
export const SURVEY_TERRITORIES = [
  'Arrageois',
  'Artois',
  'Boulonnais',
  'Calaisis',
  'Hénin-Carvin',
  'Lensois',
  'Audomarois',
  'Ternois',
  'Montreuillois',
] as const;
export type SurveyTerritory = (typeof SURVEY_TERRITORIES)[number] | 'Département';

/** Percentages as printed, per answer, per territory. */
export const TRANSPORT_SHARES_PERCENT: Record<SurveyTerritory, Record<TransportAnswer, number>> = {
  Département: {
    aucune_difficulte: 17.78,
    mobile_plus_25km: 5.11,
    mobile_moins_25km: 11.17,
    vehicule_avec_difficultes: 8.26,
    transports_en_commun_seulement: 43.76,
    aucun_moyen: 13.92,
  },
  Arrageois: {
    aucune_difficulte: 16.67,
    mobile_plus_25km: 3.59,
    mobile_moins_25km: 8.5,
    vehicule_avec_difficultes: 7.52,
    transports_en_commun_seulement: 50.65,
    aucun_moyen: 13.07,
  },
  Artois: {
    aucune_difficulte: 12.26,
    mobile_plus_25km: 5.78,
    mobile_moins_25km: 12.43,
    vehicule_avec_difficultes: 9.98,
    transports_en_commun_seulement: 44.31,
    aucun_moyen: 15.24,
  },
  Boulonnais: {
    aucune_difficulte: 10.1,
    mobile_plus_25km: 2.64,
    mobile_moins_25km: 5.77,
    vehicule_avec_difficultes: 3.13,
    transports_en_commun_seulement: 65.87,
    aucun_moyen: 12.5,
  },
  Calaisis: {
    aucune_difficulte: 8.81,
    mobile_plus_25km: 3.83,
    mobile_moins_25km: 11.49,
    vehicule_avec_difficultes: 7.28,
    transports_en_commun_seulement: 50.19,
    aucun_moyen: 18.39,
  },
  'Hénin-Carvin': {
    aucune_difficulte: 20.09,
    mobile_plus_25km: 6.99,
    mobile_moins_25km: 10.92,
    vehicule_avec_difficultes: 7.42,
    transports_en_commun_seulement: 48.03,
    aucun_moyen: 6.55,
  },
  Lensois: {
    aucune_difficulte: 18.25,
    mobile_plus_25km: 7.78,
    mobile_moins_25km: 15.87,
    vehicule_avec_difficultes: 5.71,
    transports_en_commun_seulement: 42.54,
    aucun_moyen: 9.84,
  },
  Audomarois: {
    aucune_difficulte: 34.63,
    mobile_plus_25km: 2.26,
    mobile_moins_25km: 6.52,
    vehicule_avec_difficultes: 10.41,
    transports_en_commun_seulement: 31.49,
    aucun_moyen: 14.68,
  },
  Ternois: {
    aucune_difficulte: 12.55,
    mobile_plus_25km: 8.23,
    mobile_moins_25km: 9.52,
    vehicule_avec_difficultes: 12.55,
    transports_en_commun_seulement: 23.38,
    aucun_moyen: 33.77,
  },
  Montreuillois: {
    aucune_difficulte: 0.84,
    mobile_plus_25km: 8.82,
    mobile_moins_25km: 25.63,
    vehicule_avec_difficultes: 11.34,
    transports_en_commun_seulement: 47.9,
    aucun_moyen: 5.46,
  },
};

/**
 * The names a territory of the Pas-de-Calais goes by in PTI files, besides the survey's own:
 * the usual name of the territory and its main towns (normalised: no accents, lower case, words
 * separated by one space). "Lens-Liévin" is the survey's « Lensois ».
 */
const SURVEY_ALIASES: Record<SurveyTerritory, string[]> = {
  Arrageois: ['arrageois', 'arras'],
  Artois: ['artois', 'bethune', 'bruay', 'bethune bruay'],
  Boulonnais: ['boulonnais', 'boulogne', 'boulogne sur mer'],
  Calaisis: ['calaisis', 'calais'],
  'Hénin-Carvin': ['henin carvin', 'henin', 'carvin', 'henin beaumont'],
  Lensois: ['lensois', 'lens lievin', 'lens', 'lievin'],
  Audomarois: ['audomarois', 'saint omer', 'st omer'],
  Ternois: ['ternois', 'saint pol', 'st pol', 'saint pol sur ternoise'],
  Montreuillois: ['montreuillois', 'montreuil', 'montreuil sur mer', 'berck montreuil'],
  // Never matched by name: it is what a territory without a row applies, or what a user chooses.
  Département: [],
};

const normalise = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** How a territory was matched to a row of the survey. */
export type SurveyMatchHow = 'name' | 'alias' | 'user' | 'none';

export interface SurveyMatch {
  territoryCode: string;
  territoryName: string;
  /** The row applied: the matched one, or the « Département » row when none matched. */
  row: SurveyTerritory;
  how: SurveyMatchHow;
  /** The alias found in the name, for "matched by « Lens »". */
  alias: string;
}

/**
 * The survey row of a territory, by its name: the survey's own name, else one of its usual
 * names as whole words ("Territoire de Lens-Liévin" → « Lensois »). A name that fits two rows,
 * or none, matches none.
 */
export function matchSurveyRow(
  name: string,
): { row: SurveyTerritory; how: 'name' | 'alias'; alias: string } | null {
  const n = ` ${normalise(name)} `;
  const found: { row: SurveyTerritory; alias: string; how: 'name' | 'alias' }[] = [];
  for (const row of SURVEY_TERRITORIES) {
    const own = normalise(row);
    const aliases = [own, ...SURVEY_ALIASES[row].filter((a) => a !== own)];
    const alias = aliases.find((a) => n.includes(` ${a} `));
    if (alias) found.push({ row, alias, how: alias === own ? 'name' : 'alias' });
  }
  if (found.length !== 1) {
    // "Lens-Liévin / Hénin-Carvin": two rows, no guess. The survey's own name wins over aliases.
    const own = found.filter((f) => f.how === 'name');
    return own.length === 1 ? (own[0] as (typeof found)[number]) : null;
  }
  return found[0] as (typeof found)[number];
}

/**
 * The survey row of each territory of a scheme: by name, unless the user chose one
 * (`chosen`, territory code → row). A territory with no row applies the « Département » row,
 * and says so (`how` = 'none').
 */
export function matchSurveyTerritories(
  territories: readonly { code: string; name: string }[],
  chosen: Readonly<Record<string, SurveyTerritory>> = {},
): SurveyMatch[] {
  return territories.map((t) => {
    const user = chosen[t.code];
    if (user)
      return { territoryCode: t.code, territoryName: t.name, row: user, how: 'user', alias: '' };
    const m = matchSurveyRow(t.name);
    return m
      ? { territoryCode: t.code, territoryName: t.name, ...m }
      : {
          territoryCode: t.code,
          territoryName: t.name,
          row: 'Département',
          how: 'none',
          alias: '',
        };
  });
}

export const isSurveyTerritory = (name: string): name is SurveyTerritory =>
  name === 'Département' || (SURVEY_TERRITORIES as readonly string[]).includes(name);
