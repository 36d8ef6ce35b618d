/**
 * Every colour ramp of the map. Sequential ramps are ColorBrewer-like and read in greyscale;
 * the categorical palette keeps neighbouring axes apart for common colour-vision deficiencies.
 */
import type { Axis } from '../domain/model.ts';

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

/** Sequential ramps by class count (3 to 7 classes). */
const SEQUENTIAL = ['#f7fcf0', '#ccebc5', '#7bccc4', '#2b8cbe', '#084081'];
const SEQUENTIAL_7 = ['#f7fcf0', '#ccebc5', '#a8ddb5', '#7bccc4', '#43a2ca', '#0868ac', '#084081'];

export function sequentialRamp(classCount: number): string[] {
  if (classCount <= 1) return ['#7bccc4'];
  if (classCount === 2) return ['#ccebc5', '#2b8cbe'];
  if (classCount <= 5) return SEQUENTIAL.slice(5 - classCount);
  return SEQUENTIAL_7.slice(0, classCount);
}

export const NO_DATA_COLOR = '#d9d9d9';
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

/** Ring around the sites of the import shown in the report: a colour no ramp or axis uses. */
export const IMPORT_HIGHLIGHT_COLOR: Rgba = [255, 0, 255, 255];

/**
 * Travel-time bands of the reach map (0–10, 10–20, 20–30, 30–45, more than 45 min): light to dark
 * as the trip grows, ColorBrewer YlOrBr, legible in greyscale and for colour-vision deficiencies.
 */
export const REACH_BAND_COLORS = ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#8c2d04'];

/** Sites on the reach map, by their state in the scenario. */
export const REACH_SITE_COLORS = {
  existing: '#1f3a93',
  opened: '#0f8b8d',
  moved: '#7b2cbf',
  closed: '#464646',
  suggested: '#e6007e',
} as const;

/** Difference map: greens for minutes gained, reds for minutes lost (GAIN_CLASSES order). */
export const GAIN_COLORS = [
  '#1a9850',
  '#91cf60',
  '#d9ef8b',
  '#f2f2f2',
  '#fee08b',
  '#fc8d59',
  '#d73027',
];
