import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../lib/demo-db.ts';
import { sharedDemo, sharedDemoDb } from '../lib/test-fixtures.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { ACCUEIL_KINDS } from '../../src/domain/model.ts';
import { defaultAssumptions, type ReachScenario } from '../../src/domain/reach/scenario.ts';
import { compareGolden } from './golden.ts';
import { parseReachArgs, reachCsv, reachOptionsFrom, reachReportFromDb } from './reach.ts';

let demo: DatasetBundle;
let loaded: LoadedDataset;

beforeAll(async () => {
  demo = sharedDemo();
  loaded = await sharedDemoDb();
});

const report = (
  over: Partial<ReturnType<typeof defaultAssumptions>> = {},
  edits = [] as ReachScenario['edits'],
) =>
  reachReportFromDb(loaded.db, loaded.meta, {
    assumptions: { ...defaultAssumptions(), ...over },
    edits,
  });

describe('reach report on the demo', () => {
  it('matches its golden files', async () => {
    // Both files are compared before failing, so that one run writes every new output.
    const failures = [
      compareGolden('reach-pti-voiture.csv', reachCsv(await report(), { scheme: 'pti' })),
      compareGolden(
        'reach-communes-sans-voiture-45.csv',
        reachCsv(await report({ mode: 'sans-voiture', maxMinutes: 45 }), { communes: true }),
      ),
    ].filter((f) => f !== null);
    expect(failures).toEqual([]);
  });

  it('adds up: every scheme sums to the département, which counts every commune', async () => {
    const r = await report();
    expect(r.total.communes).toBe(demo.communes.length);
    expect(r.total.population).toBe(demo.communes.reduce((s, c) => s + c.population, 0));
    expect(r.total.need).toBe(
      demo.needs.filter((n) => n.indicator === 'rsa_foyers').reduce((s, n) => s + n.value!, 0),
    );
    for (const s of r.schemes) {
      const sum = (k: 'populationBeyond' | 'needBeyond' | 'communesBeyond') =>
        s.territories.reduce((acc, t) => acc + (t[k] ?? 0), 0);
      expect([sum('communesBeyond'), sum('populationBeyond'), sum('needBeyond')], s.id).toEqual([
        r.total.communesBeyond,
        r.total.populationBeyond,
        r.total.needBeyond,
      ]);
    }
    expect(r.communesBeyond).toHaveLength(r.total.communesBeyond);
    expect(r.total.communesBeyond).toBeGreaterThan(0);
    expect(r.delta).toEqual({ communesWithin: 0, populationWithin: 0, needWithin: 0 });
    expect(r.model.id).toBe('distance');
  });

  it('reaches fewer people without a car, and more within a longer threshold', async () => {
    const car = await report();
    const noCar = await report({ mode: 'sans-voiture' });
    const car45 = await report({ maxMinutes: 45 });
    expect(noCar.total.populationBeyond).toBeGreaterThan(car.total.populationBeyond);
    expect(car45.total.populationBeyond).toBeLessThan(car.total.populationBeyond);
    expect(noCar.model.approximation).toBe(true);
  });

  it('brings the commune of a new site within reach, and says by how much', async () => {
    const before = await report();
    const far = before.communesBeyond[0]!;
    const c = demo.communes.find((x) => x.code === far.code)!;
    const after = await report({}, [
      {
        op: 'open',
        site: {
          id: 'nouveau-1',
          name: 'Nouvel accueil',
          kind: 'france_services',
          lon: c.lon,
          lat: c.lat,
          communeCode: c.code,
          capacity: null,
        },
      },
    ]);
    expect(after.communesBeyond.some((x) => x.code === far.code)).toBe(false);
    expect(after.delta.needWithin).toBe(before.total.needBeyond! - after.total.needBeyond!);
    expect(after.delta.needWithin).toBeGreaterThanOrEqual(far.need!);
    expect(after.baseline).toEqual(before.total);
  });

  it('uses an imported matrix where it has pairs, and counts the communes it measured', async () => {
    const site = demo.sites.find((s) => ACCUEIL_KINDS.includes(s.kind))!;
    const before = await report();
    const far = before.communesBeyond[0]!;
    // A matrix saying the farthest commune is 1 minute from the first accueil site's commune.
    const text = `origin,destination,minutes\n${far.code},${site.communeCode},1\nXXXXX,${site.communeCode},3\n`;
    const log: string[] = [];
    const r = await reachReportFromDb(loaded.db, loaded.meta, {
      assumptions: defaultAssumptions(),
      edits: [],
      matrices: { voiture: { name: 'essai.csv', content: text } },
      log: (l) => log.push(l),
    });
    expect(r.model.id).toBe('matrice');
    expect(r.communesBeyond.some((x) => x.code === far.code)).toBe(false);
    expect(r.measuredCommunes).toBe(1);
    expect(r.assumptions.matrices).toEqual([
      { mode: 'voiture', name: 'essai.csv', pairs: 1, accessMinutes: 0 },
    ]);
    expect(log[0]).toMatch(/format long.*temps en minutes/);
    expect(log[0]).toMatch(/2 lignes lues, 2 paires, 1 gardées.*code d'origine mal formé : 1/);
  });

  it('writes CSV by territory and the list of communes', async () => {
    const r = await report();
    const csv = reachCsv(r, { scheme: 'pti' })
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe(
      'decoupage,code,territoire,communes,population,beneficiaires,communes_au_dela,population_au_dela,beneficiaires_au_dela',
    );
    expect(csv).toHaveLength(1 + demo.territories.filter((t) => t.schemeId === 'pti').length);
    const all = reachCsv(r);
    expect(all).not.toMatch(/^commune,/m);
    expect(all).toMatch(/^departement,00,/m);
    const communes = reachCsv(r, { communes: true }).trim().split('\r\n');
    expect(communes).toHaveLength(1 + r.total.communesBeyond);
    expect(() => reachCsv(r, { scheme: 'nope' })).toThrow(/Découpage inconnu/);
  });

  it('reads its options and the scenario file, refusing what does not fit', () => {
    const scenario: ReachScenario = {
      version: 1,
      datasetId: 'demo',
      edits: [{ op: 'close', siteId: 'demo-mds-001' }],
      assumptions: { ...defaultAssumptions(), maxMinutes: 45 },
    };
    const read = () => JSON.stringify(scenario);
    const o = reachOptionsFrom(
      parseReachArgs(['--scenario', 's.json', '--mode', 'sans-voiture']),
      read,
    );
    expect(o.datasetId).toBe('demo');
    expect(o.options.assumptions).toMatchObject({ maxMinutes: 45, mode: 'sans-voiture' });
    expect(o.options.edits).toEqual(scenario.edits);
    expect(() =>
      reachOptionsFrom(parseReachArgs(['--scenario', 's.json', '--dataset', 'dep-62']), read),
    ).toThrow(/porte sur le jeu « demo »/);
    expect(() => reachOptionsFrom(parseReachArgs(['--minutes', '0']), read)).toThrow(/--minutes/);
    expect(() => reachOptionsFrom(parseReachArgs(['--kinds', 'mds,gare']), read)).toThrow(/gare/);
    expect(() => reachOptionsFrom(parseReachArgs(['--mode', 'vélo']), read)).toThrow(/--mode/);
    expect(() => reachOptionsFrom(parseReachArgs(['--scenario', 'x']), () => '{')).toThrow(
      /Scénario illisible/,
    );
    expect(() => parseReachArgs(['--unknown'])).toThrow();
  });
});
