/**
 * The sites as a table, the equivalent of the points on the map: kind, axes, capacity (or
 * « inconnue », never 0), commune, source and its date; filtered by kind and by axis as the map
 * filters them, and exported with a status column for the capacity.
 */
import { AXIS_LABELS, MOBILITY_SERVICE_LABELS, SITE_KIND_LABELS } from './labels.ts';
import type { Axis, MobilityService, Site, SiteKind, Source } from './model.ts';

export interface SiteRow {
  id: string;
  name: string;
  kind: SiteKind;
  /** Kind and finer type in words ("Service de mobilité solidaire (garage solidaire)"). */
  kindLabel: string;
  axes: Axis[];
  axesLabel: string;
  /** Null when the source does not give it (`capacityStatus` says « inconnue »). */
  capacity: number | null;
  capacityStatus: '' | 'inconnue';
  communeCode: string;
  communeName: string;
  operator: string;
  sourceId: string;
  /** "Producer, title", or the id when the source is not described. */
  sourceLabel: string;
  /** The source's millésime as it gives it, or ''. */
  sourceDate: string;
}

/** What the map shows: the kinds ticked (null: all), the axes hidden. */
export interface SiteFilter {
  kinds: readonly SiteKind[] | null;
  hiddenAxes: readonly Axis[];
}

export const NO_SITE_FILTER: SiteFilter = { kinds: null, hiddenAxes: [] };

/**
 * Whether a site is shown: its kind is ticked and, when some axes are hidden, one of its axes at
 * least is not, as on the map.
 */
export function siteShown(s: Site, f: SiteFilter): boolean {
  if (f.kinds && !f.kinds.includes(s.kind)) return false;
  return f.hiddenAxes.length === 0 || s.axes.some((a) => !f.hiddenAxes.includes(a));
}

export function siteKindLabel(s: Pick<Site, 'kind' | 'detail'>): string {
  if (!s.detail) return SITE_KIND_LABELS[s.kind];
  const detail =
    MOBILITY_SERVICE_LABELS[s.detail as MobilityService]?.toLowerCase() ??
    s.detail.replaceAll('_', ' ');
  return `${SITE_KIND_LABELS[s.kind]} (${detail})`;
}

/** "Producer, title (millésime …)", for a site's tooltip. */
export function siteSourceText(s: Site, sources: ReadonlyMap<string, Source>): string {
  const src = sources.get(s.sourceId);
  if (!src) return `Source : ${s.sourceId || 'non précisée'}`;
  const date = src.millesime ? `, millésime ${src.millesime}` : ', sans date';
  return `Source : ${[src.producer, src.title].filter(Boolean).join(', ')}${date}`;
}

export function siteRows(
  sites: readonly Site[],
  communeNames: ReadonlyMap<string, string>,
  sources: ReadonlyMap<string, Source>,
  filter: SiteFilter = NO_SITE_FILTER,
): SiteRow[] {
  return sites
    .filter((s) => siteShown(s, filter))
    .map((s): SiteRow => {
      const src = sources.get(s.sourceId);
      return {
        id: s.id,
        name: s.name,
        kind: s.kind,
        kindLabel: siteKindLabel(s),
        axes: s.axes,
        axesLabel: s.axes.map((a) => AXIS_LABELS[a]).join(', '),
        capacity: s.capacity,
        capacityStatus: s.capacity === null ? 'inconnue' : '',
        communeCode: s.communeCode,
        communeName: communeNames.get(s.communeCode) ?? s.communeCode,
        operator: s.operator,
        sourceId: s.sourceId,
        sourceLabel: src ? [src.producer, src.title].filter(Boolean).join(', ') : s.sourceId,
        sourceDate: src?.millesime ?? '',
      };
    })
    .sort(
      (a, b) => a.kindLabel.localeCompare(b.kindLabel, 'fr') || a.name.localeCompare(b.name, 'fr'),
    );
}

/** The table as CSV cells: capacity empty with its status when unknown, never 0. */
export const SITE_CSV_HEADER = [
  'identifiant',
  'nom',
  'type',
  'axes',
  'capacite',
  'statut_capacite',
  'code_commune',
  'commune',
  'porteur',
  'source',
  'millesime_source',
];

export function siteCsvCells(r: SiteRow): (string | number | null)[] {
  return [
    r.id,
    r.name,
    r.kindLabel,
    r.axesLabel,
    r.capacity,
    r.capacityStatus,
    r.communeCode,
    r.communeName,
    r.operator,
    r.sourceLabel,
    r.sourceDate,
  ];
}
