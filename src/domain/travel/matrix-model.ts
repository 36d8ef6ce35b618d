/**
 * An imported origin–destination matrix as a travel model. The matrix holds only the pairs the
 * file gave (compressed rows by origin and by destination, binary-searched); every pair it lacks
 * falls back to another model (the distance model by car, the "sans voiture" approximation
 * without a car), and the engine can tell which communes' times rest on estimated pairs.
 *
 * A matrix gives times between the reference points of communes; the mode's access time and the
 * local term of a site come from the fallback model, so that measured and estimated pairs are
 * comparable.
 */
import type { OdPairs } from './matrix-csv.ts';
import type { TravelModel } from './model.ts';

/** Pairs in compressed sparse rows, by origin and by destination. */
export class OdMatrix {
  readonly communeCount: number;
  readonly pairCount: number;
  readonly #rowStart: Int32Array;
  readonly #rowDest: Int32Array;
  readonly #rowMinutes: Float64Array;
  readonly #colStart: Int32Array;
  readonly #colOrigin: Int32Array;
  readonly #colMinutes: Float64Array;

  constructor(communeCount: number, pairs: OdPairs) {
    const m = pairs.origin.length;
    this.communeCount = communeCount;
    this.pairCount = m;
    const order = (key: Int32Array, second: Int32Array) => {
      const idx = Array.from({ length: m }, (_, i) => i);
      idx.sort(
        (a, b) =>
          (key[a] as number) - (key[b] as number) || (second[a] as number) - (second[b] as number),
      );
      return idx;
    };
    const build = (key: Int32Array, other: Int32Array) => {
      const start = new Int32Array(communeCount + 1);
      for (let i = 0; i < m; i++) {
        const k = key[i] as number;
        if (k < 0 || k >= communeCount) throw new Error(`Indice de commune hors du réseau : ${k}`);
        start[k + 1] = (start[k + 1] as number) + 1;
      }
      for (let k = 0; k < communeCount; k++)
        start[k + 1] = (start[k + 1] as number) + (start[k] as number);
      const items = new Int32Array(m);
      const values = new Float64Array(m);
      order(key, other).forEach((src, pos) => {
        items[pos] = other[src] as number;
        values[pos] = pairs.minutes[src] as number;
      });
      return [start, items, values] as const;
    };
    [this.#rowStart, this.#rowDest, this.#rowMinutes] = build(pairs.origin, pairs.destination);
    [this.#colStart, this.#colOrigin, this.#colMinutes] = build(pairs.destination, pairs.origin);
  }

  /** Minutes of the pair, or undefined when the matrix does not give it. */
  get(from: number, to: number): number | undefined {
    let lo = this.#rowStart[from] as number;
    let hi = (this.#rowStart[from + 1] as number) - 1;
    const dest = this.#rowDest;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = dest[mid] as number;
      if (v === to) return this.#rowMinutes[mid];
      if (v < to) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  has(from: number, to: number): boolean {
    return this.get(from, to) !== undefined;
  }

  forEachFrom(from: number, visit: (destination: number, minutes: number) => void): void {
    const end = this.#rowStart[from + 1] as number;
    for (let p = this.#rowStart[from] as number; p < end; p++) {
      visit(this.#rowDest[p] as number, this.#rowMinutes[p] as number);
    }
  }

  forEachTo(to: number, visit: (origin: number, minutes: number) => void): void {
    const end = this.#colStart[to + 1] as number;
    for (let p = this.#colStart[to] as number; p < end; p++) {
      visit(this.#colOrigin[p] as number, this.#colMinutes[p] as number);
    }
  }

  /** Communes that appear as an origin of at least one pair. */
  originCount(): number {
    let k = 0;
    for (let c = 0; c < this.communeCount; c++) {
      if ((this.#rowStart[c + 1] as number) > (this.#rowStart[c] as number)) k++;
    }
    return k;
  }

  /** Whether every pair (a, b) has its reverse (b, a) with the same time. */
  isSymmetric(): boolean {
    for (let a = 0; a < this.communeCount; a++) {
      const end = this.#rowStart[a + 1] as number;
      for (let p = this.#rowStart[a] as number; p < end; p++) {
        if (this.get(this.#rowDest[p] as number, a) !== this.#rowMinutes[p]) return false;
      }
    }
    return true;
  }
}

export interface MatrixSource {
  /** File name, shown next to the figures. */
  name: string;
  matrix: OdMatrix;
}

export function matrixModel(source: MatrixSource, fallback: TravelModel): TravelModel {
  const { matrix } = source;
  const communeMinutes = (a: number, b: number) =>
    matrix.get(a, b) ?? fallback.communeMinutes(a, b);
  return {
    id: 'matrice',
    label: `Matrice importée (${source.name})`,
    description:
      `Temps entre communes lus dans la matrice « ${source.name} » ` +
      `(${matrix.pairCount.toLocaleString('fr-FR')} paires) ; les paires absentes de la matrice ` +
      `sont estimées par : ${fallback.label.charAt(0).toLowerCase()}${fallback.label.slice(1)}.`,
    approximation: false,
    symmetric: fallback.symmetric && matrix.isSymmetric(),
    parameters: [
      {
        id: 'pairs',
        label: 'Paires de communes dans la matrice',
        value: matrix.pairCount,
        unit: 'paires',
        justification: `Fichier importé « ${source.name} » ; les autres paires sont estimées.`,
      },
      ...fallback.parameters,
    ],
    accessMinutes: fallback.accessMinutes,
    fallback,
    communeMinutes,
    localMinutes: (c, lon, lat) => fallback.localMinutes(c, lon, lat),
    forEachOriginWithin(to, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      matrix.forEachTo(to, (o, m) => {
        if (m <= maxMinutes) visit(o, m);
      });
      fallback.forEachOriginWithin(to, maxMinutes, (o, m) => {
        if (!matrix.has(o, to)) visit(o, m);
      });
    },
    forEachDestinationWithin(from, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      matrix.forEachFrom(from, (d, m) => {
        if (m <= maxMinutes) visit(d, m);
      });
      fallback.forEachDestinationWithin(from, maxMinutes, (d, m) => {
        if (!matrix.has(from, d)) visit(d, m);
      });
    },
    isMeasured: (a, b) => matrix.has(a, b),
  };
}
