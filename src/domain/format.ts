/** Numbers in the French format (narrow no-break space for thousands, decimal comma). */
import { STATE_LABELS, figureStatus, type Figure } from '../domain/value-state.ts';

/** Formatters by number of decimals. */
const formats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('fr-FR', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formats.set(decimals, f);
  }
  const text = f.format(value);
  // "-0,0" never appears: a value that rounds to zero is written without a sign.
  return /^[-\u2212][0\s,]*$/.test(text) ? text.slice(1) : text;
}

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
