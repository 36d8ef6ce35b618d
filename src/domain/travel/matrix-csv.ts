/* eslint-disable max-lines -- the matrix reader's two layouts (long and square) share their detection, units and per-cell report. */
/**
 * Reads an origin–destination time matrix, through the project's common input reader
 * (`import/table.ts`: UTF-8 or Windows-1252, `;` `,` tab or `|` separators, quotes, BOM), with the
 * same kind of validation as the other imports: every pair is kept or rejected, and the report
 * says which and why, with the line and the column, so that a bad cell never silently changes a
 * figure and a good one is never lost.
 *
 * Two layouts, detected from the header:
 * - long: one row per pair, `origin,destination,minutes` (the project's template), the output of
 *   INSEE's `metric.osrm` (`idSrc;idDst;duree;distance`), a flattened OSRM table
 *   (`source,destination,duration`)…: origin and destination columns found by name;
 * - square: one row per origin and one column per destination, as R (`write.csv` of
 *   `osrm::osrmTable()`) and OSRM's table service give it: origin codes in the first column,
 *   destination codes in the header (its first cell, the corner, may be empty or say anything).
 *   A header without the corner cell (R's `write.table`: one cell fewer than the rows) is read
 *   too. Rows are the origins unless the option says they are the destinations.
 *
 * The unit of the times (seconds or minutes) is taken from the option when given, else from a
 * column (or corner) name that states it (`minutes`, `duree_min`, `duration_s`, `secondes`…),
 * else from the values: read in minutes, a matrix in seconds is 60 times too slow, so a median
 * straight-line speed between communes below 1.5 km/h means seconds (walking, the slowest way,
 * is above 2 km/h as the crow flies; a car in seconds read as minutes is below 1.4 km/h even at
 * 80 km/h), or, without the communes' points, a median time above 200. The report says which
 * rule decided, and warns when the times, in the unit chosen, give an impossible speed.
 *
 * Origins and destinations are the communes' codes in the dataset; an INSEE code that lost its
 * leading zero (`1004` for `01004`, `1004.0`) is repaired and reported.
 */
import { formatDecimal, plainSpaces } from '../format.ts';
import { findColumn, readCsvText, readTableBytes, type TableInput } from '../import/table.ts';
import { normaliseInseeCode, parseNumber } from '../import/values.ts';
import { arcKmFromChord } from './geo.ts';
import type { TravelNetwork } from './model.ts';

export type MatrixLayout = 'long' | 'carre';
export type MatrixUnit = 'minutes' | 'secondes';
/** In the square layout, what the rows are. */
export type MatrixRows = 'origines' | 'destinations';

export const MATRIX_UNITS: readonly MatrixUnit[] = ['minutes', 'secondes'];
export const MATRIX_ROWS: readonly MatrixRows[] = ['origines', 'destinations'];

export interface MatrixReadOptions {
  /** Unit of the times in the file; undefined or null: detected. */
  unit?: MatrixUnit | null;
  /** Square layout: whether each row is an origin (the default) or a destination. */
  rows?: MatrixRows;
}

/** The communes the matrix is read against: their codes, and their points when known. */
export type MatrixNetwork = Pick<TravelNetwork, 'indexOf'> & Partial<Pick<TravelNetwork, 'unit'>>;

/** One thing refused: a row, a column (of the square layout) or a cell. */
export interface MatrixIssue {
  /** Line number in the file (header = 1). */
  line: number;
  /** Name (header) of the column at fault, or null when the whole row is. */
  column: string | null;
  /** 1-based number of that column, or null. */
  columnNumber: number | null;
  reason: string;
  /** The cell (or the row) as read, truncated, so the user can find it. */
  text: string;
}

