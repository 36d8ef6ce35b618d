/** Numbers as the interface shows them, for the files and rankings that must agree with it. */

const roundings = new Map<number, Intl.NumberFormat>();

/**
 * Rounds to what a table shows with this many decimals (no 38,86861313868613): by the same
 * Intl rounding as the figures on screen (half away from zero, on the shortest decimal form), so
 * that the file and the page never differ by one in the last digit.
 */
export function roundAsShown(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  let f = roundings.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: false,
    });
    roundings.set(decimals, f);
  }
  const r = Number(f.format(value));
  // -0 would be written "-0".
  return r === 0 ? 0 : r;
}
