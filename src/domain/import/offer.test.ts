import { decimalPoint } from '../format.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_BBOX, TEST_COMMUNES, testCommuneAt, testIndex } from './fixtures/communes.ts';
import { wgs84ToLambert93 } from './lambert93.ts';
import { pointLocator, polygonDistance } from './point-locator.ts';
import {
  detectOfferFormat,
  parseOffer,
  readDataInclusionStructures,
  type OfferContext,
} from './offer.ts';
import { rejectedRowsCsv } from './report.ts';
import { readTableBytes, readCsvText, readJsonRecords } from './table.ts';
import { parseCsv } from './csv.ts';
import { CommuneIndex } from './commune-index.ts';

const ctx = (over: Partial<OfferContext> = {}): OfferContext => ({
  dep: '01',
  communes: testIndex(),
  bbox: TEST_BBOX,
  communeAt: testCommuneAt,
  sourceId: 'src',
  idPrefix: 'x',
  inputId: 'test',
  label: 'Test',
  ...over,
});

describe('the plain template, on a broken Windows-1252 export', () => {
  const bytes = readFileSync(new URL('./fixtures/offre-modele-cassee.csv', import.meta.url));
  const table = readTableBytes(new Uint8Array(bytes), 'offre-modele-cassee.csv');
  const { sites, report, format } = parseOffer(table, ctx());
  const byId = new Map(sites.map((s) => [s.id, s]));

  it('reads the encoding and the separator', () => {
    expect(format).toBe('template');
    expect(table.encoding).toBe('windows-1252');
    expect(table.delimiter).toBe(';');
    expect(report.format).toBe(
      'CSV, séparateur point-virgule, encodage Windows-1252 (Latin-1) converti',
    );
    expect(sites.find((s) => s.id === 'x-A3')?.name).toBe('Plateforme mobilité');
  });

  it('counts rows read, kept, repaired and rejected', () => {
    expect([report.rowsRead, report.kept, report.rejectedRows, report.ignoredRows]).toEqual([
      14, 5, 9, 0,
    ]);
    expect(report.repairedRows).toBe(5);
    expect(sites.map((s) => s.id)).toEqual(['x-A1', 'x-A3', 'x-A4', 'x-A8', 'x-A14']);
  });

  it('groups the rejected lines by reason', () => {
    const groups = Object.fromEntries(report.rejections.map((g) => [g.code, g.lines]));
    expect(groups).toEqual({
      commune_ambiguous: [3],
      insee_malformed: [7],
      coordinates_outside_france: [8],
      name_missing: [9],
      axis_unknown: [11],
      duplicate: [12],
      coordinates_outside_departement: [13],
      commune_missing: [14],
      capacity_invalid: [15],
    });
    const ambiguous = report.rejected.find((r) => r.line === 3);
    expect(ambiguous?.reason).toContain('Saint-Martin-du-Lac (01002), Saint-Martin-du-Lac (01003)');
  });

  it('repairs what can be repaired, and says so', () => {
    const repairs = Object.fromEntries(report.repairs.map((g) => [g.code, g.lines]));
    expect(repairs.insee_leading_zero).toEqual([2]);
    expect(repairs.decimal_comma).toEqual([2, 6]);
    expect(repairs.lambert93).toEqual([6]);
    expect(repairs.located_at_commune).toEqual([4, 10, 16]);
    expect(repairs.commune_from_name).toEqual([16]);
    expect(report.remaps).toEqual([
      { from: '01099', to: '01007', reason: 'ancienne commune Vieux-Moulin', lines: [10] },
    ]);
  });

  it('builds the sites: kinds, details, axes, capacity, places', () => {
    expect(byId.get('x-A1')).toMatchObject({
      kind: 'mds',
      axes: ['accueil', 'accompagnement_social'],
      capacity: 120,
      communeCode: '01001',
      lon: 5.2,
      lat: 46.1,
      operator: 'Département',
    });
    expect(byId.get('x-A3')).toMatchObject({
      kind: 'mobilite',
      communeCode: '01004',
      lon: 5.1,
      lat: 46.05,
      hours: 'lundi 9h-12h\nmardi 14h-17h',
    });
    expect(byId.get('x-A4')).toMatchObject({
      kind: 'mobilite',
      detail: 'garage_solidaire',
      axes: ['mobilite'],
    });
    expect(byId.get('x-A4')?.lon).toBeCloseTo(5.23, 5);
    expect(byId.get('x-A4')?.lat).toBeCloseTo(46.2, 5);
    expect(byId.get('x-A8')).toMatchObject({ communeCode: '01007', detail: 'auto_ecole_sociale' });
    expect(byId.get('x-A14')).toMatchObject({
      kind: 'france_services',
      communeCode: '01007',
      axes: ['accueil', 'numerique'],
    });
  });

  it('exports the rejected rows with their line, reason and original columns', () => {
    const csv = rejectedRowsCsv(report);
    const back = parseCsv(csv.slice(1));
    expect(back.header).toEqual(['ligne', 'motif_rejet', ...table.header]);
    expect(back.records).toHaveLength(9);
    expect(back.records[0]?.cells.slice(0, 4)).toEqual([
      '3',
      expect.stringContaining('ambigu'),
      'A2',
      'Chantier « Jardins du lac »',
    ]);
  });
});