export interface MatrixImportReport {
  fileName: string;
  /** How the file was read: "CSV, séparateur point-virgule, UTF-8". */
  format: string;
  layout: MatrixLayout;
  /**
   * Which way the file runs, in French: "lignes = origines, colonnes = destinations" (square), or
   * the columns of origin, destination and time (long).
   */
  orientation: string;
  unit: MatrixUnit;
  /** Where the unit comes from: the option, a column name, or the values. */
  unitSource: 'option' | 'nom de colonne' | 'valeurs';
  /** Why this unit, in French. */
  unitReason: string;
  /** Data rows read (header and blank lines excluded). */
  rowsRead: number;
  /** Pairs the file describes (rows of the long layout, cells of the square one). */
  pairsRead: number;
  /** Pairs kept. */
  kept: number;
  repaired: { line: number; what: string }[];
  repairedCount: number;
  /** Issues (rows, columns or cells refused), the first `MAX_LISTED_ISSUES` of them. */
  rejected: MatrixIssue[];
  rejectedCount: number;
  /** Issues grouped by reason, with their first places ("ligne 4, colonne 01007"). */
  rejectedByReason: { reason: string; count: number; where: string[] }[];
  /** Long layout: the columns read. */
  columns: { origin: string; destination: string; time: string } | null;
  /** What the reader noticed about the file as a whole (encoding problems, an unlikely unit…). */
  warnings: string[];
}

/** Kept pairs, as commune indices of the dataset, in file order, in minutes. */
export interface OdPairs {
  origin: Int32Array;
  destination: Int32Array;
  minutes: Float64Array;
}

export interface MatrixImport {
  pairs: OdPairs;
  report: MatrixImportReport;
}

/** The file as a whole cannot be read as a matrix (no recognisable layout). */
export class MatrixFormatError extends Error {
  override name = 'MatrixFormatError';
}

const MAX_LISTED_ISSUES = 500;
const MAX_LISTED_PLACES = 20;
/** A matrix read in minutes slower than this as the crow flies (median, km/h) is in seconds. */
export const SECONDS_SPEED_KMH = 1.5;
/** Median straight-line speeds (km/h) outside these bounds are impossible: the report warns. */
const PLAUSIBLE_KMH = [1, 150] as const;
/** Without coordinates: a median time above this is in seconds. */
export const SECONDS_MEDIAN = 200;
/** Pairs sampled to judge the unit from the values. */
const UNIT_SAMPLE = 20_000;

const ORIGIN_NAMES = [
  'origin',
  'origine',
  'from',
  'source',
  'src',
  'idsrc',
  'id_src',
  'o',
  'code_origine',
  'codgeo_origine',
  'commune_origine',
  'insee_origine',
  'code_insee_origine',
  'depcom_origine',
];
const DESTINATION_NAMES = [
  'destination',
  'dest',
  'to',
  'target',
  'dst',
  'iddst',
  'id_dst',
  'd',
  'code_destination',
  'codgeo_destination',
  'commune_destination',
  'insee_destination',
  'code_insee_destination',
  'depcom_destination',
];

/** Names of a time column that do not say the unit. */
const TIME_BASES = new Set([
  'duree',
  'durees',
  'temps',
  'time',
  'duration',
  'durations',
  'traveltime',
  'tempstrajet',
  'tempsdetrajet',
  'tempsdeparcours',
  'dureetrajet',
  'dureedetrajet',
  'tps',
]);
const MINUTE_WORDS = ['minutes', 'minute', 'mins', 'min', 'mn'];
const SECOND_WORDS = ['secondes', 'seconde', 'seconds', 'second', 'secs', 'sec'];

const tokens = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');

/**
 * Whether a column name is a time, and the unit it states (null when it states none):
 * `minutes`, `duree_min`, `temps (mn)`, `duration_s`, `secondes` state it; `duree`, `durations`
 * do not.
 */
export function timeColumnUnit(name: string): { isTime: boolean; unit: MatrixUnit | null } {
  const t = tokens(name);
  if (t.length === 0) return { isTime: false, unit: null };
  const unitOf = (word: string): MatrixUnit | null =>
    MINUTE_WORDS.includes(word) ? 'minutes' : SECOND_WORDS.includes(word) ? 'secondes' : null;
  const last = t[t.length - 1] as string;
  const base = t.slice(0, -1).join('');
  // A last word that is a unit: "duree_min", "duration_s", "temps (minutes)", "secondes".
  const lastUnit = last === 's' && base !== '' ? 'secondes' : unitOf(last);
  if (lastUnit && (base === '' || TIME_BASES.has(base))) return { isTime: true, unit: lastUnit };
  const key = t.join('');
  if (TIME_BASES.has(key)) return { isTime: true, unit: null };
  // A unit glued to the name: "dureemin", "tempssecondes".
  for (const word of [...MINUTE_WORDS, ...SECOND_WORDS]) {
    if (key.endsWith(word) && TIME_BASES.has(key.slice(0, -word.length))) {
      return { isTime: true, unit: unitOf(word) };
    }
  }
  return { isTime: false, unit: null };
}

