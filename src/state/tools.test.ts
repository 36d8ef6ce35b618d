/**
 * The state classes of the tools wired as the app wires them (one dataset, one explore view, one
 * scenario read by reach, coverage and mobility), on the demo loaded into a real DuckDB. What is
 * checked is what a user relies on: an edit moves every tool's figures, undo gives back exactly
 * the figures before it, a scenario saved and read again gives the same figures, a late answer
 * never overwrites a newer one. Nothing here runs inside an effect, as a click handler does not:
 * a derived read there is computed anew, which is what caught edits applied to one session and
 * read back from another.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { sharedDemo, sharedDemoDb } from '../../scripts/lib/test-fixtures.ts';
import { listCommunes } from '../data/queries/communes.ts';
import { listSites, listSources } from '../data/queries/sites.ts';
import type { DatasetBundle } from '../domain/dataset.ts';
import { AppState } from './app-state.svelte.ts';
import { DatasetStore } from './dataset.svelte.ts';
import { ExploreView } from './explore-view.svelte.ts';
import { SchemeFigures } from './explore.svelte.ts';
import { GapsState } from './gaps.svelte.ts';
import { MobilityState } from './mobility.svelte.ts';
import { ReachState } from './reach.svelte.ts';
import { Study } from './study.ts';
import { StudyData } from './study-data.svelte.ts';

let demo: DatasetBundle;
let loaded: LoadedDataset;

beforeAll(async () => {
  demo = sharedDemo();
  loaded = await sharedDemoDb();
});

/** The tools as App.svelte builds them, on the demo's tables, with their first loads done. */
async function openTools() {
  const db = loaded.db;
  const data = new DatasetStore(async () => db);
  const [communes, sites, sources] = await Promise.all([
    listCommunes(db),
    listSites(db),
    listSources(db),
  ]);
  data.entries = [
    {
      id: loaded.meta.id,
      name: loaded.meta.name,
      departement: loaded.meta.departement,
      fictional: loaded.meta.fictional,
      path: '',
    },
  ];
  data.entry = data.entries[0] ?? null;
  data.meta = loaded.meta;
  data.communes = communes;
  data.sites = sites;
  data.sources = sources;
  data.db = db;
  data.revision = 1;
  data.status = { phase: 'ready' };
  const app = new AppState(data);
  const figures = new SchemeFigures();
  const explore = new ExploreView(app, figures);
  const study = new Study(app, explore);
  const reach = new ReachState(study);
  const gaps = new GapsState(app, explore, study);
  const mobility = new MobilityState(app, explore, study);
  await figures.refresh(db, app.effectiveSchemeId, app.needId, data.revision);
  await study.data.refreshNeeds(db, loaded.meta, app.needId, data.revision);
  await mobility.refreshSurvey(db, data.revision);
  const { scenario, travel } = study;
  return { app, data, figures, explore, study, scenario, travel, reach, gaps, mobility };
}

type Tools = Awaited<ReturnType<typeof openTools>>;

/** The figures of every tool that an edit of the scenario may move. */
function figuresOf(t: Tools) {
  return {
    reach: t.reach.summary?.total,
    coverage: t.gaps.table?.rows.map((r) => [r.code, r.populationOutOfReach, r.score]),
    mobility: t.mobility.table?.rows.map((r) => [r.code, r.unmet]),
  };
}

/** The commune farthest from any counted site, where opening one must help. */
function farthest(t: Tools): string {
  const first = t.reach.beyond[0];
  if (!first) throw new Error('no commune beyond the threshold on the demo');
  return first.code;
}

function pointOf(t: Tools, code: string): [number, number] {
  const net = t.study.data.data?.network;
  const i = net?.indexOf.get(code);
  if (!net || i === undefined) throw new Error(`unknown commune ${code}`);
  return [net.lon[i] as number, net.lat[i] as number];
}

