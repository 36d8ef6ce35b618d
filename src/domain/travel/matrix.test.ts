import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from './distance-model.ts';
import { MatrixFormatError, parseMatrixCsv, splitCsvLine } from './matrix-csv.ts';
import { OdMatrix, matrixModel } from './matrix-model.ts';
import { createTravelNetwork } from './model.ts';
import { DEFAULT_NO_CAR_PARAMETERS, noCarModel } from './no-car-model.ts';
import { commune, randomNetwork } from './test-network.ts';

const index = new Map([
  ['01004', 0],
  ['01007', 1],
  ['2A004', 2],
  ['62041', 3],
]);

describe('matrix CSV', () => {
  it('reads the project template', () => {
    const { pairs, report } = parseMatrixCsv(
      'origin,destination,minutes\n01004,01007,12.5\n01007,01004,13\n',
      index,
      'm.csv',
    );
    expect([...pairs.origin]).toEqual([0, 1]);
    expect([...pairs.destination]).toEqual([1, 0]);
    expect([...pairs.minutes]).toEqual([12.5, 13]);
    expect(report).toMatchObject({ rowsRead: 2, kept: 2, rejectedCount: 0, unit: 'minutes' });
  });

  it("reads INSEE's metric.osrm output: semicolons, decimal commas, BOM, quotes", () => {
    const text = '\uFEFF"idSrc";"idDst";"distance";"duree"\r\n"01004";"2A004";"10,2";"14,5"\r\n';
    const { pairs, report } = parseMatrixCsv(text, index);
    expect([...pairs.minutes]).toEqual([14.5]);
    expect([...pairs.destination]).toEqual([2]);
    expect(report.separator).toBe('point-virgule');
    expect(report.columns).toEqual({ origin: 'idSrc', destination: 'idDst', time: 'duree' });
  });

  it('reads an OSRM table flattened to CSV, in seconds', () => {
    const { pairs, report } = parseMatrixCsv(
      'source\tdestination\tduration\n1004\t62041\t930\n',
      index,
    );
    expect([...pairs.minutes]).toEqual([15.5]);
    expect(report.unit).toBe('secondes');
    // The code that lost its leading zero is repaired, and the report says so.
    expect(report.repaired).toEqual([
      { line: 2, what: "code d'origine 1004 complété en 01004 (zéro initial perdu)" },
    ]);
  });

  it('rejects bad rows with their reason and line, and keeps the good ones', () => {
    const text = [
      'origine;destination;temps',
      '01004;01007;10', // kept
      '01004;99999;10', // unknown destination
      '01007;01004;-3', // negative
      '01007;01004;NULL', // missing
      '01007;01004;abc', // not a number
      '01004;01007;11', // duplicate of line 2
      '62041', // incomplete
      '',
      '2a004;62041;45', // kept (lower-case Corsican code)
    ].join('\n');
    const { pairs, report } = parseMatrixCsv(text, index);
    expect(report.rowsRead).toBe(8);
    expect(report.kept).toBe(2);
    expect([...pairs.origin]).toEqual([0, 2]);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'commune de destination absente du jeu de données'],
      [4, 'temps invalide (non numérique ou négatif)'],
      [5, 'temps manquant'],
      [6, 'temps invalide (non numérique ou négatif)'],
      [7, 'paire en double (la première valeur est gardée)'],
      [8, 'ligne incomplète'],
    ]);
    expect(report.rejectedByReason.find((g) => g.reason.startsWith('temps invalide'))).toEqual({
      reason: 'temps invalide (non numérique ou négatif)',
      count: 2,
      lines: [4, 6],
    });
  });

  it('refuses a file without the needed columns, saying what it read', () => {
    expect(() => parseMatrixCsv('a,b,c\n1,2,3', index)).toThrow(MatrixFormatError);
    expect(() => parseMatrixCsv('origin,destination\n01004,01007', index)).toThrow(
      /Colonnes introuvables : temps.*origin \| destination/,
    );
    expect(() => parseMatrixCsv('\n\n', index)).toThrow(/vide/);
  });

  it('splits quoted fields', () => {
    expect(splitCsvLine('"a;b";c;"d ""e"""', ';')).toEqual(['a;b', 'c', 'd "e"']);
  });
});

