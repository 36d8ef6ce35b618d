/**
 * Sites counted by square cells of the ground: how the map shows an import too large to draw
 * site by site (hundreds of thousands of points fill the département's view many times over and
 * take the software renderer seconds per frame). Each cell is drawn at the mean position of its
 * sites, with their number.
 */
import { KM_PER_DEGREE } from './travel/geo.ts';

/** Side of a cell, km. */
export const SITE_CELL_KM = 1;

/** Cells as columns: position (mean of the sites in the cell) and number of sites. */
export interface SiteCells {
  lon: Float32Array;
  lat: Float32Array;
  count: Uint32Array;
  /** Side of a cell, km. */
  cellKm: number;
  /** Sites counted (those with a position). */
  sites: number;
}

/** Columns of a cell grid's index: rows of latitude times this, plus the column. */
const COLUMNS = 1 << 20;

export class SiteCellGrid {
  readonly cellKm: number;
  #cells = new Map<number, { lon: number; lat: number; n: number }>();
  #sites = 0;

  constructor(cellKm = SITE_CELL_KM) {
    this.cellKm = cellKm;
  }

  /** Counts the sites of these columns; a site without a finite position is left out. */
  add(lon: ArrayLike<number>, lat: ArrayLike<number>): void {
    const dLat = this.cellKm / KM_PER_DEGREE;
    for (let i = 0; i < lon.length; i++) {
      const x = lon[i] as number;
      const y = lat[i] as number;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const row = Math.floor(y / dLat);
      // The cell's width in degrees of longitude at its row's latitude: square on the ground.
      const dLon = dLat / Math.max(0.01, Math.cos((row + 0.5) * dLat * (Math.PI / 180)));
      const key = row * COLUMNS + Math.floor(x / dLon) + COLUMNS / 2;
      const cell = this.#cells.get(key);
      if (cell) {
        cell.lon += x;
        cell.lat += y;
        cell.n++;
      } else this.#cells.set(key, { lon: x, lat: y, n: 1 });
      this.#sites++;
    }
  }

  cells(): SiteCells {
    const n = this.#cells.size;
    const out: SiteCells = {
      lon: new Float32Array(n),
      lat: new Float32Array(n),
      count: new Uint32Array(n),
      cellKm: this.cellKm,
      sites: this.#sites,
    };
    let i = 0;
    for (const c of this.#cells.values()) {
      out.lon[i] = c.lon / c.n;
      out.lat[i] = c.lat / c.n;
      out.count[i] = c.n;
      i++;
    }
    return out;
  }
}