describe('the tools on one scenario', () => {
  it('open on the demo with figures in every tool', async () => {
    const t = await openTools();
    expect(t.explore.current).toBe(true);
    expect(t.study.data.data?.network.codes.length).toBe(demo.communes.length);
    expect(t.reach.summary?.total.communes).toBe(demo.communes.length);
    expect(t.gaps.table?.rows.length).toBe(t.explore.aggregates.length);
    expect(t.mobility.table?.rows.length).toBe(t.explore.aggregates.length);
    expect(t.reach.beyond.length).toBeGreaterThan(0);
  });

  it('an opened site moves the reach, coverage and mobility figures; undo gives them back exactly', async () => {
    const t = await openTools();
    // A site of every axis, so that the coverage of the default axis counts it too.
    t.reach.newSiteKind = 'france_services';
    const before = figuresOf(t);
    const code = farthest(t);
    const [lon, lat] = pointOf(t, code);
    const snapshot = t.scenario.snapshot;
    expect(t.reach.openAt(lon, lat, code)).toBe(true);
    const after = figuresOf(t);
    expect(t.scenario.edits).toHaveLength(1);
    // An edit gives a new snapshot and leaves the previous one as it was.
    expect(t.scenario.snapshot).not.toBe(snapshot);
    expect(snapshot?.edits).toHaveLength(0);
    expect(snapshot?.sites.some((s) => s.communeCode === code && s.status === 'opened')).toBe(
      false,
    );
    expect(after.reach?.populationBeyond).toBeLessThan(before.reach?.populationBeyond ?? 0);
    expect(t.reach.delta?.populationWithin).toBe(
      (before.reach?.populationBeyond ?? 0) - (after.reach?.populationBeyond ?? 0),
    );
    expect(t.reach.beyond.some((c) => c.code === code)).toBe(false);
    expect(t.mobility.scenario.sites.length).toBe(t.gaps.scenario.sites.length);
    expect(t.gaps.scenario.sites.some((s) => s.communeCode === code)).toBe(true);

    t.scenario.undo();
    expect(t.scenario.edits).toHaveLength(0);
    expect(figuresOf(t)).toEqual(before);
    t.scenario.redo();
    expect(figuresOf(t)).toEqual(after);
    t.scenario.clear();
    expect(figuresOf(t)).toEqual(before);
  });

  it('a scenario saved and read again gives the same figures, assumptions included', async () => {
    const t = await openTools();
    const code = farthest(t);
    const [lon, lat] = pointOf(t, code);
    t.travel.maxMinutes = 20;
    expect(t.scenario.openAt(lon, lat, code, { kind: 'france_services' }, 'Antenne testée')).toBe(
      true,
    );
    expect(t.scenario.edits).toHaveLength(1);
    const saved = JSON.parse(JSON.stringify(t.scenario.toScenario()));
    const expected = figuresOf(t);

    const u = await openTools();
    expect(u.scenario.load(saved)).toEqual([]);
    expect(u.travel.maxMinutes).toBe(20);
    expect(u.scenario.edits).toEqual(t.scenario.edits);
    expect(figuresOf(u)).toEqual(expected);
  });

  it('a link keeps only what differs from the defaults', async () => {
    const t = await openTools();
    expect(t.travel.viewParams()).toEqual({ minutes: null, travel: null, kinds: null });
    expect(t.scenario.viewParams()).toEqual({ edits: null });
    t.travel.maxMinutes = 45;
    t.travel.mode = 'sans-voiture';
    expect(t.travel.viewParams()).toMatchObject({ minutes: 45, travel: 'sans-voiture' });
  });

  it('survey shares entered in mobility belong to the scenario and move the mobility figures', async () => {
    const t = await openTools();
    const before = t.mobility.table?.rows.map((r) => r.unmet);
    const territory = t.mobility.surveyTerritories?.[0];
    expect(territory).toBeDefined();
    t.mobility.setSurveyShares(territory!.code, {
      aucune_difficulte: 0,
      mobile_plus_25km: 0,
      mobile_moins_25km: 0,
      vehicule_avec_difficultes: 0,
      transports_en_commun_seulement: 0,
      aucun_moyen: 1,
    });
    expect(t.scenario.toScenario().assumptions.barriers?.shares[territory!.code]).toBeDefined();
    expect(t.mobility.table?.rows.map((r) => r.unmet)).not.toEqual(before);
    t.mobility.setSurveyShares(territory!.code, null);
    expect(t.scenario.barrierEdits).toBeNull();
    expect(t.mobility.table?.rows.map((r) => r.unmet)).toEqual(before);
  });
});

describe('loads keyed by their inputs', () => {
  it('a late answer for an older need never replaces the newer one', async () => {
    const t = await openTools();
    const needs = t.data.meta?.needIndicators.map((n) => n.id) ?? [];
    expect(needs.length).toBeGreaterThan(1);
    const [a, b] = needs as [string, string];
    const data = new StudyData(t.app, t.explore);
    const first = data.refreshNeeds(loaded.db, loaded.meta, a, 2);
    const second = data.refreshNeeds(loaded.db, loaded.meta, b, 2);
    await Promise.all([first, second]);
    expect(data.needs?.key).toBe(`2|${b}`);
  });

  it('explore figures answer the scheme asked last', async () => {
    const t = await openTools();
    const schemes = t.data.meta?.schemes.map((s) => s.id) ?? [];
    expect(schemes.length).toBeGreaterThan(1);
    const figures = new SchemeFigures();
    await Promise.all([
      figures.refresh(loaded.db, schemes[0]!, t.app.needId, 3),
      figures.refresh(loaded.db, schemes[1]!, t.app.needId, 3),
    ]);
    expect(figures.key).toBe(`3|${schemes[1]}|${t.app.needId}`);
  });
});
