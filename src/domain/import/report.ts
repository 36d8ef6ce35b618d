/* eslint-disable max-lines -- the validation report and its builder: every count, reason and export of a file's rows in one place so that kept + rejected + ignored = read holds. */
/**
 * The validation report of one input file: rows read, kept, repaired (and how), rejected (and
 * why, with line numbers), ignored (outside the département), and the commune codes remapped to
 * the dataset's COG. Issues are grouped by reason with their lines, as the data·inclusion
 * validator does, and the rejected rows can be exported as CSV to be fixed and imported again.
 */
import { formatDecimal } from '../format.ts';
import { toCsv } from '../csv-export.ts';
import { FileRefused, type RefusalCode } from './refusal.ts';
import type { TableInput } from './table.ts';
import type { RepairCode } from './values.ts';

export const REPAIR_LABELS: Record<RepairCode, string> = {
  decimal_comma: 'virgule décimale convertie',
  insee_leading_zero: 'zéro initial du code INSEE rétabli',
  insee_from_number: 'code INSEE écrit comme un nombre (« 62041.0 ») corrigé',
  insee_separator: 'espace ou séparateur de milliers retiré du code INSEE (« 62 041 »)',
  arrondissement: 'arrondissement municipal rattaché à sa commune (Paris, Lyon, Marseille)',
  encoding_windows_1252: 'fichier en Windows-1252 (Latin-1) converti en UTF-8',
  lambert93: 'coordonnées Lambert-93 converties en longitude/latitude',
  lat_lon_swapped: 'latitude et longitude inversées remises dans l’ordre',
  latitude_sign: 'signe de la latitude rétabli',
  located_at_commune: 'sans coordonnées : placé au chef-lieu de la commune',
  commune_from_name: 'commune retrouvée par son nom et le département',
  commune_from_point: 'commune retrouvée par la position du point',
  commune_remapped: 'ancienne commune rattachée à la commune actuelle',
  capacity_rounded: 'capacité arrondie à l’entier',
  axes_from_kind: 'axes déduits du type de structure',
  kind_default: 'type non renseigné : « action d’insertion » retenu',
  ring_closed: 'contour non fermé : refermé sur son premier point',
};

/** Why a row is refused. */
export type RejectCode =
  | 'insee_missing'
  | 'insee_malformed'
  | 'insee_unknown'
  | 'commune_ambiguous'
  | 'commune_unknown'
  | 'commune_missing'
  | 'coordinates_not_a_number'
  | 'coordinates_zero'
  | 'coordinates_outside_france'
  | 'coordinates_outside_departement'
  | 'name_missing'
  | 'kind_unknown'
  | 'axis_unknown'
  | 'capacity_invalid'
  | 'value_invalid'
  | 'territory_missing'
  | 'duplicate'
  | 'commune_in_two_territories'
  | 'epci_unknown'
  | 'row_too_short'
  | 'geometry_missing'
  | 'geometry_not_polygon'
  | 'geometry_invalid';

export const REJECT_LABELS: Record<RejectCode, string> = {
  insee_missing: 'code INSEE absent',
  insee_malformed: 'code INSEE mal formé',
  insee_unknown: 'code INSEE inconnu dans le département',
  commune_ambiguous: 'nom de commune ambigu (plusieurs communes du département)',
  commune_unknown: 'commune introuvable dans le département',
  commune_missing: 'ni code INSEE, ni commune, ni coordonnées',
  coordinates_not_a_number: 'coordonnées illisibles',
  coordinates_zero: 'coordonnées (0, 0) : valeur par défaut d’un logiciel, pas une position',
  coordinates_outside_france: 'coordonnées hors de France',
  coordinates_outside_departement: 'coordonnées hors du département',
  name_missing: 'nom absent',
  kind_unknown: 'type de site inconnu',
  axis_unknown: 'axe inconnu',
  capacity_invalid: 'capacité illisible ou négative',
  value_invalid: 'valeur illisible ou négative',
  territory_missing: 'nom de territoire absent',
  duplicate: 'ligne en double',
  commune_in_two_territories: 'commune déjà rattachée à un autre territoire',
  epci_unknown: 'EPCI inconnu dans le département',
  row_too_short: 'ligne incomplète (moins de colonnes que l’en-tête)',
  geometry_missing: 'contour absent ou vide',
  geometry_not_polygon: 'géométrie qui n’est pas un polygone',
  geometry_invalid: 'polygone illisible',
};

