/**
 * Every source the open-data builder can read: producer, licence, millésime and the address of
 * the official publication (data/sources.md says the same for people). A dataset's `sources`
 * table carries the records of the inputs actually used.
 */
import type { Source } from '../../src/domain/model.ts';

export const SOURCES = {
  cog: {
    id: 'insee-cog-2024',
    producer: 'INSEE',
    title:
      'Code officiel géographique 2024 : communes, EPCI (paquet @etalab/decoupage-administratif 4.0.0)',
    licence: 'Licence Ouverte 2.0',
    millesime: 'COG 2024',
    url: 'https://www.insee.fr/fr/information/2560452',
    note: 'Liste des communes au 1er janvier 2024, communes déléguées et anciens codes, EPCI à fiscalité propre (DGCL).',
  },
  cogPopulation: {
    id: 'insee-population-2021-package',
    producer: 'INSEE',
    title:
      'Populations légales 2021 en vigueur au 1er janvier 2024 (paquet @etalab/decoupage-administratif 4.0.0)',
    licence: 'Licence Ouverte 2.0',
    millesime: '2021',
    url: 'https://www.insee.fr/fr/statistiques/7739582?sommaire=7728826',
    note: 'Population municipale.',
  },
  population: {
    id: 'insee-population-2021',
    producer: 'INSEE',
    title: 'Populations légales 2021 en vigueur au 1er janvier 2024, population municipale',
    licence: 'Licence Ouverte 2.0',
    millesime: '2021',
    url: 'https://www.insee.fr/fr/statistiques/7739582?sommaire=7728826',
    note: '',
  },
  contoursGeoref: {
    id: 'contours-georef-2024',
    producer: 'IGN, INSEE (export Opendatasoft « georef-france-commune »)',
    title: 'Contours des communes, COG 2024, avec EPCI, bassins de vie 2022 et zones d’emploi 2020',
    licence: 'Licence Ouverte 2.0',
    millesime: '2024',
    url: 'https://public.opendatasoft.com/explore/dataset/georef-france-commune/',
    note: 'Construit à partir d’IGN ADMIN EXPRESS et du COG de l’INSEE.',
  },
  contoursCodeNom: {
    id: 'contours-communes',
    producer: 'IGN (ADMIN EXPRESS), republication geo.api.gouv.fr / france-geojson',
    title: 'Contours des communes (champs code, nom)',
    licence: 'Licence Ouverte 2.0',
    millesime: '',
    url: 'https://geo.api.gouv.fr/decoupage-administratif/communes',
    note: '',
  },
  zonings: {
    id: 'insee-appartenance-2024',
    producer: 'INSEE',
    title:
      'Table d’appartenance géographique des communes et zonages d’étude (bassins de vie 2022, zones d’emploi 2020)',
    licence: 'Licence Ouverte 2.0',
    millesime: 'COG 2024',
    url: 'https://www.insee.fr/fr/information/2028028',
    note: 'Bassins de vie 2022 (BV2022) et zones d’emploi 2020 (ZE2020), géographie au 1er janvier 2024.',
  },
  passage: {
    id: 'insee-passage-2018-2024',
    producer: 'INSEE (tables de passage du COG, paquet R COGugaison)',
    title:
      'Table de passage des codes communes 2018 → 2024 (fusions, défusions, changements de code)',
    licence: 'Licence Ouverte 2.0 (INSEE) ; ODbL pour la compilation COGugaison',
    millesime: '2018-2024',
    url: 'https://github.com/antuki/COGugaison',
    note: '© Code Officiel Géographique (Insee) et package R COGugaison.',
  },
  chefsLieux: {
    id: 'ign-chefs-lieux-2023',
    producer: 'IGN, INSEE',
    title: 'Chefs-lieux des communes (ADMIN EXPRESS), COG 2023',
    licence: 'Licence Ouverte 2.0',
    millesime: 'COG 2023',
    url: 'https://geoservices.ign.fr/adminexpress',
    note: 'Point de référence de chaque commune (mairie).',
  },
  franceServices: {
    id: 'anct-france-services',
    producer: 'ANCT',
    title: 'Liste des structures France services',
    licence: 'Licence Ouverte 2.0',
    millesime: '',
    url: 'https://www.data.gouv.fr/fr/datasets/liste-des-structures-france-services/',
    note: '',
  },
  siae: {
    id: 'asp-siae',
    producer: 'ASP, DGEFP (extranet IAE)',
    title: 'Liste des structures d’insertion par l’activité économique conventionnées',
    licence: 'Licence Ouverte 2.0 (à vérifier)',
    millesime: '',
    url: 'https://github.com/gip-inclusion/les-emplois',
    note: 'Sans code INSEE ni coordonnées : commune retrouvée par son nom et le département, site placé au chef-lieu.',
  },
  franceTravail: {
    id: 'france-travail-agences',
    producer: 'Pôle emploi (France Travail)',
    title: 'Référentiel des agences',
    licence: 'Licence Ouverte 2.0 (à vérifier)',
    millesime: '',
    url: 'https://github.com/gip-inclusion/les-emplois',
    note: 'Agences locales (ALE) seulement.',
  },
  dataInclusion: {
    id: 'data-inclusion',
    producer: 'GIP Plateforme de l’inclusion (data·inclusion)',
    title: 'Structures et services d’insertion (schéma data·inclusion)',
    licence: 'Licence Ouverte 2.0',
    millesime: '',
    url: 'https://www.data.inclusion.beta.gouv.fr/',
    note: '',
  },
  jobSeekers: {
    id: 'gip-demandeurs-emploi',
    producer: 'GIP Plateforme de l’inclusion, d’après France Travail',
    title: 'Demandeurs d’emploi par commune (arrondis à 5)',
    licence: 'non précisée par le producteur',
    millesime: 'publié en avril 2025',
    url: 'https://github.com/gip-inclusion/pilotage-offre-insertion',
    note: 'Catégories et date de référence non précisées par le producteur.',
  },
  filosofi: {
    id: 'insee-filosofi-2016',
    producer: 'INSEE',
    title: 'Filosofi 2016 : ménages fiscaux et taux de pauvreté par commune',
    licence: 'Licence Ouverte 2.0',
    millesime: '2016',
    url: 'https://www.insee.fr/fr/metadonnees/source/serie/s1172',
    note: 'Ménages sous le seuil de pauvreté estimés par nombre de ménages fiscaux × taux de pauvreté ; communes sous secret statistique sans valeur.',
  },
  caf: {
    id: 'caf-rsa',
    producer: 'CNAF (data.caf.fr)',
    title: 'Foyers allocataires du RSA par commune (régime général, hors MSA)',
    licence: 'Licence Ouverte 2.0',
    millesime: '',
    url: 'https://data.caf.fr/',
    note: 'Foyers arrondis à 5 ; petites valeurs masquées.',
  },
  pti: {
    id: 'pti-territoires',
    producer: 'Conseil départemental',
    title: 'Territoires du Pacte territorial d’insertion',
    licence: 'fichier local',
    millesime: '',
    url: '',
    note: '',
  },
  offerTemplate: {
    id: 'offre-locale',
    producer: 'Conseil départemental et partenaires',
    title: 'Offre d’insertion (modèle de fichier d’offre)',
    licence: 'fichier local',
    millesime: '',
    url: '',
    note: '',
  },
} satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;

