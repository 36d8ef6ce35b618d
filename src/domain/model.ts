/**
 * The data model shared by the demo territory and real départements.
 *
 * One shape for both: the build step (`scripts/`) writes these records as Arrow tables that the
 * browser loads into DuckDB, and the commune polygons as TopoJSON that the map draws without
 * DuckDB. `data/README.md` documents every field and the artefact files.
 */

/** INSEE commune code: five characters, `2A`/`2B` for Corsica. */
export type CodeInsee = string;

/** INSEE "grille communale de densité" in four levels (1 = dense … 4 = very sparse). */
export type DensityLevel = 1 | 2 | 3 | 4;

export interface Commune {
  code: CodeInsee;
  name: string;
  population: number;
  /** Reference point (chef-lieu or interior point), WGS84. */
  lon: number;
  lat: number;
  areaKm2: number;
  density: DensityLevel;
  /** In the mountain zone (loi Montagne), when the commune contours say so; absent = unknown. */
  mountain?: boolean;
}

/** A way of grouping communes: EPCI, bassin de vie, PTI territory, or a custom grouping. */
export interface Scheme {
  id: string;
  label: string;
  /** Short French noun for one territory of the scheme ("EPCI", "bassin", "territoire"). */
  unitLabel: string;
  sourceId: string;
}

/** The commune scheme is implicit: every commune is its own territory. */
export const COMMUNE_SCHEME_ID = 'commune';

export interface Territory {
  schemeId: string;
  code: string;
  name: string;
}

export interface Membership {
  schemeId: string;
  communeCode: CodeInsee;
  territoryCode: string;
}

/**
 * Kinds of sites. The accueil kinds are those that can host the "premier accueil social
 * inconditionnel"; the others carry actions of the offer.
 */
export const SITE_KINDS = [
  'mds',
  'ccas',
  'france_services',
  'caf_msa',
  'france_travail',
  'siae',
  'mobilite',
  'action',
] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Kinds counted as an "accueil social" by default (the 30-minute question). */
export const ACCUEIL_KINDS: readonly SiteKind[] = ['mds', 'ccas', 'france_services'];

/** Kinds whose sites carry the actions of the offer (as opposed to accueil and orientation). */
export const OFFER_KINDS: readonly SiteKind[] = ['action', 'siae', 'mobilite'];

/**
 * Axes of the offer, after the Nord call for projects (levée des freins split into its three
 * usual parts), plus IAE and accueil/orientation. See PRODUCT.md, question 1.
 */
export const AXES = [
  'accueil',
  'mobilite',
  'garde_enfants',
  'numerique',
  'remobilisation',
  'mediation_emploi',
  'accompagnement_social',
  'innovation',
  'iae',
] as const;
export type Axis = (typeof AXES)[number];

/** Mobility services, the `detail` of a site of kind `mobilite`. */
export const MOBILITY_SERVICES = [
  'plateforme_mobilite',
  'garage_solidaire',
  'auto_ecole_sociale',
  'transport_a_la_demande',
  'covoiturage_solidaire',
] as const;
export type MobilityService = (typeof MOBILITY_SERVICES)[number];

/** SIAE measures, the `detail` of a site of kind `siae`. */
export const SIAE_MEASURES = ['ACI', 'EI', 'AI', 'ETTI', 'EITI'] as const;

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  /** Finer type within the kind (mobility service, SIAE measure…), or empty. */
  detail: string;
  axes: Axis[];
  /** Places (people that can be followed at once, or per year for mobility services); null if unknown. */
  capacity: number | null;
  lon: number;
  lat: number;
  communeCode: CodeInsee;
  operator: string;
  /** Public the site is open to, as free text ("allocataires du RSA", "tout public"…). */
  public: string;
  /** Opening hours as published, free text. */
  hours: string;
  sourceId: string;
}

/**
 * A site of a neighbouring département, kept because it may be the nearest for people near the
 * border: its detail starts with this. It counts for travel times, never as the département's offer.
 */
export const BORDER_SITE_DETAIL = 'hors département';

export const isBorderSite = (s: Pick<Site, 'detail'>): boolean =>
  s.detail.startsWith(BORDER_SITE_DETAIL);

/**
 * A need indicator value for one commune ("foyers allocataires RSA", job seekers…). A commune
 * without a value of an indicator has no row (« non renseigné », value-state.ts); a row whose
 * value is null is a value the producer masked (« secret », e.g. CAF counts under 5 households).
 * Neither is ever counted as 0.
 */
