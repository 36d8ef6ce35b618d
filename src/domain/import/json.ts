/**
 * JSON input files: parsed with the engine's JSON.parse, and, when that fails, scanned again by a
 * small validator of our own so the user reads where and what ("JSON invalide, ligne 12,
 * colonne 4 : « , » ou « } » attendu") instead of an engine message that differs from one
 * browser to the next. Also where each record of an array starts in the file, so reports give
 * physical line numbers for JSON as they do for CSV.
 */
import { FileRefused } from './refusal.ts';

export interface JsonErrorPlace {
  line: number;
  column: number;
  /** What was expected there, in French. */
  expected: string;
  /** What was found ("fin du fichier" when the file stops early). */
  found: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);

function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/**
 * The first place where `text` stops being JSON, or null if it is valid. Iterative, so a file of
 * a million nested brackets cannot overflow the stack.
 */
export function locateJsonError(text: string): JsonErrorPlace | null {
  let i = 0;
  const n = text.length;
  const stack: ('obj' | 'arr')[] = [];
  const fail = (expected: string): JsonErrorPlace => {
    const found =
      i >= n ? 'fin du fichier' : `« ${text.slice(i, i + 12).split(/[\r\n]/)[0] || text[i]} »`;
    return { ...placeOf(text, Math.min(i, n)), expected, found };
  };
  const skip = () => {
    while (i < n && WS.has(text[i] as string)) i++;
  };
  const readString = (): boolean => {
    // At a quote.
    i++;
    while (i < n) {
      const c = text[i] as string;
      if (c === '"') {
        i++;
        return true;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return false;
      } else if (c.charCodeAt(0) < 0x20) return false;
      else i++;
    }
    return false;
  };
  const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const readValue = (): JsonErrorPlace | null => {
    skip();
    const c = text[i];
    if (c === '"') return readString() ? null : fail('une chaîne de caractères bien formée');
    if (c === '{' || c === '[') return null;
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return null;
    }
    return fail('une valeur (texte entre guillemets, nombre, true, false, null, { ou [)');
  };
  // One value, then the containers it opens, driven by the stack.
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      const err = readValue();
      if (err) return err;
      const c = text[i];
      if (c === '{') {
        i++;
        stack.push('obj');
        skip();
        if (text[i] === '}') {
          i++;
          stack.pop();
        } else {
          if (text[i] !== '"') return fail('un nom de clé entre guillemets ou « } »');
          if (!readString()) return fail('un nom de clé bien formé');
          skip();
          if (text[i] !== ':') return fail('« : » après le nom de clé');
          i++;
          continue;
        }
      } else if (c === '[') {
        i++;
        stack.push('arr');
        skip();
        if (text[i] === ']') {
          i++;
          stack.pop();
        } else continue;
      }
      expectValue = false;
    }
    skip();
    const top = stack[stack.length - 1];
    if (top === undefined) {
      return i < n ? fail('la fin du fichier (une seule valeur JSON par fichier)') : null;
    }
    const c = text[i];
    if (c === ',') {
      i++;
      if (top === 'obj') {
        skip();
        if (text[i] !== '"') return fail('un nom de clé entre guillemets');
        if (!readString()) return fail('un nom de clé bien formé');
        skip();
        if (text[i] !== ':') return fail('« : » après le nom de clé');
        i++;
      }
      expectValue = true;
    } else if ((c === '}' && top === 'obj') || (c === ']' && top === 'arr')) {
      i++;
      stack.pop();
    } else return fail(top === 'obj' ? '« , » ou « } »' : '« , » ou « ] »');
  }
}

/** Parses a JSON file, or refuses it with the place and the expectation of the first error. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const err = locateJsonError(text);
    const where = err
      ? `ligne ${err.line}, colonne ${err.column} : ${err.expected} attendu, ${err.found} trouvé`
      : 'erreur de syntaxe';
    const truncated = err?.found === 'fin du fichier' ? ' (le fichier semble tronqué)' : '';
    throw new FileRefused('json_invalid', `JSON invalide, ${where}${truncated}`);
  }
}

/**
 * Line where each element of an array starts: the top-level array (`key` null) or the array
 * under `key` in the top-level object. Strings are skipped exactly, so brackets inside names do
 * not count.
 */
