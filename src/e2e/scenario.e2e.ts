/**
 * Scenarios: an edit survives a reload (autosave), goes into the link and comes back from it in
 * a fresh browser, round-trips through a file, and is compared with the current situation: a
 * table of differences and a difference map.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemo, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { reachReportFromDb } from '../../scripts/report/reach.ts';
import { listCommunes } from '../data/queries/communes.ts';
import { defaultAssumptions, parseScenario } from '../domain/reach/scenario.ts';
import { GAIN_COLORS, hexToRgba } from '../map/colors.ts';
import { decodeView } from '../state/url.ts';
import { formatNumber } from '../ui/format.ts';
import {
  assertClean,
  launchBrowser,
  openApp,
  saveScreenshot,
  screenshotStats,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let demo: LoadedDataset;
let ctx: PageContext;
let start: string;

const fr = (n: number | null) => formatNumber(n).replace(/\s/g, ' ');
const text = async (c: PageContext, name: string) =>
  (await c.page.locator(`[data-figure="${name}"]`).first().innerText()).replace(/\s/g, ' ').trim();
const editCount = (c: PageContext) => c.page.locator('ol.edits > li').count();

const openReach = (url: string) => openApp(browser, url, 'reach-need-beyond');

beforeAll(async () => {
  demo = await loadDemo();
  const baseline = await reachReportFromDb(demo.db, demo.meta, {
    assumptions: { ...defaultAssumptions(), mode: 'sans-voiture' },
    edits: [],
  });
  const first = baseline.communesBeyond[0]!;
  const c = (await listCommunes(demo.db)).find((x) => x.code === first.code)!;
  start = `${baseUrl}?d=demo&m=reach&tm=sans-voiture&c=${c.lon},${c.lat},10`;
  browser = await launchBrowser();
  ctx = await openReach(start);
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await demo?.db.close();
});

describe('scenarios', () => {
  let after = '';

  it('puts an opened site in the link, and keeps it across a reload', async () => {
    const before = await text(ctx, 'reach-need-beyond');
    await ctx.page.getByRole('radio', { name: 'Ouvrir' }).check();
    const box = (await ctx.page.getByRole('region', { name: /^Carte/ }).boundingBox())!;
    await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => text(ctx, 'reach-need-beyond')).not.toBe(before);
    after = await text(ctx, 'reach-need-beyond');
    await expect.poll(() => decodeView(new URL(ctx.page.url()).search).edits?.length).toBe(1);
    expect(decodeView(new URL(ctx.page.url()).search).travel).toBe('sans-voiture');

    // Back to the plain address, without the edits: the autosave brings the scenario back.
    await ctx.page.goto(start);
    await ctx.page.locator('[data-figure="reach-need-beyond"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => text(ctx, 'reach-need-beyond')).toBe(after);
    await expect.poll(() => editCount(ctx)).toBe(1);
    // The panel's own status: the loading overlay's may still say that DuckDB is starting.
    const status = ctx.page.locator('section[aria-label="Temps d\'accès"] [role="status"]');
    await expect.poll(() => status.first().innerText()).toMatch(/restauré/);
  });

  it('opens the same scenario from its link in another browser', async () => {
    const link = ctx.page.url();
    const other = await openReach(link);
    await expect.poll(() => text(other, 'reach-need-beyond')).toBe(after);
    expect(await editCount(other)).toBe(1);
    assertClean(other);
    await other.close();
  });

  it('saves the scenario to a file and opens it again', async () => {
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('button', { name: 'Télécharger le scénario' }).click(),
    ]);
    const path = (await download.path()) as string;
    const scenario = parseScenario(JSON.parse(await readFile(path, 'utf8')));
    expect(scenario.assumptions.mode).toBe('sans-voiture');
    const report = await reachReportFromDb(demo.db, demo.meta, scenario);
    expect(after).toBe(fr(report.total.needBeyond));

    await ctx.page.getByRole('button', { name: 'Tout effacer' }).click();
    await expect.poll(() => editCount(ctx)).toBe(0);
    await ctx.page.getByLabel('Ouvrir un scénario').setInputFiles(path);
    await expect.poll(() => text(ctx, 'reach-need-beyond')).toBe(after);
    expect(await editCount(ctx)).toBe(1);
  });

  it('compares with the current situation, in a table and on a difference map', async () => {
    const comparison = ctx.page.getByRole('region', {
      name: 'Comparaison avec la situation actuelle',
    });
    const rows = comparison.locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const deltas = await rows.locator('td.delta').allInnerTexts();
    // Opening a site only brings people closer.
    expect(deltas.some((d) => d.startsWith('−'))).toBe(true);
    expect(deltas.some((d) => d.startsWith('+'))).toBe(false);

    await comparison.getByLabel(/Carte des écarts/).check();
    await ctx.page.waitForTimeout(500);
    await saveScreenshot(ctx.page, 'scenario-difference-map');
    const stats = await screenshotStats(ctx.page, ctx.page.getByRole('region', { name: /^Carte/ }));
    const green = GAIN_COLORS.slice(0, 3).reduce((sum, hex) => {
      const [r, g, b] = hexToRgba(hex);
      return sum + stats.colorShare([r, g, b], 24);
    }, 0);
    // Without a car (the demo's GTFS times), a site brings closer its commune and the few within
    // walking or bus reach: about 0.5 % of the map at this zoom, none before the site opened.
    expect(green).toBeGreaterThan(0.002);
    assertClean(ctx);
  });
});
