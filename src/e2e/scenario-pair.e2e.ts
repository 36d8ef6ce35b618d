/**
 * Two proposals side by side: the situation kept as A, a site opened and kept as B; the table
 * gives each one's population beyond 30 min as the panel gave it, and B − A; scenarios made at
 * different thresholds are not compared.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemo } from '../../scripts/lib/demo-db.ts';
import { reachReportFromDb } from '../../scripts/report/reach.ts';
import { listCommunes } from '../data/queries/communes.ts';
import { defaultAssumptions } from '../domain/reach/scenario.ts';
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
  // The map opens centred on the commune with the most beneficiaries beyond 30 min, as the
  // headless report finds it on the same data: a site opened there brings people within reach.
  const demo = await loadDemo();
  const baseline = await reachReportFromDb(demo.db, demo.meta, {
    assumptions: defaultAssumptions(),
    edits: [],
  });
  const far = (await listCommunes(demo.db)).find(
    (c) => c.code === baseline.communesBeyond[0]!.code,
  )!;
  await demo.db.close();
  browser = await launchBrowser();
  ctx = await openApp(
    browser,
    `${baseUrl}?d=demo&m=reach&c=${far.lon},${far.lat},10`,
    'reach-population-beyond',
  );
});
afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

const num = (s: string) => Number(s.replace(/\s/g, '').replace('−', '-').replace('+', ''));

describe('scenario A vs B', () => {
  it('shows two kept scenarios side by side with their difference', async () => {
    const { page } = ctx;
    const population = () => page.locator('[data-figure="reach-population-beyond"]').innerText();
    const before = num(await population());
    const pair = page.getByRole('region', { name: 'Comparer deux scénarios' });
    await pair.getByRole('button', { name: 'Garder comme A' }).click();

    // A site opened in that commune, at the centre of the map.
    await page.getByRole('radio', { name: 'Ouvrir' }).check();
    const map = page.getByRole('region', { name: /^Carte/ });
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => num(await population()), { timeout: 20_000 }).not.toBe(before);
    const after = num(await population());
    await pair.getByRole('button', { name: 'Garder comme B' }).click();

    const total = pair.locator('tbody tr', { hasText: 'Ensemble du département' });
    await expect.poll(() => total.count()).toBe(1);
    const cells = (await total.locator('td').allInnerTexts()).map((t) => t.replace(/\s/g, ' '));
    expect([num(cells[3]!), num(cells[4]!), num(cells[5]!)]).toEqual([
      before,
      after,
      after - before,
    ]);
    expect(await pair.innerText()).toContain('B : 1 modification');
    await saveScreenshot(page, 'scenario-a-vs-b');

    await page.getByLabel('Seuil (minutes)').fill('45');
    await page.getByLabel('Seuil (minutes)').press('Enter');
    await expect.poll(() => page.locator('h2', { hasText: 'Au-delà de 45 min' }).count()).toBe(1);
    await pair.getByRole('button', { name: 'Garder comme B' }).click();
    await expect
      .poll(() => pair.innerText())
      .toContain('Comparaison impossible : seuils différents (30 et 45 min)');
    assertClean(ctx);
  });
});
