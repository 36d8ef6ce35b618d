/**
 * How complete the offer of a dataset is: for every kind of site and every axis, how many sites
 * the data holds, from which sources and of which date, with the flags a planner must see before
 * trusting a figure built on them: no site at all (the kind is absent from the data, not from
 * the territory), a source older than three years, capacities unknown for most sites. The
 * defaults of the tools follow from it: a kind with no site is not counted by default, and the
 * coverage view opens on an axis that has sites.
 */
import { ACCUEIL_KINDS, AXES, OFFER_KINDS, SITE_KINDS, isBorderSite } from './model.ts';
import type { Axis, Site, SiteKind, Source } from './model.ts';

/** A source older than this many years is flagged. */
export const MAX_SOURCE_AGE_YEARS = 3;
/** Capacities are flagged as mostly unknown above this share of the sites of a kind. */
export const UNKNOWN_CAPACITY_FLAG_SHARE = 0.5;

export type CompletenessFlag = 'no_site' | 'old_source' | 'capacity_unknown' | 'undated';

export const COMPLETENESS_FLAG_LABELS: Record<CompletenessFlag, string> = {
  no_site: 'aucun lieu dans les données',
  old_source: `source de plus de ${MAX_SOURCE_AGE_YEARS} ans`,
  capacity_unknown: 'capacités inconnues pour la plupart des lieux',
  undated: 'source sans date',
};

export interface SourceDate {
  id: string;
  /** "Producer, title" as shown. */
  label: string;
  millesime: string;
  /** The date the source describes, when its millésime gives one. */
  date: Date | null;
  /** Age in years at the reference date, or null. */
  ageYears: number | null;
}

export interface KindCompleteness {
  kind: SiteKind;
  sites: number;
  /** Sites whose capacity is not given (meaningful for the offer kinds). */
  unknownCapacity: number;
  sources: SourceDate[];
  flags: CompletenessFlag[];
}

export interface AxisCompleteness {
  axis: Axis;
  sites: number;
  unknownCapacity: number;
}

export interface OfferCompleteness {
  kinds: KindCompleteness[];
  axes: AxisCompleteness[];
  /** Kinds with no site, in the order of SITE_KINDS. */
  absentKinds: SiteKind[];
}

/**
 * The date a millésime describes: "2024-08-01", "2019-11", "2021", "COG 2024", "publié en avril
 * 2025", "2018-2024" (the last year). A bare year counts from its 31 December, the most recent
 * day it may describe, so that no source is called old sooner than it is.
 */
export function millesimeDate(millesime: string): Date | null {
  const full = /(\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)/.exec(millesime);
  if (full) {
    const [, y, m, d] = full;
    const month = Number(m) - 1;
    if (month >= 0 && month < 12) {
      // A month without a day counts from its last day.
      const day = d ? Number(d) : new Date(Date.UTC(Number(y), month + 1, 0)).getUTCDate();
      return new Date(Date.UTC(Number(y), month, day));
    }
  }
  const years = [...millesime.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((x) => Number(x[0]));
  if (years.length === 0) return null;
  return new Date(Date.UTC(Math.max(...years), 11, 31));
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

export function sourceDate(source: Source, today: Date): SourceDate {
  const date = millesimeDate(source.millesime);
  return {
    id: source.id,
    label: [source.producer, source.title].filter(Boolean).join(', '),
    millesime: source.millesime,
    date,
    ageYears: date ? Math.max(0, (today.getTime() - date.getTime()) / YEAR_MS) : null,
  };
}

/**
 * @param today the reference date of the ages (the day the app is used)
 */
export function offerCompleteness(
  allSites: readonly Site[],
  sources: readonly Source[],
  today: Date,
): OfferCompleteness {
  // The département's own offer: sites of neighbouring départements count for travel times only.
  const sites = allSites.filter((s) => !isBorderSite(s));
  const byId = new Map(sources.map((s) => [s.id, s]));
  const kinds = SITE_KINDS.map((kind): KindCompleteness => {
    const of = sites.filter((s) => s.kind === kind);
    const unknownCapacity = of.filter((s) => s.capacity === null).length;
    const sourceIds = [...new Set(of.map((s) => s.sourceId))].sort();
    const dates = sourceIds.map((id) => {
      const src = byId.get(id);
      return src
        ? sourceDate(src, today)
        : { id, label: id, millesime: '', date: null, ageYears: null };
    });
    const flags: CompletenessFlag[] = [];
    if (of.length === 0) flags.push('no_site');
    if (dates.some((d) => d.ageYears !== null && d.ageYears > MAX_SOURCE_AGE_YEARS)) {
      flags.push('old_source');
    }
    if (dates.some((d) => d.date === null)) flags.push('undated');
    if (
      OFFER_KINDS.includes(kind) &&
      of.length > 0 &&
      unknownCapacity / of.length > UNKNOWN_CAPACITY_FLAG_SHARE
    ) {
      flags.push('capacity_unknown');
    }
    return { kind, sites: of.length, unknownCapacity, sources: dates, flags };
  });
  const axes = AXES.map((axis): AxisCompleteness => {
    const of = sites.filter((s) => s.axes.includes(axis));
    return {
      axis,
      sites: of.length,
      unknownCapacity: of.filter((s) => s.capacity === null).length,
    };
  });
  return { kinds, axes, absentKinds: kinds.filter((k) => k.sites === 0).map((k) => k.kind) };
}

const countOf = (sites: readonly Site[], kind: SiteKind) =>
  sites.reduce((n, s) => n + (s.kind === kind ? 1 : 0), 0);

/**
 * The kinds counted as an accueil by default: those of ACCUEIL_KINDS that the data has sites of.
 * A kind with no site is not ticked: ticking it would count an offer the data does not describe.
 */
export function defaultAccueilKinds(sites: readonly Site[]): SiteKind[] {
  return ACCUEIL_KINDS.filter((k) => countOf(sites, k) > 0);
}

/** Kinds among those chosen that have no site in the data (the reach panel names them). */
export function kindsWithoutSites(kinds: readonly SiteKind[], sites: readonly Site[]): SiteKind[] {
  return kinds.filter((k) => countOf(sites, k) === 0);
}

/**
 * The axis the coverage view opens on: the preferred one when the data has sites of it, else
 * the first axis (in AXES order) that has; the preferred one when none has any.
 */
export function defaultCoverageAxis(sites: readonly Site[], preferred: Axis): Axis {
  const has = (a: Axis) => sites.some((s) => s.axes.includes(a));
  if (has(preferred)) return preferred;
  return AXES.find(has) ?? preferred;
}
