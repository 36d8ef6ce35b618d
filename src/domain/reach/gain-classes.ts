/**
 * Classes of the difference map: minutes a commune gains (or loses) in the scenario against the
 * current situation.
 */
export interface GainClass {
  label: string;
  /** Lower bound (inclusive) of minutes gained; the first class matching from the top wins. */
  min: number;
}

/** From the largest gain to the largest loss; "unchanged" is the class of a zero gain. */
export const GAIN_CLASSES: readonly GainClass[] = [
  { label: 'gagne 15 min ou plus', min: 15 },
  { label: 'gagne 5 à 15 min', min: 5 },
  { label: 'gagne moins de 5 min', min: 0.5 },
  { label: 'inchangé', min: -0.5 },
  { label: 'perd moins de 5 min', min: -5 },
  { label: 'perd 5 à 15 min', min: -15 },
  { label: 'perd 15 min ou plus', min: -Infinity },
];

/** Index in GAIN_CLASSES of a gain in minutes (Infinity: brought within the horizon). */
export function gainClassIndex(gainMinutes: number): number {
  if (Number.isNaN(gainMinutes)) return 3;
  const i = GAIN_CLASSES.findIndex((c) => gainMinutes >= c.min);
  return i < 0 ? GAIN_CLASSES.length - 1 : i;
}
