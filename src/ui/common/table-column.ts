/** A column of a DataTable. */
export interface Column<T> {
  key: string;
  label: string;
  value: (row: T) => string | number | null;
  /** Right-aligned, formatted in fr-FR with this many decimals. */
  decimals?: number;
  /** Null means hidden by statistical secrecy (shown and exported as "s"). */
  secret?: boolean;
}