/** Why a row is set aside without being an error: it describes another département. */
export type IgnoreCode =
  'other_departement' | 'secret' | 'not_a_commune' | 'not_a_public_site' | 'older_millesime';

export const IGNORE_LABELS: Record<IgnoreCode, string> = {
  other_departement: 'autre département',
  secret: 'valeur couverte par le secret statistique',
  not_a_commune: 'ligne qui n’est pas une commune (total, arrondissement…)',
  not_a_public_site: 'site non ouvert au public (direction régionale ou départementale)',
  older_millesime: 'millésime plus ancien qu’une autre ligne de la même commune',
};

/** What is kept but should be checked by the user. */
export type WarningCode =
  'point_far_from_commune' | 'self_intersection' | 'territory_without_commune';

export const WARNING_LABELS: Record<WarningCode, string> = {
  point_far_from_commune: 'point loin de la commune du fichier (ligne gardée, à vérifier)',
  self_intersection:
    'contour qui se recoupe (gardé : une commune y est rattachée par la règle pair-impair, à vérifier)',
  territory_without_commune: 'territoire sans aucune commune (gardé, à vérifier)',
};

export interface IssueGroup {
  code: string;
  label: string;
  count: number;
  /** File lines (1-based, the header is line 1), in order. */
  lines: number[];
  /** Optional details per line (e.g. the candidates of an ambiguous name), same order as lines. */
  details?: string[];
}

export interface Remap {
  from: string;
  to: string;
  /** e.g. "fusion 2018-09-25 (table de passage COG 2018→2024)". */
  reason: string;
  lines: number[];
}

export interface RejectedRow {
  line: number;
  reason: string;
  cells: string[];
}

export interface ValidationReport {
  /** Stable id of the input ("france-services", "import-offre-…"). */
  inputId: string;
  /** What the input is, in French ("France Services (ANCT)"). */
  label: string;
  fileName: string;
  sourceId: string;
  /** How the file was read: "CSV, séparateur « ; », Windows-1252". */
  format: string;
  rowsRead: number;
  kept: number;
  repairedRows: number;
  rejectedRows: number;
  ignoredRows: number;
  repairs: IssueGroup[];
  rejections: IssueGroup[];
  ignored: IssueGroup[];
  /** Rows kept that should be checked (absent from reports made before warnings existed). */
  warnings?: IssueGroup[];
  remaps: Remap[];
  /** File-level notes ("aucune colonne capacité : capacités inconnues"). */
  notes: string[];
  /** The header of the file, for the rejected-rows export. */
  header: string[];
  /**
   * Columns of the file that the reader does not use (CAF's `indmtt_rsa`…), so that nothing of
   * the file goes unsaid; absent from reports of readers that do not tell.
   */
  unusedColumns?: string[];
  rejected: RejectedRow[];
  /**
   * The rows set aside (« hors champ »: another département, a secret value…) with their cells,
   * so that the rejected-rows export holds every row that was not kept; absent from reports made
   * before, and without the rows of national reference files (contours, zonings, COG), whose
   * other départements are the rest of France.
   */
  setAside?: RejectedRow[];
}

/** Lines kept per group in the JSON and on screen; the count stays exact. */
export const MAX_LINES_PER_GROUP = 500;

/** Collects what happens to each row, then gives the report. */
export class ReportBuilder {
  #report: ValidationReport;
  /** Lines of each repair; grouped at the end, without the lines that were then rejected. */
  #repairs = new Map<RepairCode, Set<number>>();
  #rejections = new Map<string, IssueGroup>();
  #ignored = new Map<string, IssueGroup>();
  #warnings: { line: number; code: WarningCode; detail: string }[] = [];
  #remaps = new Map<string, Remap>();
  #repairedLines = new Set<number>();
  /** The table read, whose file-level problems are known only once it has been read through. */
  #table: TableInput | null = null;
  /** Indices of the columns the reader uses, once it has said which. */
  #usedColumns: Set<number> | null = null;

