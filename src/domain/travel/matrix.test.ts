import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.ts';
import { ReachEngine } from '../reach/engine.ts';
import { DEFAULT_CAR_PARAMETERS, carDistanceModel } from './distance-model.ts';
import {
  MatrixFormatError,
  matrixReportLine,
  readMatrix,
  timeColumnUnit,
  type MatrixImport,
} from './matrix-csv.ts';
import { importMatrix } from './matrix-import.ts';
import { OdMatrix, matrixModel } from './matrix-model.ts';
import { createTravelNetwork, type TravelModel } from './model.ts';
import { DEFAULT_NO_CAR_PARAMETERS, noCarModel } from './no-car-model.ts';
import { commune, randomNetwork } from './test-network.ts';

const index = new Map([
  ['01004', 0],
  ['01007', 1],
  ['2A004', 2],
  ['62041', 3],
]);
const codesOnly = { indexOf: index };

/** Four communes with points: A and B 11 km apart, C 44 km north of A, D 11 km east of A. */
const net = createTravelNetwork([
  commune('01004', 2, 46, 3),
  commune('01007', 2, 46.1, 3),
  commune('2A004', 2, 46.4, 3),
  commune('62041', 2.14, 46, 3),
]);

/** (origin, destination, minutes) of the kept pairs, sorted. */
const triples = ({ pairs }: MatrixImport) =>
  [...pairs.origin]
    .map((o, i) => [o, pairs.destination[i] as number, pairs.minutes[i] as number])
    .sort((a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number));

/** Windows-1252 bytes of a text made of Latin-1 characters. */
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('matrix reader: long layout', () => {
  it('reads the project template, the unit stated by the column name', () => {
    const m = readMatrix(
      'origin,destination,minutes\n01004,01007,12.5\n01007,01004,13\n',
      codesOnly,
      'm.csv',
    );
    expect(triples(m)).toEqual([
      [0, 1, 12.5],
      [1, 0, 13],
    ]);
    expect(m.report).toMatchObject({
      layout: 'long',
      rowsRead: 2,
      pairsRead: 2,
      kept: 2,
      rejectedCount: 0,
      unit: 'minutes',
      unitSource: 'nom de colonne',
      columns: { origin: 'origin', destination: 'destination', time: 'minutes' },
    });
    expect(m.report.orientation).toBe(
      'origine = colonne « origin », destination = colonne « destination », temps = colonne « minutes »',
    );
  });

  it("reads INSEE's metric.osrm output: semicolons, decimal commas, BOM, quotes", () => {
    const text = '\uFEFF"idSrc";"idDst";"distance";"duree"\r\n"01004";"2A004";"10,2";"14,5"\r\n';
    const m = readMatrix(text, codesOnly);
    expect(triples(m)).toEqual([[0, 2, 14.5]]);
    expect(m.report.format).toMatch(/point-virgule/);
    expect(m.report.columns).toEqual({ origin: 'idSrc', destination: 'idDst', time: 'duree' });
    // "duree" does not say its unit: the values do (14.5, no more than 200: minutes).
    expect(m.report).toMatchObject({ unit: 'minutes', unitSource: 'valeurs' });
  });

  it('reads a Windows-1252 file (as Excel saves it) through the common reader', () => {
    const bytes = latin1('Origine;Destination;Durée (min)\r\n01004;01007;7,5\r\n');
    const m = readMatrix(bytes, codesOnly, 'excel.csv');
    expect(triples(m)).toEqual([[0, 1, 7.5]]);
    expect(m.report.format).toMatch(/Windows-1252/);
    expect(m.report).toMatchObject({ unit: 'minutes', unitSource: 'nom de colonne' });
  });

  it('reads an OSRM table flattened to CSV, in seconds, and repairs a lost leading zero', () => {
    const m = readMatrix('source\tdestination\tduration\n1004\t62041\t930\n', codesOnly);
    expect(triples(m)).toEqual([[0, 3, 15.5]]);
    // "duration" says no unit (OSRM's API gives seconds, R's osrm package minutes): the values.
    expect(m.report).toMatchObject({ unit: 'secondes', unitSource: 'valeurs' });
    expect(m.report.unitReason).toMatch(/temps médian de 930 \(plus de 200\)/);
    expect(m.report.repaired).toEqual([
      { line: 2, what: "code d'origine 1004 complété en 01004 (zéro initial perdu)" },
    ]);
  });

  it('rejects bad rows and cells with their reason, line and column, and keeps the good ones', () => {
    const text = [
      'origine;destination;temps',
      '01004;01007;10', // kept
      '01004;99999;10', // unknown destination
      '01007;01004;-3', // negative
      '01007;01004;NA', // missing
      '01007;01004;abc', // not a number
      '01004;01007;11', // duplicate of line 2
      '62041', // incomplete
      '',
      '2a004;62041;45', // kept (lower-case Corsican code)
      '01007;2A004;', // empty
    ].join('\n');
    const { pairs, report } = readMatrix(text, codesOnly);
    expect(report.rowsRead).toBe(9);
    expect(report.kept).toBe(2);
    expect([...pairs.origin]).toEqual([0, 2]);
    expect(report.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [3, null, 'commune de destination absente du jeu de données'],
      [4, 'temps', 'temps négatif'],
      [5, 'temps', 'temps manquant (cellule vide ou « NA »)'],
      [6, 'temps', 'temps non numérique'],
      [7, null, 'paire en double (la première valeur est gardée)'],
      [8, null, 'ligne incomplète'],
      [11, 'temps', 'temps manquant (cellule vide ou « NA »)'],
    ]);
    expect(report.rejectedByReason.find((g) => g.reason.startsWith('temps manquant'))).toEqual({
      reason: 'temps manquant (cellule vide ou « NA »)',
      count: 2,
      where: ['ligne 5, colonne temps', 'ligne 11, colonne temps'],
    });
  });
});