type CodeResult = { index: number; repaired: string | null } | { error: string };

/** A commune code of the file, looked up in the dataset (an INSEE code's lost zero restored). */
function codeReader(indexOf: ReadonlyMap<string, number>) {
  return (raw: string, role: string): CodeResult => {
    const code = raw.trim().toUpperCase();
    if (code === '') return { error: `code ${role} manquant` };
    const direct = indexOf.get(code);
    if (direct !== undefined) return { index: direct, repaired: null };
    const insee = normaliseInseeCode(code);
    if (insee.ok) {
      const i = indexOf.get(insee.code);
      if (i !== undefined) {
        return {
          index: i,
          repaired: `code ${role} ${code} complété en ${insee.code} (zéro initial perdu)`,
        };
      }
      return { error: `commune ${role} absente du jeu de données` };
    }
    return { error: `code ${role} mal formé` };
  };
}

/** Whether a header cell reads as a commune code (of the dataset, or of INSEE's form). */
const looksLikeCode = (indexOf: ReadonlyMap<string, number>, raw: string) =>
  indexOf.has(raw.trim().toUpperCase()) || normaliseInseeCode(raw).ok;

const ROLE = { origine: "d'origine", destination: 'de destination' } as const;

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? (v[m] as number) : ((v[m - 1] as number) + (v[m] as number)) / 2;
}

const fmt = (v: number) => plainSpaces(formatDecimal(v, v < 1 ? 2 : v < 10 ? 1 : 0));

/** Median straight-line speed (km/h) of the pairs between distinct communes, read in minutes. */
function medianSpeedAsMinutes(
  net: MatrixNetwork,
  origin: readonly number[],
  destination: readonly number[],
  value: readonly number[],
): number | null {
  if (!net.unit) return null;
  const { x, y, z } = net.unit;
  const step = Math.max(1, Math.floor(value.length / UNIT_SAMPLE));
  const speeds: number[] = [];
  for (let i = 0; i < value.length; i += step) {
    const o = origin[i] as number;
    const d = destination[i] as number;
    const v = value[i] as number;
    if (o === d || !(v > 0)) continue;
    const km = arcKmFromChord(
      (x[o] as number) - (x[d] as number),
      (y[o] as number) - (y[d] as number),
      (z[o] as number) - (z[d] as number),
    );
    speeds.push((km / v) * 60);
  }
  return speeds.length === 0 ? null : median(speeds);
}

/** The unit: from the option, a name that states it, or the values. */
function decideUnit(
  options: MatrixReadOptions,
  named: { unit: MatrixUnit; name: string } | null,
  speed: number | null,
  values: readonly number[],
): Pick<MatrixImportReport, 'unit' | 'unitSource' | 'unitReason'> & { warning: string | null } {
  const speedIn = (unit: MatrixUnit) =>
    speed === null ? null : unit === 'minutes' ? speed : speed * 60;
  const check = (unit: MatrixUnit): string | null => {
    const s = speedIn(unit);
    if (s === null || (s >= PLAUSIBLE_KMH[0] && s <= PLAUSIBLE_KMH[1])) return null;
    return (
      `Lus en ${unit}, les temps donnent une vitesse médiane à vol d'oiseau de ${fmt(s)} km/h ` +
      `entre communes : vérifiez l'unité.`
    );
  };
  if (options.unit) {
    return {
      unit: options.unit,
      unitSource: 'option',
      unitReason: `unité donnée à l'import`,
      warning: check(options.unit),
    };
  }
  if (named) {
    return {
      unit: named.unit,
      unitSource: 'nom de colonne',
      unitReason: `la colonne « ${named.name} » le dit`,
      warning: check(named.unit),
    };
  }
  if (speed !== null) {
    const unit: MatrixUnit = speed < SECONDS_SPEED_KMH ? 'secondes' : 'minutes';
    return {
      unit,
      unitSource: 'valeurs',
      unitReason:
        `déduit des valeurs : vitesse médiane à vol d'oiseau entre communes de ` +
        `${fmt(speed * 60)} km/h en les lisant en secondes, ${fmt(speed)} km/h en minutes`,
      warning: check(unit),
    };
  }
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) {
    return {
      unit: 'minutes',
      unitSource: 'valeurs',
      unitReason: 'aucun temps positif pour en juger : minutes par défaut',
      warning: null,
    };
  }
  const m = median(positive);
  return {
    unit: m > SECONDS_MEDIAN ? 'secondes' : 'minutes',
    unitSource: 'valeurs',
    unitReason: `déduit des valeurs : temps médian de ${fmt(m)} (${m > SECONDS_MEDIAN ? 'plus' : 'pas plus'} de ${SECONDS_MEDIAN})`,
    warning: null,
  };
}