export interface NeedValue {
  communeCode: CodeInsee;
  indicator: string;
  value: number | null;
  year: number;
  sourceId: string;
}

export interface NeedIndicator {
  id: string;
  label: string;
  /** Unit noun, plural, as shown after a figure ("foyers", "personnes"). */
  unit: string;
  sourceId: string;
}

/** Well-known need indicators. `rsa_foyers` is the default when present. */
export const NEED_RSA_FOYERS = 'rsa_foyers';

/** The share of beneficiaries of a territory giving one answer to a survey question. */
export interface BarrierShare {
  schemeId: string;
  territoryCode: string;
  /** Question id, e.g. `transport`. */
  question: string;
  /** Answer id within the question, e.g. `transports_en_commun_seulement`. */
  answer: string;
  /** Share between 0 and 1. */
  share: number;
  year: number;
  sourceId: string;
}

export interface Source {
  id: string;
  producer: string;
  title: string;
  licence: string;
  /** Millésime: the year (or date) the figures describe. */
  millesime: string;
  url: string;
  note: string;
}

/**
 * Travel times computed at build time on a real network (roads from an OpenStreetMap extract, or
 * public transport timetables), commune reference point to commune reference point.
 */
export interface NetworkTimesMeta {
  /** Arrow IPC file in the dataset folder: origin (utf8 INSEE code), destination (utf8), minutes
   * (float64). A pair absent from the file takes more than maxMinutes (never "unknown"). */
  file: string;
  network: 'routes' | 'transports';
  /** French name of the network, as the app shows it (« Réseau routier OpenStreetMap »). */
  label: string;
  /** Entry of `sources` naming the network, its date and its licence. */
  sourceId: string;
  /** Cutoff of the computation, minutes. */
  maxMinutes: number;
  /** Pairs in the file. */
  pairs: number;
  /** How the times were computed, in French (rules, snapping, speeds). */
  detail?: string;
}

/** What a dataset's `meta.json` says about it (the tables themselves are Arrow files). */
export interface DatasetMeta {
  id: string;
  name: string;
  departement: { code: string; name: string };
  /** True for the generated demo territory: the UI then says the data is fictional everywhere. */
  fictional: boolean;
  /** In a published (public) dataset: the threshold of statistical secrecy it was built with. */
  secrecyThreshold?: number;
  /** [west, south, east, north] in WGS84. */
  bbox: [number, number, number, number];
  schemes: Scheme[];
  needIndicators: NeedIndicator[];
  /** Need indicator used for "beneficiaries" when the user has not chosen one. */
  defaultNeed: string;
  /** Source of commune populations. */
  populationSourceId: string;
  sources: Source[];
  /**
   * File name of each table, relative to the dataset folder. `published_needs` is present only in
   * a published (public) dataset, whose `needs` table is then empty.
   */
  tables: Partial<Record<DatasetTable, string>>;
  /** File name of the commune TopoJSON, object `communes`, geometry id = INSEE code. */
  topology: string;
  /** File name of the build's validation reports (one per input file), when the dataset has them. */
  reports?: string;
  /**
   * Codes of former communes (merged, or delegated) and the commune that took each over, so that
   * an import in the app brings them to today's commune as the build does.
   */
  formerCommunes?: { code: string; name: string; currentCode: string }[];
  /** Times computed on a real network, per travel mode (keys are the TravelMode values). */
  networkTimes?: Partial<Record<'voiture' | 'sans-voiture', NetworkTimesMeta>>;
  /**
   * File name of the first view's figures computed at build time (src/data/first-figures.ts),
   * shown while DuckDB-WASM starts; absent from a dataset built without them.
   */
  firstFigures?: string;
}

export const DATASET_TABLES = [
  'communes',
  'territories',
  'memberships',
  'sites',
  'needs',
  'barriers',
  'sources',
  'published_needs',
] as const;
export type DatasetTable = (typeof DATASET_TABLES)[number];

/** One entry of `public/data/datasets.json`, the list the app offers in its dataset selector. */
export interface DatasetEntry {
  id: string;
  name: string;
  departement: { code: string; name: string };
  fictional: boolean;
  /** Folder of the dataset, relative to `data/`. */
  path: string;
}
