/**
 * Reading single values of French open-data files: empty markers, decimal commas, INSEE codes that
 * lost their leading zero in a spreadsheet, postcodes. Each reader says what it repaired, so the
 * validation report can list it.
 */

/** Cell contents that mean "no value" in the files we read. */
const NULLISH = new Set(['', 'null', 'na', 'n/a', 'nan', '#n/a', '-', 'nd', 'n.d.', 'none']);

export function isNullish(raw: string | null | undefined): boolean {
  return raw === null || raw === undefined || NULLISH.has(raw.trim().toLowerCase());
}

/** Repairs a value reader can make; labels are in `REPAIR_LABELS` (report.ts). */
export type RepairCode =
  | 'decimal_comma'
  | 'insee_leading_zero'
  | 'insee_from_number'
  | 'insee_separator'
  | 'arrondissement'
  | 'encoding_windows_1252'
  | 'lambert93'
  | 'lat_lon_swapped'
  | 'latitude_sign'
  | 'located_at_commune'
  | 'commune_from_name'
  | 'commune_from_point'
  | 'commune_remapped'
  | 'capacity_rounded'
  | 'axes_from_kind'
  | 'kind_default'
  | 'ring_closed';

export type NumberResult =
  | { ok: true; value: number; repairs: RepairCode[] }
  | { ok: true; value: null; repairs: [] }
  | { ok: false };

/**
 * A number as French software writes it: "1 234,5", "48,909987", "1.234,5" or "1234.5". Null
 * markers give `value: null`. Anything else (a unit, a percent sign) is refused: the caller must
 * know whether it reads a share or a count.
 */
export function parseNumber(raw: string | null | undefined): NumberResult {
  if (isNullish(raw)) return { ok: true, value: null, repairs: [] };
  let s = (raw as string).trim().replace(/[\u00a0\u202f ]/g, '');
  const repairs: RepairCode[] = [];
  if (/^[+-]?\d+,\d+$/.test(s) || /^[+-]?,\d+$/.test(s)) {
    s = s.replace(',', '.');
    repairs.push('decimal_comma');
  } else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) {
    // "1.234,5": dots as thousands separators, comma as decimal point.
    s = s.replaceAll('.', '').replace(',', '.');
    repairs.push('decimal_comma');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { ok: false };
  const value = Number(s);
  return Number.isFinite(value) ? { ok: true, value, repairs } : { ok: false };
}

export type InseeResult =
  | { ok: true; code: string; repairs: RepairCode[] }
  | { ok: false; reason: 'missing' | 'malformed' };

/**
 * An INSEE commune code, five characters: two digits of département (or 2A/2B, or 97x for
 * overseas), three of commune. Spreadsheets turn "01001" into 1001 or "1001.0": the leading
 * zero is restored. Codes are not checked against a list here (see commune-index.ts).
 */
export function normaliseInseeCode(raw: string | null | undefined): InseeResult {
  if (isNullish(raw)) return { ok: false, reason: 'missing' };
  let s = (raw as string).trim().toUpperCase();
  const repairs: RepairCode[] = [];
  // "62 041" as Excel formats a number (a space, a no-break or a narrow no-break space), or
  // "62.041" with a dot for thousands: the separator is dropped.
  const grouped = /^(\d{1,2}|2[AB])(?:[\s\u00a0\u202f]+|\.)(\d{3})$/.exec(s);
  if (grouped) {
    s = `${grouped[1]}${grouped[2]}`;
    repairs.push('insee_separator');
  }
  const asFloat = /^(\d{1,5})[.,]0+$/.exec(s);
  if (asFloat) {
    s = asFloat[1] as string;
    repairs.push('insee_from_number');
  }
  if (/^\d{1,4}$/.test(s)) {
    // Only leading zeros can be lost: "1001" is 01001, "12" is 00012.
    s = s.padStart(5, '0');
    repairs.push('insee_leading_zero');
  } else if (/^2[AB]\d{2}$/.test(s)) {
    // Corsica written without the zero is not a real case; "2A04" would be ambiguous: refuse.
    return { ok: false, reason: 'malformed' };
  }
  if (/^\d{5}$/.test(s) || /^2[AB]\d{3}$/.test(s)) return { ok: true, code: s, repairs };
  return { ok: false, reason: 'malformed' };
}

/**
 * Whether the first characters of a commune code name a place with communes: a département
 * 01–95 (20 is Corsica's former code, now 2A and 2B), 2A, 2B, a DROM 971–976 or a collectivity
 * with INSEE commune codes (975, 977, 978). "99" is INSEE's code for foreign countries, and 00, 96
 * or 979 are nothing: a code starting so is unknown, not of another département.
 */
export function isDepartementCode(dep: string): boolean {
  if (dep === '2A' || dep === '2B' || /^97[1-8]$/.test(dep)) return true;
  if (!/^\d{2}$/.test(dep)) return false;
  const n = Number(dep);
  return n >= 1 && n <= 95 && n !== 20;
}

/** What the report says of an unknown commune code: the code, and where it would be. */
export function unknownCodeDetail(code: string, dep: string): string {
  const of = departementOfCommune(code);
  if (of === dep) return code;
  return isDepartementCode(of)
    ? `${code} (département ${of})`
    : `${code} (aucun département « ${of} »)`;
}

/** Département code of a commune code: "62", "2A", "974". */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

/**
 * A département code as files write it: "62", "062", "1", "01", "2A", "974". Returns the
 * official form ("01", "2A", "974") or null.
 */
export function normaliseDepartementCode(raw: string | null | undefined): string | null {
  if (isNullish(raw)) return null;
  const s = (raw as string).trim().toUpperCase();
  if (/^0?2[AB]$/.test(s)) return s.slice(-2);
  if (/^97\d$/.test(s)) return s;
  if (/^\d{1,3}$/.test(s)) {
    const n = Number(s);
    if (n >= 1 && n <= 95 && n !== 20) return String(n).padStart(2, '0');
  }
  return null;
}

/** A French postcode: five digits (a lost leading zero restored), or null. */
export function normalisePostcode(raw: string | null | undefined): string | null {
  if (isNullish(raw)) return null;
  const s = (raw as string).trim().replace(/\s/g, '');
  if (/^\d{5}$/.test(s)) return s;
  if (/^\d{4}$/.test(s)) return '0' + s;
  return null;
}

/**
 * Département(s) a postcode can belong to. Postcodes follow départements except in Corsica (20xxx
 * for both) and in a few border communes served by a neighbour's post office, so the result is
 * only a hint that the caller checks against the commune list.
 */
export function departementsOfPostcode(postcode: string): string[] {
  if (postcode.startsWith('20')) return ['2A', '2B'];
  if (postcode.startsWith('97')) return [postcode.slice(0, 3)];
  return [postcode.slice(0, 2)];
}
