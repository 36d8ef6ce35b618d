/**
 * Need indicators by commune:
 * - CAF open data "foyers allocataires du RSA" by commune: the current data.caf.fr format
 *   (dtreffre, numcomdo, nomcom, indfoy_rsa…) and the older RSACom files (Codes_Insee,
 *   NB_allocataire_RSA);
 * - job seekers by commune (the GIP Plateforme de l'inclusion JSON: insee, population);
 * - INSEE Filosofi: households below the poverty line, estimated as fiscal households × poverty
 *   rate (TP60), where the rate is not under statistical secrecy.
 */
import { formatNumber } from '../format.ts';
import type { NeedValue } from '../model.ts';
import { arrondissementOf, communeOfCode, type CommuneIndex } from './commune-index.ts';
import type { CsvRecord } from './csv.ts';
import { tableReport, type ReportBuilder, type ValidationReport } from './report.ts';
import { cellAt, findColumn, requireColumns, type TableInput } from './table.ts';
import {
  departementOfCommune,
  isDepartementCode,
  isNullish,
  normaliseInseeCode,
  parseNumber,
  unknownCodeDetail,
} from './values.ts';

export interface NeedContext {
  dep: string;
  communes: CommuneIndex;
  sourceId: string;
  inputId: string;
  label: string;
}

export interface NeedResult {
  needs: NeedValue[];
  report: ValidationReport;
  /** Millésime found in the file (latest year), or null. */
  year: number | null;
}

export const NEED_IDS = {
  rsa: 'rsa_foyers',
  jobSeekers: 'demandeurs_emploi',
  poorHouseholds: 'menages_pauvres',
} as const;

/** A row's commune: the current commune, and the code the file gave (a former one, maybe). */
interface RowCommune {
  code: string;
  fileCode: string;
}

/**
 * The commune of a row, or null (rejected or ignored, recorded in the report). Codes of former
 * communes are remapped and their values summed into the current commune by the caller.
 */
function communeOf(
  raw: string,
  line: number,
  cells: string[],
  ctx: NeedContext,
  report: ReportBuilder,
): RowCommune | null {
  const insee = normaliseInseeCode(raw);
  if (!insee.ok) {
    if (insee.reason === 'missing') report.reject(line, 'insee_missing', cells);
    else report.reject(line, 'insee_malformed', cells, `« ${raw} »`);
    return null;
  }
  const dep = departementOfCommune(insee.code);
  if (dep !== ctx.dep && isDepartementCode(dep)) {
    report.ignore(line, 'other_departement', cells);
    return null;
  }
  const commune = communeOfCode(insee.code, ctx.communes, line, report);
  if (commune === null) {
    report.reject(line, 'insee_unknown', cells, unknownCodeDetail(insee.code, ctx.dep));
    return null;
  }
  report.repairAll(line, insee.repairs);
  return { code: commune.code, fileCode: insee.code };
}

/**
 * The rule for a commune given twice (the same code, for the same millésime): the first row is
 * kept, the next ones are rejected with the line of the first, never added to it. Rows of two
 * different codes that now make one commune (a merger) are not duplicates: they are summed, and
 * the remap says so.
 */
class FirstRowKept {
  #first = new Map<string, number>();
  #count = 0;

  /** Whether the row is a duplicate (then rejected); call `keep` once the row is kept. */
  rejects(key: string, c: RowCommune, r: CsvRecord, report: ReportBuilder): boolean {
    const first = this.#first.get(key);
    if (first === undefined) return false;
    this.#count++;
    report.reject(
      r.line,
      'duplicate',
      r.cells,
      `commune ${c.fileCode} déjà donnée ligne ${first} (la première ligne est gardée, les suivantes rejetées)`,
    );
    return true;
  }

  keep(key: string, line: number): void {
    this.#first.set(key, line);
  }

