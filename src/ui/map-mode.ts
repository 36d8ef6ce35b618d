/**
 * What a mode gives the map: its layers, the tooltip of a picked object, and what a click does.
 * Each mode (explore, reach, gaps…) implements it; the app shows the current mode's.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';

export interface TooltipContent {
  title: string;
  lines: string[];
}

export interface MapMode {
  /** Accessible name of the map in this mode. */
  readonly mapLabel: string;
  readonly layers: Layer[];
  describe(info: PickingInfo): TooltipContent | null;
  click(info: PickingInfo): void;
}
