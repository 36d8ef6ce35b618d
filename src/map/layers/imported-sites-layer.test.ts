import { describe, expect, it } from 'vitest';
import { AXES, type Site } from '../../domain/model.ts';
import { AXIS_COLORS, BACKGROUND_COLOR, IMPORT_HIGHLIGHT_COLOR, hexToRgba } from '../colors.ts';
import { SiteCellGrid } from '../../domain/site-cells.ts';
import {
  cellRadiusPixels,
  importedCellsLayer,
  importedSitesLayer,
} from './imported-sites-layer.ts';

/** WCAG relative luminance of an sRGB colour. */
const luminance = ([r, g, b]: readonly number[]) => {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};
const contrast = (a: readonly number[], b: readonly number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** Euclidean distance in RGB: under about 60, two small marks read as the same colour. */
const distance = (a: readonly number[], b: readonly number[]) =>
  Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

describe('importedSitesLayer', () => {
  it('rings each imported site at its own position, without hiding the point it rings', () => {
    const sites = [
      { lon: 2, lat: 48 },
      { lon: 2.5, lat: 48.2 },
    ] as Site[];
    const layer = importedSitesLayer({ sites, radiusPixels: 9 });
    const position = layer.props.getPosition as unknown as (s: Site) => number[];
    expect(sites.map(position)).toEqual([
      [2, 48],
      [2.5, 48.2],
    ]);
    // A ring, not a disc: the offer point under it stays visible.
    expect(layer.props.filled).toBe(false);
    expect(layer.props.stroked).toBe(true);
  });

  it('uses a colour that stands out from the map and from every offer point', () => {
    expect(contrast(IMPORT_HIGHLIGHT_COLOR, hexToRgba(BACKGROUND_COLOR))).toBeGreaterThanOrEqual(3);
    for (const axis of AXES) {
      expect(distance(IMPORT_HIGHLIGHT_COLOR, hexToRgba(AXIS_COLORS[axis])), axis).toBeGreaterThan(
        60,
      );
    }
  });
});

describe('importedCellsLayer', () => {
  it('draws each cell from typed arrays, at its position, larger with more sites', () => {
    const grid = new SiteCellGrid(1);
    grid.add([2, 2.0001, 2.0002, 2.5], [48, 48, 48, 48.2]);
    const cells = grid.cells();
    const layer = importedCellsLayer({ id: 'import-x', cells, ringed: true });
    const data = layer.props.data as unknown as {
      length: number;
      attributes: Record<string, { value: Float64Array | Float32Array; size: number }>;
    };
    expect(data.length).toBe(2);
    const { getPosition, getRadius } = data.attributes;
    expect(getPosition!.size).toBe(2);
    const three = [...cells.count].indexOf(3);
    expect(getPosition!.value[2 * three]).toBeCloseTo(2.0001, 5);
    expect(getPosition!.value[2 * three + 1]).toBeCloseTo(48, 5);
    expect(getRadius!.value[three]).toBeCloseTo(cellRadiusPixels(3), 5);
    expect(cellRadiusPixels(3)).toBeGreaterThan(cellRadiusPixels(1));
    expect(cellRadiusPixels(1e6)).toBe(12);
    expect(layer.props.stroked).toBe(true);
    const again = importedCellsLayer({ id: 'import-x', cells, ringed: false });
    expect(again.props.stroked).toBe(false);
    // The same data object for the same cells: deck.gl does not upload them again.
    expect(again.props.data).toBe(layer.props.data);
  });
});
