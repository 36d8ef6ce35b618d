/**
 * An imported origin–destination matrix as a travel model. The matrix holds only the pairs the
 * file gave (compressed rows by origin and by destination, binary-searched); every pair it lacks
 * falls back to another model (the car estimate by car, the "sans voiture" estimate without a
 * car), and the engine can tell which communes' times rest on estimated pairs.
 *
 * A matrix's times are used as given: they are the door-to-door times between communes, with no
 * access time and no local term added (a site is reached at its commune's time, wherever it
 * stands in it). The one exception is an access time the user states at the import (0 by
 * default), added to every time read in the matrix and shown as a parameter. A pair the matrix
 * lacks is estimated by the fallback model between the communes' reference points, its own access
 * time included, and said to be estimated:
 *
 *   minutes(c → site in commune s) = matrix(c, s) + stated access     if the matrix has (c, s)
 *                                  = fallback(c, s) + fallback access otherwise
 *
 * Everything is in communeMinutes, so the model's own access and local terms are 0 and the
 * engine, the siting and the allocation need nothing special for a matrix.
 */
import { formatDecimal, plainSpaces } from '../format.ts';
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
  /**
   * Minutes added to every time read in the matrix: the access time the user states at the
   * import. Absent or 0: the matrix's times are used as they are.
   */
  accessMinutes?: number;
  /** How the file was read (layout, orientation, unit), in French, for the description. */
  reading?: string;
}

/** Bounds of the stated access time, minutes. */
export const MAX_MATRIX_ACCESS_MINUTES = 60;

export function checkMatrixAccess(minutes: number): void {
  if (!(minutes >= 0 && minutes <= MAX_MATRIX_ACCESS_MINUTES)) {
    throw new Error(
      `Temps d'accès ajouté à la matrice invalide : de 0 à ${MAX_MATRIX_ACCESS_MINUTES} min ` +
        `(reçu ${minutes}).`,
    );
  }
}

const lower = (s: string) => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
const fr = (v: number) => plainSpaces(formatDecimal(v, 3));

export function matrixModel(source: MatrixSource, fallback: TravelModel): TravelModel {
  const { matrix } = source;
  const added = source.accessMinutes ?? 0;
  checkMatrixAccess(added);
  const fa = fallback.accessMinutes;
  const communeMinutes = (a: number, b: number) => {
    const m = matrix.get(a, b);
    return m === undefined ? fallback.communeMinutes(a, b) + fa : m + added;
  };
  return {
    id: 'matrice',
    label: `Matrice importée (${source.name})`,
    description:
      `Temps entre communes lus dans la matrice « ${source.name} » ` +
      `(${fr(matrix.pairCount)} paires${source.reading ? ` ; ${source.reading}` : ''}), ` +
      (added > 0
        ? `plus le temps d'accès déclaré à l'import (${fr(added)} min). `
        : `pris tels quels, de porte à porte (aucun temps d'accès ni terme local ajouté). `) +
      (fallback.approximation
        ? `Les paires absentes de la matrice sont des temps estimés, entre les points de ` +
          `référence des communes, par : ${lower(fallback.label)}.`
        : `Les paires absentes de la matrice sont prises dans : ${lower(fallback.label)}.`),
    approximation: false,
    symmetric: fallback.symmetric && matrix.isSymmetric(),
    parameters: [
      {
        id: 'matrixAccessMinutes',
        label: "Temps d'accès ajouté aux temps de la matrice",
        value: added,
        unit: 'min',
        justification:
          added > 0
            ? `Déclaré à l'import de « ${source.name} » : ajouté à chaque temps lu dans la ` +
              `matrice ; les paires estimées gardent le temps d'accès de leur modèle.`
            : `Aucun : les temps de « ${source.name} » sont pris tels quels (0 par défaut, ` +
              `modifiable à l'import).`,
      },
      {
        id: 'pairs',
        label: 'Paires de communes dans la matrice',
        value: matrix.pairCount,
        unit: 'paires',
        justification: `Fichier importé « ${source.name} » ; les autres paires sont estimées.`,
      },
      ...fallback.parameters.map((p) => ({
        ...p,
        id: `estimate.${p.id}`,
        label: `Paires estimées — ${lower(p.label)}`,
      })),
    ],
    accessMinutes: 0,
    fallback,
    communeMinutes,
    localMinutes: () => 0,
    forEachOriginWithin(to, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      matrix.forEachTo(to, (o, m) => {
        const t = m + added;
        if (t <= maxMinutes) visit(o, t);
      });
      fallback.forEachOriginWithin(to, maxMinutes - fa, (o, m) => {
        const t = m + fa;
        if (t <= maxMinutes && !matrix.has(o, to)) visit(o, t);
      });
    },
    forEachDestinationWithin(from, maxMinutes, visit) {
      if (!(maxMinutes >= 0)) return;
      matrix.forEachFrom(from, (d, m) => {
        const t = m + added;
        if (t <= maxMinutes) visit(d, t);
      });
      fallback.forEachDestinationWithin(from, maxMinutes - fa, (d, m) => {
        const t = m + fa;
        if (t <= maxMinutes && !matrix.has(from, d)) visit(d, t);
      });
    },
    isMeasured: (a, b) => matrix.has(a, b),
  };
}
