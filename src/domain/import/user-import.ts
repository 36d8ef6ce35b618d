/**
 * A file imported by a user in the app, from its table to what the dataset gains: an offer
 * (sites) or a territory scheme, with its report. The same parsers as the build's, and the same
 * rule: an import that keeps no row is refused as a whole (`ImportRefused`, with its report), so
 * that nothing is ever replaced by nothing nor stored to come back at every reload.
 */
import type { Membership, NeedIndicator, NeedValue, Scheme, Site, Territory } from '../model.ts';
import { CommuneIndex, type FormerCommune } from './commune-index.ts';
import type { LocateContext } from './locate.ts';
import { parseCafRsa } from './needs.ts';
import { OFFER_FORMAT_LABELS, parseOffer, type DataInclusionStructure } from './offer.ts';
import { pointLocator, polygonDistance, type CommunePolygon } from './point-locator.ts';
import { parsePtiTerritories, type Epci } from './pti-territories.ts';
import { acceptReport, type ValidationReport } from './report.ts';
import type { TableInput } from './table.ts';
import { isTerritoryShapes } from './territory-polygons.ts';

export interface UserImportContext extends LocateContext {
  /** The EPCI of the département, for territory files given by EPCI. */
  epcis: readonly Epci[];
  /** The communes' polygons, for territory files drawn as polygons. */
  polygons?: readonly CommunePolygon[];
}

export type ImportKind = 'offer' | 'territories' | 'needs';

/** What an accepted import adds to the dataset. */
export interface ImportContent {
  kind: ImportKind;
  /** The format recognised ("Modèle de fichier d’offre"…). */
  formatLabel: string;
  /** How the file was read, for its source's note. */
  sourceNote: string;
  sites: Site[];
  scheme: Scheme | null;
  territories: Territory[];
  memberships: Membership[];
  /** Beneficiaries by commune, of `needIndicator` (a beneficiaries file). */
  needs: NeedValue[];
  needIndicator: NeedIndicator | null;
  /** The millésime the file gives, when it gives one ("décembre 2023"). */
  millesime: string | null;
  report: ValidationReport;
}

/** The parts of an import that a file of another kind leaves empty. */
const nothing = (): Omit<ImportContent, 'kind' | 'formatLabel' | 'sourceNote' | 'report'> => ({
  sites: [],
  scheme: null,
  territories: [],
  memberships: [],
  needs: [],
  needIndicator: null,
  millesime: null,
});

/** An offer file: its sites, or `ImportRefused` when it keeps none. */
export function importOffer(
  table: TableInput,
  ctx: UserImportContext,
  id: string,
  fileName: string,
  structures?: ReadonlyMap<string, DataInclusionStructure>,
): ImportContent {
  const { sites, report, format } = parseOffer(
    table,
    {
      ...ctx,
      sourceId: id,
      idPrefix: id,
      inputId: id,
      label: `Offre importée : ${fileName}`,
    },
    structures,
  );
  return {
    kind: 'offer',
    formatLabel: OFFER_FORMAT_LABELS[format],
    sourceNote: `${OFFER_FORMAT_LABELS[format]} ; ${table.format}`,
    ...nothing(),
    sites,
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
    formatLabel: isTerritoryShapes(table)
      ? 'Fichier de territoires (polygones GeoJSON)'
      : 'Fichier de territoires (communes ou EPCI → territoire)',
    sourceNote: table.format,
    ...nothing(),
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

/**
 * A beneficiaries file (CAF « foyers allocataires du RSA » by commune, the data.caf.fr format or
 * the older RSACom one): a need indicator of its own, which the app uses by default once
 * accepted; `ImportRefused` when it keeps no commune, so the indicator in use stays.
 */
export function importNeeds(
  table: TableInput,
  ctx: UserImportContext,
  id: string,
  fileName: string,
): ImportContent {
  const r = parseCafRsa(
    table,
    {
      dep: ctx.dep,
      communes: ctx.communes,
      sourceId: id,
      inputId: id,
      label: `Bénéficiaires importés : ${fileName}`,
    },
    Number(/20\d{2}/.exec(fileName)?.[0]) || null,
  );
  const report = acceptReport(r.report);
  return {
    kind: 'needs',
    formatLabel: 'Foyers allocataires du RSA par commune (CAF)',
    sourceNote: table.format,
    ...nothing(),
    needs: r.needs.map((n) => ({ ...n, indicator: id })),
    needIndicator: {
      id,
      label: `Foyers allocataires du RSA (${fileName})`,
      unit: 'foyers',
      sourceId: id,
    },
    millesime: r.year ? `décembre ${r.year}` : null,
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
