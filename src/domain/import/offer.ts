/* eslint-disable max-lines -- one reader per offer format (template, ANCT, ASP, France Travail, data·inclusion), sharing the row checks they must apply alike. */
/**
 * Offer files → sites, with a validation report. One reader per format:
 * - the plain template of this project (README, "Modèle de fichier d'offre");
 * - the ANCT list of France Services;
 * - the ASP list of SIAE (no INSEE code, no coordinates: commune matched by name);
 * - the France Travail (Pôle emploi) agency list (decimal commas, "NULL", no INSEE code);
 * - data·inclusion v1 (structures + services) and its flattened "pilotage" export.
 * `detectOfferFormat` tells them apart by their header.
 */
import { decimalPoint } from '../format.ts';
import { BORDER_SITE_DETAIL, type Axis, type Site, type SiteKind } from '../model.ts';
import type { CsvRecord } from './csv.ts';
import { locateRow, type LocateContext } from './locate.ts';
import {
  axesFromCell,
  axisOfThematique,
  defaultAxes,
  kindFromNetworks,
  kindFromWord,
  listItems,
} from './offer-vocabulary.ts';
import { tableReport, type ReportBuilder, type ValidationReport } from './report.ts';
import { cellAt, findColumn, type TableInput } from './table.ts';
import {
  isNullish,
  normaliseDepartementCode,
  normalisePostcode,
  departementsOfPostcode,
  parseNumber,
} from './values.ts';

export interface OfferContext extends LocateContext {
  /**
   * Sites of neighbouring départements count for the nearest-site times (INSEE counts the
   * nearest site wherever it is): a national list keeps those for which this says true.
   */
  nearBorder?: (lon: number, lat: number) => boolean;
  sourceId: string;
  /** Prefix of the site ids, unique in the dataset. */
  idPrefix: string;
  inputId: string;
  label: string;
}

export interface OfferResult {
  sites: Site[];
  report: ValidationReport;
}

export type OfferFormat =
  | 'template'
  | 'france_services'
  | 'siae_asp'
  | 'france_travail'
  | 'data_inclusion_services'
  | 'data_inclusion_pilotage';

export const OFFER_FORMAT_LABELS: Record<OfferFormat, string> = {
  template: 'Modèle de fichier d’offre',
  france_services: 'Liste des France Services (ANCT)',
  siae_asp: 'Liste des SIAE conventionnées (ASP)',
  france_travail: 'Agences France Travail (Pôle emploi)',
  data_inclusion_services: 'data·inclusion, schéma v1 (services)',
  data_inclusion_pilotage: 'data·inclusion, export « pilotage » aplati',
};

export function detectOfferFormat(header: readonly string[]): OfferFormat {
  const has = (...names: string[]) => findColumn(header, names) >= 0;
  if (has('id_fs') && has('lib_fs')) return 'france_services';
  if (has('MESURE') && has('DENOMINATION_SOCIALE')) return 'siae_asp';
  if (has('REFERENCE_PE') || (has('CODE_SAFIR') && has('TYPE_SITE'))) return 'france_travail';
  if (has('Service ID') && has('Structure ID')) return 'data_inclusion_pilotage';
  if (has('structure_id') && has('thematiques')) return 'data_inclusion_services';
  return 'template';
}

/**
 * The sites of a table, a row at a time: `siteOf` gives the site of a row, or null once it has
 * recorded in the report why the row is rejected or set aside.
 */
function readSites(
  table: TableInput,
  report: ReportBuilder,
  siteOf: (r: CsvRecord, c: (i: number) => string) => Site | null,
): OfferResult {
  const sites: Site[] = [];
  for (const r of table.records) {
    report.read();
    const site = siteOf(r, (i) => cellAt(r, i));
    if (!site) continue;
    sites.push(site);
    report.keep();
  }
  return { sites, report: report.build() };
}

function addAccueilAxes(kind: SiteKind, axes: Axis[]): Axis[] {
  const out = [...axes];
  if ((kind === 'mds' || kind === 'ccas' || kind === 'france_services') && !out.includes('accueil'))
    out.unshift('accueil');
  if (kind === 'siae' && !out.includes('iae')) out.push('iae');
  return out;
}

