/**
 * The reach mode on the demo, in headless Chromium against the production build: its figures
 * equal the headless report's (`npm run report -- reach`, run here in Node on the same data),
 * before and after a site is opened by a click on the map; undo and redo with the keyboard;
 * the opened site is drawn; the siting's proposals add what they announce.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDataset } from '../../scripts/report/common.ts';
import { reachReportFromDb } from '../../scripts/report/reach.ts';
import { loadDemo, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { listCommunes } from '../data/queries/communes.ts';
import { listSites } from '../data/queries/sites.ts';
import type { ReachReport } from '../domain/reach/reach-report.ts';
import { defaultAssumptions, parseScenario, type ReachScenario } from '../domain/reach/scenario.ts';
import { REACH_BAND_COLORS, hexToRgba } from '../map/colors.ts';
import { decodeTable } from '../data/tables.ts';
import { sumFigure } from '../domain/value-state.ts';
import { formatFigure, formatNumber } from '../ui/format.ts';
import { seriousViolations } from './a11y.ts';
import {
  assertClean,
  hasBuiltDataset,
  launchBrowser,
  openApp,
  saveScreenshot,
  screenshotStats,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const publicUrl = inject('publicUrl');
let browser: Browser;
let demo: LoadedDataset;
let ctx: PageContext;
let baseline: ReachReport;
let target: { code: string; name: string; lon: number; lat: number };

const fr = (n: number | null) => formatNumber(n).replace(/\s/g, ' ');
const text = async (name: string) =>
  (await ctx.page.locator(`[data-figure="${name}"]`).first().innerText())
    .replace(/\s/g, ' ')
    .trim();
const report = (s: Pick<ReachScenario, 'assumptions' | 'edits'>) =>
  reachReportFromDb(demo.db, demo.meta, { assumptions: s.assumptions, edits: s.edits });

/** Share of the map's pixels in one of the travel-time band colours (REACH_BAND_COLORS). */
function bandShare(stats: Awaited<ReturnType<typeof screenshotStats>>): number {
  return REACH_BAND_COLORS.reduce((sum, hex) => {
    const [r, g, b] = hexToRgba(hex);
    return sum + stats.colorShare([r, g, b], 12);
  }, 0);
}

/** The scenario as the page saves it, through its download button. */
async function downloadScenario(): Promise<ReachScenario> {
  const [download] = await Promise.all([
    ctx.page.waitForEvent('download'),
    ctx.page.getByRole('button', { name: 'Télécharger le scénario' }).click(),
  ]);
  return parseScenario(JSON.parse(await readFile((await download.path()) as string, 'utf8')));
}

