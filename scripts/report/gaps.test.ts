/**
 * The coverage and mobility reports on the demo: golden files of their tables (a mismatch writes
 * the new output beside the expected one, see golden.ts), sums that must hold, and the options.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../lib/demo-db.ts';
import { sharedDemo, sharedDemoDb } from '../lib/test-fixtures.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { defaultCoverageAssumptions } from '../../src/domain/gaps/coverage.ts';
import { defaultMobilityAssumptions } from '../../src/domain/gaps/mobility.ts';
import {
  coverageAssumptionsFrom,
  coverageCsv,
  coverageReportFromDb,
  parseGapsArgs,
} from './gaps.ts';
import { compareGolden } from './golden.ts';
import {
  mobilityAssumptionsFrom,
  mobilityCsv,
  mobilityReportFromDb,
  parseMobilityArgs,
} from './mobility.ts';

let demo: DatasetBundle;
let loaded: LoadedDataset;

beforeAll(async () => {
  demo = sharedDemo();
  loaded = await sharedDemoDb();
});

/** A report as JSON, its travel model by id only (the model's own tests cover its texts). */
const json = (r: { model: { id: string } }) =>
  `${JSON.stringify({ ...r, model: { id: r.model.id } }, null, 2)}\n`;

/** Compares every file of a test before failing, so that one run writes every new output. */
const goldens = () => {
  const failures: string[] = [];
  return {
    check: (name: string, text: string) => {
      const f = compareGolden(name, text);
      if (f) failures.push(f);
    },
    done: () => expect(failures).toEqual([]),
  };
};

describe('coverage report on the demo', () => {
  it('matches its golden files', async () => {
    const golden = goldens();
    const a = defaultCoverageAssumptions();
    golden.check(
      'gaps-pti-remobilisation.csv',
      coverageCsv(await coverageReportFromDb(loaded.db, loaded.meta, a, { schemeId: 'pti' })),
    );
    const accueil = await coverageReportFromDb(
      loaded.db,
      loaded.meta,
      { ...a, axis: 'accueil', mode: 'sans-voiture', concernedShare: 0.5 },
      { schemeId: 'epci' },
    );
    golden.check('gaps-epci-accueil-sans-voiture.csv', coverageCsv(accueil));
    const { communes: _c, ...rest } = await coverageReportFromDb(
      loaded.db,
      loaded.meta,
      { ...a, axis: 'mobilite' },
      { schemeId: 'bv2022' },
    );
    golden.check('gaps-bv2022-mobilite.json', json(rest));
    golden.done();
  });

  it('adds up: served, beyond the places and out of reach make the concerned beneficiaries', async () => {
    for (const axis of ['accueil', 'iae', 'garde_enfants'] as const) {
      const r = await coverageReportFromDb(loaded.db, loaded.meta, {
        ...defaultCoverageAssumptions(),
        axis,
      });
      const t = r.total;
      expect(t.served! + t.overCapacity! + t.outOfReach!).toBeCloseTo(t.concerned!, 6);
      expect(t.need).toBe(
        demo.needs.filter((n) => n.indicator === 'rsa_foyers').reduce((s, n) => s + n.value!, 0),
      );
      const sum = (k: 'sites' | 'places' | 'communesOutOfReach') =>
        r.rows.reduce((s, x) => s + x[k], 0);
      expect([sum('sites'), sum('places'), sum('communesOutOfReach')]).toEqual([
        t.sites,
        t.places,
        t.communesOutOfReach,
      ]);
      expect(t.sites).toBe(demo.sites.filter((s) => s.axes.includes(axis)).length);
      // Competition ranks: 1 + the number of scores higher at the precision shown, so that
      // equal scores share a rank.
      const shown = (x: number) => Math.round(x * 10);
      for (const x of r.rows) {
        const higher = r.rows.filter((y) => shown(y.score!) > shown(x.score!)).length;
        expect(x.rank, x.name).toBe(higher + 1);
      }
    }
  });

  it('counts every sited person once: the commune rows sum to the département', async () => {
    const r = await coverageReportFromDb(loaded.db, loaded.meta, defaultCoverageAssumptions(), {
      schemeId: 'commune',
    });
    expect(r.rows).toHaveLength(demo.communes.length);
    const served = r.communes.reduce((s, c) => s + (c.served ?? 0), 0);
    expect(served).toBeCloseTo(r.total.served!, 6);
    // Every place of the axis is within someone's reach in the demo, and demand exceeds places.
    expect(r.total.served! + r.total.servedByUnknown!).toBeLessThanOrEqual(
      r.total.places + (r.total.sitesUnknownCapacity > 0 ? Infinity : 0),
    );
  });

  it('reads its options and refuses bad ones with a clear message', () => {
    const a = coverageAssumptionsFrom(
      parseGapsArgs([
        '--axis',
        'iae',
        '--minutes',
        '45',
        '--mode',
        'sans-voiture',
        '--share',
        '40',
        '--unknown-capacity',
        'zero',
      ]),
    );
    expect(a).toEqual({
      axis: 'iae',
      maxMinutes: 45,
      mode: 'sans-voiture',
      concernedShare: 0.4,
      unknownCapacity: 'zero',
    });
    expect(() => coverageAssumptionsFrom(parseGapsArgs(['--axis', 'velo']))).toThrow(/axe inconnu/);
    expect(() => coverageAssumptionsFrom(parseGapsArgs(['--share', '0']))).toThrow(/--share/);
    expect(() => parseGapsArgs(['--inconnu'])).toThrow();
  });
});

