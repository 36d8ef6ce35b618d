/**
 * CSV for download: UTF-8 with a byte-order mark (so Excel opens accents right), `,` or the `;`
 * that French Excel expects, decimal comma with `;`, RFC 4180 quoting, and protection against
 * formula injection (OWASP "CSV injection"): a text cell starting with = + - @ or a control
 * character is prefixed with an apostrophe so a spreadsheet shows it as text.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** ';' for Excel in French (numbers then get a decimal comma). Default ','. */
  separator?: ',' | ';';
  /** Text written for null or undefined. Default ''. */
  empty?: string;
}

const BOM = '\uFEFF';
const DANGEROUS_START = /^[=+\-@\t\r]/;

function cell(v: CsvValue, separator: string, empty: string): string {
  let s: string;
  if (v === null || v === undefined) s = empty;
  else if (typeof v === 'number') {
    if (!Number.isFinite(v)) s = empty;
    else s = separator === ';' ? String(v).replace('.', ',') : String(v);
  } else if (typeof v === 'boolean') s = v ? 'oui' : 'non';
  else s = DANGEROUS_START.test(v) ? `'${v}` : v;
  return /["\n\r]/.test(s) || s.includes(separator) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  options: CsvOptions = {},
): string {
  const sep = options.separator ?? ',';
  const empty = options.empty ?? '';
  const lines = [header, ...rows].map((r) => r.map((v) => cell(v, sep, empty)).join(sep));
  return BOM + lines.join('\r\n') + '\r\n';
}
