/**
 * A file imported by a user in the app, from its table to what the dataset gains: an offer
 * (sites) or a territory scheme, with its report. The same parsers as the build's, and the same
 * rule: an import that keeps no row is refused as a whole (`ImportRefused`, with its report), so
 * that nothing is ever replaced by nothing nor stored to come back at every reload.
 */
import type { Membership, Scheme, Site, Territory } from '../model.ts';
import { CommuneIndex, type FormerCommune } from './commune-index.ts';
import type { LocateContext } from './locate.ts';
import { OFFER_FORMAT_LABELS, parseOffer } from './offer.ts';
import { pointLocator, polygonDistance, type CommunePolygon } from './point-locator.ts';
import { parsePtiTerritories, type Epci } from './pti-territories.ts';
import { acceptReport, type ValidationReport } from './report.ts';
import type { TableInput } from './table.ts';

export interface UserImportContext extends LocateContext {
  /** The EPCI of the département, for territory files given by EPCI. */
  epcis: readonly Epci[];
  /** The communes' polygons, for territory files drawn as polygons. */
  polygons?: readonly CommunePolygon[];
}

/** What an accepted import adds to the dataset. */
export interface ImportContent {
  kind: 'offer' | 'territories';
  /** The format recognised ("Modèle de fichier d’offre"…). */
  formatLabel: string;
  /** How the file was read, for its source's note. */
  sourceNote: string;
  sites: Site[];
  scheme: Scheme | null;
  territories: Territory[];
  memberships: Membership[];
  report: ValidationReport;
}

/** An offer file: its sites, or `ImportRefused` when it keeps none. */
export function importOffer(
  table: TableInput,
  ctx: UserImportContext,
  id: string,
  fileName: string,
): ImportContent {
  const { sites, report, format } = parseOffer(table, {
    ...ctx,
    sourceId: id,
    idPrefix: id,
    inputId: id,
    label: `Offre importée : ${fileName}`,
  });
  return {
    kind: 'offer',
    formatLabel: OFFER_FORMAT_LABELS[format],
    sourceNote: `${OFFER_FORMAT_LABELS[format]} ; ${table.format}`,
    sites,
    scheme: null,
    territories: [],
    memberships: [],
    report: acceptReport(report),
  };
}

/** A territory file: a scheme of its own, or `ImportRefused` when it keeps no row. */
export function importTerritories(
  table: TableInput,
  ctx: UserImportContext,
  id: string,
  fileName: string,
  schemeLabel: string,
): ImportContent {
  const r = parsePtiTerritories(table, {
    dep: ctx.dep,
    communes: ctx.communes,
    epcis: ctx.epcis,
    polygons: ctx.polygons,
    schemeId: id,
    sourceId: id,
    inputId: id,
    label: `Territoires importés : ${fileName}`,
  });
  const report = acceptReport(r.report);
  return {
    kind: 'territories',
    formatLabel: table.geojson
      ? 'Fichier de territoires (polygones GeoJSON)'
      : 'Fichier de territoires (communes ou EPCI → territoire)',
    sourceNote: table.format,
    sites: [],
    scheme: {
      id,
      label: schemeLabel.trim() || `Territoires (${fileName})`,
      unitLabel: 'territoire',
      sourceId: id,
    },
    territories: r.territories,
    memberships: r.memberships,
    report,
  };
}

/** What the app knows of its dataset that an import needs. */
export interface DatasetForImport {
  dep: string;
  bbox: readonly [number, number, number, number];
  communes: readonly { code: string; name: string; lon: number; lat: number }[];
  /** The dataset's former communes (its meta's `formerCommunes`), remapped as the build does. */
  formers?: readonly FormerCommune[];
  polygons: readonly CommunePolygon[];
  epcis: readonly Epci[];
}

/** The context of an import in the app: the same commune index and rules as the build's. */
export function userImportContext(d: DatasetForImport): UserImportContext {
  const communes = new CommuneIndex(
    d.communes.map((c) => ({ code: c.code, name: c.name, dep: d.dep, lon: c.lon, lat: c.lat })),
    d.formers ?? [],
  );
  return {
    dep: d.dep,
    communes,
    bbox: d.bbox,
    communeAt: pointLocator(d.polygons),
    distanceKm: d.polygons.length > 0 ? polygonDistance(d.polygons) : undefined,
    epcis: d.epcis,
    polygons: d.polygons,
  };
}
