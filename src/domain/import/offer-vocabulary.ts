/**
 * The words of offer files mapped to the model's kinds and axes: the plain template accepts the
 * model's ids and their usual French names; data·inclusion's networks, typologies and thematiques
 * are mapped by their published codes (referentials v0 and v1).
 */
import { AXES, SITE_KINDS, type Axis, type SiteKind } from '../model.ts';
import { normaliseName } from './names.ts';

const key = (s: string) => normaliseName(s).replace(/\s+/g, ' ');

const KIND_WORDS: [SiteKind, string[]][] = [
  [
    'mds',
    [
      'MDS',
      'MAISON DEPARTEMENTALE DES SOLIDARITES',
      'MAISON DES SOLIDARITES',
      'MDSI',
      'MSD',
      'MAISON DU DEPARTEMENT SOLIDARITE',
      'MDPH',
      'CMS',
      'CENTRE MEDICO SOCIAL',
      'UTAS',
      'UNITE TERRITORIALE',
    ],
  ],
  ['ccas', ['CCAS', 'CIAS', 'CCAS CIAS', 'CENTRE COMMUNAL D ACTION SOCIALE']],
  ['france_services', ['FRANCE SERVICES', 'FRANCE SERVICE', 'MSAP', 'MAISON FRANCE SERVICES']],
  [
    'caf_msa',
    ['CAF', 'MSA', 'CAF MSA', 'CAISSE D ALLOCATIONS FAMILIALES', 'MUTUALITE SOCIALE AGRICOLE'],
  ],
  ['france_travail', ['FRANCE TRAVAIL', 'POLE EMPLOI', 'PE', 'FT', 'AGENCE FRANCE TRAVAIL', 'ALE']],
  [
    'siae',
    [
      'SIAE',
      'IAE',
      'ACI',
      'EI',
      'AI',
      'ETTI',
      'EITI',
      'CHANTIER D INSERTION',
      'ENTREPRISE D INSERTION',
      'ASSOCIATION INTERMEDIAIRE',
    ],
  ],
  [
    'mobilite',
    [
      'MOBILITE',
      'SERVICE DE MOBILITE',
      'PLATEFORME DE MOBILITE',
      'GARAGE SOLIDAIRE',
      'AUTO ECOLE SOCIALE',
      'TRANSPORT A LA DEMANDE',
      'TAD',
      'COVOITURAGE SOLIDAIRE',
    ],
  ],
  ['action', ['ACTION', 'ACTION D INSERTION', 'ATELIER', 'ACCOMPAGNEMENT']],
];

const KIND_BY_WORD = new Map<string, SiteKind>();
for (const k of SITE_KINDS) KIND_BY_WORD.set(key(k), k);
for (const [k, words] of KIND_WORDS) for (const w of words) KIND_BY_WORD.set(key(w), k);

/** The SIAE measure or mobility service a kind word also says ("ACI", "garage solidaire"). */
const DETAIL_BY_WORD = new Map<string, string>([
  ['ACI', 'ACI'],
  ['EI', 'EI'],
  ['AI', 'AI'],
  ['ETTI', 'ETTI'],
  ['EITI', 'EITI'],
  ['PLATEFORME DE MOBILITE', 'plateforme_mobilite'],
  ['GARAGE SOLIDAIRE', 'garage_solidaire'],
  ['AUTO ECOLE SOCIALE', 'auto_ecole_sociale'],
  ['TRANSPORT A LA DEMANDE', 'transport_a_la_demande'],
  ['TAD', 'transport_a_la_demande'],
  ['COVOITURAGE SOLIDAIRE', 'covoiturage_solidaire'],
]);

export function kindFromWord(word: string): { kind: SiteKind; detail: string } | null {
  const k = key(word);
  const kind = KIND_BY_WORD.get(k);
  return kind ? { kind, detail: DETAIL_BY_WORD.get(k) ?? '' } : null;
}

const AXIS_WORDS: [Axis, string[]][] = [
  ['accueil', ['ACCUEIL', 'ORIENTATION', 'ACCUEIL ET ORIENTATION', 'PREMIER ACCUEIL']],
  ['mobilite', ['MOBILITE', 'FREINS MOBILITE', 'LEVEE DES FREINS MOBILITE']],
  [
    'garde_enfants',
    ['GARDE D ENFANTS', 'GARDE ENFANTS', 'GARDE', 'LEVEE DES FREINS GARDE D ENFANTS'],
  ],
  [
    'numerique',
    ['NUMERIQUE', 'FRACTURE NUMERIQUE', 'INCLUSION NUMERIQUE', 'LEVEE DES FREINS NUMERIQUE'],
  ],
  ['remobilisation', ['REMOBILISATION', 'REMOBILISATION PROFESSIONNELLE']],
  [
    'mediation_emploi',
    ['MEDIATION EMPLOI', 'MEDIATION A L EMPLOI', 'MEDIATION DIRECTE A L EMPLOI', 'EMPLOI'],
  ],
  [
    'accompagnement_social',
    ['ACCOMPAGNEMENT SOCIAL', 'ACCOMPAGNEMENT INSERTION SOCIALE', 'INSERTION SOCIALE'],
  ],
  ['innovation', ['INNOVATION', 'EXPERIMENTATION', 'INNOVATION EXPERIMENTATION']],
  ['iae', ['IAE', 'SIAE', 'INSERTION PAR L ACTIVITE ECONOMIQUE']],
];
const AXIS_BY_WORD = new Map<string, Axis>();
for (const a of AXES) AXIS_BY_WORD.set(key(a), a);
for (const [a, words] of AXIS_WORDS) for (const w of words) AXIS_BY_WORD.set(key(w), a);

