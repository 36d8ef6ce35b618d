import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  TEST_BBOX,
  TEST_COMMUNES,
  TEST_FORMERS,
  testCommuneAt,
  testIndex,
} from './fixtures/communes.ts';
import { ImportRefused } from './report.ts';
import { FileRefused } from './refusal.ts';
import { readCsvText, readTableBytes } from './table.ts';
import {
  importNeeds,
  importOffer,
  importTerritories,
  userImportContext,
  type UserImportContext,
} from './user-import.ts';

const ctx: UserImportContext = {
  dep: '01',
  communes: testIndex(),
  bbox: TEST_BBOX,
  communeAt: testCommuneAt,
  epcis: [],
};
const bytes = (text: string) => new TextEncoder().encode(text);

/** The refusal an import throws, or null when it is accepted. */
function refusalOf(run: () => unknown): { code: string; message: string; report: boolean } | null {
  try {
    run();
    return null;
  } catch (e) {
    if (!(e instanceof FileRefused)) throw e;
    return { code: e.code, message: e.message, report: e instanceof ImportRefused };
  }
}

const offer =
  (text: string, name = 'offre.csv') =>
  () =>
    importOffer(readTableBytes(bytes(text), name), ctx, 'import-x', name);
const needs =
  (text: string, name = 'caf.csv') =>
  () =>
    importNeeds(readTableBytes(bytes(text), name), ctx, 'import-n', name);
const territories =
  (text: string, name = 'territoires.csv') =>
  () =>
    importTerritories(readTableBytes(bytes(text), name), ctx, 'import-t', name, 'PTI');