/** A source record with some fields set for one input (millésime from the file name…). */
export function sourceFor(key: SourceKey, over: Partial<Source> = {}): Source {
  return { ...SOURCES[key], ...over };
}

/**
 * The files `--download` fetches: the official publication of each input, and the path the
 * same file has in a mirror laid out like the open-data folder (`--mirror URL`, used by the
 * tests with a local server). `{dep}` is replaced by the département code.
 */
export interface DownloadItem {
  key: string;
  url: string;
  mirrorPath: string;
}

export const DOWNLOADS: DownloadItem[] = [
  {
    key: 'contours',
    url: 'https://public.opendatasoft.com/api/explore/v2.1/catalog/datasets/georef-france-commune/exports/geojson?refine=dep_code%3A{dep}&refine=year%3A2024',
    mirrorPath: 'contours/georef-2024/communes-{dep}.geojson',
  },
  {
    key: 'france-services',
    url: 'https://raw.githubusercontent.com/anct-carto/france_services/77f42baab04eae687d5eef1acdc79ee395f9562b/data/liste-fs-20240801.csv',
    mirrorPath: 'accueil/france-services-20240801.csv',
  },
  {
    key: 'france-travail',
    url: 'https://raw.githubusercontent.com/gip-inclusion/les-emplois/89b55ad26be29daf0dc7473af98eb18dda665880/itou/prescribers/management/commands/data/pole_emploi_agencies.csv',
    mirrorPath: 'accueil/pole_emploi_agences_2019-11.csv',
  },
  {
    key: 'siae',
    url: 'https://raw.githubusercontent.com/gip-inclusion/les-emplois/ffa3de1f7795a52eb0f82e0b1134a7bb452b3ff0/itou/siae/management/commands/data/2019_07_liste_siae.csv',
    mirrorPath: 'siae/siae_liste_asp_2019-07.csv',
  },
  {
    key: 'demandeurs-emploi',
    url: 'https://raw.githubusercontent.com/gip-inclusion/pilotage-offre-insertion/5c490fb4d5e7ecd48b2a17bfd30ad8c6ec7a7956/src/data/population.json',
    mirrorPath: 'population/gip_pilotage_demandeurs_emploi_par_commune.json',
  },
];