/** The plain template: one row per site or action. Columns are documented in the README. */
export function parseOfferTemplate(table: TableInput, ctx: OfferContext): OfferResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    id: findColumn(h, ['id', 'identifiant']),
    name: findColumn(h, ['nom', 'name', 'libelle', 'intitule', 'nom_structure', 'structure']),
    kind: findColumn(h, ['type', 'kind', 'type_site', 'typologie', 'type_structure']),
    detail: findColumn(h, ['detail', 'precision', 'sous_type', 'mesure']),
    axes: findColumn(h, ['axes', 'axe', 'axes_offre']),
    capacity: findColumn(h, ['capacite', 'places', 'nb_places', 'capacity', 'capacite_places']),
    insee: findColumn(h, [
      'code_insee',
      'insee',
      'codeinsee',
      'code_commune',
      'insee_com',
      'depcom',
      'codgeo',
    ]),
    commune: findColumn(h, ['commune', 'nom_commune', 'ville', 'lib_com', 'libelle_commune']),
    postcode: findColumn(h, ['code_postal', 'cp', 'codepostal']),
    x: findColumn(h, ['longitude', 'lon', 'lng', 'x', 'coord_x', 'x_lambert93']),
    y: findColumn(h, ['latitude', 'lat', 'y', 'coord_y', 'y_lambert93']),
    operator: findColumn(h, [
      'operateur',
      'porteur',
      'gestionnaire',
      'operator',
      'structure_porteuse',
    ]),
    public: findColumn(h, ['public', 'publics', 'public_cible']),
    hours: findColumn(h, ['horaires', 'horaires_accueil', 'hours']),
  };
  report.readsColumns(col);
  if (col.name < 0) report.note('Aucune colonne « nom » : chaque ligne sera rejetée.');
  if (col.capacity < 0) report.note('Aucune colonne « capacite » : capacités inconnues.');
  if (col.insee < 0 && col.commune < 0 && (col.x < 0 || col.y < 0)) {
    report.note(
      'Ni « code_insee », ni « commune », ni « longitude »/« latitude » : aucun site ne peut être placé.',
    );
  }
  const ids = new Set<string>();
  return readSites(table, report, (r, c) => {
    if (r.cells.length < Math.min(table.header.length, 2)) {
      report.reject(r.line, 'row_too_short', r.cells);
      return null;
    }
    const name = c(col.name).trim();
    if (isNullish(name)) {
      report.reject(r.line, 'name_missing', r.cells);
      return null;
    }
    let kind: SiteKind = 'action';
    let detail = c(col.detail).trim();
    const kindCell = c(col.kind).trim();
    if (isNullish(kindCell)) report.repair(r.line, 'kind_default');
    else {
      const k = kindFromWord(kindCell);
      if (!k) {
        report.reject(r.line, 'kind_unknown', r.cells, `« ${kindCell} »`);
        return null;
      }
      kind = k.kind;
      if (!detail) detail = k.detail;
    }
    const { axes: listed, unknown } = axesFromCell(c(col.axes));
    if (unknown.length > 0) {
      report.reject(r.line, 'axis_unknown', r.cells, unknown.map((u) => `« ${u} »`).join(', '));
      return null;
    }
    let axes = listed;
    if (axes.length === 0) {
      axes = defaultAxes(kind);
      report.repair(r.line, 'axes_from_kind');
    }
    const cap = parseNumber(c(col.capacity));
    if (!cap.ok || (cap.value !== null && cap.value < 0)) {
      report.reject(r.line, 'capacity_invalid', r.cells, `« ${c(col.capacity)} »`);
      return null;
    }
    let capacity = cap.value;
    if (capacity !== null && !Number.isInteger(capacity)) {
      capacity = Math.round(capacity);
      report.repair(r.line, 'capacity_rounded');
    }
    const rawId = c(col.id).trim();
    const id = `${ctx.idPrefix}-${rawId || String(r.line)}`;
    if (ids.has(id)) {
      report.reject(r.line, 'duplicate', r.cells, `identifiant « ${rawId} » déjà vu`);
      return null;
    }
    const at = locateRow(
      {
        insee: c(col.insee),
        communeName: c(col.commune),
        postcode: c(col.postcode),
        x: c(col.x),
        y: c(col.y),
      },
      r.line,
      r.cells,
      ctx,
      report,
    );
    if (!at) return null;
    report.repairAll(r.line, cap.repairs);
    ids.add(id);
    return {
      id,
      name,
      kind,
      detail,
      axes: addAccueilAxes(kind, axes),
      capacity,
      ...at,
      operator: c(col.operator).trim(),
      public: c(col.public).trim(),
      hours: c(col.hours).trim(),
      sourceId: ctx.sourceId,
    };
  });
}

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** A site of a neighbouring département near enough to count, at its own coordinates. */
function borderSite(
  x: string,
  y: string,
  insee: string,
  ctx: OfferContext,
): { lon: number; lat: number; communeCode: string } | null {
  const lon = Number(x.trim().replace(',', '.'));
  const lat = Number(y.trim().replace(',', '.'));
  const code = insee.trim().replace(/\s/g, '');
  if (!ctx.nearBorder || !/^(\d{5}|2[AB]\d{3})$/.test(code)) return null;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || (lon === 0 && lat === 0)) return null;
  return ctx.nearBorder(lon, lat) ? { lon, lat, communeCode: code } : null;
}

