/**
 * Points within a radius: a flat grid of cells about `cellKm` wide (longitudes scaled by the cosine
 * of the points' mean latitude), for the walks between commune points and stops. Distances are
 * great-circle kilometres.
 */
import { KM_PER_DEGREE, greatCircleKm } from '../travel/geo.ts';

const RAD = Math.PI / 180;

export class PointGrid {
  readonly #lon: ArrayLike<number>;
  readonly #lat: ArrayLike<number>;
  readonly #cellDeg: number;
  readonly #cos: number;
  readonly #cells = new Map<string, number[]>();

  constructor(lon: ArrayLike<number>, lat: ArrayLike<number>, cellKm: number) {
    this.#lon = lon;
    this.#lat = lat;
    this.#cellDeg = Math.max(cellKm, 0.05) / KM_PER_DEGREE;
    let sum = 0;
    for (let i = 0; i < lat.length; i++) sum += lat[i] as number;
    this.#cos = Math.cos((lat.length > 0 ? sum / lat.length : 0) * RAD);
    for (let i = 0; i < lon.length; i++) {
      const key = `${this.#col(lon[i] as number)}:${this.#row(lat[i] as number)}`;
      const list = this.#cells.get(key);
      if (list) list.push(i);
      else this.#cells.set(key, [i]);
    }
  }

  #col = (lon: number) => Math.floor((lon * this.#cos) / this.#cellDeg);
  #row = (lat: number) => Math.floor(lat / this.#cellDeg);

  /** Calls visit(i, km) for every point within radiusKm of (lon, lat). */
  within(lon: number, lat: number, radiusKm: number, visit: (i: number, km: number) => void): void {
    const dLat = radiusKm / KM_PER_DEGREE;
    const cosMin = Math.max(0.01, Math.cos((Math.abs(lat) + dLat) * RAD));
    const dLon = dLat / cosMin;
    const r0 = this.#row(lat - dLat);
    const r1 = this.#row(lat + dLat);
    const c0 = this.#col(lon - dLon);
    const c1 = this.#col(lon + dLon);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const list = this.#cells.get(`${c}:${r}`);
        if (!list) continue;
        for (const i of list) {
          const km = greatCircleKm(lon, lat, this.#lon[i] as number, this.#lat[i] as number);
          if (km <= radiusKm) visit(i, km);
        }
      }
    }
  }
}
