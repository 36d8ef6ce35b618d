/** Small inputs shared by the tests of the map layers. */
import type { MultiLineString } from 'geojson';
import type { CommuneFeature } from '../data/geometry.ts';

/** A commune (code 00001) whose outline is a triangle. */
export const square: CommuneFeature = {
  type: 'Feature',
  id: '00001',
  properties: { name: 'A' },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 0],
      ],
    ],
  },
};

/** Any border or outline. */
export const lines: MultiLineString = {
  type: 'MultiLineString',
  coordinates: [
    [
      [0, 0],
      [1, 1],
    ],
  ],
};

type Accessor<T> = (d: T) => unknown;

/** An accessor of a layer (getFillColor…), to call on a datum. */
export const prop = <T>(layer: { props: unknown }, name: string) =>
  (layer.props as Record<string, Accessor<T>>)[name] as Accessor<T>;
