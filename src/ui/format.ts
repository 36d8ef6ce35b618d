/** Numbers in the French format (narrow no-break space for thousands, decimal comma). */
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
  return f.format(value);
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

/** Shown instead of a count hidden by statistical secrecy, as in INSEE tables. */
export const SECRET_MARK = 's';

/** "Producer, title (millésime 2024)", for sources under figures and in exports. */
export function sourceLine(s: { producer: string; title: string; millesime: string }): string {
  return `${s.producer}, ${s.title} (millésime ${s.millesime})`;
}
