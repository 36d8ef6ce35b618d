import { ScatterplotLayer } from '@deck.gl/layers';
import type { Site } from '../../domain/model.ts';
import type { SiteCells } from '../../domain/site-cells.ts';
import { IMPORT_HIGHLIGHT_COLOR, type Rgba } from '../colors.ts';

export interface ImportedSitesLayerOptions {
  sites: Site[];
  radiusPixels: number;
}

/** A ring around each site of one import, drawn over the offer points. */
export function importedSitesLayer(o: ImportedSitesLayerOptions) {
  return new ScatterplotLayer<Site>({
    id: 'imported-sites',
    data: o.sites,
    pickable: false,
    getPosition: (s) => [s.lon, s.lat],
    filled: false,
    stroked: true,
    getLineColor: IMPORT_HIGHLIGHT_COLOR,
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    radiusUnits: 'pixels',
    getRadius: o.radiusPixels,
  });
}

export interface ImportedCellsLayerOptions {
  /** Import id: one layer per large import. */
  id: string;
  cells: SiteCells;
  /** Ringed: the import whose report is shown. */
  ringed: boolean;
}

/** Largest radius of a cell's disc, pixels: a cell of hundreds of sites stays a mark. */
const MAX_CELL_RADIUS_PIXELS = 12;

/** Radius of a cell's disc: its area grows with its sites, from a site's point to the largest. */
export const cellRadiusPixels = (count: number): number =>
  Math.min(MAX_CELL_RADIUS_PIXELS, 2 + Math.sqrt(count) / 2);

interface CellsData {
  length: number;
  attributes: {
    getPosition: { value: Float64Array; size: 2 };
    getRadius: { value: Float32Array; size: 1 };
  };
}

/**
 * The layer's data as deck.gl's binary attributes, made once per cells: the same object while
 * the cells are the same, so that deck.gl does not upload them again when the map's layers are
 * made anew.
 */
const dataOf = new WeakMap<SiteCells, CellsData>();

function cellsData(cells: SiteCells): CellsData {
  let data = dataOf.get(cells);
  if (!data) {
    const n = cells.count.length;
    // Doubles, as deck.gl keeps positions itself: the layer then shares the shaders of the other
    // point layers, already linked (floats took a new link, a quarter of a second of the page
    // with software WebGL).
    const positions = new Float64Array(2 * n);
    const radii = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      positions[2 * i] = cells.lon[i]!;
      positions[2 * i + 1] = cells.lat[i]!;
      radii[i] = cellRadiusPixels(cells.count[i]!);
    }
    data = {
      length: n,
      attributes: {
        getPosition: { value: positions, size: 2 },
        getRadius: { value: radii, size: 1 },
      },
    };
    dataOf.set(cells, data);
  }
  return data;
}

/**
 * The sites of a large import, counted by cells (site-cells.ts), drawn from typed arrays: deck.gl
 * uploads them as they are, with no object per site nor per cell.
 */
export function importedCellsLayer(o: ImportedCellsLayerOptions) {
  return new ScatterplotLayer({
    id: `imported-cells-${o.id}`,
    data: cellsData(o.cells),
    pickable: false,
    filled: true,
    getFillColor: [...IMPORT_HIGHLIGHT_COLOR.slice(0, 3), 150] as Rgba,
    stroked: o.ringed,
    getLineColor: IMPORT_HIGHLIGHT_COLOR,
    lineWidthUnits: 'pixels',
    getLineWidth: 1.5,
    radiusUnits: 'pixels',
  });
}
