/**
 * The coverage and mobility reports on the real départements of the seeds (62, 34, 55), built in
 * memory from the open-data folder (skipped, with a message, when it is absent; nothing of it is
 * written into the project): the figures that can be checked independently — sites of each axis
 * and their places by territory, beneficiaries by territory — equal a direct count over the
 * built records, and the split adds up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AXES, type DatasetMeta } from '../../src/domain/model.ts';
import type { DatasetBundle } from '../../src/domain/dataset.ts';
import { defaultCoverageAssumptions } from '../../src/domain/gaps/coverage.ts';
import { defaultMobilityAssumptions } from '../../src/domain/gaps/mobility.ts';
import { surveyDepartementShare } from '../../src/domain/gaps/barriers.ts';
import { loadBundle, type LoadedDataset } from '../lib/demo-db.ts';
import { buildDepartement } from '../opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from '../opendata/opendata-dir.ts';
import { coverageReportFromDb } from './gaps.ts';
import { mobilityReportFromDb } from './mobility.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_OPENDATA).each(['62', '34', '55'])('real département %s', (dep) => {
  let bundle: DatasetBundle;
  let loaded: LoadedDataset;
  let meta: DatasetMeta;

  beforeAll(async () => {
    bundle = buildDepartement({ dep, from: OPENDATA_DIR }).bundle;
    loaded = await loadBundle(bundle);
    meta = loaded.meta;
  });
  afterAll(() => loaded?.db.close());

  /** Territory of every commune in a scheme, from the built memberships. */
  const territoryOf = (scheme: string) =>
    new Map(
      bundle.memberships
        .filter((m) => m.schemeId === scheme)
        .map((m) => [m.communeCode, m.territoryCode]),
    );

  it('counts the sites and places of every axis by territory as a direct count does', async () => {
    for (const scheme of ['bv2022', 'epci']) {
      const of = territoryOf(scheme);
      for (const axis of AXES) {
        const r = await coverageReportFromDb(
          loaded.db,
          meta,
          { ...defaultCoverageAssumptions(), axis },
          { schemeId: scheme },
        );
        const direct = new Map<string, { sites: number; places: number; unknown: number }>();
        // Sites of neighbouring départements count for the times, not as the département's offer.
        const own = bundle.sites.filter((s) => of.has(s.communeCode));
        for (const s of own) {
          if (!s.axes.includes(axis)) continue;
          const t = of.get(s.communeCode)!;
          const d = direct.get(t) ?? { sites: 0, places: 0, unknown: 0 };
          d.sites++;
          if (s.capacity === null) d.unknown++;
          else d.places += s.capacity;
          direct.set(t, d);
        }
        for (const row of r.rows) {
          const d = direct.get(row.code) ?? { sites: 0, places: 0, unknown: 0 };
          expect([row.sites, row.places, row.sitesUnknownCapacity], `${scheme} ${axis}`).toEqual([
            d.sites,
            d.places,
            d.unknown,
          ]);
        }
        expect(r.total.sites).toBe(own.filter((s) => s.axes.includes(axis)).length);
        expect(r.unplacedSites).toEqual([]);
      }
    }
  });

  it('counts the beneficiaries of every territory as a direct count does, and adds up', async () => {
    const r = await coverageReportFromDb(
      loaded.db,
      meta,
      { ...defaultCoverageAssumptions(), axis: 'accueil' },
      { schemeId: 'bv2022' },
    );
    const of = territoryOf('bv2022');
    const direct = new Map<string, number>();
    for (const n of bundle.needs) {
      if (n.indicator !== meta.defaultNeed) continue;
      const t = of.get(n.communeCode)!;
      direct.set(t, (direct.get(t) ?? 0) + n.value!);
    }
    expect(r.rows.length).toBe(new Set(of.values()).size);
    for (const row of r.rows) expect(row.need, row.name).toBeCloseTo(direct.get(row.code) ?? 0, 6);
    const t = r.total;
    expect(t.served! + t.overCapacity! + t.outOfReach!).toBeCloseTo(t.concerned!, 4);
    expect(t.communes).toBe(bundle.communes.length);
    // France Services have no capacity: everyone within reach is served, flagged as such.
    expect(t.overCapacity).toBe(0);
    expect(t.servedByUnknown!).toBeGreaterThan(0);
  });

  it('estimates the mobility need with the Pas-de-Calais département share, said as such', async () => {
    const a = defaultMobilityAssumptions();
    const r = await mobilityReportFromDb(loaded.db, meta, a, {
      schemeId: 'bv2022',
      siting: { k: 3, capacityPerYear: 'default' },
    });
    // No survey in a real build and no mobility service in the open data.
    expect(r.barrierSchemeId).toBeNull();
    const share = surveyDepartementShare(a.answers);
    for (const row of r.rows) {
      expect(row.shareOrigin).toBe('default');
      expect(row.supportNeed!).toBeCloseTo(row.need! * share, 6);
    }
    expect(r.total.services).toBe(bundle.sites.filter((s) => s.kind === 'mobilite').length);
    expect(r.total.unmet!).toBeCloseTo(r.total.supportNeed! - r.total.served!, 4);
    // Without a known platform capacity, the siting counts every unmet need within reach.
    expect(r.siting!.capacityPerYear).toBeNull();
    expect(r.siting!.picks.length).toBe(3);
    expect(r.siting!.totalGain).toBeGreaterThan(0);
  });
});
