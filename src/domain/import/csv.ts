/**
 * A CSV reader for the exports planners actually have: `,` `;` or tab separators (sniffed), quoted
 * fields with doubled quotes and line breaks inside, CRLF or LF, blank lines, ragged rows. Every
 * record keeps the physical line it starts on, so a report can point at it in a text editor.
 */

export type Delimiter = ',' | ';' | '\t';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  records: CsvRecord[];
  /** Line where a quote opens and never closes (the rest of the file became one field), or null. */
  unclosedQuoteLine: number | null;
}

const CANDIDATES: Delimiter[] = [';', ',', '\t'];

/** Counts delimiters outside quotes on the first lines; the most consistent, frequent one wins. */
export function sniffDelimiter(text: string): Delimiter {
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    if ((ch === '\n' || ch === '\r') && !quoted) {
      if (current.trim() !== '') lines.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim() !== '' && lines.length < 20) lines.push(current);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    // Rows whose count matches the header's: a real separator gives the same count on each line.
    const consistent = counts.filter((c) => c === header).length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/** Parses the whole text; the first non-blank record is the header. */
export function parseCsv(text: string, delimiter: Delimiter = sniffDelimiter(text)): CsvTable {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let fieldWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  const endField = () => {
    cells.push(fieldWasQuoted ? field : field.trim());
    field = '';
    fieldWasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line is not a record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        // CRLF inside a quoted field becomes a plain line break.
        if (!(ch === '\r' && text[i + 1] === '\n')) field += ch;
      }
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      fieldWasQuoted = true;
      field = '';
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  const unclosedQuoteLine = quoted ? quoteLine : null;
  if (field !== '' || cells.length > 0 || fieldWasQuoted) endRecord();
  const [head, ...rest] = records;
  return { delimiter, header: head ? head.cells : [], records: rest, unclosedQuoteLine };
}