describe('mobility report on the demo', () => {
  it('matches its golden files', async () => {
    const golden = goldens();
    const a = defaultMobilityAssumptions();
    golden.check(
      'mobility-bv2022-k3.csv',
      mobilityCsv(
        await mobilityReportFromDb(loaded.db, loaded.meta, a, {
          schemeId: 'bv2022',
          siting: { k: 3, capacityPerYear: 'default' },
        }),
      ),
    );
    const pti = await mobilityReportFromDb(
      loaded.db,
      loaded.meta,
      { ...a, mode: 'voiture', capacityYears: 2 },
      { schemeId: 'pti' },
    );
    golden.check('mobility-pti-voiture.json', json(pti));
    golden.done();
  });

  it('uses the survey shares of the PTI territories, and adds up', async () => {
    const r = await mobilityReportFromDb(loaded.db, loaded.meta, defaultMobilityAssumptions(), {
      schemeId: 'pti',
    });
    expect(r.barrierSchemeId).toBe('pti');
    for (const row of r.rows) {
      expect(row.shareOrigin).toBe('territory');
      const rows = demo.barriers.filter((b) => b.territoryCode === row.code);
      const share = rows
        .filter((b) => r.assumptions.answers.includes(b.answer as never))
        .reduce((s, b) => s + b.share, 0);
      expect(row.share!).toBeCloseTo(share, 6);
      expect(row.supportNeed!).toBeCloseTo(row.need! * share, 6);
    }
    const t = r.total;
    expect(t.served! + t.unmet!).toBeCloseTo(t.supportNeed!, 6);
    expect(t.services).toBe(demo.sites.filter((s) => s.kind === 'mobilite').length);
  });

  it('applies the shares a scenario enters for a territory, there only', async () => {
    const a = defaultMobilityAssumptions();
    const before = await mobilityReportFromDb(loaded.db, loaded.meta, a, { schemeId: 'pti' });
    const [first, second] = before.rows;
    const entered = {
      aucune_difficulte: 0.5,
      mobile_plus_25km: 0.1,
      mobile_moins_25km: 0.1,
      vehicule_avec_difficultes: 0.1,
      transports_en_commun_seulement: 0.1,
      aucun_moyen: 0.1,
    };
    const after = await mobilityReportFromDb(loaded.db, loaded.meta, a, {
      schemeId: 'pti',
      barrierEdits: { schemeId: 'pti', rows: {}, shares: { [first!.code]: entered } },
    });
    const row = after.rows.find((r) => r.code === first!.code)!;
    const share = a.answers.reduce((s, k) => s + entered[k], 0);
    expect(row.share!).toBeCloseTo(share, 9);
    expect(row.supportNeed!).toBeCloseTo(row.need! * share, 6);
    expect(row.share).not.toBeCloseTo(first!.share!, 3);
    expect(after.rows.find((r) => r.code === second!.code)!.share).toBe(second!.share);
  });

  it('reads its options and refuses bad ones with a clear message', () => {
    const a = mobilityAssumptionsFrom(
      parseMobilityArgs(['--answers', 'aucun_moyen', '--years', '2', '--share-override', '30']),
    );
    expect(a).toMatchObject({ answers: ['aucun_moyen'], capacityYears: 2, shareOverride: 0.3 });
    expect(() => mobilityAssumptionsFrom(parseMobilityArgs(['--answers', 'velo']))).toThrow(
      /réponses inconnues/,
    );
    expect(() => mobilityAssumptionsFrom(parseMobilityArgs(['--years', '20']))).toThrow(/--years/);
  });
});
