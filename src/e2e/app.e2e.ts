/**
 * The app on its demo territory, in headless Chromium against the production build: it loads
 * with no error and no request off the host, the map is drawn, the panel's figures are the ones
 * DuckDB computes in Node with the same SQL, and switching scheme redraws the outlines.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemo, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { territoryAggregates } from '../data/queries/territories.ts';
import { sumAggregates, type TerritoryAggregate } from '../domain/indicators.ts';
import { ACCUEIL_KINDS } from '../domain/model.ts';
import { hexToRgba, sequentialRamp } from '../map/colors.ts';
import { CLASS_COUNT } from '../state/explore-view.svelte.ts';
import { formatNumber } from '../ui/format.ts';
import {
  assertClean,
  launchBrowser,
  openApp,
  pngStats,
  saveScreenshot,
  screenshotDir,
  screenshotStats,
  type PageContext,
} from './browser.ts';

/** The darkest class of the explore map's ramp, as RGB. */
const DARKEST = hexToRgba(sequentialRamp(CLASS_COUNT).at(-1) as string).slice(0, 3) as [
  number,
  number,
  number,
];

const baseUrl = inject('baseUrl');
let browser: Browser;
let demo: LoadedDataset;
let ctx: PageContext;

const aggregates = (schemeId: string) =>
  territoryAggregates(demo.db, { schemeId, needId: 'rsa_foyers', accueilKinds: ACCUEIL_KINDS });

/** Text of a figure of the panel, with the narrow no-break spaces of fr-FR made plain. */
async function figure(name: string): Promise<string> {
  const text = await ctx.page.locator(`[data-figure="${name}"]`).first().innerText();
  return text.split('\n')[0]!.replace(/\s/g, ' ').trim();
}
const fr = (n: number, d = 0) => formatNumber(n, d).replace(/\s/g, ' ');

/** Share of the map's pixels close to the dark outline colour. */
async function outlineShare(): Promise<number> {
  const stats = await screenshotStats(ctx.page, ctx.page.getByRole('region', { name: /^Carte/ }));
  return stats.colorShare([40, 40, 60], 40);
}

beforeAll(async () => {
  demo = await loadDemo();
  browser = await launchBrowser();
  ctx = await openApp(browser, baseUrl, 'population');
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
  await demo?.db.close();
});