export function arrayElementLines(text: string, key: string | null): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  /** Depth of the target array once entered, else -1. */
  let target = -1;
  let lastKey = '';
  let expectElement = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) continue;
    if (expectElement && c !== 93 /* ] */) {
      lines.push(line);
      expectElement = false;
    }
    if (c === 34 /* " */) {
      const s = i;
      i++;
      while (i < n && text.charCodeAt(i) !== 34) {
        if (text.charCodeAt(i) === 92) i++;
        else if (text.charCodeAt(i) === 10) line++;
        i++;
      }
      if (depth === 1 && target < 0) lastKey = text.slice(s + 1, i);
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (c === 91 && target < 0) {
        if ((key === null && depth === 1) || (key !== null && depth === 2 && lastKey === key)) {
          target = depth;
          expectElement = true;
        }
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth === target) return lines;
      depth--;
    } else if (c === 44 /* , */ && depth === target) expectElement = true;
  }
  return lines;
}

export interface JsonRecords {
  items: unknown[];
  /** What the file was, in French ("tableau", "page d'API (items)", "FeatureCollection GeoJSON"). */
  shape: string;
  /** Physical line of each item, or null when the file does not have one item per line. */
  lines: number[] | null;
  /** What the shape says that the user should know (a page short of the total…). */
  notes: string[];
}

export const FEATURE_COLLECTION_SHAPE = 'FeatureCollection GeoJSON, propriétés des objets';

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Records of a point GeoJSON feature: its properties, and its point as longitude/latitude. */
function featureRecord(f: unknown): unknown {
  if (!isObject(f)) return f;
  const props = isObject(f.properties) ? { ...f.properties } : {};
  const g = f.geometry;
  if (isObject(g) && g.type === 'Point' && Array.isArray(g.coordinates)) {
    const [x, y] = g.coordinates as unknown[];
    if (!('longitude' in props) && !('latitude' in props)) {
      props.longitude = x;
      props.latitude = y;
    }
  }
  return props;
}

/**
 * The records of a JSON document: a bare array, an API page (`{"items": [...], "total": n}`, as
 * data·inclusion's API returns), a FeatureCollection of points, or an object with exactly one
 * array of objects. Anything else is refused with what was found.
 */
export function recordsOfJson(doc: unknown, text: string): JsonRecords {
  const linesOf = (key: string | null, count: number): number[] | null => {
    const lines = arrayElementLines(text, key);
    if (lines.length !== count) return null;
    for (let i = 1; i < lines.length; i++)
      if ((lines[i] as number) <= (lines[i - 1] as number)) return null;
    return lines;
  };
  if (Array.isArray(doc))
    return { items: doc, shape: 'tableau', lines: linesOf(null, doc.length), notes: [] };
  if (!isObject(doc)) {
    throw new FileRefused(
      'json_shape',
      'JSON lu, mais une liste d’enregistrements était attendue (un tableau, une page d’API {"items": […]} ou une FeatureCollection GeoJSON)',
    );
  }
  if (doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    return {
      items: doc.features.map(featureRecord),
      shape: FEATURE_COLLECTION_SHAPE,
      lines: linesOf('features', doc.features.length),
      notes: [],
    };
  }
  if (Array.isArray(doc.items)) {
    const notes: string[] = [];
    const total = typeof doc.total === 'number' ? doc.total : null;
    if (total !== null && total > doc.items.length) {
      const page = typeof doc.page === 'number' ? `page ${doc.page}, ` : '';
      notes.push(
        `Page d’API incomplète (${page}${doc.items.length} éléments sur ${total}) : les autres pages ne sont pas dans ce fichier.`,
      );
    }
    return {
      items: doc.items,
      shape: `page d’API, ${doc.items.length} éléments${total !== null ? ` sur ${total}` : ''}`,
      lines: linesOf('items', doc.items.length),
      notes,
    };
  }
  const arrays = Object.entries(doc).filter(
    ([, v]) => Array.isArray(v) && v.length > 0 && v.every(isObject),
  );
  if (arrays.length === 1) {
    const [key, value] = arrays[0] as [string, unknown[]];
    return {
      items: value,
      shape: `objet, tableau « ${key} »`,
      lines: linesOf(key, value.length),
      notes: [],
    };
  }
  const keys = Object.keys(doc)
    .slice(0, 8)
    .map((k) => `« ${k} »`)
    .join(', ');
  throw new FileRefused(
    'json_shape',
    `JSON lu, mais ni tableau d’enregistrements, ni page d’API ({"items": […]}), ni FeatureCollection GeoJSON : clés trouvées ${keys || '(aucune)'}`,
  );
}
