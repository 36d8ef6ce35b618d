/**
 * Reads an origin–destination time matrix from CSV, with the same kind of validation as the other
 * imports of the project: every row is kept, repaired or rejected, and the report says which and
 * why, so that a bad row never silently changes a figure and a good row is never lost.
 *
 * Accepted layouts (header required; separator `,`, `;` or tab, detected from the header; a BOM
 * and quoted fields are fine; decimal commas are accepted with `;` or tab separators):
 * - `origin,destination,minutes` (the project's own template);
 * - the output of INSEE's `metric.osrm` R package (`idSrc;idDst;duree;distance`, minutes);
 * - a flattened OSRM `table` answer (`source,destination,duration`, seconds: any column named
 *   duration/durations/seconds/secondes is read as seconds).
 * Origins and destinations are INSEE commune codes; a numeric code that lost its leading zero
 * (`1004` for `01004`) is repaired and reported.
 */
export interface MatrixRowIssue {
  /** Line number in the file, header = 1. */
  line: number;
  reason: string;
  /** The line as read (truncated), so the user can find it. */
  text: string;
}

export interface MatrixImportReport {
  fileName: string;
  /** Data rows read (header and blank lines excluded). */
  rowsRead: number;
  kept: number;
  repaired: { line: number; what: string }[];
  /** Rejected rows, the first `MAX_LISTED_ISSUES` of them. */
  rejected: MatrixRowIssue[];
  rejectedCount: number;
  /** Rejections grouped by reason, with their first line numbers. */
  rejectedByReason: { reason: string; count: number; lines: number[] }[];
  /** Unit of the time column as read (converted to minutes). */
  unit: 'minutes' | 'secondes';
  columns: { origin: string; destination: string; time: string };
  separator: string;
}

/** Kept pairs, as commune indices of the dataset, in file order. */
export interface OdPairs {
  origin: Int32Array;
  destination: Int32Array;
  minutes: Float64Array;
}

export interface MatrixImport {
  pairs: OdPairs;
  report: MatrixImportReport;
}

/** The file as a whole cannot be read (no header, no recognisable column). */
export class MatrixFormatError extends Error {
  override name = 'MatrixFormatError';
}

const MAX_LISTED_ISSUES = 500;

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const ORIGIN_NAMES = new Set([
  'origin',
  'origine',
  'from',
  'source',
  'src',
  'idsrc',
  'o',
  'codeorigine',
  'codgeoorigine',
  'communeorigine',
  'inseeorigine',
  'codeinseeorigine',
  'depcomorigine',
]);
const DESTINATION_NAMES = new Set([
  'destination',
  'dest',
  'to',
  'target',
  'dst',
  'iddst',
  'd',
  'codedestination',
  'codgeodestination',
  'communedestination',
  'inseedestination',
  'codeinseedestination',
  'depcomdestination',
]);
const MINUTE_NAMES = new Set([
  'minutes',
  'minute',
  'min',
  'duree',
  'dureemin',
  'dureeminutes',
  'temps',
  'tempsmin',
  'tempsminutes',
  'time',
  'timemin',
  'durationmin',
  'durationminutes',
  'traveltime',
  'traveltimemin',
]);
const SECOND_NAMES = new Set([
  'seconds',
  'secondes',
  'duration',
  'durations',
  'durationsec',
  'durationseconds',
  'dureesec',
  'dureesecondes',
  'tempssec',
  'tempssecondes',
]);

/** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
export function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function detectSeparator(header: string): string {
  const counts = [',', ';', '\t'].map((s) => [s, header.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return (counts[0] as readonly [string, number])[1] > 0
    ? (counts[0] as readonly [string, number])[0]
    : ',';
}

const SEPARATOR_NAMES: Record<string, string> = {
  ',': 'virgule',
  ';': 'point-virgule',
  '\t': 'tabulation',
};

export function parseMatrixCsv(
  text: string,
  indexOf: ReadonlyMap<string, number>,
  fileName = '',
): MatrixImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let headerLine = 0;
  while (headerLine < lines.length && (lines[headerLine] as string).trim() === '') headerLine++;
  if (headerLine >= lines.length) throw new MatrixFormatError('Le fichier est vide.');
  const header = lines[headerLine] as string;
  const sep = detectSeparator(header);
  const names = splitCsvLine(header, sep).map((h) => h.trim());
  const norm = names.map(normalise);
  const find = (set: Set<string>) => norm.findIndex((n) => set.has(n));
  const iOrigin = find(ORIGIN_NAMES);
  const iDest = find(DESTINATION_NAMES);
  let iTime = find(MINUTE_NAMES);
  let unit: MatrixImportReport['unit'] = 'minutes';
  if (iTime < 0) {
    iTime = find(SECOND_NAMES);
    unit = 'secondes';
  }
  const missing = [
    iOrigin < 0 ? 'origine (origin, origine, idSrc…)' : null,
    iDest < 0 ? 'destination (destination, idDst…)' : null,
    iTime < 0 ? 'temps (minutes, duree, duration en secondes…)' : null,
  ].filter((x) => x !== null);
  if (missing.length > 0) {
    throw new MatrixFormatError(
      `Colonnes introuvables : ${missing.join(' ; ')}. En-tête lu : « ${names.join(' | ')} ».`,
    );
  }
  const width = Math.max(iOrigin, iDest, iTime) + 1;
  const decimalComma = sep !== ',';

  const origin: number[] = [];
  const destination: number[] = [];
  const minutes: number[] = [];
  const repaired: MatrixImportReport['repaired'] = [];
  const rejected: MatrixRowIssue[] = [];
  const byReason = new Map<string, { count: number; lines: number[] }>();
  let rejectedCount = 0;
  let rowsRead = 0;
  /** First line of each pair, keyed origin * n + destination. */
  const seen = new Map<number, number>();
  const n = Math.max(1, indexOf.size);

  const reject = (line: number, reason: string, raw: string) => {
    rejectedCount++;
    if (rejected.length < MAX_LISTED_ISSUES)
      rejected.push({ line, reason, text: raw.slice(0, 200) });
    const group = byReason.get(reason) ?? { count: 0, lines: [] };
    group.count++;
    if (group.lines.length < 20) group.lines.push(line);
    byReason.set(reason, group);
  };

  const readCode = (raw: string, line: number, what: string): number | string => {
    let code = raw.trim().toUpperCase();
    if (/^\d{4}$/.test(code)) {
      repaired.push({
        line,
        what: `code ${what} ${code} complété en 0${code} (zéro initial perdu)`,
      });
      code = `0${code}`;
    }
    if (code === '') return `code ${what} manquant`;
    const i = indexOf.get(code);
    return i === undefined ? `commune ${what} absente du jeu de données` : i;
  };

  for (let l = headerLine + 1; l < lines.length; l++) {
    const raw = lines[l] as string;
    if (raw.trim() === '') continue;
    rowsRead++;
    const line = l + 1;
    const fields = splitCsvLine(raw, sep);
    if (fields.length < width) {
      reject(line, 'ligne incomplète', raw);
      continue;
    }
    const repairedBefore = repaired.length;
    const o = readCode(fields[iOrigin] as string, line, "d'origine");
    const d = readCode(fields[iDest] as string, line, 'de destination');
    const timeText = (fields[iTime] as string).trim();
    if (typeof o === 'string' || typeof d === 'string') {
      repaired.length = repairedBefore;
      reject(line, typeof o === 'string' ? o : (d as string), raw);
      continue;
    }
    if (timeText === '' || /^(null|na|nan|n\/a|-)$/i.test(timeText)) {
      repaired.length = repairedBefore;
      reject(line, 'temps manquant', raw);
      continue;
    }
    const value = Number(decimalComma ? timeText.replace(',', '.') : timeText);
    if (!Number.isFinite(value) || value < 0) {
      repaired.length = repairedBefore;
      reject(line, 'temps invalide (non numérique ou négatif)', raw);
      continue;
    }
    const key = o * n + d;
    const first = seen.get(key);
    if (first !== undefined) {
      repaired.length = repairedBefore;
      reject(line, 'paire en double (la première valeur est gardée)', raw);
      continue;
    }
    seen.set(key, line);
    origin.push(o);
    destination.push(d);
    minutes.push(unit === 'secondes' ? value / 60 : value);
  }

  return {
    pairs: {
      origin: Int32Array.from(origin),
      destination: Int32Array.from(destination),
      minutes: Float64Array.from(minutes),
    },
    report: {
      fileName,
      rowsRead,
      kept: origin.length,
      repaired,
      rejected,
      rejectedCount,
      rejectedByReason: [...byReason].map(([reason, g]) => ({ reason, ...g })),
      unit,
      columns: {
        origin: names[iOrigin] as string,
        destination: names[iDest] as string,
        time: names[iTime] as string,
      },
      separator: SEPARATOR_NAMES[sep] ?? sep,
    },
  };
}
