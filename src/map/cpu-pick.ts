/**
 * What is under the pointer, found on the CPU from the pickable layers' own data: polygons by a
 * point-in-polygon test, points by their distance on screen. deck.gl's own picking draws a
 * picking pass and reads it back from the GPU; that read waits for every frame the GPU has
 * queued, which costs seconds per click with software WebGL on a busy machine (measured in
 * headless Chromium: 1.3 to 2.3 s for each of the three reads of one click) and a stall of the
 * page on any GPU. Here a pick is a grid look-up and a few hundred distances.
 *
 * Handled: `GeoJsonLayer` of polygons (the communes) and `ScatterplotLayer` with radii in pixels
 * (every pickable layer of this map). Any other pickable layer is an error, so that a new kind of
 * layer cannot silently stop answering the pointer.
 */
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { featureLocator, type FeatureLocator } from '../domain/locate-commune.ts';

export interface PickPoint {
  /** Pixels from the map's top left corner. */
  x: number;
  y: number;
  lon: number;
  lat: number;
}

/** Screen position, in pixels, of a point. */
export type Project = (lon: number, lat: number) => [number, number];

/** Extra pixels around a point that still pick it. */
export const PICK_TOLERANCE_PIXELS = 2;

type Accessor<T, V> = V | ((d: T, info: { index: number; data: unknown; target: V[] }) => V);

interface AreaIndex {
  locate: FeatureLocator;
  /** Index in the layer's data of each polygon the locator knows. */
  dataIndex: number[];
}

const areaIndexes = new WeakMap<object, AreaIndex>();

const isArea = (f: unknown): f is Feature<Polygon | MultiPolygon> => {
  const type = (f as Feature | null)?.geometry?.type;
  return type === 'Polygon' || type === 'MultiPolygon';
};

/** The polygons of a layer's data, indexed once per data array. */
function areaIndex(data: readonly unknown[]): AreaIndex {
  let index = areaIndexes.get(data);
  if (!index) {
    const dataIndex: number[] = [];
    const areas: Feature<Polygon | MultiPolygon>[] = [];
    data.forEach((f, i) => {
      if (!isArea(f)) return;
      dataIndex.push(i);
      areas.push(f);
    });
    index = { locate: featureLocator(areas), dataIndex };
    areaIndexes.set(data, index);
  }
  return index;
}

function value<T, V>(accessor: Accessor<T, V>, d: T, index: number, data: unknown): V {
  return typeof accessor === 'function'
    ? (accessor as (d: T, info: { index: number; data: unknown; target: V[] }) => V)(d, {
        index,
        data,
        target: [],
      })
    : accessor;
}

interface ScatterProps {
  data: unknown[];
  getPosition: Accessor<unknown, number[]>;
  getRadius: Accessor<unknown, number>;
  radiusScale: number;
  radiusMinPixels: number;
  radiusMaxPixels: number;
  radiusUnits: string;
  stroked: boolean;
  getLineWidth: Accessor<unknown, number>;
  lineWidthUnits: string;
}

/** The point of a scatterplot layer nearest to the pointer within its drawn radius, or -1. */
function pickPoint(props: ScatterProps, at: PickPoint, project: Project): number {
  if (props.radiusUnits !== 'pixels') {
    throw new Error('CPU picking handles point radii in pixels only');
  }
  let best = -1;
  let bestDistance = Infinity;
  props.data.forEach((d, i) => {
    const [lon, lat] = value(props.getPosition, d, i, props.data);
    const [x, y] = project(lon as number, lat as number);
    const radius = Math.min(
      Math.max(value(props.getRadius, d, i, props.data) * props.radiusScale, props.radiusMinPixels),
      props.radiusMaxPixels,
    );
    const line =
      props.stroked && props.lineWidthUnits === 'pixels'
        ? value(props.getLineWidth, d, i, props.data) / 2
        : 0;
    const distance = Math.hypot(x - at.x, y - at.y);
    if (distance <= radius + line + PICK_TOLERANCE_PIXELS && distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  });
  return best;
}

/**
 * Indexes the polygons of the pickable layers ahead of the first pick (a few hundred ms for a
 * real département's communes on a busy machine), so the first click does not wait for it.
 */
export function preparePicking(layers: readonly Layer[]): void {
  for (const layer of layers) {
    const data = layer.props.data;
    if (layer.props.pickable && Array.isArray(data) && layerName(layer) === 'GeoJsonLayer') {
      areaIndex(data);
    }
  }
}

function layerName(layer: Layer): string {
  return (layer.constructor as { layerName?: string }).layerName ?? '';
}

/**
 * The object under the pointer in the topmost pickable layer that has one, as deck.gl's picking
 * would report it (`layer`, `object`, `index`, `coordinate`); `picked` false over nothing.
 */
export function pickAt(layers: readonly Layer[], at: PickPoint, project: Project): PickingInfo {
  const info: PickingInfo = {
    color: null,
    layer: null,
    index: -1,
    picked: false,
    x: at.x,
    y: at.y,
    pixel: [at.x, at.y],
    coordinate: [at.lon, at.lat],
    pixelRatio: 1,
  };
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l] as Layer;
    if (!layer.props.pickable || !layer.props.visible) continue;
    const data = layer.props.data;
    if (!Array.isArray(data)) continue;
    const name = layerName(layer);
    let index = -1;
    if (name === 'GeoJsonLayer') {
      const areas = areaIndex(data);
      const i = areas.locate(at.lon, at.lat);
      index = i < 0 ? -1 : (areas.dataIndex[i] as number);
    } else if (name === 'ScatterplotLayer') {
      index = pickPoint(layer.props as unknown as ScatterProps, at, project);
    } else {
      throw new Error(`CPU picking does not handle the pickable layer ${layer.id} (${name})`);
    }
    if (index >= 0) {
      return { ...info, layer, index, picked: true, object: data[index] as unknown };
    }
  }
  return info;
}