/** ANCT's national list of France Services: rows of other départements are set aside. */
export function parseFranceServices(table: TableInput, ctx: OfferContext): OfferResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    id: findColumn(h, ['id_fs']),
    dep: findColumn(h, ['insee_dep']),
    name: findColumn(h, ['lib_fs']),
    insee: findColumn(h, ['insee_com']),
    commune: findColumn(h, ['lib_com']),
    postcode: findColumn(h, ['code_postal']),
    lat: findColumn(h, ['latitude']),
    lon: findColumn(h, ['longitude']),
    type: findColumn(h, ['type_fs']),
    format: findColumn(h, ['format_fs']),
    group: findColumn(h, ['groupe_fs']),
    days: DAYS.map((d) => findColumn(h, [`h_${d}`])),
  };
  report.readsColumns(col);
  return readSites(table, report, (r, c) => {
    const dep = normaliseDepartementCode(c(col.dep));
    if (dep !== ctx.dep) {
      const border = borderSite(c(col.lon), c(col.lat), c(col.insee), ctx);
      if (!border || !c(col.name).trim()) {
        report.ignore(r.line, 'other_departement', r.cells);
        return null;
      }
      return {
        id: `${ctx.idPrefix}-${c(col.id).trim() || r.line}`,
        name: c(col.name).trim(),
        kind: 'france_services',
        detail: `${BORDER_SITE_DETAIL} (${dep})`,
        axes: defaultAxes('france_services'),
        capacity: null,
        ...border,
        operator: c(col.group).trim(),
        public: 'Tout public',
        hours: '',
        sourceId: ctx.sourceId,
      };
    }
    const name = c(col.name).trim();
    if (!name) {
      report.reject(r.line, 'name_missing', r.cells);
      return null;
    }
    const at = locateRow(
      {
        insee: c(col.insee),
        communeName: c(col.commune),
        postcode: c(col.postcode),
        x: c(col.lon),
        y: c(col.lat),
      },
      r.line,
      r.cells,
      ctx,
      report,
    );
    if (!at) return null;
    const hours = DAYS.map((d, i) => [d, c(col.days[i] ?? -1).trim()] as const)
      .filter(([, v]) => v !== '')
      .map(([d, v]) => `${d} ${v}`)
      .join(' ; ');
    const detail = [c(col.type), c(col.format)].filter((x) => x.trim() !== '').join(', ');
    return {
      id: `${ctx.idPrefix}-${c(col.id).trim() || r.line}`,
      name,
      kind: 'france_services',
      detail,
      axes: defaultAxes('france_services'),
      capacity: null,
      ...at,
      operator: c(col.group).trim(),
      public: 'Tout public',
      hours,
      sourceId: ctx.sourceId,
    };
  });
}

