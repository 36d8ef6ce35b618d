/**
 * Territory schemes of the official zonings: EPCI (from the COG package), bassins de vie 2022 and
 * zones d'emploi 2020 (from INSEE's commune-to-zoning table and its labels, or else from the
 * zonings the georef contours carry). Every commune belongs to exactly one territory of each
 * scheme; a commune the table misses goes to an explicit "non renseigné" territory, reported.
 */
import type { Membership, Scheme, Territory } from '../../src/domain/model.ts';
import { ReportBuilder, type ValidationReport } from '../../src/domain/import/report.ts';
import { cellAt, findColumn, type TableInput } from '../../src/domain/import/table.ts';
import type { Epci } from '../../src/domain/import/pti-territories.ts';
import type { ContourZonings } from './contours.ts';

export interface SchemeBuild {
  scheme: Scheme;
  territories: Territory[];
  memberships: Membership[];
}

export const SCHEME_LABELS = {
  epci: { label: 'EPCI', unitLabel: 'EPCI' },
  bv2022: { label: 'Bassins de vie 2022', unitLabel: 'bassin de vie' },
  ze2020: { label: 'Zones d’emploi 2020', unitLabel: 'zone d’emploi' },
} as const;

const MISSING = { code: 'NR', name: 'Non renseigné' };

function scheme(
  id: keyof typeof SCHEME_LABELS,
  sourceId: string,
  communes: readonly string[],
  of: (code: string) => { code: string; name: string } | undefined,
  report?: ReportBuilder,
): SchemeBuild {
  const territories = new Map<string, Territory>();
  const memberships: Membership[] = [];
  const missing: string[] = [];
  for (const c of communes) {
    let t = of(c);
    if (!t) {
      missing.push(c);
      t = MISSING;
    }
    if (!territories.has(t.code))
      territories.set(t.code, { schemeId: id, code: t.code, name: t.name });
    memberships.push({ schemeId: id, communeCode: c, territoryCode: t.code });
  }
  if (missing.length > 0) {
    report?.note(
      `${SCHEME_LABELS[id].label} : ${missing.length} commune(s) sans territoire (${missing.join(', ')}), regroupées dans « ${MISSING.name} ».`,
    );
  }
  return {
    scheme: { id, ...SCHEME_LABELS[id], sourceId },
    territories: [...territories.values()].sort((a, b) => a.code.localeCompare(b.code)),
    memberships,
  };
}

export function epciScheme(
  epcis: readonly Epci[],
  communes: readonly string[],
  sourceId: string,
): SchemeBuild {
  const of = new Map<string, { code: string; name: string }>();
  for (const e of epcis) for (const c of e.communes) of.set(c, { code: e.code, name: e.name });
  return scheme('epci', sourceId, communes, (c) => of.get(c));
}

/** BV2022 and ZE2020 from INSEE's table d'appartenance and the labels of the zonings. */
export function inseeZoningSchemes(
  table: TableInput,
  labels: TableInput | null,
  dep: string,
  communes: readonly string[],
  sourceId: string,
): {
  schemes: SchemeBuild[];
  report: ValidationReport;
  byCommune: Map<string, Record<string, string>>;
} {
  const report = new ReportBuilder({
    inputId: 'zonages',
    label: 'Zonages INSEE (bassins de vie, zones d’emploi)',
    fileName: table.fileName,
    sourceId,
    format: table.format,
    header: table.header,
  });
  const names = new Map<string, string>();
  if (labels) {
    const c = {
      level: findColumn(labels.header, ['NIVGEO']),
      code: findColumn(labels.header, ['CODGEO']),
      name: findColumn(labels.header, ['LIBGEO']),
    };
    for (const r of labels.records)
      names.set(`${cellAt(r, c.level)}|${cellAt(r, c.code)}`, cellAt(r, c.name));
  } else
    report.note(
      'Fichier des libellés des zonages absent : les territoires sont nommés par leur code.',
    );
  const col = {
    code: findColumn(table.header, ['CODGEO']),
    dep: findColumn(table.header, ['DEP']),
    bv: findColumn(table.header, ['BV2022']),
    ze: findColumn(table.header, ['ZE2020']),
  };
  const known = new Set(communes);
  const byCommune = new Map<string, Record<string, string>>();
  for (const r of table.records) {
    report.read();
    const code = cellAt(r, col.code);
    if (cellAt(r, col.dep) !== dep) {
      report.ignore(r.line, 'other_departement');
      continue;
    }
    if (!known.has(code)) {
      report.reject(r.line, 'insee_unknown', r.cells, code);
      continue;
    }
    byCommune.set(code, { bv2022: cellAt(r, col.bv), ze2020: cellAt(r, col.ze) });
    report.keep();
  }
  const pick = (level: 'BV2022' | 'ZE2020', key: 'bv2022' | 'ze2020') => (c: string) => {
    const code = byCommune.get(c)?.[key];
    return code ? { code, name: names.get(`${level}|${code}`) ?? code } : undefined;
  };
  const schemes = [
    scheme('bv2022', sourceId, communes, pick('BV2022', 'bv2022'), report),
    scheme('ze2020', sourceId, communes, pick('ZE2020', 'ze2020'), report),
  ];
  return { schemes, report: report.build(), byCommune };
}

/** BV2022 and ZE2020 from the georef contours' own fields, when INSEE's table is not at hand. */
export function contourZoningSchemes(
  zonings: ReadonlyMap<string, ContourZonings>,
  communes: readonly string[],
  sourceId: string,
): SchemeBuild[] {
  return [
    scheme('bv2022', sourceId, communes, (c) => zonings.get(c)?.bv2022),
    scheme('ze2020', sourceId, communes, (c) => zonings.get(c)?.ze2020),
  ];
}