/** Reads a matrix file (its bytes, or text already decoded) against the dataset's communes. */
export function readMatrix(
  file: Uint8Array | string,
  network: MatrixNetwork,
  fileName = '',
  options: MatrixReadOptions = {},
): MatrixImport {
  const table =
    typeof file === 'string' ? readCsvText(file, fileName) : readTableBytes(file, fileName);
  return readMatrixTable(table, network, options);
}

/** Reads a matrix from a table of the common reader. */
export function readMatrixTable(
  table: TableInput,
  network: MatrixNetwork,
  options: MatrixReadOptions = {},
): MatrixImport {
  const { header } = table;
  const { indexOf } = network;
  const readCode = codeReader(indexOf);
  const origin: number[] = [];
  const destination: number[] = [];
  const value: number[] = [];
  const repaired: MatrixImportReport['repaired'] = [];
  let repairedCount = 0;
  const rejected: MatrixIssue[] = [];
  const byReason = new Map<string, { count: number; where: string[] }>();
  let rejectedCount = 0;
  let rowsRead = 0;
  let pairsRead = 0;

  const repair = (line: number, what: string) => {
    repairedCount++;
    if (repaired.length < MAX_LISTED_ISSUES) repaired.push({ line, what });
  };
  const reject = (issue: MatrixIssue) => {
    rejectedCount++;
    if (rejected.length < MAX_LISTED_ISSUES)
      rejected.push({ ...issue, text: issue.text.slice(0, 200) });
    const group = byReason.get(issue.reason) ?? { count: 0, where: [] };
    group.count++;
    if (group.where.length < MAX_LISTED_PLACES) group.where.push(placeOf(issue));
    byReason.set(issue.reason, group);
  };
  /** A time cell: minutes or seconds as written, or the reason it is refused. */
  const readTime = (raw: string): number | string => {
    const n = parseNumber(raw);
    if (!n.ok) return 'temps non numérique';
    if (n.value === null) return 'temps manquant (cellule vide ou « NA »)';
    if (n.value < 0) return 'temps négatif';
    return n.value;
  };

  const iOrigin = findColumn(header, ORIGIN_NAMES);
  const iDest = findColumn(header, DESTINATION_NAMES);
  let layout: MatrixLayout;
  let orientation: string;
  let columns: MatrixImportReport['columns'] = null;
  let named: { unit: MatrixUnit; name: string } | null = null;

  if (iOrigin >= 0 && iDest >= 0) {
    // ——— Long layout: one row per pair ———
    layout = 'long';
    const iTime = header.findIndex(
      (h, i) => i !== iOrigin && i !== iDest && timeColumnUnit(h).isTime,
    );
    if (iTime < 0) {
      throw new MatrixFormatError(
        `Colonne de temps introuvable (minutes, duree, duration, secondes…). ` +
          `En-tête lu : « ${header.join(' | ')} ».`,
      );
    }
    const timeName = header[iTime] as string;
    const unit = timeColumnUnit(timeName).unit;
    if (unit) named = { unit, name: timeName };
    columns = {
      origin: header[iOrigin] as string,
      destination: header[iDest] as string,
      time: timeName,
    };
    orientation =
      `origine = colonne « ${columns.origin} », destination = colonne ` +
      `« ${columns.destination} », temps = colonne « ${columns.time} »`;
    const width = Math.max(iOrigin, iDest, iTime) + 1;
    const seen = new Set<number>();
    const n = Math.max(1, indexOf.size);
    for (const r of table.records) {
      rowsRead++;
      pairsRead++;
      const raw = r.cells.join(table.delimiter ?? ',');
      const rowIssue = (reason: string) =>
        reject({ line: r.line, column: null, columnNumber: null, reason, text: raw });
      if (r.cells.length < width) {
        rowIssue('ligne incomplète');
        continue;
      }
      const o = readCode(r.cells[iOrigin] as string, ROLE.origine);
      const d = readCode(r.cells[iDest] as string, ROLE.destination);
      if ('error' in o || 'error' in d) {
        rowIssue('error' in o ? o.error : (d as { error: string }).error);
        continue;
      }
      const t = readTime(r.cells[iTime] as string);
      if (typeof t === 'string') {
        reject({
          line: r.line,
          column: timeName,
          columnNumber: iTime + 1,
          reason: t,
          text: r.cells[iTime] as string,
        });
        continue;
      }
      const key = o.index * n + d.index;
      if (seen.has(key)) {
        rowIssue('paire en double (la première valeur est gardée)');
        continue;
      }
      seen.add(key);
      if (o.repaired) repair(r.line, o.repaired);
      if (d.repaired) repair(r.line, d.repaired);
      origin.push(o.index);
      destination.push(d.index);
      value.push(t);
    }
  } else {
    // ——— Square layout: one row per origin, one column per destination ———
    const rest = header.slice(1);
    const codeLike = rest.filter((h) => looksLikeCode(indexOf, h)).length;
    if (header.length < 2 || codeLike === 0 || codeLike < rest.length / 2) {
      throw new MatrixFormatError(
        `Matrice illisible : ni format long (colonnes origine, destination et temps : ` +
          `origin,destination,minutes ou idSrc;idDst;duree), ni format carré (codes des communes ` +
          `de destination en en-tête, codes d'origine en première colonne). ` +
          `En-tête lu : « ${header.slice(0, 8).join(' | ')}${header.length > 8 ? ' | …' : ''} ».`,
      );
    }
    layout = 'carre';
    const rowsAre = options.rows ?? 'origines';
    const rowRole = rowsAre === 'origines' ? ROLE.origine : ROLE.destination;
    const colRole = rowsAre === 'origines' ? ROLE.destination : ROLE.origine;
    const records = table.records[Symbol.iterator]();
    const first = records.next();
    // R's write.table: no corner cell, so the header is one cell shorter than the rows.
    const noCorner =
      !first.done &&
      looksLikeCode(indexOf, header[0] as string) &&
      first.value.cells.length === header.length + 1;
    const colNames = noCorner ? header : rest;
    const corner = noCorner ? null : (header[0] as string);
    const cornerUnit = corner === null ? null : timeColumnUnit(corner).unit;
    if (corner !== null && cornerUnit) named = { unit: cornerUnit, name: corner };
    orientation =
      rowsAre === 'origines'
        ? 'lignes = origines, colonnes = destinations'
        : 'lignes = destinations, colonnes = origines';
    // Column k of a row (k ≥ 1) is the commune colIndex[k - 1], or -1 when its header is refused.
    const colIndex = new Int32Array(colNames.length).fill(-1);
    const seenCol = new Set<number>();
    colNames.forEach((h, j) => {
      const column = { line: 1, column: h, columnNumber: j + 2, text: h };
      const c = readCode(h, colRole);
      if ('error' in c) {
        reject({ ...column, reason: `${c.error} (colonne entière)` });
        return;
      }
      if (seenCol.has(c.index)) {
        reject({
          ...column,
          reason: `commune ${colRole} en double (la première colonne est gardée)`,
        });
        return;
      }
      seenCol.add(c.index);
      if (c.repaired) repair(1, c.repaired);
      colIndex[j] = c.index;
    });
    const seenRow = new Set<number>();
    const width = colNames.length + 1;
    const readRow = (r: { line: number; cells: string[] }) => {
      rowsRead++;
      pairsRead += colNames.length;
      const rowCode = r.cells[0] as string;
      const rowIssue = (reason: string) =>
        reject({ line: r.line, column: null, columnNumber: null, reason, text: rowCode });
      const c = readCode(rowCode, rowRole);
      if ('error' in c) {
        rowIssue(`${c.error} (ligne entière)`);
        return;
      }
      if (seenRow.has(c.index)) {
        rowIssue(`commune ${rowRole} en double (la première ligne est gardée)`);
        return;
      }
      seenRow.add(c.index);
      if (c.repaired) repair(r.line, c.repaired);
      if (r.cells.length < width) {
        rowIssue(
          `ligne incomplète (${r.cells.length - 1} temps pour ${colNames.length} colonnes : ` +
            `les paires manquantes sont estimées)`,
        );
      } else if (r.cells.length > width) {
        rowIssue(`cellules en trop au-delà de l'en-tête (ignorées)`);
      }
      const end = Math.min(r.cells.length, width);
      for (let k = 1; k < end; k++) {
        const col = colIndex[k - 1] as number;
        if (col < 0) continue;
        const t = readTime(r.cells[k] as string);
        if (typeof t === 'string') {
          reject({
            line: r.line,
            column: colNames[k - 1] as string,
            columnNumber: k + 1,
            reason: t,
            text: r.cells[k] as string,
          });
          continue;
        }
        origin.push(rowsAre === 'origines' ? c.index : col);
        destination.push(rowsAre === 'origines' ? col : c.index);
        value.push(t);
      }
    };
    if (!first.done) readRow(first.value);
    for (let r = records.next(); !r.done; r = records.next()) readRow(r.value);
  }

  const speed = medianSpeedAsMinutes(network, origin, destination, value);
  const { warning, ...unit } = decideUnit(options, named, speed, value);
  const factor = unit.unit === 'secondes' ? 1 / 60 : 1;
  const warnings = [...table.problems];
  if (warning) warnings.push(warning);
  return {
    pairs: {
      origin: Int32Array.from(origin),
      destination: Int32Array.from(destination),
      minutes: Float64Array.from(value, (v) => v * factor),
    },
    report: {
      fileName: table.fileName,
      format: table.format,
      layout,
      orientation,
      ...unit,
      rowsRead,
      pairsRead,
      kept: value.length,
      repaired,
      repairedCount,
      rejected,
      rejectedCount,
      rejectedByReason: [...byReason].map(([reason, g]) => ({ reason, ...g })),
      columns,
      warnings,
    },
  };
}

