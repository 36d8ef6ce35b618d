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

/** Dragging an object of the map (a site) instead of panning the map. */
export interface MapDrag {
  /** Whether a drag starting on this picked object moves it; the map then does not pan. */
  start(info: PickingInfo): boolean;
  move(lon: number, lat: number): void;
  end(lon: number, lat: number): void;
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
  /** Objects the user can drag, if any. */
  readonly drag?: MapDrag;
}
