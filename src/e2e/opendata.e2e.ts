/**
 * The real départements in the app, when they were built into public/data before the site
 * (`.ci/run` does it when the open-data folder is present): real communes, EPCI, bassins de vie,
 * offer, with the figures the builder computed. Skipped, with a message, otherwise.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildDepartement } from '../../scripts/opendata/build-departement.ts';
import { HAS_OPENDATA, OPENDATA_DIR } from '../../scripts/opendata/opendata-dir.ts';
import { isBorderSite, type DatasetEntry } from '../domain/model.ts';
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
      // The département's own offer: sites of neighbouring départements count for times only.
      const accueil = bundle.sites.filter(
        (s) => ['mds', 'ccas', 'france_services'].includes(s.kind) && !isBorderSite(s),
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

/** Whether the real département was built into the site; says why the test is skipped if not. */
function built(dep: string): boolean {
  if (HAS_OPENDATA && entries.some((e) => e.id === `dep-${dep}`)) return true;
  console.warn(
    `dep-${dep} absent du site construit (données réelles non construites) : test ignoré.`,
  );
  return false;
}

describe('honest figures on the real départements', () => {
  it('dep-55: the Filosofi map draws « non renseigné » apart, with its count, and says it', async (t) => {
    if (!built('55')) return t.skip();
    const { bundle } = buildDepartement({ dep: '55', from: OPENDATA_DIR });
    const rows = bundle.needs.filter((n) => n.indicator === 'menages_pauvres');
    const secret = rows.filter((n) => n.value === null).length;
    const missing = bundle.communes.length - rows.length;
    expect(missing).toBeGreaterThan(400);
    const velaines = bundle.communes.find((c) => c.name === 'Velaines')!;
    expect(rows.some((n) => n.communeCode === velaines.code)).toBe(false);
    const ctx = await openPage(
      browser,
      `${baseUrl}?d=dep-55&s=commune&i=taux_besoin&n=menages_pauvres&c=${velaines.lon},${velaines.lat},10.5`,
      { viewport: { width: 1440, height: 900 } },
    );
    try {
      const page = ctx.page;
      await page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      const sidebar = page.getByRole('complementary', { name: 'Réglages de la carte' });
      const legend = sidebar.getByRole('region', { name: 'Légende' });
      await expect
        .poll(() => legend.innerText(), { timeout: 30_000 })
        .toContain(`Non renseigné : ${fr(missing)} communes`);
      if (secret > 0) expect(await legend.innerText()).toContain(`Secret : ${fr(secret)}`);
      // The département's total is withheld, with over how many communes it would be computed.
      expect((await page.locator('[data-figure="need"]').innerText()).trim()).toBe('non renseigné');
      expect(await page.getByText(/sur 12 communes renseignées sur 499/).count()).toBeGreaterThan(
        0,
      );
      // Velaines, at the centre of the map: its tooltip says « non renseigné », never 0.
      const box = (await page.getByRole('region', { name: /^Carte/ }).boundingBox())!;
      await page.waitForTimeout(1500);
      await page.mouse.move(box.x + 10, box.y + 10);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const tip = page.getByRole('tooltip');
      await tip.waitFor();
      const text = await tip.innerText();
      expect(text).toContain('Velaines');
      expect(text).toContain('pour 100 habitants : non renseigné');
      expect(text).not.toMatch(/: 0,0/);
      await saveScreenshot(page, 'dep-55-filosofi-velaines');
      // The same state in the table, and a status column in its export.
      await page.getByRole('button', { name: 'Tableau' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Velaines' }).first();
      await expect.poll(() => row.innerText()).toContain('non renseigné');
      assertClean(ctx);
    } finally {
      await ctx.close();
    }
  });

  it('dep-62: only kinds with sites are ticked, the reach panel names the missing ones, the data panel flags them', async (t) => {
    if (!built('62')) return t.skip();
    const ctx = await openPage(browser, `${baseUrl}?d=dep-62&m=reach`, {
      viewport: { width: 1440, height: 900 },
    });
    try {
      const page = ctx.page;
      await page.locator('[data-figure="reach-population-beyond"]').waitFor({ timeout: 60_000 });
      const sidebar = page.getByRole('complementary', { name: 'Réglages de la carte' });
      const box = (name: RegExp) => sidebar.getByRole('checkbox', { name });
      expect(await box(/^France Services/).isChecked()).toBe(true);
      expect(await box(/^Maison départementale des solidarités/).isChecked()).toBe(false);
      expect(await box(/^CCAS \/ CIAS/).isChecked()).toBe(false);
      const warning = page.locator('[data-figure="reach-missing-kinds"]');
      await expect
        .poll(() => warning.innerText())
        .toContain('« Maison départementale des solidarités »');
      await expect.poll(() => warning.innerText()).toContain('« CCAS / CIAS »');
      await expect
        .poll(() => warning.innerText())
        .toContain(
          'Aucun lieu de ce type dans les données : importez-les (modèle CSV ou data·inclusion)',
        );
      await saveScreenshot(page, 'dep-62-reach-kinds');
      // Couverture opens on an axis that has sites.
      await page.getByRole('button', { name: 'Couverture', exact: true }).click();
      await page.locator('[data-figure="gaps-sites"]').waitFor({ timeout: 60_000 });
      expect(await page.getByLabel("Axe de l'offre").inputValue()).toBe('accueil');
      expect(
        Number((await page.locator('[data-figure="gaps-sites"]').innerText()).trim()),
      ).toBeGreaterThan(0);
      expect(await page.locator('[data-figure="gaps-axis-empty"]').count()).toBe(0);
      // The data panel: every kind with its count, the absent ones and the old sources flagged.
      await page.getByRole('button', { name: 'Données', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect
        .poll(() => dialog.locator('tr[data-kind="mds"]').innerText())
        .toContain('aucun lieu dans les données');
      await expect
        .poll(() => dialog.locator('tr[data-kind="siae"]').innerText())
        .toContain('source de plus de 3 ans');
      await expect
        .poll(() => dialog.locator('tr[data-kind="siae"]').innerText())
        .toContain('capacités inconnues pour la plupart des lieux');
      await saveScreenshot(page, 'dep-62-donnees');
      // The table of the sites: SIAE capacities in words (the state « inconnu »), never 0.
      await dialog.getByRole('button', { name: 'Voir la table des lieux' }).click();
      await page.getByLabel('Type de lieu').selectOption('siae');
      const first = page.locator('table tbody tr').first();
      await expect.poll(() => first.innerText()).toMatch(/\tinconnu\t/);
      assertClean(ctx);
    } finally {
      await ctx.close();
    }
  });
});