beforeAll(async () => {
  demo = await loadDemo();
  baseline = await report({ assumptions: defaultAssumptions(), edits: [] });
  // The commune with the most beneficiaries beyond 30 min: the map opens centred on it.
  const first = baseline.communesBeyond[0]!;
  const c = (await listCommunes(demo.db)).find((x) => x.code === first.code)!;
  target = { code: c.code, name: c.name, lon: c.lon, lat: c.lat };
  browser = await launchBrowser();
  ctx = await openApp(browser, `${baseUrl}?c=${target.lon},${target.lat},10`, 'population');
  await ctx.page.getByRole('button', { name: "Temps d'accès" }).click();
  await ctx.page.locator('[data-figure="reach-need-beyond"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await demo?.db.close();
});

describe('reach mode on the demo', () => {
  // Closed before the other pages open: a second live page would pause this one's animation
  // frames, and the map would not redraw.
  afterAll(() => ctx?.close());

  it('has no serious accessibility violation (axe-core)', async () => {
    expect(await seriousViolations(ctx.page)).toEqual([]);
  });

  it('colours the communes by travel-time band', async () => {
    await ctx.page.waitForTimeout(400);
    const stats = await screenshotStats(ctx.page, ctx.page.getByRole('region', { name: /^Carte/ }));
    expect(bandShare(stats)).toBeGreaterThan(0.2);
  });

  it('shows the figures of the headless report', async () => {
    expect(await text('reach-need-beyond')).toBe(fr(baseline.total.needBeyond));
    expect(await text('reach-population-beyond')).toBe(fr(baseline.total.populationBeyond));
    expect(await text('reach-communes-beyond')).toBe(fr(baseline.total.communesBeyond));
    // The tool is in the address, so a shared link or a presentation step opens on it.
    expect(new URL(ctx.page.url()).searchParams.get('m')).toBe('reach');
    const list = ctx.page.locator('table', { hasText: 'Communes au-delà' });
    await expect
      .poll(() => list.locator('tbody tr').first().locator('th').innerText())
      .toBe(target.name);
  });

  it('opens a site by a click on the map, to exactly the report’s figure for that scenario', async () => {
    await ctx.page.getByRole('radio', { name: 'Ouvrir' }).check();
    const map = ctx.page.getByRole('region', { name: /^Carte/ });
    const box = (await map.boundingBox())!;
    await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => text('reach-need-beyond')).not.toBe(fr(baseline.total.needBeyond));

    const scenario = await downloadScenario();
    expect(scenario.edits).toHaveLength(1);
    expect(scenario.edits[0]).toMatchObject({ op: 'open', site: { communeCode: target.code } });
    const after = await report(scenario);
    expect(await text('reach-need-beyond')).toBe(fr(after.total.needBeyond));
    expect(await text('reach-population-beyond')).toBe(fr(after.total.populationBeyond));
    expect(after.delta.needWithin).toBeGreaterThanOrEqual(baseline.communesBeyond[0]!.need!);
    expect(await text('reach-delta')).toContain(
      `+${fr(after.delta.needWithin)} foyers à moins de 30 min`,
    );

    // The opened site is drawn at the centre of the map, in its own colour (teal).
    await ctx.page.mouse.move(box.x + 5, box.y + 5);
    await ctx.page.waitForTimeout(400);
    await saveScreenshot(ctx.page, 'reach-opened-site');
    const centre = await screenshotStats(ctx.page, {
      x: box.x + box.width / 2 - 20,
      y: box.y + box.height / 2 - 20,
      width: 40,
      height: 40,
    });
    expect(centre.colorShare([15, 139, 141], 30)).toBeGreaterThan(0.05);
  });

  it('undoes and redoes with the keyboard', async () => {
    const opened = await text('reach-need-beyond');
    await ctx.page.locator('body').click({ position: { x: 5, y: 5 } });
    await ctx.page.keyboard.press('Control+z');
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(baseline.total.needBeyond));
    await ctx.page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => text('reach-need-beyond')).toBe(opened);
  });

  it('answers without a car with the report’s figures for the same scenario', async () => {
    await ctx.page.getByRole('radio', { name: 'Sans voiture' }).check();
    const scenario = await downloadScenario();
    expect(scenario.assumptions.mode).toBe('sans-voiture');
    const r = await report(scenario);
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(r.total.needBeyond));
    // The demo's times without a car come from its GTFS feed: the panel names that network.
    expect(r.model.id).toBe('reseau');
    const transit = demo.meta.networkTimes!['sans-voiture']!;
    await expect
      .poll(() => ctx.page.getByLabel('Modèle de temps de trajet').innerText())
      .toContain(transit.label);
    await ctx.page.getByRole('radio', { name: 'En voiture' }).check();
  });

  it('proposes where to open up to 3 sites, and adds them to the scenario', async () => {
    await ctx.page.getByRole('button', { name: 'Chercher' }).click();
    const picks = ctx.page.locator('ol li', { hasText: 'Ajouter au scénario' });
    await expect.poll(() => picks.count()).toBeGreaterThan(0);
    const count = await picks.count();
    expect(count).toBeLessThanOrEqual(3);
    const before = await report(await downloadScenario());
    const gains = await ctx.page.locator('[data-figure="siting-gain"]').allInnerTexts();
    expect(gains).toHaveLength(count);
    const total = gains.reduce((s, g) => s + Number(g.replace(/[^\d]/g, '')), 0);
    expect(total).toBeGreaterThan(0);
    await saveScreenshot(ctx.page, 'reach-siting');
    await ctx.page.getByRole('button', { name: 'Tout ajouter au scénario' }).click();
    // The proposals add exactly what they announced.
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(before.total.needBeyond! - total));
    const after = await report(await downloadScenario());
    expect(after.edits).toHaveLength(1 + count);
    expect(await text('reach-need-beyond')).toBe(fr(after.total.needBeyond));
    await saveScreenshot(ctx.page, 'reach-after-siting');
  });

  it('imports a travel-time matrix, reports its bad rows, and uses the good ones', async () => {
    await ctx.page.getByRole('button', { name: 'Tout effacer' }).click();
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(baseline.total.needBeyond));
    // The communes beyond 30 min, 12 minutes from the commune of an accueil site; plus two bad
    // rows (an unknown commune, a negative time).
    const siteCommune = (await listSites(demo.db)).find((x) => x.kind === 'mds')!.communeCode;
    const rows = baseline.communesBeyond.map((c) => `${c.code};${siteCommune};12`);
    const csv = `origine;destination;duree\n${rows.join('\n')}\n99999;${siteCommune};3\n${target.code};${siteCommune};-1\n`;
    await ctx.page.getByLabel('Importer une matrice').setInputFiles({
      name: 'matrice-essai.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const importReport = ctx.page.getByLabel("Rapport d'import de la matrice");
    await expect.poll(() => importReport.innerText()).toMatch(/2 rejetées/);
    expect(await importReport.innerText()).toMatch(
      new RegExp(`commune d'origine absente du jeu de données : 1 \\(ligne ${rows.length + 2}\\)`),
    );
    const scenario = await downloadScenario();
    expect(scenario.assumptions.matrices).toEqual([
      { mode: 'voiture', name: 'matrice-essai.csv', pairs: rows.length, accessMinutes: 0 },
    ]);
    const r = await reachReportFromDb(demo.db, demo.meta, {
      ...scenario,
      matrices: { voiture: { name: 'matrice-essai.csv', content: csv } },
    });
    expect(r.total.communesBeyond).toBeLessThan(baseline.total.communesBeyond);
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(r.total.needBeyond));
    expect(await text('reach-measured')).toContain(fr(r.measuredCommunes));
    // A stated access time is added to the matrix's times, and recorded in the scenario.
    const access = ctx.page.getByLabel("Temps d'accès ajouté aux temps de la matrice (min)");
    await access.fill('5');
    await access.blur();
    const withAccess = await downloadScenario();
    expect(withAccess.assumptions.matrices).toEqual([
      { mode: 'voiture', name: 'matrice-essai.csv', pairs: rows.length, accessMinutes: 5 },
    ]);
    const r5 = await reachReportFromDb(demo.db, demo.meta, {
      ...withAccess,
      matrices: { voiture: { name: 'matrice-essai.csv', content: csv, accessMinutes: 5 } },
    });
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(r5.total.needBeyond));
    // The same times as a square matrix in seconds (one row per origin, as R writes it); the
    // unit is given, since these made-up times (12 min for 40 km) would pass for minutes.
    await ctx.page.getByLabel('Unité des temps').selectOption('secondes');
    const square = `"",${siteCommune}\n${baseline.communesBeyond.map((c) => `${c.code},720`).join('\n')}\n`;
    await ctx.page.getByLabel('Remplacer la matrice').setInputFiles({
      name: 'matrice-carree.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(square),
    });
    await expect.poll(() => importReport.innerText()).toMatch(/format carré/);
    expect(await importReport.innerText()).toMatch(/lignes = origines, colonnes = destinations/);
    expect(await importReport.innerText()).toMatch(/temps en secondes \(unité donnée à l'import\)/);
    // And the report warns that these times are too fast to be true.
    expect(await importReport.innerText()).toMatch(/vérifiez l'unité/);
    await saveScreenshot(
      ctx.page,
      'reach-matrix-square',
      ctx.page.getByLabel('Modèle de temps de trajet'),
    );
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(r5.total.needBeyond));
    await access.fill('0');
    await access.blur();
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(r.total.needBeyond));
    await ctx.page.getByLabel('Unité des temps').selectOption('');
    await ctx.page.getByRole('button', { name: 'Retirer' }).click();
    await expect.poll(() => text('reach-need-beyond')).toBe(fr(baseline.total.needBeyond));
    assertClean(ctx);
  });
});