  /** The rule, in the report, when it was applied. */
  note(report: ReportBuilder): void {
    if (this.#count === 0) return;
    report.note(
      `${formatNumber(this.#count)} ligne(s) en double (une commune déjà donnée pour le même millésime) : la première ligne de chaque commune est gardée, les suivantes sont rejetées, jamais additionnées.`,
    );
  }
}

/**
 * The commune and the count of a row, or null (rejected or ignored, recorded in the report). An
 * empty cell is a count under statistical secrecy (the CAF masks those under 5 households): it
 * is recorded as such in the report and returned with a null value, so that the commune is
 * « secret », not « non renseigné », and never 0. A commune already given (`keyOf` the same) is
 * a duplicate, rejected.
 */
function countOf(
  r: CsvRecord,
  col: { code: number; value: number },
  ctx: NeedContext,
  report: ReportBuilder,
  duplicates: FirstRowKept,
  keyOf: (c: RowCommune) => string = (c) => c.fileCode,
): { code: string; fileCode: string; value: number | null } | null {
  const commune = communeOf(cellAt(r, col.code), r.line, r.cells, ctx, report);
  if (commune === null) return null;
  const key = keyOf(commune);
  if (duplicates.rejects(key, commune, r, report)) return null;
  const { code, fileCode } = commune;
  const raw = cellAt(r, col.value);
  if (isNullish(raw)) {
    duplicates.keep(key, r.line);
    report.ignore(r.line, 'secret', r.cells);
    return { code, fileCode, value: null };
  }
  const v = parseNumber(raw);
  if (!v.ok || v.value === null || v.value < 0) {
    report.reject(r.line, 'value_invalid', r.cells, `« ${raw} »`);
    return null;
  }
  duplicates.keep(key, r.line);
  report.repairAll(r.line, v.repairs);
  return { code, fileCode, value: v.value };
}

interface CountRow {
  code: string;
  /** The code the file gave: a former commune's, an arrondissement's, or the commune's own. */
  fileCode: string;
  value: number | null;
  line: number;
  /** The row as read, for the rejected-rows export should it be set aside. */
  cells: string[];
}

/**
 * The value of each commune, the rows kept counted in the report. Values of one commune are added
 * (several former communes, or the arrondissements of Paris, Lyon or Marseille, fall into one
 * current commune), except that a city given both whole and by arrondissement keeps its own row:
 * its arrondissements are set aside, not added to it. A commune with a masked part is masked as a
 * whole (null): its sum would pass a part for the whole.
 */
function sumByCommune(
  rows: readonly CountRow[],
  report: ReportBuilder,
): Map<string, number | null> {
  const whole = new Set(rows.filter((r) => r.fileCode === r.code).map((r) => r.code));
  const out = new Map<string, number | null>();
  for (const r of rows) {
    if (r.fileCode !== r.code && whole.has(r.code) && arrondissementOf(r.fileCode)) {
      report.ignore(r.line, 'not_a_commune', r.cells);
      continue;
    }
    if (r.value !== null) report.keep();
    const prev = out.has(r.code) ? (out.get(r.code) as number | null) : 0;
    out.set(r.code, prev === null || r.value === null ? null : prev + r.value);
  }
  return out;
}

function yearOf(raw: string): number | null {
  const m = /(19|20)\d{2}/.exec(raw);
  return m ? Number(m[0]) : null;
}

/** CAF "foyers allocataires du RSA" by commune; keeps the latest millésime of each commune. */
export function parseCafRsa(
  table: TableInput,
  ctx: NeedContext,
  fallbackYear: number | null = null,
): NeedResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    code: findColumn(h, [
      'numcomdo',
      'Codes_Insee',
      'code_insee',
      'codgeo',
      'code_commune',
      'depcom',
    ]),
    value: findColumn(h, ['indfoy_rsa', 'NB_allocataire_RSA', 'nb_allocataires_rsa', 'foyers_rsa']),
    date: findColumn(h, ['dtreffre', 'date_ref', 'annee', 'date']),
  };
  report.readsColumns(col);
  requireColumns(table, [
    [col.code, '« numcomdo » ou « Codes_Insee » (code commune)'],
    [col.value, '« indfoy_rsa » ou « NB_allocataire_RSA » (foyers RSA)'],
  ]);
  const rows: (CountRow & { year: number })[] = [];
  const duplicates = new FirstRowKept();
  for (const r of table.records) {
    report.read();
    const year = yearOf(cellAt(r, col.date)) ?? fallbackYear ?? 0;
    const count = countOf(r, col, ctx, report, duplicates, (c) => `${c.fileCode}|${year}`);
    if (!count) continue;
    rows.push({ ...count, year, line: r.line, cells: r.cells });
  }
  duplicates.note(report);
  const latest = new Map<string, number>();
  for (const r of rows) latest.set(r.code, Math.max(latest.get(r.code) ?? 0, r.year));
  const kept = rows.filter((r) => {
    if (r.year === latest.get(r.code)) return true;
    report.ignore(r.line, 'older_millesime', r.cells);
    return false;
  });
  const years = kept.map((r) => r.year).filter((y) => y > 0);
  const year = years.length > 0 ? years.reduce((a, b) => Math.max(a, b)) : null;
  // Masked rows were counted as ignored (secret) in the report; the others are kept.
  const needs = [...sumByCommune(kept, report)].map(([communeCode, value]) => ({
    communeCode,
    indicator: NEED_IDS.rsa,
    value,
    year: latest.get(communeCode) || (year ?? 0),
    sourceId: ctx.sourceId,
  }));
  return { needs, report: report.build(), year };
}

