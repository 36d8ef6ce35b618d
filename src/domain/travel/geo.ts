/**
 * Great-circle distances and a grid index over points, the two geometric tools of the travel
 * models. Distances are computed from unit vectors (chord length, then arc), which is exact to
 * floating-point precision at every scale and gives the same number for (a, b) and (b, a): the
 * models that are symmetric on paper are symmetric bit for bit.
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;
/** Length of one degree of latitude, km (at the mean radius). */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

/** Points on the unit sphere, for fast exact great-circle distances. */
export interface UnitVectors {
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

export function unitVectors(lon: ArrayLike<number>, lat: ArrayLike<number>): UnitVectors {
  const n = lon.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const phi = (lat[i] as number) * RAD;
    const lambda = (lon[i] as number) * RAD;
    x[i] = Math.cos(phi) * Math.cos(lambda);
    y[i] = Math.cos(phi) * Math.sin(lambda);
    z[i] = Math.sin(phi);
  }
  return { x, y, z };
}

/** Great-circle distance from the chord between two unit vectors. */
export function arcKmFromChord(dx: number, dy: number, dz: number): number {
  const chord = Math.sqrt(dx * dx + dy * dy + dz * dz);
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

/** Great-circle distance between two WGS84 points, km. */
export function greatCircleKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const l1 = lon1 * RAD;
  const l2 = lon2 * RAD;
  return arcKmFromChord(
    Math.cos(p1) * Math.cos(l1) - Math.cos(p2) * Math.cos(l2),
    Math.cos(p1) * Math.sin(l1) - Math.cos(p2) * Math.sin(l2),
    Math.sin(p1) - Math.sin(p2),
  );
}

/**
 * Mean distance from a random point of a disc of area `areaKm2` to its centre: (2/3)·√(A/π).
 * Stands for the distance from a home to the commune's reference point, for trips that stay in
 * the commune (the usual intrazonal approximation of zone-based accessibility studies).
 */
export function intraZoneKm(areaKm2: number): number {
  return areaKm2 > 0 ? (2 / 3) * Math.sqrt(areaKm2 / Math.PI) : 0;
}

/**
 * A fixed grid over lon/lat holding point indices, for "every point within r km" queries. Cells
 * are about square on the ground; each query visits the cells of the bounding box of the circle,
 * so callers still filter by exact distance (or time).
 */
export class GridIndex {
  readonly #west: number;
  readonly #south: number;
  readonly #cellDeg: number;
  readonly #cellLonDeg: number;
  readonly #cols: number;
  readonly #rows: number;
  /** Points of cell k are #items[#start[k] .. #start[k + 1]). */
  readonly #start: Int32Array;
  readonly #items: Int32Array;

  constructor(lon: ArrayLike<number>, lat: ArrayLike<number>, pointsPerCell = 3) {
    const n = lon.length;
    let west = Infinity;
    let east = -Infinity;
    let south = Infinity;
    let north = -Infinity;
    for (let i = 0; i < n; i++) {
      west = Math.min(west, lon[i] as number);
      east = Math.max(east, lon[i] as number);
      south = Math.min(south, lat[i] as number);
      north = Math.max(north, lat[i] as number);
    }
    if (n === 0) [west, east, south, north] = [0, 1, 0, 1];
    const midCos = Math.max(0.1, Math.cos(((south + north) / 2) * RAD));
    // Cell side (in degrees of latitude) so that an average cell holds `pointsPerCell` points.
    const areaDeg2 = Math.max(1e-6, (east - west) * midCos * Math.max(1e-6, north - south));
    this.#cellDeg = Math.min(1, Math.max(0.005, Math.sqrt((areaDeg2 * pointsPerCell) / n || 1)));
    this.#cellLonDeg = this.#cellDeg / midCos;
    this.#west = west;
    this.#south = south;
    this.#cols = Math.max(1, Math.floor((east - west) / this.#cellLonDeg) + 1);
    this.#rows = Math.max(1, Math.floor((north - south) / this.#cellDeg) + 1);

    const cellOf = new Int32Array(n);
    const counts = new Int32Array(this.#cols * this.#rows + 1);
    for (let i = 0; i < n; i++) {
      const k = this.#cell(lon[i] as number, lat[i] as number);
      cellOf[i] = k;
      counts[k + 1] = (counts[k + 1] as number) + 1;
    }
    for (let k = 1; k < counts.length; k++)
      counts[k] = (counts[k] as number) + (counts[k - 1] as number);
    this.#start = counts;
    this.#items = new Int32Array(n);
    const fill = counts.slice(0, -1);
    for (let i = 0; i < n; i++) {
      const k = cellOf[i] as number;
      this.#items[fill[k] as number] = i;
      fill[k] = (fill[k] as number) + 1;
    }
  }

  #col(lon: number): number {
    return Math.min(this.#cols - 1, Math.max(0, Math.floor((lon - this.#west) / this.#cellLonDeg)));
  }

  #row(lat: number): number {
    return Math.min(this.#rows - 1, Math.max(0, Math.floor((lat - this.#south) / this.#cellDeg)));
  }

  #cell(lon: number, lat: number): number {
    return this.#row(lat) * this.#cols + this.#col(lon);
  }

  /**
   * Calls `visit(i)` for every indexed point that may lie within `radiusKm` of (lon, lat): all of
   * those, and some farther ones (the corners of the bounding box).
   */
  forEachNear(lon: number, lat: number, radiusKm: number, visit: (i: number) => void): void {
    if (!(radiusKm >= 0)) return;
    const dLat = radiusKm / KM_PER_DEGREE;
    // The smallest cosine over the latitudes the circle spans gives the widest longitude span.
    const cosMin = Math.cos(Math.min(89.9, Math.abs(lat) + dLat) * RAD);
    const dLon = Math.min(180, dLat / Math.max(1e-6, cosMin));
    const c0 = this.#col(lon - dLon);
    const c1 = this.#col(lon + dLon);
    const r0 = this.#row(lat - dLat);
    const r1 = this.#row(lat + dLat);
    const start = this.#start;
    const items = this.#items;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const k = r * this.#cols + c;
        const end = start[k + 1] as number;
        for (let p = start[k] as number; p < end; p++) visit(items[p] as number);
      }
    }
  }
}
