/** A column of a DataTable, and how its cells read on screen. */
import { STATE_LABELS, type FigureState } from '../../domain/value-state.ts';
import { SECRET_MARK, formatNumber } from '../format.ts';

export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  /** Right-aligned, formatted in fr-FR with this many decimals. */
  decimals?: number;
  /**
   * Null means hidden by statistical secrecy (shown and exported as "s"), unless `state` gives
   * another reason for that row.
   */
  secret?: boolean;
  /**
   * Why a null value has none (value-state.ts): only `secret` is written as the secrecy mark "s";
   * « non renseigné », « inconnu » and « sans objet » are written out, so that a count that is
   * simply not there is never passed for a secret one.
   */
  state?: (row: T) => FigureState;
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

/** A cell as the CSV export writes it: the value, or the state in words ("s" for secret). */
export function exportCell<T>(c: Column<T>, row: T): string | number {
  const v = c.value(row);
  if (v !== null) return v;
  const text = emptyCellText(c, row);
  return text === '–' ? '' : text;
}
