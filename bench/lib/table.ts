/**
 * The benchmark table, for the terminal (aligned columns) and for the README (Markdown). Figures
 * are written the French way, like everywhere else in the product (the README's user part is in
 * French); the JSON keeps the raw numbers.
 */
import { meetsTarget } from './stats.ts';
import type { BenchRow } from './types.ts';

const formatters = new Map<number, Intl.NumberFormat>();

/** A figure with as many decimals as its size deserves: 1 234, 56,7, 8,90, 0,12, 0. */
export function formatValue(value: number): string {
  const abs = Math.abs(value);
  const decimals = abs >= 100 || abs === 0 ? 0 : abs >= 10 ? 1 : 2;
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(decimals, f);
  }
  const text = f.format(abs);
  // A small negative rounded to zero reads 0, not −0.
  return value < 0 && /[1-9]/.test(text) ? `\u2212${text}` : text;
}

export function formatRatio(value: number): string {
  return new Intl.NumberFormat('fr-FR', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export const COLUMNS = [
  'mesure',
  'médiane',
  'min – max',
  'essais',
  'référence',
  'ratio',
  'cible',
  'atteinte',
] as const;

/** Whether each column is right-aligned (figures) or left-aligned (text). */
const RIGHT_ALIGNED: readonly boolean[] = [false, true, true, true, true, true, true, false];

/** The cells of one row, in COLUMNS order; `noteRef` is appended to the metric (e.g. " [2]"). */
export function rowCells(row: BenchRow, noteRef = ''): string[] {
  const ok = meetsTarget(row);
  return [
    row.metric + noteRef,
    `${formatValue(row.median)} ${row.unit}`,
    row.runs > 1 ? `${formatValue(row.min)} – ${formatValue(row.max)}` : '',
    String(row.runs),
    row.baseline ? `${row.baseline.label} ${formatValue(row.baseline.median)}` : '',
    row.ratio !== undefined ? formatRatio(row.ratio) : '',
    row.target !== undefined ? `≤ ${formatValue(row.target)}` : '',
    ok === undefined ? '' : ok ? 'oui' : 'NON',
  ];
}

/** Rows grouped by suite, in the order of their first appearance. */
export function groupBySuite(rows: readonly BenchRow[]): Map<string, BenchRow[]> {
  const groups = new Map<string, BenchRow[]>();
  for (const row of rows) {
    const group = groups.get(row.suite);
    if (group) group.push(row);
    else groups.set(row.suite, [row]);
  }
  return groups;
}

/** Numbers the distinct notes in order; returns each row's reference and the list of notes. */
export function numberNotes(rows: readonly BenchRow[]): { refs: string[]; notes: string[] } {
  const notes: string[] = [];
  const refs = rows.map((row) => {
    if (!row.note) return '';
    let i = notes.indexOf(row.note);
    if (i < 0) i = notes.push(row.note) - 1;
    return ` [${i + 1}]`;
  });
  return { refs, notes };
}

/** Display width of a cell: code points, so "≤" and the narrow no-break space count as one. */
const width = (s: string) => [...s].length;

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

/**
 * The table for the terminal: one block per suite under its name, columns aligned across the
 * whole table, numbered notes below.
 */
export function formatConsoleTable(rows: readonly BenchRow[]): string {
  if (rows.length === 0) return '(aucune mesure)\n';
  const { refs, notes } = numberNotes(rows);
  const cells = rows.map((row, i) => rowCells(row, refs[i]));
  const widths = COLUMNS.map((title, c) =>
    Math.max(width(title), ...cells.map((line) => width(line[c] as string))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, c) => pad(v, widths[c] as number, RIGHT_ALIGNED[c] as boolean))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(COLUMNS), widths.map((w) => '-'.repeat(w)).join('  ')];
  let suite: string | null = null;
  rows.forEach((row, i) => {
    if (row.suite !== suite) {
      suite = row.suite;
      out.push(`[${suite}]`);
    }
    out.push(line(cells[i] as string[]));
  });
  if (notes.length > 0) {
    out.push('');
    notes.forEach((n, i) => out.push(`[${i + 1}] ${n}`));
  }
  return out.join('\n') + '\n';
}

const escapeMarkdown = (s: string) => s.replaceAll('|', '\\|');

/** The table in Markdown, with a suite column, and the numbered notes as a list below it. */
export function formatMarkdownTable(rows: readonly BenchRow[]): string {
  if (rows.length === 0) return '_Aucune mesure._\n';
  const { refs, notes } = numberNotes(rows);
  const header = ['suite', ...COLUMNS];
  const align = ['---', ...RIGHT_ALIGNED.map((r) => (r ? '---:' : '---'))];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${align.join(' | ')} |`,
    ...rows.map(
      (row, i) => `| ${[row.suite, ...rowCells(row, refs[i])].map(escapeMarkdown).join(' | ')} |`,
    ),
  ];
  if (notes.length > 0) {
    lines.push('');
    notes.forEach((n, i) => lines.push(`${i + 1}. ${n}`));
  }
  return lines.join('\n') + '\n';
}