describe('matrix reader: square layout', () => {
  // Asymmetric on purpose: 01004 → 01007 is 12.5, 01007 → 01004 is 13.
  const square = '"","01004","01007"\n"01004",0,12.5\n"01007",13,0\n';

  it("reads R's write.csv of a duration matrix: rows are origins, columns destinations", () => {
    const m = readMatrix(square, net, 'osrm.csv');
    expect(triples(m)).toEqual([
      [0, 0, 0],
      [0, 1, 12.5],
      [1, 0, 13],
      [1, 1, 0],
    ]);
    expect(m.report).toMatchObject({
      layout: 'carre',
      rowsRead: 2,
      pairsRead: 4,
      kept: 4,
      rejectedCount: 0,
      columns: null,
    });
    expect(m.report.orientation).toBe('lignes = origines, colonnes = destinations');
    expect(matrixReportLine(m.report)).toMatch(
      /^Matrice osrm\.csv \(CSV, séparateur virgule.*\) : format carré, lignes = origines, colonnes = destinations ; temps en minutes/,
    );
  });

  it('reads the rows as destinations when told, and says so', () => {
    const m = readMatrix(square, net, 'x.csv', { rows: 'destinations' });
    expect(triples(m)).toEqual([
      [0, 0, 0],
      [0, 1, 13],
      [1, 0, 12.5],
      [1, 1, 0],
    ]);
    expect(m.report.orientation).toMatch(/^lignes = destinations/);
  });

  it("reads a header without the corner cell (R's write.table), with ';' and decimal commas", () => {
    const m = readMatrix('01004;01007\n01004;0;12,5\n01007;13;0\n', net);
    expect(triples(m)).toEqual(triples(readMatrix(square, net)));
  });

  it('detects seconds from the values: read in minutes, nobody would be that slow', () => {
    // A → B, 11 km, 900 s (44 km/h as the crow flies); A → D, 11 km, 840 s; B → C, 33 km, 1 800 s.
    const text = 'code,01004,01007,2A004,62041\n01004,0,900,,840\n01007,900,0,1800,\n';
    const m = readMatrix(text, net);
    expect(m.report).toMatchObject({ unit: 'secondes', unitSource: 'valeurs', warnings: [] });
    expect(m.report.unitReason).toMatch(/vitesse médiane à vol d'oiseau/);
    expect(triples(m)).toContainEqual([0, 1, 15]);
    expect(triples(m)).toContainEqual([1, 2, 30]);
    // The same times in minutes are read as minutes.
    const minutes = readMatrix(
      text.replace(/900/g, '15').replace('1800', '30').replace('840', '14'),
      net,
    );
    expect(minutes.report.unit).toBe('minutes');
    expect(triples(minutes)).toEqual(triples(m));
  });

  it('takes the unit from the corner cell, or from the option, and warns when it is unlikely', () => {
    const stated = readMatrix('duration_s,01004,01007\n01004,0,900\n01007,900,0\n', net);
    expect(stated.report).toMatchObject({ unit: 'secondes', unitSource: 'nom de colonne' });
    expect(stated.pairs.minutes).toContain(15);
    const forced = readMatrix('"",01004,01007\n01004,0,900\n01007,900,0\n', net, '', {
      unit: 'minutes',
    });
    expect(forced.report).toMatchObject({ unit: 'minutes', unitSource: 'option' });
    expect(forced.pairs.minutes).toContain(900);
    expect(forced.report.warnings[0]).toMatch(/vitesse médiane à vol d'oiseau de 0,74 km\/h/);
  });

  it('reports bad cells with their row and column, and keeps every good one', () => {
    const text = [
      ',01004,01007,2A004,62041',
      '01004,0,12,NA,-4', // NA, negative
      '01007,13,,x,20', // empty, not a number
      '2A004,30,31,0,33',
    ].join('\n');
    const { report, ...m } = readMatrix(text, net);
    expect(report.pairsRead).toBe(12);
    expect(report.kept).toBe(8);
    expect(triples({ report, ...m })).toEqual([
      [0, 0, 0],
      [0, 1, 12],
      [1, 0, 13],
      [1, 3, 20],
      [2, 0, 30],
      [2, 1, 31],
      [2, 2, 0],
      [2, 3, 33],
    ]);
    expect(
      report.rejected.map((r) => [r.line, r.column, r.columnNumber, r.reason, r.text]),
    ).toEqual([
      [2, '2A004', 4, 'temps manquant (cellule vide ou « NA »)', 'NA'],
      [2, '62041', 5, 'temps négatif', '-4'],
      [3, '01007', 3, 'temps manquant (cellule vide ou « NA »)', ''],
      [3, '2A004', 4, 'temps non numérique', 'x'],
    ]);
    expect(report.rejectedByReason[0]).toEqual({
      reason: 'temps manquant (cellule vide ou « NA »)',
      count: 2,
      where: ['ligne 2, colonne 2A004', 'ligne 3, colonne 01007'],
    });
  });

  it('refuses a whole row or column whose commune is unknown, a duplicate, and a short row', () => {
    const text = [
      ',01004,99999,01007,01004',
      '01004,0,5,12,6', // the second 01004 column is a duplicate
      '88888,1,2,3,4', // unknown origin
      '01007,13', // short: 01007 → 01007 is left to the estimate
      '01004,9,9,9,9', // duplicate row
    ].join('\n');
    const { report, ...m } = readMatrix(text, net);
    expect(triples({ report, ...m })).toEqual([
      [0, 0, 0],
      [0, 1, 12],
      [1, 0, 13],
    ]);
    expect(report.rejected.map((r) => [r.line, r.column, r.reason])).toEqual([
      [1, '99999', 'commune de destination absente du jeu de données (colonne entière)'],
      [1, '01004', 'commune de destination en double (la première colonne est gardée)'],
      [3, null, "commune d'origine absente du jeu de données (ligne entière)"],
      [4, null, 'ligne incomplète (1 temps pour 4 colonnes : les paires manquantes sont estimées)'],
      [5, null, "commune d'origine en double (la première ligne est gardée)"],
    ]);
    expect(report.rejectedByReason[0]?.where).toEqual(['colonne 99999']);
  });

  it('refuses a file that is neither layout, saying what it read', () => {
    expect(() => readMatrix('a,b,c\n1,2,3', codesOnly)).toThrow(MatrixFormatError);
    expect(() => readMatrix('a,b,c\n1,2,3', codesOnly)).toThrow(/ni format long.*« a \| b \| c »/);
    expect(() => readMatrix('origin,destination\n01004,01007', codesOnly)).toThrow(
      /Colonne de temps introuvable.*origin \| destination/,
    );
    expect(() => readMatrix('\n\n', codesOnly)).toThrow(/vide/);
  });
});

describe('time column names', () => {
  it('says whether a name states the unit', () => {
    const cases: [string, boolean, string | null][] = [
      ['minutes', true, 'minutes'],
      ['duree_min', true, 'minutes'],
      ['Durée (mn)', true, 'minutes'],
      ['tempsmin', true, 'minutes'],
      ['duration_s', true, 'secondes'],
      ['secondes', true, 'secondes'],
      ['duree_sec', true, 'secondes'],
      ['duree', true, null],
      ['durations', true, null],
      ['time', true, null],
      ['distance', false, null],
      ['s', false, null],
    ];
    for (const [name, isTime, unit] of cases) {
      expect(timeColumnUnit(name), name).toEqual({ isTime, unit });
    }
  });
});

describe('matrix model: the times are used as given', () => {
  const net3 = createTravelNetwork([
    commune('A', 2, 46, 3, 10, 1000),
    commune('B', 2, 46.1, 3, 10, 1000),
    commune('C', 2, 47, 3, 10, 1000), // 111 km north: far beyond any search radius of the estimate
  ]);
  // A fallback with an access time, to show that it never touches the matrix's times.
  const fallback = carDistanceModel(net3, { ...DEFAULT_CAR_PARAMETERS, accessMinutes: 5 });
  const matrix = new OdMatrix(3, {
    origin: Int32Array.from([0, 0, 2, 1]),
    destination: Int32Array.from([1, 2, 0, 1]),
    minutes: Float64Array.from([40, 25, 26, 2]),
  });
  const model = matrixModel({ name: 'routes.csv', matrix }, fallback);
  const withAccess = matrixModel({ name: 'routes.csv', matrix, accessMinutes: 3 }, fallback);

  it('gives the matrix time where it has the pair, the labelled estimate elsewhere', () => {
    expect(model.communeMinutes(0, 1)).toBe(40);
    expect(model.communeMinutes(1, 1)).toBe(2);
    // Estimated: the fallback's time between the reference points, its access included.
    expect(model.communeMinutes(1, 0)).toBe(fallback.communeMinutes(1, 0) + 5);
    expect(model.accessMinutes).toBe(0);
    expect(model.localMinutes(1, 2.05, 46.15)).toBe(0);
    expect(model.isMeasured(0, 1)).toBe(true);
    expect(model.isMeasured(1, 0)).toBe(false);
    expect(model.fallback).toBe(fallback);
    expect(model.symmetric).toBe(false);
    expect(model.description).toMatch(/routes\.csv.*4 paires.*pris tels quels.*estimés/);
    expect(model.parameters[0]).toMatchObject({ id: 'matrixAccessMinutes', value: 0 });
    expect(model.parameters.find((p) => p.id === 'estimate.accessMinutes')?.label).toMatch(
      /^Paires estimées — /,
    );
  });

  it('adds a stated access time to the matrix times only, and shows it', () => {
    expect(withAccess.communeMinutes(0, 1)).toBe(43);
    expect(withAccess.communeMinutes(1, 0)).toBe(model.communeMinutes(1, 0));
    expect(withAccess.parameters[0]).toMatchObject({
      label: "Temps d'accès ajouté aux temps de la matrice",
      value: 3,
      unit: 'min',
    });
    expect(withAccess.description).toMatch(/temps d'accès déclaré à l'import \(3 min\)/);
    expect(() => matrixModel({ name: 'x', matrix, accessMinutes: -1 }, fallback)).toThrow(/accès/);
  });

  it('finds far pairs of the matrix, and drops near pairs the matrix makes slow', () => {
    const origins = new Map<number, number>();
    model.forEachOriginWithin(0, 30, (o, m) => origins.set(o, m));
    // C → A is 26 min in the matrix although 111 km away; B → A comes from the estimate.
    expect(origins.get(2)).toBe(26);
    expect(origins.get(1)).toBe(model.communeMinutes(1, 0));
    const dest = new Map<number, number>();
    model.forEachDestinationWithin(0, 30, (d, m) => dest.set(d, m));
    // A → B is 40 min in the matrix: out of a 30 min budget even though the estimate says less.
    expect(dest.has(1)).toBe(false);
    expect(dest.get(2)).toBe(25);
  });

  const engineTime = (
    m: TravelModel,
    origin: number,
    site: { c: number; lon: number; lat: number },
  ) =>
    new ReachEngine(m, 3, 90, [{ id: 's', communeIndex: site.c, lon: site.lon, lat: site.lat }])
      .minutes[origin];

  it('gives a site exactly the matrix time, in the origin commune and in another one', () => {
    // A site 3 km from B's reference point: no local term, no access term.
    const inB = { c: 1, lon: 2.03, lat: 46.11 };
    expect(engineTime(model, 1, inB)).toBe(2); // from its own commune: B → B
    expect(engineTime(model, 0, inB)).toBe(40); // from another commune: A → B
    expect(engineTime(withAccess, 0, inB)).toBe(43);
    // The estimate alone would add its access and the site's local term.
    expect(engineTime(fallback, 1, inB)).toBeGreaterThan(5 + fallback.communeMinutes(1, 1));
    // A pair the matrix lacks: the estimate, from the commune's reference point.
    expect(engineTime(model, 0, { c: 0, lon: 2.02, lat: 46 })).toBe(
      fallback.communeMinutes(0, 0) + 5,
    );
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
    for (const accessMinutes of [0, 4]) {
      const model = matrixModel(
        { name: 'x', matrix: m, accessMinutes },
        carDistanceModel(n, DEFAULT_CAR_PARAMETERS),
      );
      for (let c = 0; c < 120; c += 5) {
        const seen = new Map<number, number>();
        model.forEachOriginWithin(c, 30, (o, t) => {
          expect(seen.has(o)).toBe(false);
          seen.set(o, t);
        });
        const reached = new Map<number, number>();
        model.forEachDestinationWithin(c, 30, (d, t) => reached.set(d, t));
        for (let o = 0; o < 120; o++) {
          const t = model.communeMinutes(o, c);
          expect(seen.get(o)).toBe(t <= 30 ? t : undefined);
          const u = model.communeMinutes(c, o);
          expect(reached.get(o)).toBe(u <= 30 ? u : undefined);
        }
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
    const walk = noCarModel(net3, DEFAULT_NO_CAR_PARAMETERS);
    expect(matrixModel({ name: 's', matrix: sym }, walk).symmetric).toBe(true);
    expect(matrixModel({ name: 's', matrix: sym }, fallback).symmetric).toBe(false);
  });
});

describe('matrix import', () => {
  it('gives a source labelled with how it was read and the stated access time', () => {
    const { source, report } = importMatrix(
      '"",01004,01007\n01004,0,12\n01007,13,0\n',
      net,
      'r.csv',
      {
        accessMinutes: 2,
      },
    );
    expect(report.kept).toBe(4);
    expect(source).toMatchObject({ name: 'r.csv', accessMinutes: 2 });
    expect(source?.reading).toMatch(/^format carré, lignes = origines.*temps en minutes/);
    expect(source?.matrix.get(0, 1)).toBe(12);
    const empty = importMatrix('origin,destination,minutes\n99999,01004,3\n', net, 'e.csv');
    expect(empty.source).toBeNull();
    expect(empty.report.rejectedCount).toBe(1);
  });
});
