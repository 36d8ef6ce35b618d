/**
 * The one tabular reader of every import (offer, beneficiaries, territories, matrices, the
 * build's inputs): a file's bytes, in chunks, become a header and records with their physical
 * line numbers, and a line saying how the file was read. What is refused as a whole (a
 * spreadsheet, a binary or empty file, malformed JSON) throws a `FileRefused` with the reason in
 * French. CSV is streamed: records are produced as the chunks are decoded, never all at once.
 * JSON (an array of records, an API page `{"items": [...]}`, a GeoJSON FeatureCollection of
 * points) is read whole.
 *
 * Columns are found by a list of accepted names, compared without case, accents, spaces or
 * underscores.
 */
import type { FeatureCollection } from 'geojson';
import { CsvTokenizer, sniffDelimiter, type CsvRecord, type Delimiter } from './csv.ts';
import { fileSignature, StreamDecoder, type TextEncodingName } from './decode.ts';
import { FEATURE_COLLECTION_SHAPE, parseJsonText, recordsOfJson } from './json.ts';
import { FileRefused } from './refusal.ts';

export interface TableInput {
  fileName: string;
  header: string[];
  /** The data records, in file order. Iterable once for a streamed file. */
  records: Iterable<CsvRecord>;
  /** How the file was read, in French, for the report. */
  format: string;
  encoding: TextEncodingName | null;
  delimiter: Delimiter | null;
  /** File-level problems (unclosed quote, invalid bytes…), in French; complete once read. */
  problems: string[];
  /** Lines with only separators (Excel's trailing `;;;;` rows): not data; complete once read. */
  emptyLines: { count: number };
  /**
   * The document itself when the file is a GeoJSON FeatureCollection: its records are the
   * features' properties, in the same order, and readers of shapes (territory contours) need the
   * geometries too.
   */
  geojson?: FeatureCollection;
}

/** A file's bytes, in order. */
export type ByteChunks = Iterable<Uint8Array>;

export interface ReadOptions {
  /** Called after each chunk with the bytes read so far. */
  onBytes?: (bytesRead: number) => void;
}

const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'virgule',
  ';': 'point-virgule',
  '\t': 'tabulation',
  '|': 'barre verticale',
};

const ENCODING_NAMES: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'encodage Windows-1252 (Latin-1) converti',
  'utf-16le': 'UTF-16 (« Texte Unicode » d’Excel)',
  'utf-16be': 'UTF-16 gros-boutiste',
};

/** Text enough to sniff the separator and read the header. */
const SNIFF_CHARS = 64 * 1024;

function refuseSignature(head: Uint8Array): void {
  const sig = fileSignature(head);
  if (sig === 'zip' || sig === 'ole')
    throw new FileRefused(
      'spreadsheet',
      'classeur Excel ou LibreOffice : enregistrez la feuille au format CSV (UTF-8, séparateur « ; ») puis importez ce fichier',
    );
  if (sig === 'pdf') throw new FileRefused('binary', 'document PDF : un fichier CSV est attendu');
  if (sig === 'gzip')
    throw new FileRefused(
      'binary',
      'fichier compressé (gzip) : décompressez-le avant de l’importer',
    );
  if (sig === 'binary')
    throw new FileRefused('binary', 'fichier binaire : un fichier texte (CSV ou JSON) est attendu');
}

/**
 * Reads a table from a file's chunks. CSV records are produced lazily: the chunks are pulled as
 * the records are iterated, so memory stays bounded by the chunk size plus what the caller keeps.
 */
