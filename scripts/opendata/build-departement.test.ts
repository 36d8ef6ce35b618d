/**
 * Real-data tests: the three départements of the seeds built from the official files in
 * OPENDATA_DIR (skipped, with a message, when the folder is absent). Expected figures are read
 * from the INSEE files themselves with a plain reader, not through the builder's parsers.
 */
import { spawnSync } from 'node:child_process';
import { BORDER_MARGIN_KM, nearCommunes } from './steps/sites.ts';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { area } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territoryAggregates } from '../../src/data/queries/territories.ts';
import { ACCUEIL_KINDS, type DatasetMeta } from '../../src/domain/model.ts';
import { loadBundle } from '../lib/demo-db.ts';
import { CommuneIndex } from '../../src/domain/import/commune-index.ts';
import { FRANCE_BOXES } from '../../src/domain/import/coordinates.ts';
import { wgs84ToLambert93 } from '../../src/domain/import/lambert93.ts';
import { parseFranceServices } from '../../src/domain/import/offer.ts';
import { buildDepartement, type BuildResult } from './build-departement.ts';
import { loadCog } from './cog.ts';
import { readTableFile } from './files.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from './opendata-dir.ts';
import { writeBuild } from './write-build.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

/** Quoted CSV rows of a simple file (no separators inside quotes in these INSEE tables). */
function rows(rel: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(OPENDATA_DIR, rel), 'utf8').trim().split(/\r?\n/);
  const cols = (head as string).split(',').map((c) => c.replace(/"/g, ''));
  return lines.map((l) =>
    Object.fromEntries(l.split(',').map((v, i) => [cols[i], v.replace(/"/g, '')])),
  );
}

const EXPECTED = {
  '62': { communes: 890, franceServices: 50 },
  '34': { communes: 342, franceServices: 58 },
  '55': { communes: 499, franceServices: 22 },
} as const;

describe.skipIf(!HAS_OPENDATA)('real départements built from the open-data files', () => {
  const built = new Map<string, BuildResult>();
  let appartenance: Record<string, string>[];
  let population: Record<string, string>[];

  beforeAll(() => {
    appartenance = rows('territoires/insee_appartenance_communes_cog2024.csv');
    population = rows('population/insee_pop_municipale_2021_cog2024.csv');
    for (const dep of Object.keys(EXPECTED))
      built.set(dep, buildDepartement({ dep, from: OPENDATA_DIR }));
  });

  describe.each(Object.entries(EXPECTED))('%s', (dep, expected) => {
    const get = () => built.get(dep)!;

    it(`has the ${expected.communes} communes of the COG 2024, each with a polygon`, () => {
      const { bundle } = get();
      expect(bundle.communes).toHaveLength(expected.communes);
      const insee = appartenance
        .filter((r) => r.DEP === dep)
        .map((r) => r.CODGEO)
        .sort();
      expect(bundle.communes.map((c) => c.code).sort()).toEqual(insee);
      for (const c of bundle.communes) expect(bundle.polygons.has(c.code)).toBe(true);
    });

    it('has the population total of the INSEE file', () => {
      const total = population
        .filter((r) => r.CODGEO?.startsWith(dep))
        .reduce((s, r) => s + Number(r.POP), 0);
      expect(get().bundle.communes.reduce((s, c) => s + c.population, 0)).toBe(total);
      expect(get().bundle.meta.populationSourceId).toBe('insee-population-2021');
    });

    it(`has the ${expected.franceServices} France Services of the ANCT list`, () => {
      const own = new Set(get().bundle.communes.map((c) => c.code));
      const fs = get().bundle.sites.filter((s) => s.kind === 'france_services');
      expect(fs.filter((s) => own.has(s.communeCode))).toHaveLength(expected.franceServices);
      const border = fs.filter((s) => !own.has(s.communeCode));
      const report = get().reports.find((r) => r.fileName.startsWith('france-services'))!;
      expect([report.kept, report.rejectedRows]).toEqual([fs.length, 0]);
      // The neighbours' France Services near the border count for the nearest-site times.
      expect(border.length).toBeGreaterThan(0);
      const near = nearCommunes(get().bundle.communes, BORDER_MARGIN_KM);
      for (const s of border) {
        expect(s.detail, s.id).toMatch(/^hors département/);
        expect(near(s.lon, s.lat), s.id).toBe(true);
      }
    });

    it('gives every commune the BV2022, ZE2020 and EPCI of the INSEE table', () => {
      const { bundle } = get();
      for (const scheme of ['bv2022', 'ze2020', 'epci'] as const) {
        const of = new Map(
          bundle.memberships
            .filter((m) => m.schemeId === scheme)
            .map((m) => [m.communeCode, m.territoryCode]),
        );
        const column = { bv2022: 'BV2022', ze2020: 'ZE2020', epci: 'EPCI' }[scheme];
        const mismatches = appartenance.filter(
          (r) => r.DEP === dep && of.get(r.CODGEO!) !== r[column],
        );
        expect(mismatches, scheme).toEqual([]);
      }
      const bvNames = new Map(
        bundle.territories.filter((t) => t.schemeId === 'bv2022').map((t) => [t.code, t.name]),
      );
      expect([...bvNames.values()].every((n) => !/^\d+$/.test(n))).toBe(true);
    });

    it('says which need indicator it uses, absent RSA data', () => {
      const { meta } = get().bundle;
      expect(meta.defaultNeed).toBe('demandeurs_emploi');
      expect(meta.needIndicators.map((n) => n.id)).toEqual([
        'demandeurs_emploi',
        'menages_pauvres',
      ]);
      const sourceIds = new Set(meta.sources.map((s) => s.id));
      for (const n of meta.needIndicators) expect(sourceIds.has(n.sourceId)).toBe(true);
      for (const s of get().bundle.sites) expect(sourceIds.has(s.sourceId), s.sourceId).toBe(true);
    });

    it('places every site in a commune of the département, but those of its neighbours', () => {
      const { bundle } = get();
      const codes = new Set(bundle.communes.map((c) => c.code));
      for (const s of bundle.sites)
        expect(codes.has(s.communeCode) || s.detail.startsWith('hors département'), s.id).toBe(
          true,
        );
      expect(new Set(bundle.sites.map((s) => s.id)).size).toBe(bundle.sites.length);
    });
  });

  it('remaps the commune merged since the 2018 contours (62210 → 62154) and dissolves its polygon', () => {
    const { bundle, reports } = built.get('62')!;
    const contours = reports.find((r) => r.inputId === 'contours')!;
    expect(contours.remaps.map((r) => [r.from, r.to])).toEqual([['62210', '62154']]);
    expect(contours.remaps[0]?.reason).toContain('fusion 2018-09-25');
    const fc = JSON.parse(
      readFileSync(
        join(OPENDATA_DIR, 'contours/france-geojson-2018/communes-62-pas-de-calais.geojson'),
        'utf8',
      ),
    ) as FeatureCollection;
    const parts = fc.features.filter((f) =>
      ['62154', '62210'].includes(String(f.properties?.code)),
    );
    const expectedArea = parts.reduce((s, f) => s + area(f), 0) / 1e6;
    expect(bundle.communes.find((c) => c.code === '62154')!.areaKm2).toBeCloseTo(expectedArea, 1);
    expect(bundle.polygons.get('62154')!.type).toBe('Polygon');
    // The app's imports remap it too, with the former communes the meta carries.
    expect(bundle.meta.formerCommunes).toContainEqual({
      code: '62210',
      name: '62210',
      currentCode: '62154',
    });
  });

  it.each([
    ['13', '13055', 13],
    ['69', '69123', 5],
    ['75', '75056', 11],
  ])(
    'keeps the France Services of the arrondissements of %s, in their commune',
    (dep, city, count) => {
      const cog = loadCog(dep);
      const r = parseFranceServices(
        readTableFile(join(OPENDATA_DIR, 'accueil/france-services-20240801.csv')),
        {
          dep,
          communes: new CommuneIndex(cog.communes, cog.formers),
          bbox: FRANCE_BOXES[0]!.box,
          sourceId: 'fs',
          idPrefix: 'fs',
          inputId: 'fs',
          label: 'France Services',
        },
      );
      expect(r.report.rejectedRows).toBe(0);
      expect(r.sites.filter((s) => s.communeCode === city)).toHaveLength(count);
      expect(r.report.repairs.find((g) => g.code === 'arrondissement')?.count).toBe(count);
    },
  );

  it.each([
    ['34', 'communes-34-herault.geojson', [['34330', '34246']]],
    [
      '55',
      'communes-55-meuse.geojson',
      [
        ['55030', '55150'],
        ['55164', '55537'],
      ],
    ],
  ])('brings the 2018 contours of %s to the COG 2024', (dep, file, remaps) => {
    const r = buildDepartement({
      dep,
      from: OPENDATA_DIR,
      contours: join(OPENDATA_DIR, 'contours/france-geojson-2018', file),
    });
    expect(r.bundle.communes).toHaveLength(EXPECTED[dep as '34' | '55'].communes);
    const contours = r.reports.find((x) => x.inputId === 'contours')!;
    expect(contours.remaps.map((x) => [x.from, x.to])).toEqual(remaps);
    expect(contours.rejectedRows).toBe(0);
  });

  describe('written and loaded like the app loads it', () => {
    let out: string;
    beforeAll(() => {
      out = mkdtempSync(join(tmpdir(), 'dep-build-'));
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('writes the artefacts, the reports and the manifest entry', async () => {
      const result = built.get('55')!;
      const dir = writeBuild(result, out);
      for (const f of ['meta.json', 'communes.topo.json', 'sites.arrow', 'reports.json'])
        expect(existsSync(join(dir, f)), f).toBe(true);
      const manifest = JSON.parse(readFileSync(join(out, 'datasets.json'), 'utf8')) as {
        id: string;
      }[];
      expect(manifest.map((e) => e.id)).toEqual(['dep-55']);
      const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as DatasetMeta;
      expect(meta.reports).toBe('reports.json');
      const loaded = await loadBundle(result.bundle);
      try {
        const rows = await territoryAggregates(loaded.db, {
          schemeId: 'bv2022',
          needId: meta.defaultNeed,
          accueilKinds: ACCUEIL_KINDS,
        });
        expect(rows).toHaveLength(20);
        expect(rows.reduce((s, r) => s + r.population, 0)).toBe(
          result.bundle.communes.reduce((s, c) => s + c.population, 0),
        );
        expect(rows.reduce((s, r) => s + r.accueilSites, 0)).toBe(22);
      } finally {
        await loaded.db.close();
      }
    });

    it('uses CAF RSA households as the need when given, and says its millésime', () => {
      const codes = built.get('55')!.bundle.communes.map((c) => c.code);
      // Invented values in the CAF format, for a handful of real codes: a fixture, not data.
      const caf = join(out, 'caf-rsa-fictif.csv');
      const lines = [
        'dtreffre;numcomdo;nomcom;indfoy_rsa',
        ...codes.slice(0, 5).map((c, i) => `2023-12-31;${c};X;${(i + 1) * 10}`),
        '2023-12-31;55999;INCONNUE;5',
      ];
      writeFileSync(caf, lines.join('\n'));
      const r = buildDepartement({ dep: '55', from: OPENDATA_DIR, caf });
      expect(r.bundle.meta.defaultNeed).toBe('rsa_foyers');
      expect(
        r.bundle.needs.filter((n) => n.indicator === 'rsa_foyers').map((n) => n.value),
      ).toEqual([10, 20, 30, 40, 50]);
      expect(r.bundle.meta.sources.find((s) => s.id === 'caf-rsa')?.millesime).toBe(
        'décembre 2023',
      );
      const report = r.reports.find((x) => x.inputId === 'caf-rsa')!;
      expect(report.rejections).toMatchObject([{ code: 'insee_unknown', lines: [7] }]);
    });

    const CAF_HEADER = 'dtreffre;numcomdo;nomcom;indfoy_rsa';
    it.each([
      ['empty', '', /« caf-empty\.csv » refusé : fichier vide/],
      [
        'header-only',
        CAF_HEADER + '\r\n',
        /« caf-header-only\.csv » \(Foyers allocataires du RSA \(CAF\)\) refusé : aucune ligne de données/,
      ],
      [
        'all-rejected',
        `${CAF_HEADER}\n2023-12-31;55999;X;5\n2023-12-31;5 5 X;Y;3\n`,
        /refusé : aucune ligne retenue : 2 rejetée\(s\), voir le rapport \(ligne 2 : code INSEE inconnu dans le département : 55999 ; ligne 3 : code INSEE mal formé : « 5 5 X »\)/,
      ],
      [
        'other-departements',
        `${CAF_HEADER}\n2023-12-31;62041;X;5\n`,
        /refusé : aucune ligne retenue : 1 d’autres départements/,
      ],
      [
        'columns-missing',
        'code;valeur\n55001;5\n',
        /colonne\(s\) attendue\(s\) absente\(s\) : « numcomdo »/,
      ],
    ])('refuses a CAF file that keeps no row (%s), with its reason', (name, text, message) => {
      const caf = join(out, `caf-${name}.csv`);
      writeFileSync(caf, text);
      expect(() => buildDepartement({ dep: '55', from: OPENDATA_DIR, caf })).toThrow(message);
    });

    it('reads commune contours given in Lambert-93 as the same communes, converted', () => {
      const file = join(OPENDATA_DIR, 'contours/france-geojson-2018/communes-55-meuse.geojson');
      const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
      const project = (c: unknown): unknown =>
        typeof (c as number[])[0] === 'number'
          ? wgs84ToLambert93((c as number[])[0]!, (c as number[])[1]!)
          : (c as unknown[]).map(project);
      for (const f of fc.features)
        (f.geometry as { coordinates: unknown }).coordinates = project(
          (f.geometry as { coordinates: unknown }).coordinates,
        );
      const l93 = join(out, 'communes-55-lambert93.geojson');
      writeFileSync(l93, JSON.stringify(fc));
      const r = buildDepartement({ dep: '55', from: OPENDATA_DIR, contours: l93 });
      const degrees = buildDepartement({ dep: '55', from: OPENDATA_DIR, contours: file });
      expect(r.bundle.communes).toHaveLength(499);
      const area = new Map(degrees.bundle.communes.map((c) => [c.code, c.areaKm2]));
      for (const c of r.bundle.communes) expect(c.areaKm2).toBeCloseTo(area.get(c.code)!, 2);
      const report = r.reports.find((x) => x.inputId === 'contours')!;
      expect(report.notes[0]).toMatch(/^Contours sans membre crs, en mètres .* lus en Lambert-93/);
    });

    it('refuses contours in another projected system, before the heavy steps', () => {
      const file = join(out, 'communes-55-3857.geojson');
      writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
          features: [
            {
              type: 'Feature',
              properties: { code: '55001' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [600_000, 6_250_000],
                    [601_000, 6_250_000],
                    [601_000, 6_251_000],
                    [600_000, 6_250_000],
                  ],
                ],
              },
            },
          ],
        }),
      );
      expect(() => buildDepartement({ dep: '55', from: OPENDATA_DIR, contours: file })).toThrow(
        '« communes-55-3857.geojson » refusé : système de coordonnées « urn:ogc:def:crs:EPSG::3857 » non pris en charge',
      );
    });

    it('exits non-zero on such a file and leaves the dataset written before as it was', () => {
      const metaFile = join(writeBuild(built.get('55')!, out), 'meta.json');
      const before = readFileSync(metaFile, 'utf8');
      expect((JSON.parse(before) as DatasetMeta).defaultNeed).toBe('demandeurs_emploi');
      const caf = join(out, 'caf-vide.csv');
      writeFileSync(caf, 'dtreffre;numcomdo;nomcom;indfoy_rsa\n');
      const run = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/build-data.ts',
          ...['--departement', '55', '--from', OPENDATA_DIR, '--caf', caf, '--out', out],
        ],
        { encoding: 'utf8', cwd: join(import.meta.dirname, '..', '..') },
      );
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        'Erreur : « caf-vide.csv » (Foyers allocataires du RSA (CAF)) refusé : aucune ligne de données. ' +
          'Rien n’a été écrit : le jeu de données précédent reste en place.',
      );
      expect(readFileSync(metaFile, 'utf8')).toBe(before);
    });
  });
});
