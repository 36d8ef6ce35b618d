import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testIndex } from './fixtures/communes.ts';
import { parseCafRsa, parseFilosofi, parseJobSeekers, type NeedContext } from './needs.ts';
import { CommuneIndex } from './commune-index.ts';
import { rejectedRowsCsv } from './report.ts';
import { readTableBytes, readCsvText, readJsonRecords } from './table.ts';

const ctx: NeedContext = {
  dep: '01',
  communes: testIndex(),
  sourceId: 'caf',
  inputId: 'caf',
  label: 'CAF',
};

describe('CAF RSA households', () => {
  it('reads the data.caf.fr communal format: latest millésime, secrecy, remaps, rejects', () => {
    const bytes = readFileSync(new URL('./fixtures/caf-rsa-fictif.csv', import.meta.url));
    const { needs, report, year } = parseCafRsa(
      readTableBytes(new Uint8Array(bytes), 'caf.csv'),
      ctx,
    );
    expect(year).toBe(2023);
    expect(needs.map((n) => [n.communeCode, n.value, n.year, n.indicator])).toEqual([
      ['01001', 125, 2023, 'rsa_foyers'],
      ['01002', 40, 2023, 'rsa_foyers'],
      // Masked by the CAF: a secret value, not a missing one, and not 0.
      ['01003', null, 2023, 'rsa_foyers'],
      ['01007', 25, 2023, 'rsa_foyers'],
    ]);
    expect(report.ignored.map((g) => [g.code, g.lines])).toEqual([
      ['older_millesime', [5]],
      ['other_departement', [8]],
      ['secret', [4]],
    ]);
    expect(report.rejections.map((g) => [g.code, g.lines])).toEqual([
      ['insee_unknown', [9]],
      ['value_invalid', [10]],
    ]);
    expect(report.repairs.map((g) => [g.code, g.lines])).toEqual([
      ['commune_remapped', [6]],
      ['insee_leading_zero', [3]],
    ]);
    expect(report.remaps).toMatchObject([{ from: '01099', to: '01007' }]);
  });

  it('reads the older RSACom format with the year given by the caller', () => {
    const t = readCsvText(
      'Communes,Codes_Insee,NB_allocataires,NB_allocataire_RSA\nABERGEMENT,01001,900,"110"\n',
      'RSACom2015.csv',
    );
    const { needs, year } = parseCafRsa(t, ctx, 2015);
    expect(year).toBe(2015);
    expect(needs).toEqual([
      { communeCode: '01001', indicator: 'rsa_foyers', value: 110, year: 2015, sourceId: 'caf' },
    ]);
  });
});

describe('a commune given twice', () => {
  it('keeps the first row of a CAF file, rejects the next ones with both lines, never sums', () => {
    const t = readCsvText(
      [
        'dtreffre;numcomdo;nomcom;indfoy_rsa',
        '2023-12-31;01001;A;4620',
        '2023-12-31;01002;B;40',
        '2023-12-31;01001;A;2310',
        '2022-12-31;01002;B;38',
        '2023-12-31;1001;A;1',
        // Two codes of one commune today (01099 merged into 01007) are summed, not duplicates.
        '2023-12-31;01099;C;10',
        '2023-12-31;01007;D;15',
      ].join('\n'),
      'caf.csv',
    );
    const { needs, report } = parseCafRsa(t, ctx);
    expect(needs.map((n) => [n.communeCode, n.value])).toEqual([
      ['01001', 4620],
      ['01002', 40],
      ['01007', 25],
    ]);
    expect(report.rejections).toEqual([
      {
        code: 'duplicate',
        label: 'ligne en double',
        count: 2,
        lines: [4, 6],
        details: [
          'commune 01001 déjà donnée ligne 2 (la première ligne est gardée, les suivantes rejetées)',
          'commune 01001 déjà donnée ligne 2 (la première ligne est gardée, les suivantes rejetées)',
        ],
      },
    ]);
    expect(report.ignored).toMatchObject([{ code: 'older_millesime', lines: [5] }]);
    expect(report.notes.join(' ')).toMatch(
      /2 ligne\(s\) en double .* la première ligne de chaque commune est gardée, les suivantes sont rejetées, jamais additionnées/,
    );
    // The row set aside (an older millésime) is in the export too, in its place.
    expect(rejectedRowsCsv(report).split('\r\n').slice(1, 4)).toEqual([
      '4;ligne en double : commune 01001 déjà donnée ligne 2 (la première ligne est gardée, les suivantes rejetées);2023-12-31;01001;A;2310',
      '5;hors champ : millésime plus ancien qu’une autre ligne de la même commune;2022-12-31;01002;B;38',
      '6;ligne en double : commune 01001 déjà donnée ligne 2 (la première ligne est gardée, les suivantes rejetées);2023-12-31;1001;A;1',
    ]);
  });

  it('does the same in the job seekers and Filosofi files', () => {
    const jobs = parseJobSeekers(
      readCsvText('insee,population\n01001,35\n01001,40\n', 'de.csv'),
      ctx,
      2024,
    );
    expect(jobs.needs.map((n) => n.value)).toEqual([35]);
    expect(jobs.report.rejections).toMatchObject([{ code: 'duplicate', lines: [3] }]);
    const filo = parseFilosofi(
      readCsvText('CODGEO,NBMENFISC16,TP6016\n01001,1000,10\n01001,1000,20\n', 'f.csv'),
      ctx,
      2016,
    );
    expect(filo.needs.map((n) => n.value)).toEqual([100]);
    expect(filo.report.rejections).toMatchObject([{ code: 'duplicate', lines: [3] }]);
  });
});