export function readTable(
  chunks: ByteChunks,
  fileName: string,
  options: ReadOptions = {},
): TableInput {
  const it = chunks[Symbol.iterator]();
  const decoder = new StreamDecoder();
  let bytesRead = 0;
  let done = false;
  let checked = false;
  const pull = (): string | null => {
    if (done) return null;
    const next = it.next();
    if (next.done) {
      done = true;
      return decoder.push(new Uint8Array(0), true);
    }
    if (!checked && next.value.length > 0) {
      checked = true;
      refuseSignature(next.value);
    }
    bytesRead += next.value.length;
    options.onBytes?.(bytesRead);
    return decoder.push(next.value);
  };

  let prefix = '';
  while (!done && prefix.length < SNIFF_CHARS) prefix += pull() ?? '';
  if (bytesRead === 0) throw new FileRefused('empty_file', 'fichier vide');
  const start = prefix.trimStart();
  if (start === '') throw new FileRefused('empty_file', 'fichier vide (seulement des espaces)');
  if (start[0] === '{' || start[0] === '[') {
    let text = prefix;
    const parts: string[] = [prefix];
    while (!done) parts.push(pull() ?? '');
    text = parts.join('');
    return readJsonTable(text, fileName, decoder.encoding ?? 'utf-8', decoder.bom);
  }

  const delimiter = sniffDelimiter(prefix);
  let queue: CsvRecord[] = [];
  const tokenizer = new CsvTokenizer(delimiter, (cells, line) => queue.push({ line, cells }));
  tokenizer.push(prefix);
  const problems: string[] = [];
  const emptyLines = { count: 0 };
  let ended = false;
  const finish = () => {
    ended = true;
    const unclosed = tokenizer.end();
    emptyLines.count = tokenizer.emptyRecords;
    if (unclosed !== null)
      problems.push(
        `Guillemet ouvert ligne ${unclosed} et jamais fermé : la fin du fichier a été lue comme un seul champ.`,
      );
    if (decoder.invalidSequences > 0)
      problems.push(
        `${decoder.invalidSequences} suite(s) d’octets invalides en UTF-8 remplacées par « \ufffd » : le fichier mêle deux encodages.`,
      );
  };
  // The header: the first record, reading further if the prefix did not complete it.
  while (queue.length === 0 && !done) tokenizer.push(pull() ?? '');
  if (queue.length === 0) finish();
  const head = queue.shift();
  const header = head ? head.cells.map((h) => h.trim()) : [];

  function* records(): Generator<CsvRecord> {
    for (;;) {
      const batch = queue;
      queue = [];
      for (const r of batch) yield r;
      if (ended) return;
      if (done) {
        finish();
        continue;
      }
      tokenizer.push(pull() ?? '');
    }
  }

  const encoding = decoder.encoding;
  const parts = [`CSV, séparateur ${DELIMITER_NAMES[delimiter]}`];
  if (encoding)
    parts.push(ENCODING_NAMES[encoding] + (decoder.bom && encoding === 'utf-8' ? ' avec BOM' : ''));
  else parts.push('ASCII');
  return {
    fileName,
    header,
    records: records(),
    format: parts.join(', '),
    encoding: encoding ?? 'utf-8',
    delimiter,
    problems,
    emptyLines,
  };
}

/** A whole file's bytes as a table. */
export const readTableBytes = (bytes: Uint8Array, fileName: string): TableInput =>
  readTable([bytes], fileName);

/** A CSV text (already decoded) as a table. */
export const readCsvText = (text: string, fileName: string): TableInput =>
  readTable([new TextEncoder().encode(text)], fileName);

function readJsonTable(
  text: string,
  fileName: string,
  encoding: TextEncodingName,
  bom: boolean,
): TableInput {
  const doc = parseJsonText(text);
  const { items, shape, lines, notes } = recordsOfJson(doc, text);
  const geojson = shape === FEATURE_COLLECTION_SHAPE ? { geojson: doc as FeatureCollection } : {};
  return {
    ...tableOfJsonRecords(items, fileName, lines),
    ...geojson,
    problems: notes,
    format: `JSON (${shape})${encoding === 'utf-8' ? '' : `, ${ENCODING_NAMES[encoding]}`}${bom ? ', avec BOM' : ''}`,
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
 * JSON records as a table: the header is every key met, in order of appearance. Lines are the
 * physical lines where each record starts when the file has one record per line or more, else
 * the records' ranks (a minified file is one line), which the format says.
 */
export function tableOfJsonRecords(
  items: readonly unknown[],
  fileName: string,
  lines: readonly number[] | null = null,
): TableInput {
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
    line: lines?.[i] ?? i + 1,
    cells: header.map((k) =>
      item && typeof item === 'object' ? jsonCell((item as Record<string, unknown>)[k]) : '',
    ),
  }));
  return {
    fileName,
    header,
    records,
    format: lines ? 'JSON' : 'JSON (les numéros de ligne sont les rangs des éléments)',
    encoding: 'utf-8',
    delimiter: null,
    problems: [],
    emptyLines: { count: 0 },
  };
}

/** Kept for callers that hold parsed JSON already. */
export const readJsonRecords = (items: readonly unknown[], fileName: string): TableInput =>
  tableOfJsonRecords(items, fileName);

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

/**
 * Refuses a file without a column the reader cannot do without: every row would be rejected for
 * the same reason, which the file's header already says.
 */
export function requireColumns(table: TableInput, columns: readonly [number, string][]): void {
  const missing = columns.filter(([i]) => i < 0).map(([, name]) => name);
  if (missing.length === 0) return;
  const found = table.header.slice(0, 12).map((h) => `« ${h.slice(0, 40)} »`);
  throw new FileRefused(
    'columns_missing',
    `colonne(s) attendue(s) absente(s) : ${missing.join(', ')} ; colonnes du fichier : ${found.join(', ') || '(aucune)'}${table.header.length > 12 ? '…' : ''}`,
  );
}
