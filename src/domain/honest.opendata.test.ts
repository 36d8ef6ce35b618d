/**
 * Honest figures on the real départements (skipped, with a message, without the open data):
 * Filosofi on Meuse says over how many communes it is computed, no kind is counted by default
 * that has no site, the coverage opens on an axis that has sites, and the Pas-de-Calais applies
 * its survey by territory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mobilityReportFromDb } from '../../scripts/report/mobility.ts';
import { defaultMobilityAssumptions } from './gaps/mobility.ts';
import { TRANSPORT_SHARES_PERCENT } from './survey-pas-de-calais.ts';
import { buildDepartement } from '../../scripts/opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from '../../scripts/opendata/opendata-dir.ts';
import { loadBundle, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { territoryAggregates } from '../data/queries/territories.ts';
import {
  defaultAccueilKinds,
  defaultCoverageAxis,
  kindsWithoutSites,
  offerCompleteness,
} from './completeness.ts';
import { DEFAULT_COVERAGE_AXIS } from './gaps/coverage.ts';
import { indicatorById, needFigure } from './indicators.ts';
import { ACCUEIL_KINDS } from './model.ts';
import { coverageText, figureStatus } from './value-state.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

const today = new Date(Date.UTC(2026, 0, 1));

describe.skipIf(!HAS_OPENDATA)('honest figures on real départements', () => {
  const loaded = new Map<string, LoadedDataset>();
  const build = (dep: string) => buildDepartement({ dep, from: OPENDATA_DIR }).bundle;
  beforeAll(async () => {
    for (const dep of ['55', '62']) loaded.set(dep, await loadBundle(build(dep)));
  }, 120_000);
  afterAll(async () => {
    for (const l of loaded.values()) await l.db.close();
  });

  it('Meuse: Filosofi says "sur 12 communes renseignées sur 499" and is not the département total', async () => {
    const { db } = loaded.get('55')!;
    const params = { needId: 'menages_pauvres', accueilKinds: ACCUEIL_KINDS };
    const [dep] = await territoryAggregates(db, { ...params, schemeId: 'departement' });
    expect(dep!.needParts).toMatchObject({ known: 12, missing: 487, secret: 0 });
    expect(dep!.need).toBeNull();
    const f = needFigure(dep!);
    expect(coverageText(f)).toBe('sur 12 communes renseignées sur 499');
    // The 12 communes hold less than half of the population: the total is withheld.
    expect(f.value).toBeNull();
    expect(figureStatus(f)).toMatch(/^non renseigné : sur 12 communes renseignées sur 499, \d+ %/);
    // Commune by commune: 487 communes without a value, none drawn as 0.
    const communes = await territoryAggregates(db, { ...params, schemeId: 'commune' });
    const rate = indicatorById('taux_besoin');
    const states = communes.map((c) => rate.figure(c).state);
    expect(states.filter((s) => s === 'missing')).toHaveLength(487);
    expect(communes.filter((c) => rate.value(c) === 0)).toHaveLength(0);
    const velaines = communes.find((c) => c.name === 'Velaines')!;
    expect(figureStatus(rate.figure(velaines))).toBe('non renseigné');
  });

  it('real builds: places of SIAE with unknown capacities are « inconnu », not 0', async () => {
    const { db } = loaded.get('62')!;
    const [dep] = await territoryAggregates(db, {
      schemeId: 'departement',
      needId: 'demandeurs_emploi',
      accueilKinds: ACCUEIL_KINDS,
    });
    expect(dep!.offerUnknownCapacity).toBe(dep!.offerSites);
    expect(indicatorById('places_pour_100').figure(dep!).state).toBe('unknown');
  });

  it('dep-62 with a PTI file: each territory applies its own survey row, matched by name', async () => {
    // A PTI file written for the test from the zones d'emploi (not the real PTI composition,
    // which is not in the open data), under the names the Pas-de-Calais territories go by.
    const names: Record<string, string> = {
      Arras: "Territoire de l'Arrageois",
      Berck: 'Montreuillois',
      'Saint-Omer': 'Audomarois',
      Béthune: 'Artois',
      'Boulogne-sur-Mer': 'Boulonnais',
      Lens: 'Lens-Liévin',
      Calais: 'Calaisis',
    };
    const base = build('62');
    const ze = new Map(
      base.territories.filter((t) => t.schemeId === 'ze2020').map((t) => [t.code, t.name]),
    );
    const lines = base.memberships
      .filter((m) => m.schemeId === 'ze2020')
      .map(
        (m) => `${names[ze.get(m.territoryCode)!] ?? 'Franges du département'},${m.communeCode}`,
      );
    const dir = mkdtempSync(join(tmpdir(), 'pti62-'));
    const file = join(dir, 'pti-62-test.csv');
    writeFileSync(file, `territoire,code_insee\n${lines.join('\n')}\n`);
    const withPti = await loadBundle(
      buildDepartement({ dep: '62', from: OPENDATA_DIR, pti: file }).bundle,
    );
    try {
      const r = await mobilityReportFromDb(withPti.db, withPti.meta, defaultMobilityAssumptions(), {
        schemeId: 'pti',
      });
      expect(r.barrierSchemeId).toBe('pti');
      const chosen = defaultMobilityAssumptions().answers;
      const share = (row: keyof typeof TRANSPORT_SHARES_PERCENT) =>
        chosen.reduce((sum, a) => sum + TRANSPORT_SHARES_PERCENT[row][a], 0) / 100;
      const byName = new Map(r.rows.map((x) => [x.name, x]));
      expect(byName.get('Lens-Liévin')).toMatchObject({ shareOrigin: 'territory' });
      expect(byName.get('Lens-Liévin')!.share).toBeCloseTo(share('Lensois'), 6);
      expect(byName.get('Boulonnais')!.share).toBeCloseTo(share('Boulonnais'), 6);
      const franges = byName.get('Franges du département')!;
      expect(franges.shareOrigin).toBe('default');
      expect(franges.share).toBeCloseTo(share('Département'), 6);
      expect(r.rowHypotheses[franges.code]).toContain(
        "hypothèse : ligne « Département » de l'enquête, 2009",
      );
      // The département's own survey: no "parts du Pas-de-Calais" badge in the Pas-de-Calais.
      expect(r.rowHypotheses[byName.get('Calaisis')!.code]!.join()).not.toMatch(/Pas-de-Calais/);
    } finally {
      await withPti.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['55', '62'])(
    'dep-%s: no kind ticked without sites, coverage on an axis with sites, flags shown',
    (dep) => {
      const bundle = build(dep);
      const kinds = defaultAccueilKinds(bundle.sites);
      expect(kinds).toEqual(['france_services']);
      expect(kindsWithoutSites(kinds, bundle.sites)).toEqual([]);
      expect(kindsWithoutSites(ACCUEIL_KINDS, bundle.sites)).toEqual(['mds', 'ccas']);
      const axis = defaultCoverageAxis(bundle.sites, DEFAULT_COVERAGE_AXIS);
      expect(bundle.sites.some((s) => s.axes.includes(axis))).toBe(true);
      expect(bundle.sites.some((s) => s.axes.includes(DEFAULT_COVERAGE_AXIS))).toBe(false);
      const c = offerCompleteness(bundle.sites, bundle.meta.sources, today);
      const flags = (k: string) => c.kinds.find((x) => x.kind === k)!.flags;
      expect(flags('mds')).toEqual(['no_site']);
      expect(flags('siae')).toEqual(['old_source', 'capacity_unknown']);
      expect(flags('france_travail')).toEqual(['old_source']);
      expect(flags('france_services')).toEqual([]);
    },
  );
});
