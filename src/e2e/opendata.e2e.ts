/**
 * The real départements in the app, when they were built into public/data before the site
 * (`.ci/run` does it when the open-data folder is present): real communes, EPCI, bassins de vie,
 * offer, with the figures the builder computed. Skipped, with a message, otherwise.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDepartement } from '../../scripts/opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR } from '../../scripts/opendata/opendata-dir.ts';
import type { DatasetEntry } from '../domain/model.ts';
import { formatNumber } from '../ui/format.ts';
import {
  assertClean,
  launchBrowser,
  openPage,
  saveScreenshot,
  screenshotStats,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let entries: DatasetEntry[] = [];

beforeAll(async () => {
  if (baseUrl === 'about:blank') return;
  entries = (await (await fetch(new URL('data/datasets.json', baseUrl))).json()) as DatasetEntry[];
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const fr = (n: number) => formatNumber(n).replace(/\s/g, ' ');

describe.each(['62', '34', '55'])('département %s in the app', (dep) => {
  it('opens with its real communes, schemes and offer', async (t) => {
    if (!HAS_OPENDATA || !entries.some((e) => e.id === `dep-${dep}`)) {
      console.warn(
        `dep-${dep} absent du site construit (données réelles non construites) : test ignoré.`,
      );
      t.skip();
      return;
    }
    const { bundle } = buildDepartement({ dep, from: OPENDATA_DIR });
    const ctx = await openPage(browser, `${baseUrl}?d=dep-${dep}&s=bv2022`, {
      viewport: { width: 1440, height: 900 },
    });
    try {
      await ctx.page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      const population = bundle.communes.reduce((s, c) => s + c.population, 0);
      await expect
        .poll(async () =>
          (await ctx.page.locator('[data-figure="population"]').innerText()).replace(/\s/g, ' '),
        )
        .toBe(fr(population));
      const accueil = bundle.sites.filter((s) =>
        ['mds', 'ccas', 'france_services'].includes(s.kind),
      ).length;
      expect(
        (await ctx.page.locator('[data-figure="accueil-sites"]').innerText())
          .split('\n')[0]!
          .replace(/\s/g, ' '),
      ).toBe(fr(accueil));
      const bassins = new Set(
        bundle.memberships.filter((m) => m.schemeId === 'bv2022').map((m) => m.territoryCode),
      ).size;
      await expect
        .poll(() => ctx.page.getByLabel('Territoire sélectionné').locator('option').count())
        .toBe(bassins + 1);
      await expect(
        ctx.page.getByRole('complementary', { name: 'Réglages de la carte' }).innerText(),
      ).resolves.toMatch(/faute de données RSA/);
      await ctx.page.waitForTimeout(800);
      await saveScreenshot(ctx.page, `dep-${dep}-bv2022`);
      const stats = await screenshotStats(
        ctx.page,
        ctx.page.getByRole('region', { name: /^Carte/ }),
      );
      expect(stats.distinctColors).toBeGreaterThan(50);
      assertClean(ctx);
    } finally {
      await ctx.close();
    }
  });
});
