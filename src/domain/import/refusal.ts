/**
 * An import refused as a whole: nothing from it replaces anything. Either the file cannot be read
 * at all (empty, a spreadsheet, malformed JSON…: `FileRefused`, thrown by the readers), or it was
 * read and kept no row (`refusalOf` a report). The reason is French, for the user.
 */
import type { ValidationReport } from './report.ts';

export type RefusalCode =
  | 'empty_file'
  | 'no_data_rows'
  | 'nothing_kept'
  | 'spreadsheet'
  | 'binary'
  | 'json_invalid'
  | 'json_shape'
  | 'geojson_shape'
  | 'crs_unknown'
  | 'columns_missing';

export class FileRefused extends Error {
  override name = 'FileRefused';
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Refusal {
  code: RefusalCode;
  /** "aucune ligne retenue : 3 rejetées, voir le rapport". */
  message: string;
}

const n = (v: number) => v.toLocaleString('fr-FR');

/** Why an import that was read must not replace anything, or null when it kept rows. */
export function refusalOf(report: ValidationReport): Refusal | null {
  if (report.kept > 0) return null;
  if (report.rowsRead === 0) return { code: 'no_data_rows', message: 'aucune ligne de données' };
  const parts: string[] = [];
  if (report.rejectedRows > 0) parts.push(`${n(report.rejectedRows)} rejetée(s)`);
  if (report.ignoredRows > 0) {
    const other = report.ignored.find((g) => g.code === 'other_departement');
    parts.push(
      other && other.count === report.ignoredRows
        ? `${n(report.ignoredRows)} d’autres départements`
        : `${n(report.ignoredRows)} hors champ`,
    );
  }
  return {
    code: 'nothing_kept',
    message: `aucune ligne retenue : ${parts.join(', ')}, voir le rapport`,
  };
}

/** The message of anything thrown while importing, for the user. */
export function refusalMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
