/** A column of a DataTable. */
export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  /** Right-aligned, formatted in fr-FR with this many decimals. */
  decimals?: number;
  /** Null means hidden by statistical secrecy (shown and exported as "s"). */
  secret?: boolean;
  /**
   * The state of the value in words ('' when known): shown instead of an absent value, and
   * exported in a status column beside an empty cell, never as 0 (value-state.ts).
   */
  status?: (row: T) => string;
}
