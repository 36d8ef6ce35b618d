import { decimalComma } from './format.ts';
/**
 * The one CSV writer of the project: every export (tables, reports, rejected rows of an import,
 * matrices) goes through it, so every file it writes has the same dialect:
 * - UTF-8 with a byte-order mark, so Excel opens accents right;
 * - `,`, or the `;` French Excel expects (numbers then get a decimal comma);
 * - CRLF line ends, RFC 4180 quoting;
 * - protection against formula injection (OWASP "CSV injection"): a text cell that a spreadsheet
 *   would run, one starting with = + - @ (or their full-width forms), a tab or a carriage
 *   return, possibly after spaces, is prefixed with an apostrophe so it shows as text. A negative
 *   number written as text ("-12,5") is left alone: a spreadsheet reads it as that number.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** ';' for Excel in French (numbers then get a decimal comma). Default ','. */
  separator?: ',' | ';';
  /** Text written for null or undefined. Default ''. */
  empty?: string;
  /**
   * Lines written after the table, after an empty line: where the figures come from, their
   * millésime, the date of the export. A reader sees them under the table; a program reading
   * the table stops at the empty line.
   */
  notes?: readonly (readonly CsvValue[])[];
}

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

const DANGEROUS_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;
/** A negative number written as text: a spreadsheet reads it as the number it is. */
const NEGATIVE_NUMBER = /^-\d+([.,]\d+)?$/;

/** A text cell as written: neutralised when a spreadsheet would take it for a formula. */
export function neutraliseFormula(s: string): string {
  return DANGEROUS_START.test(s) && !NEGATIVE_NUMBER.test(s) ? `'${s}` : s;
}

function cell(v: CsvValue, separator: string, empty: string): string {
  let s: string;
  if (v === null || v === undefined) s = empty;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) s = empty;
    else s = separator === ';' ? decimalComma(v) : String(v);
  } else if (typeof v === 'boolean') s = v ? 'oui' : 'non';
  else s = neutraliseFormula(v);
  return /["\n\r]/.test(s) || s.includes(separator) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, without its line end. */
export function csvLine(values: readonly CsvValue[], options: CsvOptions = {}): string {
  const sep = options.separator ?? ',';
  const empty = options.empty ?? '';
  return values.map((v) => cell(v, sep, empty)).join(sep);
}

/** Header and rows as CSV lines, each ended by CRLF, without the byte-order mark. */
export function csvBlock(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const lines = [csvLine(header, options)];
  for (const r of rows) lines.push(csvLine(r, options));
  return lines.join(CSV_EOL) + CSV_EOL;
}

/** A whole CSV file: the byte-order mark, then the header and rows, then the notes if any. */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  options: CsvOptions = {},
): string {
  const notes = options.notes ?? [];
  const tail =
    notes.length === 0 ? '' : CSV_EOL + notes.map((n) => csvLine(n, options) + CSV_EOL).join('');
  return CSV_BOM + csvBlock(header, rows, options) + tail;
}