describe('national lists', () => {
  it('France Services: keeps the département, reads hours and positions', () => {
    const t = readCsvText(
      [
        '"id_fs","insee_dep","lib_fs","insee_com","code_postal","lib_com","latitude","longitude","h_lundi","h_mardi","type_fs","format_fs","groupe_fs"',
        '"1","01","France services du Lac","01002","01200","Saint-Martin-du-Lac",46.2,5.23,"09:00 - 12:00",,"Principal","Fixe",',
        '"2","02","France services ailleurs","02001","02000","Ailleurs",49.5,3.6,,,"Principal","Fixe",',
        '"3","01","France services itinérante","1005","01500","Sainte-Croix",,,"","14:00 - 17:00","Antenne","Itinérante","La Poste"',
        '"4","01","France services perdue","01077","01500","Nulle part",46.2,5.23,,,,,',
      ].join('\n'),
      'fs.csv',
    );
    expect(detectOfferFormat(t.header)).toBe('france_services');
    const { sites, report } = parseOffer(t, ctx({ idPrefix: 'fs' }));
    expect(sites.map((s) => [s.id, s.communeCode, s.hours])).toEqual([
      ['fs-1', '01002', 'lundi 09:00 - 12:00'],
      ['fs-3', '01005', 'mardi 14:00 - 17:00'],
    ]);
    expect(sites[1]).toMatchObject({
      detail: 'Antenne, Itinérante',
      operator: 'La Poste',
      lon: 5.15,
      lat: 46.3,
    });
    expect(report.ignored).toMatchObject([{ code: 'other_departement', lines: [3] }]);
    expect(report.rejections).toMatchObject([{ code: 'insee_unknown', lines: [5] }]);
  });

  it('ASP SIAE: matches the commune by name, reports ambiguous names, one site per measure', () => {
    const t = readCsvText(
      [
        'MESURE;CODE_DEPARTEMENT;LIBELLE_DPT;CODE_POSTAL;COMMUNE;CODE_NAF2;NATURE_JURIDIQUE;SIRET;DENOMINATION_SOCIALE;NUM_RUE;NOM_RUE;CODE_POST_COM;LIB_COM',
        'ACI;001;AIN;01500;STE CROIX EN BRESSE;8899B;Association déclarée;11111111100011;JARDINS DE BRESSE;1;RUE HAUTE;01500;STE CROIX EN BRESSE',
        'AI;001;AIN;01500;STE CROIX EN BRESSE;7830Z;Association déclarée;11111111100011;JARDINS DE BRESSE;1;RUE HAUTE;01500;STE CROIX EN BRESSE',
        'EI;001;AIN;01250;ST MARTIN DU LAC;4399C;SARL;22222222200022;BATI LAC;;;01250;ST MARTIN DU LAC',
        'ETTI;001;AIN;01300;ST MARTIN DU LAC;7820Z;SAS;33333333300033;INTERIM LAC;;;01300;ST MARTIN DU LAC',
        'ACI;002;AISNE;02000;AILLEURS;8899B;Association;44444444400044;X;;;02000;AILLEURS',
        'ACI;001;AIN;01999;VILLE INCONNUE;8899B;Association;55555555500055;Y;;;01999;VILLE INCONNUE',
      ].join('\r\n'),
      'siae.csv',
    );
    expect(detectOfferFormat(t.header)).toBe('siae_asp');
    const { sites, report } = parseOffer(t, ctx({ idPrefix: 'siae' }));
    expect(sites.map((s) => [s.id, s.detail, s.communeCode])).toEqual([
      ['siae-11111111100011-aci', 'ACI', '01005'],
      ['siae-11111111100011-ai', 'AI', '01005'],
      ['siae-33333333300033-etti', 'ETTI', '01003'],
    ]);
    expect(Object.fromEntries(report.rejections.map((g) => [g.code, g.lines]))).toEqual({
      commune_ambiguous: [4],
      commune_unknown: [7],
    });
    expect(report.ignored[0]).toMatchObject({ code: 'other_departement', lines: [6] });
  });

  it('France Travail agencies: decimal commas, NULL, directions set aside, commune by point', () => {
    const t = readCsvText(
      [
        'REFERENCE_PE,NOM,CODE_SAFIR,TYPE_SITE,REGION,LIBELLE_REGION,COMPLEMENT_ADRESSE,DC_COMPLEMENTADRSITEPHYSIQUE,ADRESSE,CODE_POSTAL,COMMUNE,DN_LATITUDE,DN_LONGITUDE',
        'ARA1,ST MARTIN DU LAC,01001,ALE,84,AURA,NULL,NULL,1 rue,01300,ST MARTIN DU LAC,"46,25","5,3"',
        'ARA2,BELLEVUE,01002,ALE,84,AURA,NULL,NULL,2 rue,01700,BELLEVUE LES BOIS,NULL,NULL',
        'ARA3,DT AIN,01003,DDA,84,AURA,NULL,NULL,3 rue,01000,BOURG,"46,2","5,22"',
        'IDF1,PARIS,75001,ALE,11,IDF,NULL,NULL,4 rue,75001,PARIS,"48,86","2,34"',
      ].join('\n'),
      'pe.csv',
    );
    expect(detectOfferFormat(t.header)).toBe('france_travail');
    const { sites, report } = parseOffer(t, ctx({ idPrefix: 'ft' }));
    expect(sites.map((s) => [s.id, s.name, s.communeCode, s.lon, s.lat])).toEqual([
      ['ft-ARA1', 'France Travail St Martin Du Lac', '01003', 5.3, 46.25],
      ['ft-ARA2', 'France Travail Bellevue', '01007', 5.4, 46.15],
    ]);
    expect(report.ignored.map((g) => [g.code, g.lines])).toEqual([
      ['not_a_public_site', [4]],
      ['other_departement', [5]],
    ]);
  });

  it('data·inclusion flattened export: one site per structure and place, axes from thematiques', () => {
    const services = readJsonRecords(
      [
        {
          'Service ID': 's1',
          'Structure ID': 'st1',
          Nom: 'Atelier CV',
          Thematiques: '{preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation}',
          'Code Insee': '01001',
          Long: '5,2',
          Lat: '46,1',
        },
        {
          'Service ID': 's2',
          'Structure ID': 'st1',
          Nom: 'Aide au permis',
          Thematiques:
            '{mobilite--preparer-un-permis,"numerique--acceder-a-des-services-en-ligne"}',
          'Code Insee': '01001',
          Long: '5,2',
          Lat: '46,1',
        },
        {
          'Service ID': 's3',
          'Structure ID': 'st2',
          Nom: 'Accueil',
          Thematiques: '{}',
          'Code Insee': '',
          Commune: 'Bellevue-les-Bois',
          Long: '',
          Lat: '',
        },
        {
          'Service ID': 's4',
          'Structure ID': 'st3',
          Nom: 'Ailleurs',
          Thematiques: '{sante--acces-aux-soins}',
          'Code Insee': '97411',
          Long: '55,45',
          Lat: '20,88',
        },
      ],
      'services.json',
    );
    const structures = readDataInclusionStructures(
      readJsonRecords(
        [
          { ID: 'st1', Nom: 'Association Tremplin', Typologie: 'ASSO' },
          { ID: 'st2', Nom: 'CCAS de Bellevue', Typologie: 'CCAS' },
        ],
        'structures.json',
      ),
    );
    expect(detectOfferFormat(services.header)).toBe('data_inclusion_pilotage');
    const { sites, report } = parseOffer(services, ctx({ idPrefix: 'di' }), structures);
    expect(sites.map((s) => [s.name, s.kind, s.axes, s.detail])).toEqual([
      [
        'Association Tremplin',
        'action',
        ['mediation_emploi', 'mobilite', 'numerique'],
        '2 services',
      ],
      ['CCAS de Bellevue', 'ccas', ['accueil', 'accompagnement_social'], ''],
    ]);
    expect(report.kept).toBe(3);
    expect(report.rejections).toMatchObject([{ code: 'insee_unknown', lines: [4] }]);
  });

  it('data·inclusion v1: réseaux porteurs give the kind', () => {
    const services = readJsonRecords(
      [
        {
          id: 'a',
          structure_id: 'b',
          nom: 'Accompagnement',
          thematiques: ['trouver-un-emploi--maintien-dans-lemploi'],
          code_insee: '01002',
          latitude: 46.2,
          longitude: 5.23,
          source: 'dora',
        },
      ],
      'services.json',
    );
    const structures = readDataInclusionStructures(
      readJsonRecords(
        [{ id: 'b', nom: 'Agence France Travail du Lac', reseaux_porteurs: ['france-travail'] }],
        's.json',
      ),
    );
    expect(detectOfferFormat(services.header)).toBe('data_inclusion_services');
    const { sites } = parseOffer(services, ctx(), structures);
    expect(sites).toMatchObject([
      { kind: 'france_travail', axes: ['mediation_emploi'], communeCode: '01002' },
    ]);
  });
});