/** Job seekers by commune (values as strings, rounded to 5 by the producer). */
export function parseJobSeekers(table: TableInput, ctx: NeedContext, year: number): NeedResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const col = {
    code: findColumn(h, ['insee', 'code_insee', 'codgeo']),
    value: findColumn(h, ['population', 'demandeurs_emploi', 'nb_demandeurs', 'defm']),
  };
  report.readsColumns(col);
  const rows: CountRow[] = [];
  const duplicates = new FirstRowKept();
  for (const r of table.records) {
    report.read();
    const count = countOf(r, col, ctx, report, duplicates);
    if (count) rows.push({ ...count, line: r.line, cells: r.cells });
  }
  duplicates.note(report);
  const needs = [...sumByCommune(rows, report)].map(([communeCode, value]) => ({
    communeCode,
    indicator: NEED_IDS.jobSeekers,
    value,
    year,
    sourceId: ctx.sourceId,
  }));
  return { needs, report: report.build(), year };
}

/**
 * INSEE Filosofi communal file: households under the poverty line ≈ NBMENFISC × TP60 / 100.
 * Communes under secrecy (no TP60) are set aside and listed; their value stays unknown.
 */
export function parseFilosofi(table: TableInput, ctx: NeedContext, year: number): NeedResult {
  const report = tableReport(table, ctx);
  const h = table.header;
  const suffix = String(year).slice(2);
  const col = {
    code: findColumn(h, ['CODGEO']),
    households: findColumn(h, [`NBMENFISC${suffix}`, 'NBMENFISC']),
    rate: findColumn(h, [`TP60${suffix}`, 'TP60']),
  };
  report.readsColumns(col);
  if (col.households < 0 || col.rate < 0) {
    report.note(`Colonnes NBMENFISC${suffix} et TP60${suffix} attendues (Filosofi ${year}).`);
  }
  const rows: CountRow[] = [];
  const duplicates = new FirstRowKept();
  for (const r of table.records) {
    report.read();
    const commune = communeOf(cellAt(r, col.code), r.line, r.cells, ctx, report);
    if (commune === null || duplicates.rejects(commune.fileCode, commune, r, report)) continue;
    const { code } = commune;
    const hh = parseNumber(cellAt(r, col.households));
    const rate = parseNumber(cellAt(r, col.rate));
    if (!hh.ok || !rate.ok) {
      report.reject(r.line, 'value_invalid', r.cells);
      continue;
    }
    duplicates.keep(commune.fileCode, r.line);
    if (hh.value === null || rate.value === null) {
      report.ignore(r.line, 'secret', r.cells);
      continue;
    }
    report.repairAll(r.line, [...hh.repairs, ...rate.repairs]);
    const value = Math.round((hh.value * rate.value) / 100);
    rows.push({ code, fileCode: commune.fileCode, value, line: r.line, cells: r.cells });
  }
  duplicates.note(report);
  const needs = [...sumByCommune(rows, report)].map(([communeCode, value]) => ({
    communeCode,
    indicator: NEED_IDS.poorHouseholds,
    value,
    year,
    sourceId: ctx.sourceId,
  }));
  return { needs, report: report.build(), year };
}