describe('reach mode without a car on the demo', () => {
  it('opening a site by a click brings its commune within its local time, as the report says', async () => {
    const noCar = { ...defaultAssumptions(), mode: 'sans-voiture' as const };
    const before = await report({ assumptions: noCar, edits: [] });
    // The commune with the most beneficiaries beyond 30 min without a car.
    const far = before.communesBeyond[0]!;
    const c = (await listCommunes(demo.db)).find((x) => x.code === far.code)!;
    const page = await openApp(
      browser,
      `${baseUrl}?c=${c.lon},${c.lat},10&m=reach&tm=sans-voiture`,
    );
    try {
      const figure = (name: string) =>
        page.page
          .locator(`[data-figure="${name}"]`)
          .first()
          .innerText()
          .then((x) => x.replace(/\s/g, ' ').trim());
      await expect
        .poll(() => figure('reach-need-beyond'), { timeout: 30_000 })
        .toBe(fr(before.total.needBeyond));
      await page.page.getByRole('radio', { name: 'Ouvrir' }).check();
      const box = (await page.page.getByRole('region', { name: /^Carte/ }).boundingBox())!;
      await page.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => figure('reach-need-beyond')).not.toBe(fr(before.total.needBeyond));
      const [download] = await Promise.all([
        page.page.waitForEvent('download'),
        page.page.getByRole('button', { name: 'Télécharger le scénario' }).click(),
      ]);
      const scenario = parseScenario(
        JSON.parse(await readFile((await download.path()) as string, 'utf8')),
      );
      expect(scenario.edits[0]).toMatchObject({ op: 'open', site: { communeCode: c.code } });
      const after = await report(scenario);
      // The commune is no longer beyond 30 min, and the page shows the report's figure.
      expect(after.communesBeyond.map((x) => x.code)).not.toContain(c.code);
      expect(await figure('reach-need-beyond')).toBe(fr(after.total.needBeyond));
      assertClean(page);
    } finally {
      await page.close();
    }
  });
});