/** The ASP list of conventioned SIAE: commune by name + département, placed at its chef-lieu. */
export function parseSiaeAsp(table: TableInput, ctx: OfferContext): OfferResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    measure: findColumn(h, ['MESURE']),
    dep: findColumn(h, ['CODE_DEPARTEMENT']),
    postcode: findColumn(h, ['CODE_POSTAL']),
    commune: findColumn(h, ['COMMUNE']),
    siret: findColumn(h, ['SIRET']),
    name: findColumn(h, ['DENOMINATION_SOCIALE']),
    legal: findColumn(h, ['NATURE_JURIDIQUE']),
  };
  report.readsColumns(col);
  const counts = new Map<string, number>();
  return readSites(table, report, (r, c) => {
    if (normaliseDepartementCode(c(col.dep)) !== ctx.dep) {
      report.ignore(r.line, 'other_departement', r.cells);
      return null;
    }
    const name = c(col.name).trim();
    if (!name) {
      report.reject(r.line, 'name_missing', r.cells);
      return null;
    }
    const measure = c(col.measure).trim().toUpperCase();
    const at = locateRow(
      { communeName: c(col.commune), postcode: c(col.postcode) },
      r.line,
      r.cells,
      ctx,
      report,
    );
    if (!at) return null;
    // The same SIRET can hold several measures (an ACI and an AI): one site per measure.
    const base = `${ctx.idPrefix}-${c(col.siret).trim() || r.line}-${measure.toLowerCase()}`;
    const n = (counts.get(base) ?? 0) + 1;
    counts.set(base, n);
    return {
      id: n > 1 ? `${base}-${n}` : base,
      name,
      kind: 'siae',
      detail: measure,
      axes: ['iae'],
      capacity: null,
      ...at,
      operator: c(col.legal).trim(),
      public: 'Personnes éloignées de l’emploi (agrément IAE)',
      hours: '',
      sourceId: ctx.sourceId,
    };
  });
}

/** France Travail (Pôle emploi) sites: local agencies only, the directions are not open to the public. */
export function parseFranceTravail(table: TableInput, ctx: OfferContext): OfferResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    id: findColumn(h, ['REFERENCE_PE', 'CODE_SAFIR']),
    name: findColumn(h, ['NOM']),
    type: findColumn(h, ['TYPE_SITE']),
    address: findColumn(h, ['ADRESSE']),
    postcode: findColumn(h, ['CODE_POSTAL']),
    commune: findColumn(h, ['COMMUNE']),
    lat: findColumn(h, ['DN_LATITUDE', 'LATITUDE']),
    lon: findColumn(h, ['DN_LONGITUDE', 'LONGITUDE']),
  };
  report.readsColumns(col);
  return readSites(table, report, (r, c) => {
    const postcode = normalisePostcode(c(col.postcode));
    if (!postcode || !departementsOfPostcode(postcode).includes(ctx.dep)) {
      report.ignore(r.line, 'other_departement', r.cells);
      return null;
    }
    const type = c(col.type).trim().toUpperCase();
    if (type && type !== 'ALE') {
      report.ignore(r.line, 'not_a_public_site', r.cells);
      return null;
    }
    const name = c(col.name).trim();
    if (!name) {
      report.reject(r.line, 'name_missing', r.cells);
      return null;
    }
    const at = locateRow(
      { communeName: c(col.commune), postcode, x: c(col.lon), y: c(col.lat) },
      r.line,
      r.cells,
      ctx,
      report,
    );
    if (!at) return null;
    return {
      id: `${ctx.idPrefix}-${c(col.id).trim() || r.line}`,
      name: `France Travail ${titleCase(name)}`,
      kind: 'france_travail',
      detail: '',
      axes: defaultAxes('france_travail'),
      capacity: null,
      ...at,
      operator: 'France Travail',
      public: 'Demandeurs d’emploi',
      hours: '',
      sourceId: ctx.sourceId,
    };
  });
}

function titleCase(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, l: string) => sep + l.toUpperCase());
}

/** A structure of data·inclusion, as far as the services need it. */
export interface DataInclusionStructure {
  id: string;
  name: string;
  /** v1 "réseaux porteurs", or the v0 typology code. */
  networks: string[];
}

export function readDataInclusionStructures(
  table: TableInput,
): Map<string, DataInclusionStructure> {
  const h = table.header;
  const col = {
    id: findColumn(h, ['id', 'ID']),
    name: findColumn(h, ['nom', 'Nom']),
    networks: findColumn(h, ['reseaux_porteurs', 'typologie', 'Typologie']),
  };
  const out = new Map<string, DataInclusionStructure>();
  for (const r of table.records) {
    const id = cellAt(r, col.id).trim();
    if (!id) continue;
    out.set(id, {
      id,
      name: cellAt(r, col.name).trim(),
      networks: listItems(cellAt(r, col.networks)),
    });
  }
  return out;
}

