/**
 * What the app shows of the real départements (skipped, with a message, without the open data):
 * the legend of Filosofi on Meuse counts its communes without a value, SIAE places in Couverture
 * are unknown rather than 0, an axis without sites draws nothing but « non renseigné », and the
 * table of the sites says « inconnue » where the capacity is not given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageReportFromDb } from '../../scripts/report/gaps.ts';
import { buildDepartement } from '../../scripts/opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from '../../scripts/opendata/opendata-dir.ts';
import { loadBundle, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { communeTerritories, territoryAggregates } from '../data/queries/territories.ts';
import { defaultCoverageAssumptions } from '../domain/gaps/coverage.ts';
import { indicatorById } from '../domain/indicators.ts';
import { ACCUEIL_KINDS } from '../domain/model.ts';
import { siteCsvCells, siteRows } from '../domain/site-table.ts';
import { stateLegendItems } from './legend-items.ts';
import { COVERAGE_MEASURES, coveragePer100Figure } from '../state/gaps.svelte.ts';
import { choropleth } from '../state/territory-measure.svelte.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_OPENDATA)('what the app shows of the real départements', () => {
  const loaded = new Map<string, LoadedDataset>();
  beforeAll(async () => {
    for (const dep of ['55', '62']) {
      loaded.set(dep, await loadBundle(buildDepartement({ dep, from: OPENDATA_DIR }).bundle));
    }
  }, 120_000);
  afterAll(async () => {
    for (const l of loaded.values()) await l.db.close();
  });

  it('Meuse, Filosofi by commune: the legend counts the communes « non renseigné »', async () => {
    const { db } = loaded.get('55')!;
    const rows = await territoryAggregates(db, {
      schemeId: 'commune',
      needId: 'menages_pauvres',
      accueilKinds: ACCUEIL_KINDS,
    });
    const rate = indicatorById('taux_besoin');
    const missing = rows.filter((r) => rate.figure(r).state === 'missing').length;
    expect(missing).toBe(487);
    expect(stateLegendItems([{ state: 'missing', count: missing }])[0]!.label).toBe(
      'Non renseigné : 487 communes',
    );
  });

  it('Pas-de-Calais, Couverture: SIAE places unknown, an axis without sites withheld', async () => {
    const { db, meta } = loaded.get('62')!;
    const iae = await coverageReportFromDb(
      db,
      meta,
      { ...defaultCoverageAssumptions(), axis: 'iae' },
      { schemeId: 'epci' },
    );
    expect(iae.total.sites).toBeGreaterThan(0);
    expect(iae.total.places).toBe(0);
    expect(coveragePer100Figure(iae.total)).toMatchObject({ value: null, state: 'unknown' });
    const remob = await coverageReportFromDb(
      db,
      meta,
      { ...defaultCoverageAssumptions(), axis: 'remobilisation' },
      { schemeId: 'epci' },
    );
    expect(remob.axisSites).toBe(0);
    const territoryOf = await communeTerritories(db, 'epci');
    const map = choropleth(remob.rows, COVERAGE_MEASURES[0]!, territoryOf, true);
    expect(new Set(map.communeClass.values())).toEqual(new Set(['missing']));
    expect(map.classes).toBeNull();
  });

  it('Pas-de-Calais, the table of the sites: SIAE capacities « inconnue », an empty cell in the export', () => {
    const { bundle } = buildDepartement({ dep: '62', from: OPENDATA_DIR });
    const rows = siteRows(
      bundle.sites,
      new Map(bundle.communes.map((c) => [c.code, c.name])),
      new Map(bundle.meta.sources.map((s) => [s.id, s])),
      { kinds: ['siae'], hiddenAxes: [] },
    );
    expect(rows.length).toBe(bundle.sites.filter((s) => s.kind === 'siae').length);
    expect(rows.every((r) => r.capacityStatus === 'inconnue' && r.capacity === null)).toBe(true);
    const cells = siteCsvCells(rows[0]!);
    expect(cells[4]).toBeNull();
    expect(cells[5]).toBe('inconnue');
    expect(rows[0]!.sourceDate).toBe('2019-07');
  });
});
