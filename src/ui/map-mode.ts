/**
 * What a mode gives the map: its layers, the tooltip of a picked object, and what a click does.
 * Each mode (explore, reach, gaps…) implements it; the app shows the current mode's.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { ImageLegend } from '../map/export-image.ts';

export interface TooltipContent {
  title: string;
  lines: string[];
}

export interface MapMode {
  /** Accessible name of the map in this mode. */
  readonly mapLabel: string;
  readonly layers: Layer[];
  /** Title of what the map shows, for exports ("Foyers allocataires du RSA pour 100 habitants"). */
  readonly title: string;
  /** The legends of the map, for exports (the on-screen legend is the mode's own component). */
  readonly legends: ImageLegend[];
  /** Ids of the sources the map draws on. */
  readonly sourceIds: string[];
  describe(info: PickingInfo): TooltipContent | null;
  click(info: PickingInfo): void;
}