describe('reach mode in the public build', () => {
  it('shows the reach, read-only: nothing to open, move, close, import or save', async () => {
    const pub = await openApp(browser, publicUrl);
    try {
      await pub.page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
      await pub.page.getByRole('button', { name: "Temps d'accès" }).click();
      await pub.page.locator('[data-figure="reach-population-beyond"]').waitFor();
      expect(await pub.page.locator('[data-figure="reach-population-beyond"]').innerText()).toBe(
        formatNumber(baseline.total.populationBeyond),
      );
      // The beneficiaries beyond are the published values of the communes beyond: their sum,
      // "au moins" that sum when masked ones lack (a lower bound), or "secret" when those hold
      // most of the population beyond.
      const published = decodeTable(
        await readFile(
          new URL('../../dist-public/data/demo/published_needs.arrow', import.meta.url),
        ),
      ).filter(
        (r) =>
          r.scheme_id === 'commune' &&
          r.indicator === (baseline.assumptions.needId ?? demo.meta.defaultNeed),
      );
      expect(published.length).toBeGreaterThan(0);
      const valueOf = new Map(published.map((r) => [String(r.territory_code), r.value]));
      let sum = 0;
      let knownPopulation = 0;
      const parts = { known: 0, missing: 0, unknown: 0, secret: 0 };
      for (const c of baseline.communesBeyond) {
        const v = valueOf.get(c.code);
        if (v === null || v === undefined) parts.secret++;
        else {
          parts.known++;
          sum += Number(v);
          knownPopulation += c.population;
        }
      }
      expect(parts.secret).toBeGreaterThan(0);
      const expected = sumFigure(
        sum,
        parts,
        knownPopulation / baseline.total.populationBeyond,
        'commune',
      );
      expect((await pub.page.locator('[data-figure="reach-need-beyond"]').innerText()).trim()).toBe(
        expected.state === 'partial' ? `au moins ${fr(sum)}` : formatFigure(expected),
      );
      expect(await pub.page.locator('input[type="file"]').count()).toBe(0);
      expect(await pub.page.getByRole('radio', { name: 'Ouvrir' }).count()).toBe(0);
      const editing = /ouvrir|fermer|déplacer|scénario|ajouter|chercher|importer|annuler|rétablir/i;
      const buttons = await pub.page.getByRole('button').allInnerTexts();
      expect(buttons.filter((b) => editing.test(b))).toEqual([]);
      expect(await seriousViolations(pub.page)).toEqual([]);
      await saveScreenshot(pub.page, 'reach-public');
      assertClean(pub);
    } finally {
      await pub.close();
    }
  });
});

describe.each(['62', '34', '55'])('reach mode on the real département %s', (dep) => {
  it('shows the figures of the headless report on the same built data', async (t) => {
    if (!(await hasBuiltDataset(baseUrl, `dep-${dep}`))) {
      t.skip();
      return;
    }
    const real = await openDataset(`dep-${dep}`);
    const page = await openApp(browser, `${baseUrl}?d=dep-${dep}`);
    try {
      const r = await reachReportFromDb(real.db, real.meta, {
        assumptions: defaultAssumptions(),
        edits: [],
      });
      await page.page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      await page.page.getByRole('button', { name: "Temps d'accès" }).click();
      const figure = (name: string) =>
        page.page
          .locator(`[data-figure="${name}"]`)
          .innerText()
          .then((x) => x.replace(/\s/g, ' ').trim());
      await expect
        .poll(() => figure('reach-population-beyond'), { timeout: 30_000 })
        .toBe(fr(r.total.populationBeyond));
      expect(await figure('reach-need-beyond')).toBe(fr(r.total.needBeyond));
      expect(await figure('reach-communes-beyond')).toBe(fr(r.total.communesBeyond));
      await page.page.waitForTimeout(500);
      await saveScreenshot(page.page, `reach-dep-${dep}`);
      // The map shows the travel-time bands, not the choropleth of the explore mode. A narrow
      // département (Meuse) fills about a third of the map, most of it in the palest band.
      expect(
        bandShare(
          await screenshotStats(page.page, page.page.getByRole('region', { name: /^Carte/ })),
        ),
      ).toBeGreaterThan(0.1);
      assertClean(page);
    } finally {
      await page.close();
      await real.db.close();
    }
  });
});
