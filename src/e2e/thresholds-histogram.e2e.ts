/**
 * Reach at several thresholds, by territory, on screen and in the CSV: the département's row at
 * 30 min is the panel's figure; the user's own list replaces the default one. Under the legends
 * of the choropleths, a histogram of the values with the class breaks drawn on it.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  assertClean,
  launchBrowser,
  openApp,
  saveScreenshot,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: PageContext;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await openApp(browser, `${baseUrl}?d=demo&m=reach`, 'reach-population-beyond');
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

const text = (s: string) => s.replace(/\s/g, ' ').trim();

describe('reach at several thresholds', () => {
  it('gives 10, 20, 30 and 45 min side by side, the user’s list, and the same in the CSV', async () => {
    const { page } = ctx;
    const panel = text(await page.locator('[data-figure="reach-population-beyond"]').innerText());
    // The times' histogram under the bands' legend.
    const times = page.getByRole('img', { name: /^Répartition des valeurs : .+ communes de 0/ });
    await expect.poll(() => times.count()).toBe(1);
    expect(await times.getAttribute('aria-label')).toContain(
      'limites des classes : 10, 20, 30, 45',
    );
    expect(await times.locator('line.break').count()).toBe(4);

    await page.getByRole('button', { name: 'Tableau' }).click();
    const table = page.getByRole('table', { name: /^Au-delà de 10, 20, 30, 45 min, par / });
    await expect.poll(() => table.count(), { timeout: 30_000 }).toBe(1);
    const headers = await table
      .locator('thead th')
      .evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim()));
    expect(headers).toHaveLength(9);
    expect(headers[5]).toBe('Population au-delà de 30 min');
    const total = table.locator('tbody tr', { hasText: 'Ensemble du département' });
    const cells = await total.locator('th, td').allInnerTexts();
    expect(text(cells[5]!)).toBe(panel);
    await saveScreenshot(page, 'reach-thresholds-table');

    const field = page.getByLabel('Seuils (minutes)');
    await field.fill('15, 60 15');
    const mine = page.getByRole('table', { name: /^Au-delà de 15, 60 min, par / });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator('thead th').count()).toBe(5);
    await field.fill('15, 200');
    await expect.poll(() => page.locator('#thresholds-help').innerText()).toContain("l'horizon");
    // The last list that could be read stays.
    expect(await mine.count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      mine
        .locator('xpath=ancestor::section[1]')
        .getByRole('button', { name: 'Exporter en CSV' })
        .click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8').slice(1);
    const header = csv.split('\r\n')[0]!.split(';');
    expect(header).toContain('Population au-delà de 15 min');
    expect(header).toContain('Population au-delà de 60 min');
    expect(csv).toMatch(/\r\nTableau;Au-delà de 15, 60 min, par /);
    expect(csv).toContain('\r\nArrondi;valeurs arrondies comme dans le tableau affiché');
    // The « données » export: the same table, its notes saying the values are not rounded.
    const [data] = await Promise.all([
      page.waitForEvent('download'),
      mine
        .locator('xpath=ancestor::section[1]')
        .getByRole('button', { name: 'Données complètes (CSV)' })
        .click(),
    ]);
    expect(data.suggestedFilename()).toMatch(/-donnees\.csv$/);
    const full = readFileSync((await data.path())!, 'utf8').slice(1);
    expect(full.split('\r\n')[0]).toBe(csv.split('\r\n')[0]);
    expect(full).toContain('\r\nPrécision;valeurs complètes, non arrondies');
    assertClean(ctx);
  });
});

describe('legend histograms', () => {
  it('draws the values under the explore legend, with a line at each class break', async () => {
    const { page } = ctx;
    await page.goto(`${baseUrl}?d=demo&s=epci&i=taux_besoin`);
    await page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
    const hist = page.getByRole('img', { name: /^Répartition des valeurs : \d+ EPCI/ });
    await expect.poll(() => hist.count()).toBe(1);
    const label = (await hist.getAttribute('aria-label'))!;
    const breaks = label.split('limites des classes : ')[1]!.replace(/\.$/, '').split(', ');
    expect(await hist.locator('line.break').count()).toBe(breaks.length);
    // One bar colour per class at most, and as many EPCI counted as the table lists.
    const fills = new Set(
      await hist.locator('rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('fill'))),
    );
    expect(fills.size).toBeGreaterThan(1);
    expect(fills.size).toBeLessThanOrEqual(breaks.length + 1);
    await saveScreenshot(page, 'explore-legend-histogram');
    assertClean(ctx);
  });
});