/** Axes of a cell like "mobilite|numerique" or "Mobilité, Numérique"; unknown words returned apart. */
export function axesFromCell(cell: string): { axes: Axis[]; unknown: string[] } {
  const axes: Axis[] = [];
  const unknown: string[] = [];
  for (const part of cell.split(/[|,;/+]/)) {
    if (part.trim() === '') continue;
    const a = AXIS_BY_WORD.get(key(part));
    if (a) {
      if (!axes.includes(a)) axes.push(a);
    } else unknown.push(part.trim());
  }
  return { axes, unknown };
}

/** Axes a site of a kind carries when its file says nothing about them. */
export function defaultAxes(kind: SiteKind): Axis[] {
  switch (kind) {
    case 'mds':
    case 'ccas':
      return ['accueil', 'accompagnement_social'];
    case 'france_services':
      return ['accueil', 'numerique'];
    case 'caf_msa':
      return ['accompagnement_social'];
    case 'france_travail':
      return ['mediation_emploi'];
    case 'siae':
      return ['iae'];
    case 'mobilite':
      return ['mobilite'];
    case 'action':
      return ['accompagnement_social'];
  }
}

/** data·inclusion thematique prefixes (v0 and v1) → axis; shown in the « Données » panel. */
export const THEMATIQUE_AXES: readonly (readonly [string, Axis])[] = [
  ['mobilite', 'mobilite'],
  ['famille--garde-denfants', 'garde_enfants'],
  ['numerique', 'numerique'],
  ['remobilisation', 'remobilisation'],
  ['choisir-un-metier', 'remobilisation'],
  ['se-former', 'remobilisation'],
  ['lecture-ecriture-calcul', 'remobilisation'],
  ['illettrisme', 'remobilisation'],
  ['apprendre-francais', 'remobilisation'],
  ['trouver-un-emploi', 'mediation_emploi'],
  ['preparer-sa-candidature', 'mediation_emploi'],
  ['creer-une-entreprise', 'mediation_emploi'],
  ['creation-activite', 'mediation_emploi'],
  ['souvrir-a-linternational', 'mediation_emploi'],
  ['accompagnement-social-et-professionnel-personnalise', 'accompagnement_social'],
  ['acces-aux-droits-et-citoyennete', 'accompagnement_social'],
  ['difficultes-administratives-ou-juridiques', 'accompagnement_social'],
  ['difficultes-financieres', 'accompagnement_social'],
  ['gestion-financiere', 'accompagnement_social'],
  ['logement-hebergement', 'accompagnement_social'],
  ['sante', 'accompagnement_social'],
  ['handicap', 'accompagnement_social'],
  ['equipement-et-alimentation', 'accompagnement_social'],
  ['famille', 'accompagnement_social'],
];

export function axisOfThematique(thematique: string): Axis | null {
  const t = thematique.trim().replace(/^"|"$/g, '');
  for (const [prefix, axis] of THEMATIQUE_AXES) {
    if (t === prefix || t.startsWith(prefix + '--') || t.startsWith(prefix)) return axis;
  }
  return null;
}

/**
 * data·inclusion v1 "réseaux porteurs" and v0 structure typologies → kind; shown in the
 * « Données » panel. A structure of no listed network is an action of the offer (`action`).
 */
export const NETWORK_KINDS: Readonly<Record<string, SiteKind>> = {
  'france-travail': 'france_travail',
  ft: 'france_travail',
  pe: 'france_travail',
  caf: 'caf_msa',
  'mutualite-sociale-agricole': 'caf_msa',
  msa: 'caf_msa',
  'france-service': 'france_services',
  msap: 'france_services',
  rfs: 'france_services',
  'ccas-cias': 'ccas',
  ccas: 'ccas',
  cias: 'ccas',
  'maisons-des-solidarites': 'mds',
  mds: 'mds',
  cms: 'mds',
  aci: 'siae',
  ai: 'siae',
  ei: 'siae',
  etti: 'siae',
  eiti: 'siae',
  wimoov: 'mobilite',
  mobin: 'mobilite',
};

/** Kind and detail from a list of networks or a typology code; null when none is known. */
export function kindFromNetworks(
  codes: readonly string[],
): { kind: SiteKind; detail: string } | null {
  for (const c of codes) {
    const code = c.trim().toLowerCase();
    const kind = NETWORK_KINDS[code];
    if (kind) return { kind, detail: kind === 'siae' ? code.toUpperCase() : '' };
  }
  return null;
}

/** Items of a data·inclusion list cell: JSON-ish "a|b", or Postgres "{a,b}" / '{"a","b"}'. */
export function listItems(cell: string): string[] {
  const s = cell
    .trim()
    .replace(/^\{|\}$/g, '')
    .replace(/^\[|\]$/g, '');
  return s
    .split(/[|,]/)
    .map((x) => x.trim().replace(/^"|"$/g, ''))
    .filter((x) => x !== '');
}