describe('matrix model', () => {
  const net = createTravelNetwork([
    commune('A', 2, 46, 3, 10, 1000),
    commune('B', 2, 46.1, 3, 10, 1000),
    commune('C', 2, 47, 3, 10, 1000), // 111 km north: far beyond any search radius of the estimate
  ]);
  const fallback = carDistanceModel(net, DEFAULT_CAR_PARAMETERS);
  const matrix = new OdMatrix(3, {
    origin: Int32Array.from([0, 0, 2]),
    destination: Int32Array.from([1, 2, 0]),
    minutes: Float64Array.from([40, 25, 26]),
  });
  const model = matrixModel({ name: 'routes.csv', matrix }, fallback);

  it('uses the matrix where it has the pair, the estimate elsewhere', () => {
    expect(model.communeMinutes(0, 1)).toBe(40);
    expect(model.communeMinutes(1, 0)).toBe(fallback.communeMinutes(1, 0));
    expect(model.isMeasured(0, 1)).toBe(true);
    expect(model.isMeasured(1, 0)).toBe(false);
    expect(model.accessMinutes).toBe(fallback.accessMinutes);
    expect(model.fallback).toBe(fallback);
    expect(model.symmetric).toBe(false);
    expect(model.description).toMatch(/routes\.csv.*3 paires.*estimées/);
  });

  it('finds far pairs of the matrix, and drops near pairs the matrix makes slow', () => {
    const origins = new Map<number, number>();
    model.forEachOriginWithin(0, 30, (o, m) => origins.set(o, m));
    // C → A is 26 min in the matrix although 111 km away; B → A comes from the estimate.
    expect(origins.get(2)).toBe(26);
    expect(origins.get(1)).toBe(fallback.communeMinutes(1, 0));
    const dest = new Map<number, number>();
    model.forEachDestinationWithin(0, 30, (d, m) => dest.set(d, m));
    // A → B is 40 min in the matrix: out of a 30 min budget even though the estimate says 16.
    expect(dest.has(1)).toBe(false);
    expect(dest.get(2)).toBe(25);
  });

  it('matches a full scan of every pair (randomised)', () => {
    const rnd = createRandom(9);
    const n = randomNetwork(rnd, 120);
    const origin: number[] = [];
    const destination: number[] = [];
    const minutes: number[] = [];
    for (let k = 0; k < 3000; k++) {
      const [a, b] = [rnd.int(0, 119), rnd.int(0, 119)];
      if (origin.some((o, i) => o === a && destination[i] === b)) continue;
      origin.push(a);
      destination.push(b);
      minutes.push(rnd.range(0, 90));
    }
    const m = new OdMatrix(120, {
      origin: Int32Array.from(origin),
      destination: Int32Array.from(destination),
      minutes: Float64Array.from(minutes),
    });
    const model = matrixModel(
      { name: 'x', matrix: m },
      carDistanceModel(n, DEFAULT_CAR_PARAMETERS),
    );
    for (let c = 0; c < 120; c += 5) {
      const seen = new Map<number, number>();
      model.forEachOriginWithin(c, 30, (o, t) => {
        expect(seen.has(o)).toBe(false);
        seen.set(o, t);
      });
      for (let o = 0; o < 120; o++) {
        const t = model.communeMinutes(o, c);
        expect(seen.get(o)).toBe(t <= 30 ? t : undefined);
      }
    }
    expect(m.originCount()).toBe(new Set(origin).size);
  });

  it('knows a symmetric matrix', () => {
    const sym = new OdMatrix(2, {
      origin: Int32Array.from([0, 1]),
      destination: Int32Array.from([1, 0]),
      minutes: Float64Array.from([7, 7]),
    });
    expect(sym.isSymmetric()).toBe(true);
    // Symmetric only over a symmetric estimate: the car estimate follows the origin's pace.
    const walk = noCarModel(net, DEFAULT_NO_CAR_PARAMETERS);
    expect(matrixModel({ name: 's', matrix: sym }, walk).symmetric).toBe(true);
    expect(matrixModel({ name: 's', matrix: sym }, fallback).symmetric).toBe(false);
  });
});