/** Where an issue is, in French: "ligne 4", "colonne 01007", "ligne 4, colonne 01007". */
export function placeOf(issue: Pick<MatrixIssue, 'line' | 'column'>): string {
  if (issue.column === null) return `ligne ${issue.line}`;
  if (issue.line === 1) return `colonne ${issue.column}`;
  return `ligne ${issue.line}, colonne ${issue.column}`;
}

export const LAYOUT_LABELS: Record<MatrixLayout, string> = {
  long: 'format long',
  carre: 'format carré',
};

/** How the file was read, in one French phrase: layout, orientation, unit (and why). */
export function matrixReading(r: MatrixImportReport, why = true): string {
  return (
    `${LAYOUT_LABELS[r.layout]}, ${r.orientation} ; temps en ${r.unit}` +
    (why ? ` (${r.unitReason})` : '')
  );
}

/** The report in one French line, for the command line. */
export function matrixReportLine(r: MatrixImportReport): string {
  const n = (v: number) => plainSpaces(formatDecimal(v, 3));
  const groups = r.rejectedByReason.map((g) => `${g.reason} : ${n(g.count)}`).join(' ; ');
  return (
    `Matrice ${r.fileName} (${r.format}) : ${matrixReading(r)} ; ` +
    `${n(r.rowsRead)} lignes lues, ${n(r.pairsRead)} paires, ${n(r.kept)} gardées, ` +
    `${n(r.repairedCount)} réparées, ${n(r.rejectedCount)} rejetées` +
    (groups ? ` (${groups})` : '') +
    (r.warnings.length > 0 ? `. Attention : ${r.warnings.join(' ')}` : '')
  );
}
