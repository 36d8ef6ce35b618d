/**
 * PTI territories from a plain CSV (or JSON records): one row per commune (code INSEE or name) or
 * per EPCI (SIREN or name), with the territory's name and, optionally, its code; a GeoJSON of
 * territory polygons is read by territory-polygons.ts. Every commune of the
 * département ends in exactly one territory: communes the file does not name go to a
 * "hors territoire" territory, which the report counts.
 */
import type { Territory } from '../model.ts';
import { communeOfCode } from './commune-index.ts';
import { normaliseName } from './names.ts';
import { tableReport } from './report.ts';
import { isTerritoryShapes, parseTerritoryShapes } from './territory-polygons.ts';
import {
  UNASSIGNED_TERRITORY,
  type Epci,
  type TerritoryContext,
  type TerritoryResult,
} from './territory-types.ts';
import { cellAt, findColumn, requireColumns, type TableInput } from './table.ts';
import { isNullish, normaliseInseeCode, unknownCodeDetail } from './values.ts';

export { UNASSIGNED_TERRITORY, type Epci, type TerritoryContext, type TerritoryResult };

export function parsePtiTerritories(table: TableInput, ctx: TerritoryContext): TerritoryResult {
  if (isTerritoryShapes(table)) return parseTerritoryShapes(table, ctx);
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    territory: findColumn(h, [
      'territoire',
      'nom_territoire',
      'territoire_pti',
      'libelle_territoire',
      'territory',
    ]),
    territoryCode: findColumn(h, ['code_territoire', 'territoire_code', 'id_territoire']),
    insee: findColumn(h, ['code_insee', 'insee', 'codgeo', 'depcom', 'code_commune']),
    commune: findColumn(h, ['commune', 'nom_commune', 'libgeo']),
    epci: findColumn(h, ['epci', 'siren_epci', 'code_epci', 'siren']),
    epciName: findColumn(h, ['nom_epci', 'libelle_epci', 'lib_epci']),
  };
  report.readsColumns(col);
  requireColumns(table, [
    [col.territory, '« territoire » (nom du territoire)'],
    [
      Math.max(col.insee, col.commune, col.epci, col.epciName),
      '« code_insee », « commune » ou « epci » (ce que le territoire regroupe)',
    ],
  ]);
  const epciByCode = new Map(ctx.epcis.map((e) => [e.code, e]));
  const epciByName = new Map(ctx.epcis.map((e) => [normaliseName(e.name), e]));
  const territoryByName = new Map<string, Territory>();
  const territoryOf = new Map<string, string>();
  for (const r of table.records) {
    report.read();
    const c = (i: number) => cellAt(r, i);
    const tName = c(col.territory).trim();
    if (isNullish(tName)) {
      report.reject(r.line, 'territory_missing', r.cells);
      continue;
    }
    let communes: string[] = [];
    const inseeRaw = c(col.insee).trim();
    const epciRaw = c(col.epci).trim();
    const epciNameRaw = c(col.epciName).trim();
    if (inseeRaw) {
      const insee = normaliseInseeCode(inseeRaw);
      if (!insee.ok) {
        report.reject(r.line, 'insee_malformed', r.cells, `« ${inseeRaw} »`);
        continue;
      }
      const commune = communeOfCode(insee.code, ctx.communes, r.line, report);
      if (commune === null) {
        report.reject(r.line, 'insee_unknown', r.cells, unknownCodeDetail(insee.code, ctx.dep));
        continue;
      }
      report.repairAll(r.line, insee.repairs);
      communes = [commune.code];
    } else if (epciRaw || epciNameRaw) {
      const e = epciByCode.get(epciRaw) ?? epciByName.get(normaliseName(epciNameRaw || epciRaw));
      if (!e) {
        report.reject(r.line, 'epci_unknown', r.cells, `« ${epciRaw || epciNameRaw} »`);
        continue;
      }
      communes = e.communes.filter((code) => ctx.communes.get(code));
    } else if (c(col.commune).trim()) {
      const m = ctx.communes.byName(c(col.commune), [ctx.dep]);
      if (m.kind === 'ambiguous') {
        const names = m.candidates.map((x) => `${x.name} (${x.code})`).join(', ');
        report.reject(r.line, 'commune_ambiguous', r.cells, `« ${c(col.commune)} » : ${names}`);
        continue;
      }
      if (m.kind === 'unknown') {
        report.reject(r.line, 'commune_unknown', r.cells, `« ${c(col.commune)} »`);
        continue;
      }
      report.repair(r.line, 'commune_from_name');
      communes = [m.commune.code];
    } else {
      report.reject(r.line, 'commune_missing', r.cells);
      continue;
    }
    const key = normaliseName(tName);
    let t = territoryByName.get(key);
    if (!t) {
      const code = c(col.territoryCode).trim() || `T${territoryByName.size + 1}`;
      t = { schemeId: ctx.schemeId, code, name: tName };
      territoryByName.set(key, t);
    }
    const clash = communes.find((code) => {
      const other = territoryOf.get(code);
      return other !== undefined && other !== t.code;
    });
    if (clash) {
      const other = [...territoryByName.values()].find((x) => x.code === territoryOf.get(clash));
      report.reject(
        r.line,
        'commune_in_two_territories',
        r.cells,
        `${clash} déjà dans « ${other?.name ?? ''} »`,
      );
      continue;
    }
    for (const code of communes) territoryOf.set(code, t.code);
    report.keep();
  }
  const territories = [...territoryByName.values()];
  const unassigned = ctx.communes.communes
    .filter((c) => c.dep === ctx.dep && !territoryOf.has(c.code))
    .map((c) => c.code);
  if (unassigned.length > 0 && territories.length > 0) {
    territories.push({ schemeId: ctx.schemeId, ...UNASSIGNED_TERRITORY });
    for (const code of unassigned) territoryOf.set(code, UNASSIGNED_TERRITORY.code);
    report.note(
      `${unassigned.length} commune(s) du département ne figurent dans aucun territoire du fichier : elles sont regroupées dans « ${UNASSIGNED_TERRITORY.name} ».`,
    );
  }
  const memberships = [...territoryOf].map(([communeCode, territoryCode]) => ({
    schemeId: ctx.schemeId,
    communeCode,
    territoryCode,
  }));
  return {
    territories,
    memberships,
    report: report.build(),
    unassigned: territories.length > 0 ? unassigned : [],
  };
}