describe('codes as files write them', () => {
  it('repairs spaces in codes, rejects a code of no département with its line, and exports it', () => {
    const t = readCsvText(
      [
        'dtreffre;numcomdo;nomcom;indfoy_rsa',
        '2023-12-31;01 001;A;5',
        '2023-12-31;01\u00a0002;B;7',
        '2023-12-31;01\u202f005;C;9',
        '2023-12-31;99999;X;9',
        '2023-12-31;02001;AILLEURS;30',
        '2023-12-31;00123;X;1',
      ].join('\n'),
      'caf.csv',
    );
    const { needs, report } = parseCafRsa(t, ctx);
    expect(needs.map((n) => [n.communeCode, n.value])).toEqual([
      ['01001', 5],
      ['01002', 7],
      ['01005', 9],
    ]);
    expect(report.repairs).toMatchObject([{ code: 'insee_separator', lines: [2, 3, 4] }]);
    expect(report.rejections).toMatchObject([
      {
        code: 'insee_unknown',
        lines: [5, 7],
        details: ['99999 (aucun département « 99 »)', '00123 (aucun département « 00 »)'],
      },
    ]);
    expect(report.ignored).toMatchObject([{ code: 'other_departement', lines: [6] }]);
    expect(rejectedRowsCsv(report)).toContain(
      '5;code INSEE inconnu dans le département : 99999 (aucun département « 99 »);2023-12-31;99999;X;9',
    );
  });

  it('adds the arrondissements of a city, unless the file also gives the city whole', () => {
    const lyon = new CommuneIndex([{ code: '69123', name: 'Lyon', dep: '69' }]);
    const c = { ...ctx, dep: '69', communes: lyon };
    const byArrondissement = parseJobSeekers(
      readCsvText('insee,population\n69381,100\n69382,50\n', 'de.csv'),
      c,
      2024,
    );
    expect(byArrondissement.needs.map((n) => [n.communeCode, n.value])).toEqual([['69123', 150]]);
    expect(byArrondissement.report.repairs).toMatchObject([
      { code: 'arrondissement', lines: [2, 3] },
    ]);
    expect(byArrondissement.report.remaps).toMatchObject([
      { from: '69381', to: '69123', reason: 'arrondissement municipal de Lyon' },
      { from: '69382', to: '69123' },
    ]);
    const both = parseJobSeekers(
      readCsvText('insee,population\n69381,100\n69123,900\n', 'de.csv'),
      c,
      2024,
    );
    expect(both.needs.map((n) => [n.communeCode, n.value])).toEqual([['69123', 900]]);
    expect([both.report.kept, both.report.ignoredRows]).toEqual([1, 1]);
    expect(both.report.ignored).toMatchObject([{ code: 'not_a_commune', lines: [2] }]);
  });
});

describe('a CAF file without its columns', () => {
  it('is refused with the columns it lacks and those it has', () => {
    const t = readCsvText('code;valeur\n01001;5\n', 'caf.csv');
    expect(() => parseCafRsa(t, ctx)).toThrow(
      'colonne(s) attendue(s) absente(s) : « numcomdo » ou « Codes_Insee » (code commune), « indfoy_rsa » ou « NB_allocataire_RSA » (foyers RSA) ; colonnes du fichier : « code », « valeur »',
    );
  });
});

describe('fallback need indicators', () => {
  it('job seekers by commune from the JSON list', () => {
    const t = readJsonRecords(
      [
        { insee: '01001', nom_commune: 'A', population: '35' },
        { insee: '01003', nom_commune: 'B', population: '' },
        { insee: '75101', nom_commune: 'Paris 1er', population: '900' },
      ],
      'de.json',
    );
    const { needs, report } = parseJobSeekers(t, { ...ctx, sourceId: 'de' }, 2024);
    expect(needs).toEqual([
      {
        communeCode: '01001',
        indicator: 'demandeurs_emploi',
        value: 35,
        year: 2024,
        sourceId: 'de',
      },
      // An empty count is a masked one: kept as secret, never as 0.
      {
        communeCode: '01003',
        indicator: 'demandeurs_emploi',
        value: null,
        year: 2024,
        sourceId: 'de',
      },
    ]);
    expect([report.kept, report.ignoredRows]).toEqual([1, 2]);
  });

  it('Filosofi: households under the poverty line, secrecy set aside', () => {
    const t = readCsvText(
      '"CODGEO","LIBGEO","NBMENFISC16","TP6016"\n"01001","A",1000,14.5\n"01002","B",40,\n"01003","C",x,3\n',
      'filosofi.csv',
    );
    const { needs, report } = parseFilosofi(t, { ...ctx, sourceId: 'filo' }, 2016);
    expect(needs.map((n) => [n.communeCode, n.value, n.indicator])).toEqual([
      ['01001', 145, 'menages_pauvres'],
    ]);
    expect(report.ignored).toMatchObject([{ code: 'secret', lines: [3] }]);
    expect(report.rejections).toMatchObject([{ code: 'value_invalid', lines: [4] }]);
  });
});
