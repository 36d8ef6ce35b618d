/** A column of a DataTable, how its cells read on screen, and how they are exported. */
import type { Assumption } from '../../domain/assumptions.ts';
import type { CsvValue } from '../../domain/csv-export.ts';
import { roundAsShown } from '../../domain/rounding.ts';
import type { Source } from '../../domain/model.ts';
import { STATE_EXPLANATIONS, STATE_LABELS, type FigureState } from '../../domain/value-state.ts';
import { SECRET_MARK, formatNumber, sourceLine } from '../format.ts';

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  /** Right-aligned, formatted in fr-FR with this many decimals. */
  decimals?: number;
  /**
   * Null means hidden by statistical secrecy (shown and exported as « secret »), unless `state` gives
   * another reason for that row.
   */
  secret?: boolean;
  /**
   * Why a null value has none (value-state.ts): only `secret` is written as the secrecy mark « secret »;
   * « non renseigné », « inconnu » and « sans objet » are written out, so that a count that is
   * simply not there is never passed for a secret one.
   */
  state?: (row: T) => FigureState;
  /** Sources of the figures of the column, written with their millésime under the export. */
  sources?: readonly (Source | undefined)[];
}

/** The text of a cell without a value. */
export function emptyCellText<T>(c: Column<T>, row: T): string {
  const state = c.state?.(row);
  if (state === undefined) return c.secret ? SECRET_MARK : '–';
  if (state === 'secret') return SECRET_MARK;
  if (state === 'known' || state === 'partial') return '–';
  return STATE_LABELS[state];
}

/** A cell as the table shows it. */
export function cellText<T>(c: Column<T>, row: T): string {
  const v = c.value(row);
  if (v === null) return emptyCellText(c, row);
  return c.decimals !== undefined && typeof v === 'number'
    ? formatNumber(v, c.decimals)
    : String(v);
}

/**
 * Two exports of a table: « lisible », for people, with the values rounded as the table shows
 * them; « données », for machines and further computation, with the values at full precision.
 */
export type ExportKind = 'lisible' | 'donnees';

/**
 * A cell as the CSV export writes it: the value (rounded as the table shows it in the
 * « lisible » export), or the state in words (« secret » for secret), or nothing for a plain
 * absence.
 */
export function exportCell<T>(c: Column<T>, row: T, kind: ExportKind = 'lisible'): string | number {
  const v = c.value(row);
  if (typeof v === 'number') {
    return c.decimals === undefined || kind === 'donnees' ? v : roundAsShown(v, c.decimals);
  }
  if (v !== null) return v;
  const text = emptyCellText(c, row);
  return text === '–' ? '' : text;
}

/**
 * The lines under an exported table: its title, the source and millésime of each column's
 * figures, what « secret » means when the table has one, the rounding, and the date of the export.
 */
export function exportNotes<T>(
  caption: string,
  columns: readonly Column<T>[],
  options: {
    exportedOn: Date;
    hasSecret: boolean;
    kind?: ExportKind;
    assumptions?: readonly Assumption[];
  },
): CsvValue[][] {
  const notes: CsvValue[][] = [['Tableau', caption]];
  for (const c of columns) {
    const lines = [...new Set((c.sources ?? []).flatMap((s) => (s ? [sourceLine(s)] : [])))];
    for (const line of lines) notes.push(['Source', c.label, line]);
  }
  // The badges of the figures, with what each means and its source, as on screen.
  for (const a of options.assumptions ?? []) notes.push(['Hypothèse', a.badge, a.detail]);
  if (options.hasSecret) notes.push([SECRET_MARK, STATE_EXPLANATIONS.secret]);
  if (columns.some((c) => c.decimals !== undefined)) {
    notes.push(
      options.kind === 'donnees'
        ? ['Précision', 'valeurs complètes, non arrondies']
        : ['Arrondi', 'valeurs arrondies comme dans le tableau affiché'],
    );
  }
  notes.push(['Exporté le', isoDate(options.exportedOn)]);
  return notes;
}

/** "2025-12-06", in local time. */
const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