  constructor(init: {
    inputId: string;
    label: string;
    fileName: string;
    sourceId: string;
    format: string;
    header: string[];
  }) {
    this.#report = {
      ...init,
      rowsRead: 0,
      kept: 0,
      repairedRows: 0,
      rejectedRows: 0,
      ignoredRows: 0,
      repairs: [],
      rejections: [],
      ignored: [],
      remaps: [],
      notes: [],
      rejected: [],
      setAside: [],
    };
  }

  read(count = 1): void {
    this.#report.rowsRead += count;
  }

  keep(): void {
    this.#report.kept++;
  }

  repair(line: number, code: RepairCode): void {
    const lines = this.#repairs.get(code) ?? new Set<number>();
    lines.add(line);
    this.#repairs.set(code, lines);
    this.#repairedLines.add(line);
  }

  repairAll(line: number, codes: readonly RepairCode[]): void {
    for (const c of new Set(codes)) this.repair(line, c);
  }

  reject(line: number, code: RejectCode, cells: string[], detail?: string): void {
    const label = REJECT_LABELS[code];
    addTo(this.#rejections, code, label, line, detail);
    this.#report.rejectedRows++;
    this.#report.rejected.push({ line, reason: detail ? `${label} : ${detail}` : label, cells });
  }

  /**
   * A row set aside. With its cells it goes to the rejected-rows export too; only national
   * reference files, whose other départements are the rest of France, count without them.
   */
  ignore(line: number, code: IgnoreCode, cells?: string[]): void {
    addTo(this.#ignored, code, IGNORE_LABELS[code], line);
    this.#report.ignoredRows++;
    if (cells) this.#report.setAside?.push({ line, reason: setAsideReason(code), cells });
  }

  /** A row kept, but that the user should check (a point far from its commune…). */
  warn(line: number, code: WarningCode, detail: string): void {
    this.#warnings.push({ line, code, detail });
  }

  remap(line: number, from: string, to: string, reason: string): void {
    const key = `${from}→${to}`;
    const r = this.#remaps.get(key) ?? { from, to, reason, lines: [] };
    r.lines.push(line);
    this.#remaps.set(key, r);
  }

  note(text: string): void {
    this.#report.notes.push(text);
  }

  /** The columns the reader found and uses (indices, -1 for absent): the others are reported. */
  readsColumns(columns: Record<string, number | readonly number[]>): void {
    this.#usedColumns ??= new Set();
    for (const v of Object.values(columns))
      for (const i of typeof v === 'number' ? [v] : v) if (i >= 0) this.#usedColumns.add(i);
  }

  /** Notes the table's file-level problems when the report is built (the table is read by then). */
  readsFrom(table: TableInput): this {
    this.#table = table;
    return this;
  }

  /** A repair made on a row that was then rejected is not reported: the row was not kept. */
  build(): ValidationReport {
    const table = this.#table;
    if (table) {
      this.#table = null;
      for (const p of table.problems) this.note(p);
      if (table.emptyLines.count > 0)
        this.note(
          `${formatDecimal(table.emptyLines.count, 3)} ligne(s) sans aucune valeur (séparateurs seuls, comme en laisse Excel en fin de feuille) : ni lues ni comptées.`,
        );
    }
    const rejectedLines = new Set(this.#report.rejected.map((r) => r.line));
    const repaired = [...this.#repairedLines].filter((l) => !rejectedLines.has(l));
    const repairs = new Map<string, IssueGroup>();
    for (const [code, lines] of this.#repairs) {
      for (const l of [...lines].sort((a, b) => a - b)) {
        if (!rejectedLines.has(l)) addTo(repairs, code, REPAIR_LABELS[code], l);
      }
    }
    const warnings = new Map<string, IssueGroup>();
    for (const w of [...this.#warnings].sort((a, b) => a.line - b.line)) {
      if (!rejectedLines.has(w.line))
        addTo(warnings, w.code, WARNING_LABELS[w.code], w.line, w.detail);
    }
    const used = this.#usedColumns;
    const unused = used
      ? { unusedColumns: this.#report.header.filter((h, i) => h.trim() !== '' && !used.has(i)) }
      : {};
    return {
      ...this.#report,
      ...unused,
      warnings: sortGroups(warnings),
      repairedRows: repaired.length,
      repairs: sortGroups(repairs),
      rejections: sortGroups(this.#rejections),
      ignored: sortGroups(this.#ignored),
      remaps: [...this.#remaps.values()].sort((a, b) => a.from.localeCompare(b.from)),
      rejected: [...this.#report.rejected].sort((a, b) => a.line - b.line),
      setAside: [...(this.#report.setAside ?? [])].sort((a, b) => a.line - b.line),
    };
  }
}

/** The reason of a row set aside, as the rejected-rows export writes it. */
export const setAsideReason = (code: IgnoreCode): string => `hors champ : ${IGNORE_LABELS[code]}`;

/** The report of a table: its file, format and header; its file-level problems as notes. */
export function tableReport(
  table: TableInput,
  input: { inputId: string; label: string; sourceId: string },
): ReportBuilder {
  return new ReportBuilder({
    inputId: input.inputId,
    label: input.label,
    fileName: table.fileName,
    sourceId: input.sourceId,
    format: table.format,
    header: table.header,
  }).readsFrom(table);
}

function addTo(
  map: Map<string, IssueGroup>,
  code: string,
  label: string,
  line: number,
  detail?: string,
): void {
  const g = map.get(code) ?? { code, label, count: 0, lines: [] };
  g.count++;
  if (g.lines.length < MAX_LINES_PER_GROUP) {
    g.lines.push(line);
    if (detail !== undefined) (g.details ??= []).push(detail);
  }
  map.set(code, g);
}

function sortGroups(map: Map<string, IssueGroup>): IssueGroup[] {
  return [...map.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Every row not kept whose cells the report holds: the rejected and the set aside, by line. */
export function rowsNotKept(report: ValidationReport): RejectedRow[] {
  return [...report.rejected, ...(report.setAside ?? [])].sort((a, b) => a.line - b.line);
}

/**
 * The rows not kept as CSV (`;`, for French Excel): line number, reason (« hors champ : … » for
 * a row set aside), then the original columns, each cell neutralised against formula injection
 * by the project's writer.
 */
export function rejectedRowsCsv(report: ValidationReport): string {
  const header = ['ligne', 'motif_rejet', ...report.header];
  const rows = rowsNotKept(report).map((r) => [String(r.line), r.reason, ...r.cells]);
  return toCsv(header, rows, { separator: ';' });
}

/** "1 234 lignes lues, 1 200 gardées (12 réparées), 30 rejetées, 4 ignorées." */
export function reportSummary(r: ValidationReport): string {
  const n = (v: number) => formatDecimal(v, 3);
  return (
    `${n(r.rowsRead)} lignes lues, ${n(r.kept)} gardées (dont ${n(r.repairedRows)} réparées), ` +
    `${n(r.rejectedRows)} rejetées, ${n(r.ignoredRows)} hors champ`
  );
}

export interface Refusal {
  code: RefusalCode;
  /** "aucune ligne retenue : 3 rejetées, voir le rapport". */
  message: string;
}

/** Why an import that was read must not replace anything, or null when it kept rows. */
export function refusalOf(report: ValidationReport): Refusal | null {
  if (report.kept > 0) return null;
  if (report.rowsRead === 0) return { code: 'no_data_rows', message: 'aucune ligne de données' };
  const parts: string[] = [];
  if (report.rejectedRows > 0) parts.push(`${fr(report.rejectedRows)} rejetée(s)`);
  if (report.ignoredRows > 0) {
    const other = report.ignored.find((g) => g.code === 'other_departement');
    parts.push(
      other && other.count === report.ignoredRows
        ? `${fr(report.ignoredRows)} d’autres départements`
        : `${fr(report.ignoredRows)} hors champ`,
    );
  }
  return {
    code: 'nothing_kept',
    message: `aucune ligne retenue : ${parts.join(', ')}, voir le rapport`,
  };
}

const fr = (v: number) => formatDecimal(v, 3);

/**
 * An import that was read through and kept no row: refused as a whole, with its report, so that
 * the user can see every line and its reason while nothing of the file replaces anything.
 */
export class ImportRefused extends FileRefused {
  override name = 'ImportRefused';
  constructor(
    refusal: Refusal,
    readonly report: ValidationReport,
  ) {
    super(refusal.code, refusal.message);
  }
}

/** The report of an import that kept rows; throws `ImportRefused` when it kept none. */
export function acceptReport(report: ValidationReport): ValidationReport {
  const refusal = refusalOf(report);
  if (refusal) throw new ImportRefused(refusal, report);
  return report;
}