describe('the template documented in the README', () => {
  it('reads data/modele-offre.csv without a rejection', () => {
    const bytes = readFileSync(new URL('../../../data/modele-offre.csv', import.meta.url));
    const arras = {
      code: '62041',
      name: 'Arras',
      dep: '62',
      lon: 2.7766,
      lat: 50.291,
      postcodes: ['62000'],
    };
    const { sites, report } = parseOffer(
      readTableBytes(new Uint8Array(bytes), 'modele-offre.csv'),
      {
        dep: '62',
        communes: new CommuneIndex([arras]),
        bbox: [1.5, 50, 3.2, 51.1],
        sourceId: 'modele',
        idPrefix: 'm',
        inputId: 'm',
        label: 'Modèle',
      },
    );
    expect([report.rowsRead, report.kept, report.rejectedRows]).toEqual([3, 3, 0]);
    expect(sites.map((s) => [s.kind, s.detail, s.capacity, s.communeCode])).toEqual([
      ['mds', '', 450, '62041'],
      ['action', '', 24, '62041'],
      ['mobilite', 'garage_solidaire', 120, '62041'],
    ]);
    expect(sites[2]?.lon).toBeCloseTo(2.7766, 4);
  });
});

describe('coordinates that would mislead', () => {
  // Each fictional commune as a 0.04° square around its chef-lieu.
  const polygons = TEST_COMMUNES.map((c) => ({
    code: c.code,
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [c.lon! - 0.02, c.lat! - 0.02],
          [c.lon! + 0.02, c.lat! - 0.02],
          [c.lon! + 0.02, c.lat! + 0.02],
          [c.lon! - 0.02, c.lat! + 0.02],
          [c.lon! - 0.02, c.lat! - 0.02],
        ],
      ],
    },
  }));
  const withPolygons = ctx({
    communeAt: pointLocator(polygons),
    distanceKm: polygonDistance(polygons),
  });
  const [farX, farY] = wgs84ToLambert93(5.2, 45.2);
  const lines = [
    'nom;code_insee;x;y',
    'Zéro;01001;0;0',
    `Lambert loin;01001;${decimalPoint(farX, 0)};${decimalPoint(farY, 0)}`,
    'Entre deux;01001;5.48;46.38',
    'Mauvaise commune;01001;5.4;46.15',
    'Bien placé;01001;5.2;46.1',
  ];
  const { sites, report } = parseOffer(readCsvText(lines.join('\n'), 'o.csv'), withPolygons);

  it('rejects (0, 0) as no position, instead of moving the row to its chef-lieu', () => {
    expect(report.rejections.find((g) => g.code === 'coordinates_zero')?.lines).toEqual([2]);
    expect(sites.map((s) => s.name)).not.toContain('Zéro');
    expect(rejectedRowsCsv(report)).toContain(
      '\r\n2;"coordonnées (0, 0) : valeur par défaut d’un logiciel, pas une position : « 0 ; 0 »";Zéro;01001;0;0\r\n',
    );
  });

  it('rejects a point outside the département with its converted position and distance', () => {
    const g = report.rejections.find((x) => x.code === 'coordinates_outside_departement')!;
    expect(g.lines).toEqual([3, 4]);
    expect(g.details?.[0]).toMatch(
      /^5\.20000, 45\.20000 \(converti du Lambert-93\) : à 8\d km du département$/,
    );
    // Inside the département's box, but in no commune and 3 km beyond the nearest one.
    expect(g.details?.[1]).toMatch(/^5\.48000, 46\.38000 : à 1\d km du département$/);
  });

  it('keeps a point far from the commune the row names, flagged with the distance', () => {
    expect(sites.map((s) => s.name)).toEqual(['Mauvaise commune', 'Bien placé']);
    expect(report.warnings).toEqual([
      {
        code: 'point_far_from_commune',
        label: 'point loin de la commune du fichier (ligne gardée, à vérifier)',
        count: 1,
        lines: [5],
        details: ['5.40000, 46.15000 : à 14 km de Abergement-le-Grand (01001)'],
      },
    ]);
  });

  it('flags it by the chef-lieu when the polygons are not known', () => {
    const r = parseOffer(readCsvText(lines.join('\n'), 'o.csv'), ctx());
    // Without the polygons, the point between two communes is not known to be outside either.
    expect(r.report.warnings?.[0]?.details).toEqual([
      '5.48000, 46.38000 : à 38 km de Abergement-le-Grand (01001)',
      '5.40000, 46.15000 : à 16 km de Abergement-le-Grand (01001)',
    ]);
  });
});
