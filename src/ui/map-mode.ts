/**
 * What a mode gives the map: its layers, the tooltip of a picked object, and what a click does.
 * Each mode (explore, reach, gaps…) implements it; the app shows the current mode's.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { ReachData } from '../domain/reach/setup.ts';
import type { SitingResult } from '../domain/reach/siting.ts';
import type { ImageLegend } from '../map/export-image.ts';
import type { SuggestedSite } from '../map/layers/reach-sites-layer.ts';
import type { AppState } from '../state/app-state.svelte.ts';

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

/**
 * The sources of a map of the population and the need beside other figures (the offer, a
 * survey): each once, in that order; none before the dataset is open.
 */
export function peopleSourceIds(app: AppState, ...others: readonly string[][]): string[] {
  const meta = app.data.meta;
  if (!meta) return [];
  const need = app.needIndicator;
  return [
    ...new Set([meta.populationSourceId, ...(need ? [need.sourceId] : []), ...others.flat()]),
  ];
}

/**
 * The proposals of a siting not yet added to the scenario, numbered by their rank, at their
 * communes' reference points. None once the figures have changed: proposals computed on another
 * scenario would mislead (the panel asks to search again).
 */
export function suggestedSites(
  view: { result: SitingResult; accepted: readonly number[] } | null,
  data: ReachData | null,
  stale: boolean,
): SuggestedSite[] {
  if (!view || !data || stale) return [];
  return view.result.picks
    .map((p, i) => ({ p, rank: i + 1 }))
    .filter(({ p }) => !view.accepted.includes(p.commune))
    .map(({ p, rank }) => ({
      rank,
      lon: data.network.lon[p.commune] as number,
      lat: data.network.lat[p.commune] as number,
    }));
}
