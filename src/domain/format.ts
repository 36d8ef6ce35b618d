/**
 * Numbers in the French format (narrow no-break space for thousands, decimal comma), for the
 * page, the reports and the messages alike. The only module that calls toLocaleString or toFixed
 * (an eslint rule keeps it so): one place decides how a number reads.
 */
import { STATE_LABELS, figureStatus, type Figure } from './value-state.ts';

/** Formatters by minimum and maximum number of decimals. */
const formats = new Map<string, Intl.NumberFormat>();

function format(value: number, minDecimals: number, maxDecimals: number): string {
  const key = `${minDecimals}:${maxDecimals}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', {
      minimumFractionDigits: minDecimals,
      maximumFractionDigits: maxDecimals,
    });
    formats.set(key, f);
  }
  const text = f.format(value);
  // "-0,0" never appears: a value that rounds to zero is written without a sign.
  return /^[-\u2212][0\s,]*$/.test(text) ? text.slice(1) : text;
}

/** A number with exactly `decimals` decimals ("1 234", "4,8"); '–' when there is none. */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return format(value, decimals, decimals);
}

/** A number with at most `maxDecimals` decimals, trailing zeros dropped ("2,5 ans", "2 ans"). */
export function formatDecimal(value: number | null | undefined, maxDecimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return format(value, 0, maxDecimals);
}

/**
 * Every digit of a number with a decimal comma and no grouping: a cell of a French CSV file
 * (semicolon-separated) that a spreadsheet reads back as the same number.
 */
export const decimalComma = (value: number): string => String(value).replace('.', ',');

/**
 * A number with `decimals` decimals and a decimal point, for machine text read back by code
 * (URL parameters, coordinates in files and keys), never for a reader.
 */
export const decimalPoint = (value: number, decimals: number): string => value.toFixed(decimals);

/**
 * Text for the command line and plain-text logs: the narrow no-break space of thousands becomes
 * an ordinary one, which every terminal shows.
 */
export const plainSpaces = (text: string): string => text.replace(/\u202f/g, ' ');

/** A figure: its value, or its state in words (« non renseigné », « secret »…), never 0. */
export function formatFigure(f: Figure, decimals = 0): string {
  if (f.value !== null) return formatNumber(f.value, decimals);
  return f.state === 'known' || f.state === 'partial' ? '–' : STATE_LABELS[f.state];
}

export function formatPercent(share: number | null | undefined, decimals = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${formatNumber(share * 100, decimals)} %`;
}

/** "3 communes", "1 commune". */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
}

/** A count of people, or the secrecy mark where statistical secrecy hides it. */
export function formatCount(value: number | null | undefined): string {
  return value === null ? SECRET_MARK : formatNumber(value);
}

/**
 * Shown instead of a count hidden by statistical secrecy: the word, never a bare "s" a reader
 * would have to decode (a table says what it means in the line under it).
 */
export const SECRET_MARK = STATE_LABELS.secret;

/** "Producer, title (millésime 2024)", for sources under figures and in exports. */
export function sourceLine(s: { producer: string; title: string; millesime: string }): string {
  return `${s.producer}, ${s.title} (millésime ${s.millesime})`;
}

/**
 * Why the places of some sites are not all known, in words ('' when they are): the sites whose
 * capacity the source omits. Shared by the territory and coverage sheets.
 */
export function placesStatus(places: Figure, siteCount: number): string {
  if (places.state === 'known') return '';
  return places.parts.known === 0
    ? `inconnu : la source ne donne la capacité d'aucun des ${formatNumber(siteCount)} lieux`
    : figureStatus(places);
}

/** Characters of a text from a file shown before it is cut (its whole value is one click away). */
export const SHORT_TEXT_CHARS = 120;

/**
 * A text from a file cut for display at `maxChars` characters (at a space when one is near), with
 * « … »: a 100 000-character name must not fill a tooltip or widen the page.
 */
export function clipText(text: string, maxChars = SHORT_TEXT_CHARS): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return (space > maxChars * 0.7 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** A date and time in the short French form ("07/12/2026 05:30"). */
export const formatDateTime = (date: Date): string =>
  date.toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