describe('an import that keeps no row is refused, never stored', () => {
  it.each([
    ['an empty file', offer(''), 'empty_file', /^fichier vide$/],
    ['a header-only file', offer('nom;code_insee\r\n'), 'no_data_rows', /aucune ligne de données/],
    [
      'a file whose rows are all rejected, with the report',
      offer('nom;code_insee\nA;01050\nB;0X\n'),
      'nothing_kept',
      /^aucune ligne retenue : 2 rejetée\(s\), voir le rapport$/,
    ],
    [
      'a territory file with only its header',
      territories('territoire;code_insee\n'),
      'no_data_rows',
      /aucune ligne de données/,
    ],
    [
      'a truncated GeoJSON given as territories',
      territories('{"type": "FeatureCollection", "features": [\n{"type": "Feature",', 't.geojson'),
      'json_invalid',
      /^JSON invalide, ligne 2, colonne 20 : .*fin du fichier trouvé \(le fichier semble tronqué\)$/,
    ],
    [
      'a JSON that is no list of records given as territories',
      territories('{"nom": "PTI", "version": 2}', 't.json'),
      'json_shape',
      /ni tableau d’enregistrements/,
    ],
    [
      'a JSON list without a territory given as territories',
      territories('[{"code": "01001", "valeur": 3}]', 't.json'),
      'columns_missing',
      /colonne\(s\) attendue\(s\) absente\(s\) : « territoire »/,
    ],
    ['an empty beneficiaries file', needs(''), 'empty_file', /^fichier vide$/],
    [
      'a header-only beneficiaries file',
      needs('dtreffre;numcomdo;nomcom;indfoy_rsa\n'),
      'no_data_rows',
      /aucune ligne de données/,
    ],
    [
      'a beneficiaries file of other départements only',
      needs('numcomdo;indfoy_rsa\n02001;30\n03001;12\n'),
      'nothing_kept',
      /aucune ligne retenue : 2 d’autres départements/,
    ],
    [
      'a beneficiaries file without its count column',
      needs('numcomdo;nb_habitants\n01001;30\n'),
      'columns_missing',
      /« indfoy_rsa » ou « NB_allocataire_RSA »/,
    ],
    [
      'a territory file whose rows are all rejected',
      territories('territoire,code_insee\nEst,01050\n'),
      'nothing_kept',
      /aucune ligne retenue : 1 rejetée/,
    ],
  ])('%s', (_, run, code, message) => {
    const refusal = refusalOf(run);
    expect(refusal?.code).toBe(code);
    expect(refusal?.message).toMatch(message);
    expect(refusal?.report).toBe(code === 'nothing_kept' || code === 'no_data_rows');
  });

  it('accepts a file that keeps one row among rejected ones', () => {
    const r = offer('nom;code_insee\nA;01001\nB;0X\n')();
    expect([r.sites.length, r.report.kept, r.report.rejectedRows]).toEqual([1, 1, 1]);
    const t = territories('territoire,code_insee\nEst,01001\nEst,01050\n')();
    expect(t.territories.map((x) => x.name)).toEqual(['Est', 'Hors territoire du fichier']);
    expect(t.scheme?.label).toBe('PTI');
  });

  it('keeps the report of a refused import, every line with its reason', () => {
    try {
      importOffer(readCsvText('nom;code_insee\nA;01050\n', 'o.csv'), ctx, 'i', 'o.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportRefused);
      expect((e as ImportRefused).report.rejected).toMatchObject([{ line: 2 }]);
    }
  });
});

describe('a beneficiaries file in the app', () => {
  it('reads the CAF open-data format as an indicator of its own, with the millésime', () => {
    const caf = readFileSync(new URL('./fixtures/caf-rsa-fictif.csv', import.meta.url));
    const r = importNeeds(
      readTableBytes(new Uint8Array(caf), 'caf-2023.csv'),
      ctx,
      'import-n',
      'caf-2023.csv',
    );
    expect(r.needIndicator).toEqual({
      id: 'import-n',
      label: 'Foyers allocataires du RSA (caf-2023.csv)',
      unit: 'foyers',
      sourceId: 'import-n',
    });
    expect(r.millesime).toBe('décembre 2023');
    const of = Object.fromEntries(r.needs.map((n) => [n.communeCode, n.value]));
    // 01003 is masked (secret), 01099 merged into 01007 (10 + 15), 01001's 2022 row set aside.
    expect(of).toEqual({ '01001': 125, '01002': 40, '01003': null, '01007': 25 });
    expect(new Set(r.needs.map((n) => n.indicator))).toEqual(new Set(['import-n']));
    expect(r.report.unusedColumns).toEqual(['nomcom', 'indmtt_rsa', 'indfoy_ppa']);
    expect(r.report.rejections.map((g) => [g.code, g.lines])).toEqual(
      expect.arrayContaining([
        ['insee_unknown', [9]],
        ['value_invalid', [10]],
      ]),
    );
  });

  it('reads the older RSACom format', () => {
    const r = needs('Codes_Insee;NB_allocataire_RSA\n01001;12\n01 002;7\n', 'RSACom_2019.csv')();
    expect(r.needs.map((n) => [n.communeCode, n.value, n.year])).toEqual([
      ['01001', 12, 2019],
      ['01002', 7, 2019],
    ]);
    expect(r.report.repairs.map((g) => g.code)).toContain('insee_separator');
  });
});

describe('codes in an import in the app, as the build reads them', () => {
  const dataset = {
    dep: '01',
    bbox: TEST_BBOX,
    communes: TEST_COMMUNES.map((c) => ({ ...c, lon: c.lon!, lat: c.lat! })),
    polygons: [],
    epcis: [],
  };
  const file = 'nom;code_insee\nA;01099\nB;01 001\n';

  it('brings a merged commune to today’s commune with the dataset’s former communes', () => {
    const r = importOffer(
      readCsvText(file, 'o.csv'),
      userImportContext({ ...dataset, formers: TEST_FORMERS }),
      'i',
      'o.csv',
    );
    expect(r.sites.map((s) => s.communeCode)).toEqual(['01007', '01001']);
    expect(r.report.remaps).toMatchObject([{ from: '01099', to: '01007', lines: [2] }]);
    expect(r.report.repairs.map((g) => [g.code, g.lines])).toEqual(
      expect.arrayContaining([
        ['commune_remapped', [2]],
        ['insee_separator', [3]],
      ]),
    );
  });

  it('rejects it as unknown only when the dataset has no former communes', () => {
    const r = importOffer(readCsvText(file, 'o.csv'), userImportContext(dataset), 'i', 'o.csv');
    expect(r.report.rejections).toMatchObject([{ code: 'insee_unknown', lines: [2] }]);
  });

  it('attaches an arrondissement to its city', () => {
    const marseille = userImportContext({
      dep: '13',
      bbox: [5.2, 43.1, 5.6, 43.4],
      communes: [{ code: '13055', name: 'Marseille', lon: 5.37, lat: 43.3 }],
      polygons: [],
      epcis: [],
    });
    const r = importOffer(
      readCsvText('nom;code_insee;longitude;latitude\nFS;13201;5,3698;43,2965\n', 'o.csv'),
      marseille,
      'i',
      'o.csv',
    );
    expect(r.sites).toMatchObject([{ communeCode: '13055', lon: 5.3698, lat: 43.2965 }]);
    expect(r.report.repairs.map((g) => g.code)).toContain('arrondissement');
  });
});
