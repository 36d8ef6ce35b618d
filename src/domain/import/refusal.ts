/**
 * An import refused as a whole: nothing from it replaces anything. Either the file cannot be read
 * at all (empty, a spreadsheet, malformed JSON…: `FileRefused`, thrown by the readers), or it was
 * read and kept no row (`refusalOf` a report, in report.ts). The reason is French, for the user.
 */

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
