/**
 * Every colour ramp of the map. Sequential ramps are ColorBrewer's (d3-scale-chromatic) and read
 * in greyscale; the categorical palette keeps neighbouring axes apart for common colour-vision
 * deficiencies.
 */
import {
  schemeGnBu,
  schemeOranges,
  schemePurples,
  schemeRdYlGn,
  schemeYlOrBr,
} from 'd3-scale-chromatic';
import type { Axis } from '../domain/model.ts';
import type { NoValueState } from '../domain/value-state.ts';

export type Rgba = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const h = hex.replace('#', '');
  return [
    parseInt(h.slice(0, 2), 16),
    parseInt(h.slice(2, 4), 16),
    parseInt(h.slice(4, 6), 16),
    alpha,
  ];
}

/**
 * ColorBrewer's set of a scheme for `classCount` classes, exactly as designed for that count (3 to
 * 9): a 3-class map gets the light-to-dark 3-class set, not a slice of a longer ramp. One class
 * takes the middle of the 3-class set, two classes its ends.
 */
function brewer(scheme: readonly (readonly string[])[], classCount: number): string[] {
  const three = scheme[3] as readonly string[];
  if (classCount <= 1) return [three[1] as string];
  if (classCount === 2) return [three[0] as string, three[2] as string];
  return [...(scheme[Math.min(classCount, 9)] as readonly string[])];
}

/** Ramp of the explore map: ColorBrewer GnBu. */
export const sequentialRamp = (classCount: number) => brewer(schemeGnBu, classCount);

export const NO_DATA_COLOR = '#d9d9d9';

/**
 * A territory without a value, by why it has none (value-state.ts): never a colour of a ramp,
 * so that a missing value is never read as the lowest class. Neutral greys (the states differ in
 * words, in the legend and the tooltip) and a near-white for « sans objet ».
 */
export const STATE_COLORS: Record<NoValueState, string> = {
  missing: '#bdbdbd',
  unknown: '#d9cbb8',
  secret: '#8c8c8c',
  na: NO_DATA_COLOR,
};

export const BACKGROUND_COLOR = '#eef1f4';
export const OUTLINE_COLOR: Rgba = [40, 40, 60, 230];
export const COMMUNE_LINE_COLOR: Rgba = [255, 255, 255, 160];
export const SELECTION_COLOR: Rgba = [230, 0, 90, 255];

/** Colour of each axis of the offer (points on the map, bars in charts). */
export const AXIS_COLORS: Record<Axis, string> = {
  accueil: '#1f3a93',
  mobilite: '#e8702a',
  garde_enfants: '#d4a017',
  numerique: '#0f8b8d',
  remobilisation: '#8e44ad',
  mediation_emploi: '#2e8b3e',
  accompagnement_social: '#c0392b',
  innovation: '#ff6fa8',
  iae: '#7f5a3c',
};

/**
 * Ring around the sites of the import shown in the report: a colour no ramp or axis uses, at
 * 3:1 contrast or more against the map (WCAG 1.4.11).
 */
export const IMPORT_HIGHLIGHT_COLOR: Rgba = [210, 0, 210, 255];

/**
 * Travel-time bands of the reach map (0–10, 10–20, 20–30, 30–45, more than 45 min): light to dark
 * as the trip grows, ColorBrewer YlOrBr, legible in greyscale and for colour-vision deficiencies.
 */
export const REACH_BAND_COLORS = brewer(schemeYlOrBr, 5);

/** Sites on the reach map, by their state in the scenario. */
export const REACH_SITE_COLORS = {
  existing: '#1f3a93',
  opened: '#0f8b8d',
  moved: '#7b2cbf',
  closed: '#464646',
  suggested: '#e6007e',
  /** A site of a neighbouring département, counted for the times only. */
  outside: '#8a9bc4',
} as const;

/**
 * Difference map: greens for minutes gained, reds for minutes lost (GAIN_CLASSES order), from
 * ColorBrewer RdYlGn; its middle yellow becomes a neutral grey, since « unchanged » is no colour.
 */
export const GAIN_COLORS = brewer(schemeRdYlGn, 7)
  .reverse()
  .map((c, i) => (i === 3 ? '#f2f2f2' : c));

/**
 * Ramps of the coverage and mobility maps, light to dark as the gap or the unmet need grows:
 * ColorBrewer Oranges and Purples, apart from the blue-green ramp of the explore map so that a
 * glance tells a gap from a plain indicator. Both read in greyscale.
 */
/** Ramp of the coverage map: the larger the gap (or the fewer places), the darker. */
export const gapRamp = (classCount: number) => brewer(schemeOranges, classCount);
/** Ramp of the mobility map: the larger the unmet need, the darker. */
export const mobilityRamp = (classCount: number) => brewer(schemePurples, classCount);

/** Parts of the split bars: served (green), within reach beyond the places (amber), out of reach. */
export const SPLIT_COLORS = {
  served: '#2e8b3e',
  overCapacity: '#e0a100',
  outOfReach: '#a63603',
} as const;

/**
 * Difference map of two scenarios (PAIR_CLASS_IDS order): blues where B is better, reds where it
 * is worse, a near-white for no change (ColorBrewer RdBu, readable by colour-blind readers); a
 * commune without data keeps NO_DATA_COLOR, never the neutral class.
 */
export const PAIR_COLORS = ['#2166ac', '#92c5de', '#f7f7f7', '#f4a582', '#b2182b'];
