import { describe, expect, it } from 'vitest';
import { lines } from '../test-fixtures.ts';
import { outlinesLayer } from './outlines-layer.ts';

const layer = (l = lines) =>
  outlinesLayer({ id: 'border', lines: l, color: [0, 0, 0, 255], widthPixels: 1 });

describe('outlines layer', () => {
  it('keeps the same data for the same lines, so deck.gl does not cut them again', () => {
    expect(layer().props.data).toBe(layer().props.data);
  });

  it('gives new data for other lines', () => {
    const other = { ...lines, coordinates: [...lines.coordinates] };
    expect(layer(other).props.data).not.toBe(layer().props.data);
    expect(layer(other).props.data).toEqual([{ type: 'Feature', properties: {}, geometry: other }]);
  });
});
