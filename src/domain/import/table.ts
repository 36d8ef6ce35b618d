/**
 * Any tabular input (CSV bytes, or a JSON array of records) as one shape the parsers read: a
 * header, records with their line numbers, and how the file was read. Columns are found by a
 * list of accepted names, compared without case, accents, spaces or underscores.
 */
import { parseCsv, type CsvRecord, type Delimiter } from './csv.ts';
import { decodeText, type TextEncodingName } from './decode.ts';

export interface TableInput {
  fileName: string;
  header: string[];
  records: CsvRecord[];
  /** How the file was read, in French, for the report. */
  format: string;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  /** File-level problems (unclosed quote…), in French. */
  problems: string[];
}

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'virgule',
  ';': 'point-virgule',
  '\t': 'tabulation',
};

/** A CSV file's bytes as a table (encoding and separator detected). */
export function readCsvBytes(bytes: Uint8Array, fileName: string): TableInput {
  const decoded = decodeText(bytes);
  return readCsvText(decoded.text, fileName, decoded.encoding, decoded.bom);
}

export function readCsvText(
  text: string,
  fileName: string,
  encoding: TextEncodingName | null = null,
  bom = false,
): TableInput {
  const csv = parseCsv(text);
  const parts = [`CSV, séparateur ${DELIMITER_NAMES[csv.delimiter]}`];
  if (encoding === 'windows-1252') parts.push('encodage Windows-1252 (Latin-1) converti');
  else if (encoding === 'utf-8') parts.push(bom ? 'UTF-8 avec BOM' : 'UTF-8');
  const problems: string[] = [];
  if (csv.unclosedQuoteLine !== null) {
    problems.push(
      `Guillemet ouvert ligne ${csv.unclosedQuoteLine} et jamais fermé : la fin du fichier a été lue comme un seul champ.`,
    );
  }
  return {
    fileName,
    header: csv.header,
    records: csv.records,
    format: parts.join(', '),
    encoding,
    delimiter: csv.delimiter,
    problems,
  };
}

/** Cell text of a JSON value: arrays joined with "|", objects as JSON, null as "". */
function jsonCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(jsonCell).join('|');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/**
 * A JSON array of flat records as a table. "Lines" are the ranks of the records (1 for the
 * first), which the report says.
 */
export function readJsonRecords(items: readonly unknown[], fileName: string): TableInput {
  const header: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      for (const k of Object.keys(item)) {
        if (seen.has(k)) continue;
        seen.add(k);
        header.push(k);
      }
    }
  }
  const records = items.map((item, i) => ({
    line: i + 1,
    cells: header.map((k) =>
      item && typeof item === 'object' ? jsonCell((item as Record<string, unknown>)[k]) : '',
    ),
  }));
  return {
    fileName,
    header,
    records,
    format: 'JSON (les numéros de ligne sont les rangs des éléments)',
    encoding: 'utf-8',
    delimiter: null,
    problems: [],
  };
}

/** A header name reduced for comparison: "Code INSEE" = "code_insee" = "CODEINSEE". */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Index of the first column whose name is one of `names` (compared by `headerKey`), or -1. */
export function findColumn(header: readonly string[], names: readonly string[]): number {
  const keys = header.map(headerKey);
  for (const n of names) {
    const i = keys.indexOf(headerKey(n));
    if (i >= 0) return i;
  }
  return -1;
}

/** Reads a record's cell by column index; a missing column or cell gives "". */
export const cellAt = (r: CsvRecord, i: number): string => (i >= 0 ? (r.cells[i] ?? '') : '');