describe('demo app', () => {
  it('says the data is fictional, and loads with no error and nothing off the host', async () => {
    await expect(ctx.page.getByRole('note').innerText()).resolves.toMatch(/Données fictives/);
    await expect(ctx.page.getByLabel('Jeu de données').innerText()).resolves.toMatch(/fictives/);
    expect(await ctx.page.locator('html').getAttribute('lang')).toBe('fr');
    assertClean(ctx);
  });

  it('speaks French on the map’s own controls', async () => {
    expect(await ctx.page.getByRole('button', { name: 'Zoom avant' }).count()).toBe(1);
    expect(await ctx.page.getByRole('button', { name: 'Zoom arrière' }).count()).toBe(1);
    expect(await ctx.page.getByRole('button', { name: /zoom in|zoom out/i }).count()).toBe(0);
  });

  it('shows the département totals that DuckDB computes in Node', async () => {
    const [total] = await aggregates('departement');
    expect(total!.population).toBe(sumAggregates(await aggregates('pti'), '', '').population);
    expect(await figure('population')).toBe(fr(total!.population));
    expect(await figure('need')).toBe(fr(total!.need!));
    expect(await figure('accueil-sites')).toBe(fr(total!.accueilSites));
    expect(await figure('offer-places')).toBe(fr(total!.offerPlaces!));
  });

  it('draws a coloured map, not a blank canvas', async () => {
    // Let the choropleth transition finish.
    await ctx.page.waitForTimeout(600);
    await saveScreenshot(ctx.page, 'demo-pti');
    const stats = await screenshotStats(ctx.page, ctx.page.getByRole('region', { name: /^Carte/ }));
    expect(stats.distinctColors).toBeGreaterThan(50);
    expect(stats.dominantShare).toBeLessThan(0.6);
    // The darkest class of the ramp fills the territories with the highest rate.
    expect(stats.colorShare(DARKEST, 24)).toBeGreaterThan(0.01);
  });

  it('selects a territory from the list and shows its figures', async () => {
    const rows = await aggregates('pti');
    const t = rows.reduce((a, b) => (b.need! > a.need! ? b : a)) as TerritoryAggregate;
    await ctx.page.getByLabel('Territoire sélectionné').selectOption(t.code);
    await expect
      .poll(() =>
        ctx.page.getByRole('region', { name: 'Fiche du territoire' }).locator('h2').innerText(),
      )
      .toBe(t.name);
    expect(await figure('population')).toBe(fr(t.population));
    expect(await figure('need')).toBe(fr(t.need!));
    expect(await figure('need-rate')).toBe(fr((100 * t.need!) / t.population, 1));
    await expect.poll(() => ctx.page.locator('caption', { hasText: 'par axe' }).count()).toBe(1);
    expect(new URL(ctx.page.url()).searchParams.get('t')).toBe(t.code);
  });

  it('switching scheme changes the outlines and the list of territories', async () => {
    const before = await outlineShare();
    await ctx.page.getByRole('radio', { name: 'EPCI' }).check();
    const epci = await aggregates('epci');
    await expect
      .poll(() => ctx.page.getByLabel('Territoire sélectionné').locator('option').count())
      .toBe(epci.length + 1);
    await ctx.page.waitForTimeout(600);
    await saveScreenshot(ctx.page, 'demo-epci');
    const after = await outlineShare();
    // 22 EPCI against 9 PTI territories: clearly more border pixels.
    expect(after).toBeGreaterThan(before * 1.3);
    expect(new URL(ctx.page.url()).searchParams.get('s')).toBe('epci');
  });

  it('selects the territory under a click on the map', async () => {
    const map = ctx.page.getByRole('region', { name: /^Carte/ });
    const box = (await map.boundingBox())!;
    await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => new URL(ctx.page.url()).searchParams.get('t')).not.toBeNull();
    const code = new URL(ctx.page.url()).searchParams.get('t');
    const t = (await aggregates('epci')).find((r) => r.code === code)!;
    await expect
      .poll(() =>
        ctx.page.getByRole('region', { name: 'Fiche du territoire' }).locator('h2').innerText(),
      )
      .toBe(t.name);
    expect(await figure('population')).toBe(fr(t.population));
    assertClean(ctx);
  });
});

describe('exports', () => {
  it('exports the map as a PNG with its legend, not a blank image', async () => {
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('button', { name: 'Image PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^carte-demo-.*\.png$/);
    const png = readFileSync(await download.path());
    const stats = pngStats(png);
    const map = (await ctx.page.getByRole('region', { name: /^Carte/ }).boundingBox())!;
    // The map plus a legend column beside it.
    expect(stats.width).toBeGreaterThan(map.width + 200);
    expect(stats.distinctColors).toBeGreaterThan(50);
    // The darkest class is drawn (map) and the title text is black on white.
    expect(stats.colorShare(DARKEST, 24)).toBeGreaterThan(0.005);
    expect(stats.colorAt(5, 5)).toEqual([255, 255, 255]);
    writeFileSync(`${screenshotDir}/export.png`, png);
  });

  it('prints a territory sheet with the map image on A4', async () => {
    await ctx.page.evaluate(() => {
      // Headless Chromium has no print dialog: record the call instead.
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await ctx.page.getByRole('button', { name: 'Imprimer la fiche (A4)' }).click();
    await expect
      .poll(() => ctx.page.evaluate(() => (window as unknown as { printed: number }).printed))
      .toBe(1);
    await ctx.page.emulateMedia({ media: 'print' });
    const img = ctx.page.locator('.print-only img');
    await expect.poll(() => img.isVisible()).toBe(true);
    expect(await ctx.page.getByRole('region', { name: /^Carte/ }).isVisible()).toBe(false);
    const pdf = await ctx.page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(20_000);
    writeFileSync(`${screenshotDir}/sheet.pdf`, pdf);
    await ctx.page.emulateMedia({ media: 'screen' });
    assertClean(ctx);
  });
});