/**
 * data·inclusion services (schema v1, or the flattened export), grouped into one site per
 * structure and place: a structure offering ten services at one address is one point on the
 * map, with the axes of all ten.
 */
export function parseDataInclusion(
  table: TableInput,
  structures: ReadonlyMap<string, DataInclusionStructure>,
  ctx: OfferContext,
): OfferResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    id: findColumn(h, ['id', 'Service ID']),
    structure: findColumn(h, ['structure_id', 'Structure ID']),
    name: findColumn(h, ['nom', 'Nom']),
    thematiques: findColumn(h, ['thematiques', 'Thematiques']),
    insee: findColumn(h, ['code_insee', 'Code Insee']),
    commune: findColumn(h, ['commune', 'Commune']),
    postcode: findColumn(h, ['code_postal', 'Code Postal']),
    lon: findColumn(h, ['longitude', 'Long']),
    lat: findColumn(h, ['latitude', 'Lat']),
    publics: findColumn(h, ['publics', 'Profils']),
    hours: findColumn(h, ['horaires_accueil']),
  };
  report.readsColumns(col);
  const groups = new Map<string, Site & { services: number }>();
  for (const r of table.records) {
    report.read();
    const c = (i: number) => cellAt(r, i);
    const name = c(col.name).trim();
    if (!name) {
      report.reject(r.line, 'name_missing', r.cells);
      continue;
    }
    const structureId = c(col.structure).trim();
    const structure = structures.get(structureId);
    const inseeRaw = c(col.insee).trim();
    const at = locateRow(
      {
        insee: inseeRaw,
        communeName: c(col.commune),
        postcode: c(col.postcode),
        x: c(col.lon),
        y: c(col.lat),
      },
      r.line,
      r.cells,
      ctx,
      report,
    );
    if (!at) continue;
    const kindInfo = kindFromNetworks(structure?.networks ?? []) ?? {
      kind: 'action' as SiteKind,
      detail: '',
    };
    const axes: Axis[] = [];
    for (const t of listItems(c(col.thematiques))) {
      const a = axisOfThematique(t);
      if (a && !axes.includes(a)) axes.push(a);
    }
    if (axes.length === 0) {
      axes.push(...defaultAxes(kindInfo.kind));
      report.repair(r.line, 'axes_from_kind');
    }
    const key = `${structureId || name}|${decimalPoint(at.lon, 4)}|${decimalPoint(at.lat, 4)}`;
    const g = groups.get(key);
    if (g) {
      for (const a of axes) if (!g.axes.includes(a)) g.axes.push(a);
      g.services++;
    } else {
      groups.set(key, {
        id: `${ctx.idPrefix}-${structureId || c(col.id).trim() || r.line}-${groups.size + 1}`,
        name: structure?.name || name,
        kind: kindInfo.kind,
        detail: kindInfo.detail,
        axes: [...axes],
        capacity: null,
        ...at,
        operator: structure?.name ?? '',
        public: listItems(c(col.publics)).join(', '),
        hours: c(col.hours).trim(),
        sourceId: ctx.sourceId,
        services: 1,
      });
    }
    report.keep();
  }
  const sites = [...groups.values()].map(({ services, ...s }) => ({
    ...s,
    axes: addAccueilAxes(s.kind, s.axes),
    detail: s.detail || (services > 1 ? `${services} services` : ''),
  }));
  return { sites, report: report.build() };
}

/** Reads any offer file by its detected format; data·inclusion structures are optional. */
export function parseOffer(
  table: TableInput,
  ctx: OfferContext,
  structures: ReadonlyMap<string, DataInclusionStructure> = new Map(),
): OfferResult & { format: OfferFormat } {
  const format = detectOfferFormat(table.header);
  const parse = {
    template: () => parseOfferTemplate(table, ctx),
    france_services: () => parseFranceServices(table, ctx),
    siae_asp: () => parseSiaeAsp(table, ctx),
    france_travail: () => parseFranceTravail(table, ctx),
    data_inclusion_services: () => parseDataInclusion(table, structures, ctx),
    data_inclusion_pilotage: () => parseDataInclusion(table, structures, ctx),
  }[format];
  return { ...parse(), format };
}
