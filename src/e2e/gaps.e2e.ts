/**
 * The coverage and mobility modes on the demo, in headless Chromium against the production build:
 * their figures, table and map equal the headless reports (`npm run report -- gaps` and
 * `-- mobility`, run here in Node on the same data) before and after the axis or an assumption
 * changes; the proposed mobility platforms, added to the scenario, cover what the report counts;
 * the public build shows only what its published figures allow, read-only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { coverageReportFromDb } from '../../scripts/report/gaps.ts';
import { mobilityReportFromDb } from '../../scripts/report/mobility.ts';
import { openDataset } from '../../scripts/report/common.ts';
import { loadDemo, type LoadedDataset } from '../../scripts/lib/demo-db.ts';
import { listCommunes } from '../data/queries/communes.ts';
import { communeTerritories } from '../data/queries/territories.ts';
import { defaultCoverageAssumptions, type CoverageAssumptions } from '../domain/gaps/coverage.ts';
import {
  defaultMobilityAssumptions,
  defaultPlatformCapacity,
  type MobilityAssumptions,
} from '../domain/gaps/mobility.ts';
import type { Commune } from '../domain/model.ts';
import type { ScenarioEdit } from '../domain/reach/scenario.ts';
import { listSites } from '../data/queries/sites.ts';
import { BACKGROUND_COLOR, gapRamp, hexToRgba, mobilityRamp } from '../map/colors.ts';
import { formatNumber } from '../ui/format.ts';
import { seriousViolations } from './a11y.ts';
import {
  assertClean,
  hasBuiltDataset,
  launchBrowser,
  openApp,
  pngStats,
  saveScreenshot,
  screenshotDir,
  screenshotStats,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const publicUrl = inject('publicUrl');
let browser: Browser;
let demo: LoadedDataset;
let ctx: PageContext;
let communes: Commune[];
/** The commune the map opens centred on, and its PTI territory. */
let centre: { commune: Commune; territory: string };

const fr = (n: number | null, d = 0) => formatNumber(n, d).replace(/\s/g, ' ');
const plain = (s: string) => s.replace(/\s/g, ' ').trim();
const coverage = (
  a: Partial<CoverageAssumptions> = {},
  db: Pick<LoadedDataset, 'db' | 'meta'> = demo,
) =>
  coverageReportFromDb(
    db.db,
    db.meta,
    { ...defaultCoverageAssumptions(), ...a },
    { schemeId: 'pti' },
  );
const mobility = (a: Partial<MobilityAssumptions> = {}, edits: ScenarioEdit[] = []) =>
  mobilityReportFromDb(
    demo.db,
    demo.meta,
    { ...defaultMobilityAssumptions(), ...a },
    { schemeId: 'pti', edits, siting: { k: 3, capacityPerYear: 'default' } },
  );

async function figure(page: Page, name: string): Promise<string> {
  return plain((await page.locator(`[data-figure="${name}"]`).first().innerText()).split('\n')[0]!);
}

/** The table of the "Tableau" display: territory name → header → cell text. */
async function table(page: Page): Promise<Map<string, Record<string, string>>> {
  const { headers, rows } = await page.$$eval(
    'section[aria-label="Tableau des territoires"] table',
    ([t]) => ({
      headers: [...t!.querySelectorAll('thead th')].map((th) =>
        (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
      ),
      rows: [...t!.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
      ),
    }),
  );
  return new Map(
    rows.map((cells) => [
      plain(cells[0]!),
      Object.fromEntries(headers.map((h, i) => [h, plain(cells[i] ?? '')])),
    ]),
  );
}

/** Waits until every row of the table shows `expected(name)` in the column `header`. */
async function expectColumn(
  page: Page,
  header: string,
  expected: Map<string, string>,
): Promise<void> {
  await expect
    .poll(async () => {
      const t = await table(page);
      return [...expected.keys()].map((name) => t.get(name)?.[header]);
    })
    .toEqual([...expected.values()]);
}

/** The tooltip of the map's centre. */
async function tooltipAtCentre(page: Page): Promise<string> {
  const box = (await page.getByRole('region', { name: /^Carte/ }).boundingBox())!;
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const tip = page.getByRole('tooltip');
  await tip.waitFor();
  return plain(await tip.innerText());
}

/**
 * A ramp colour as drawn: the fills are slightly transparent (alpha 235) over the map's
 * background, which shifts the darkest classes most.
 */
function drawn(hex: string): [number, number, number] {
  const bg = hexToRgba(BACKGROUND_COLOR);
  const c = hexToRgba(hex);
  const a = 235 / 255;
  const mix = (i: number) => Math.round(a * c[i]! + (1 - a) * bg[i]!);
  return [mix(0), mix(1), mix(2)];
}

/** Share of the map's pixels in one of the colours of a ramp. */
async function rampShare(page: Page, ramp: string[]): Promise<number> {
  const stats = await screenshotStats(page, page.getByRole('region', { name: /^Carte/ }));
  return ramp.reduce((sum, hex) => sum + stats.colorShare(drawn(hex), 14), 0);
}

beforeAll(async () => {
  demo = await loadDemo();
  communes = await listCommunes(demo.db);
  const pti = await communeTerritories(demo.db, 'pti');
  // A large commune without any site: nothing drawn over its reference point, at the centre.
  const withSites = new Set((await listSites(demo.db)).map((s) => s.communeCode));
  const big = [...communes]
    .filter((c) => !withSites.has(c.code))
    .sort((a, b) => b.areaKm2 - a.areaKm2)[0]!;
  centre = { commune: big, territory: pti.get(big.code)! };
  browser = await launchBrowser();
  ctx = await openApp(browser, `${baseUrl}?s=pti&c=${big.lon},${big.lat},10`, 'population');
});

afterAll(async () => {
  await browser?.close();
  await demo?.db.close();
});

describe('coverage mode on the demo', () => {
  it('shows the département figures of the report, with no serious accessibility violation', async () => {
    await ctx.page.getByRole('button', { name: 'Couverture', exact: true }).click();
    await ctx.page.locator('[data-figure="gaps-score"]').waitFor({ timeout: 30_000 });
    const r = await coverage();
    expect(await figure(ctx.page, 'gaps-score')).toBe(`${fr(r.total.score, 1)} %`);
    expect(await figure(ctx.page, 'gaps-concerned')).toBe(fr(r.total.concerned));
    expect(await figure(ctx.page, 'split-served')).toBe(fr(r.total.served));
    expect(await figure(ctx.page, 'split-out')).toBe(fr(r.total.outOfReach));
    expect(await figure(ctx.page, 'gaps-population-out')).toBe(fr(r.total.populationOutOfReach));
    expect(await seriousViolations(ctx.page)).toEqual([]);
    await ctx.page.waitForTimeout(400);
    await saveScreenshot(ctx.page, 'gaps-demo');
    expect(await rampShare(ctx.page, gapRamp(5))).toBeGreaterThan(0.2);
    // The map as an image, with its own title and legend.
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('button', { name: 'Image PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^carte-demo-score-d-ecart.*\.png$/);
    const png = readFileSync((await download.path())!);
    writeFileSync(`${screenshotDir}/gaps-export.png`, png);
    const stats = pngStats(png);
    expect(stats.distinctColors).toBeGreaterThan(50);
    const inRamp = gapRamp(5).reduce((sum, hex) => sum + stats.colorShare(drawn(hex), 14), 0);
    expect(inRamp).toBeGreaterThan(0.05);
  });

  it('shows the report’s table, and follows a change of axis and of assumptions', async () => {
    const page = ctx.page;
    await page.getByRole('button', { name: 'Tableau' }).click();
    const check = async (a: Partial<CoverageAssumptions>) => {
      const r = await coverage(a);
      const of = (f: (row: (typeof r.rows)[number]) => string) =>
        new Map(r.rows.map((row) => [row.name, f(row)]));
      await expectColumn(
        page,
        "Score d'écart (%)",
        of((x) => fr(x.score, 1)),
      );
      await expectColumn(
        page,
        'Servis (30 min)',
        of((x) => fr(x.served)),
      );
      await expectColumn(
        page,
        'Hors de portée',
        of((x) => fr(x.outOfReach)),
      );
      await expectColumn(
        page,
        'Places',
        of((x) => fr(x.places)),
      );
      await expectColumn(
        page,
        'Rang',
        of((x) => fr(x.rank)),
      );
      return r;
    };
    await check({});
    await page.getByLabel("Axe de l'offre").selectOption('iae');
    await check({ axis: 'iae' });
    const share = page.getByLabel("Part des bénéficiaires concernés par l'axe (%)");
    await share.fill('40');
    await share.press('Enter');
    await share.blur();
    const r = await check({ axis: 'iae', concernedShare: 0.4 });
    await page.getByLabel('comptés sans aucune place').check();
    await check({ axis: 'iae', concernedShare: 0.4, unknownCapacity: 'zero' });
    await page.getByLabel('comptés sans limite de places (chiffres signalés)').check();
    // The link carries the view: the same axis and share open in a fresh page.
    const link = new URL(page.url());
    expect([
      link.searchParams.get('m'),
      link.searchParams.get('a'),
      link.searchParams.get('pc'),
    ]).toEqual(['gaps', 'iae', '40']);
    const shared = await openApp(browser, link.href);
    await expect
      .poll(() => shared.page.getByLabel("Axe de l'offre").inputValue(), { timeout: 30_000 })
      .toBe('iae');
    await expect
      .poll(() =>
        shared.page.getByLabel("Part des bénéficiaires concernés par l'axe (%)").inputValue(),
      )
      .toBe('40');
    await shared.close();
    await saveScreenshot(page, 'gaps-table');
    // The map: the tooltip of the commune at the centre gives its territory's score.
    await page.getByRole('button', { name: 'Carte', exact: true }).click();
    const row = r.rows.find((x) => x.code === centre.territory)!;
    await expect.poll(() => tooltipAtCentre(page)).toContain(`: ${fr(row.score, 1)} %`);
    expect(await tooltipAtCentre(page)).toContain(`Rang : ${row.rank} sur ${r.rows.length}`);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'gaps-iae-40');
    expect(await rampShare(page, gapRamp(5))).toBeGreaterThan(0.2);
  });

  it('shows the sheet of a territory picked in the list', async () => {
    const r = await coverage({ axis: 'iae', concernedShare: 0.4 });
    const row = r.rows.find((x) => x.rank === 1)!;
    await ctx.page.getByLabel('Territoire sélectionné').selectOption(row.code);
    await expect.poll(() => figure(ctx.page, 'gaps-score')).toBe(`${fr(row.score, 1)} %`);
    expect(await figure(ctx.page, 'gaps-sites')).toBe(fr(row.sites));
    expect(await figure(ctx.page, 'gaps-places-per-100')).toBe(fr(row.placesPer100, 1));
    await ctx.page.getByLabel('Territoire sélectionné').selectOption('');
    assertClean(ctx);
  });
});

describe('mobility mode on the demo', () => {
  it('shows the report’s unmet need and follows a change of the survey answers', async () => {
    const page = ctx.page;
    await page.getByRole('button', { name: 'Mobilité', exact: true }).click();
    await page.locator('[data-figure="mobility-unmet"]').waitFor({ timeout: 30_000 });
    const r = await mobility();
    expect(await figure(page, 'mobility-unmet')).toBe(fr(Math.round(r.total.unmet!)));
    expect(await figure(page, 'mobility-support')).toBe(fr(Math.round(r.total.supportNeed!)));
    expect(await seriousViolations(page)).toEqual([]);
    await page.waitForTimeout(400);
    expect(await rampShare(page, mobilityRamp(5))).toBeGreaterThan(0.2);
    await page.getByRole('button', { name: 'Tableau' }).click();
    const unmet = (x: typeof r) =>
      new Map(x.rows.map((row) => [row.name, fr(Math.round(row.unmet!))]));
    await expectColumn(page, 'Non couvert', unmet(r));
    await page.getByLabel("Je n'ai aucun moyen de transport à ma disposition").uncheck();
    const fewer = await mobility({
      answers: ['vehicule_avec_difficultes', 'transports_en_commun_seulement'],
    });
    await expectColumn(page, 'Non couvert', unmet(fewer));
    await page.getByLabel("Je n'ai aucun moyen de transport à ma disposition").check();
    await expectColumn(page, 'Non couvert', unmet(r));
    await page.getByRole('button', { name: 'Carte', exact: true }).click();
  });

  it('applies the survey shares entered for a territory, like the report, and keeps them in the link', async () => {
    const page = ctx.page;
    const r = await mobility();
    const first = r.rows[0]!;
    const entered = {
      aucune_difficulte: 0.5,
      mobile_plus_25km: 0.05,
      mobile_moins_25km: 0.05,
      vehicule_avec_difficultes: 0.1,
      transports_en_commun_seulement: 0.2,
      aucun_moyen: 0.1,
    };
    const shares = page.getByRole('table', { name: 'Parts de l’enquête par territoire' });
    const row = shares.getByRole('row').filter({ hasText: first.name });
    await row.getByRole('button', { name: 'Saisir' }).click();
    const answers = Object.values(entered).map((v) => fr(v * 100, 0));
    const inputs = shares.locator('form input');
    for (let i = 0; i < answers.length; i++) await inputs.nth(i).fill(answers[i]!);
    await shares.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => row.innerText()).toContain('parts saisies');
    const after = await mobilityReportFromDb(demo.db, demo.meta, defaultMobilityAssumptions(), {
      schemeId: 'pti',
      barrierEdits: { schemeId: 'pti', rows: {}, shares: { [first.code]: entered } },
    });
    expect(after.total.unmet).not.toBe(r.total.unmet);
    await expect
      .poll(() => figure(page, 'mobility-unmet'))
      .toBe(fr(Math.round(after.total.unmet!)));
    expect(new URL(page.url()).searchParams.get('bs')).toBe(`pti|${first.code}=50,5,5,10,20,10`);
    await row.getByRole('button', { name: 'Effacer' }).click();
    await expect.poll(() => figure(page, 'mobility-unmet')).toBe(fr(Math.round(r.total.unmet!)));
    // Nothing left entered on the default scheme: nothing in the link.
    expect(new URL(page.url()).searchParams.get('bs')).toBeNull();
  });

  it('proposes platforms with the report’s gains; added, they cover what they announced', async () => {
    const page = ctx.page;
    const r = await mobility();
    await page.getByRole('button', { name: 'Chercher les emplacements' }).click();
    const gains = page.locator('[data-figure="platform-gain"]');
    await expect.poll(() => gains.count()).toBe(r.siting!.picks.length);
    expect((await gains.allInnerTexts()).map(plain)).toEqual(
      r.siting!.picks.map((p) => `+${fr(p.gain)}`),
    );
    await saveScreenshot(page, 'mobility-siting');
    await page.getByRole('button', { name: 'Tout ajouter au scénario' }).click();
    // The same platforms opened in the report's scenario.
    const capacity = defaultPlatformCapacity(await listSites(demo.db));
    const edits: ScenarioEdit[] = r.siting!.picks.map((p, i) => {
      const c = communes.find((x) => x.code === p.code)!;
      return {
        op: 'open',
        site: {
          id: `p${i}`,
          name: p.name,
          kind: 'mobilite',
          lon: c.lon,
          lat: c.lat,
          communeCode: c.code,
          capacity,
        },
      };
    });
    const after = await mobility({}, edits);
    await expect
      .poll(() => figure(page, 'mobility-unmet'))
      .toBe(fr(Math.round(after.total.unmet!)));
    expect(r.total.unmet! - after.total.unmet!).toBeGreaterThanOrEqual(r.siting!.totalGain - 1e-6);
    // One scenario for every mode: the coverage of the mobility axis counts the new platforms.
    await page.getByRole('button', { name: 'Couverture', exact: true }).click();
    await page.getByLabel("Axe de l'offre").selectOption('mobilite');
    const cov = await coverageReportFromDb(
      demo.db,
      demo.meta,
      { ...defaultCoverageAssumptions(), axis: 'mobilite', concernedShare: 0.4 },
      { schemeId: 'pti', edits },
    );
    await expect.poll(() => figure(page, 'gaps-sites')).toBe(fr(cov.total.sites));
    expect(await figure(page, 'gaps-score')).toBe(`${fr(cov.total.score, 1)} %`);
    await page.getByRole('button', { name: "Temps d'accès", exact: true }).click();
    await page.getByRole('button', { name: 'Tout effacer' }).click();
    await page.getByRole('button', { name: 'Mobilité', exact: true }).click();
    await expect.poll(() => figure(page, 'mobility-unmet')).toBe(fr(Math.round(r.total.unmet!)));
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'mobility-demo');
    assertClean(ctx);
    await ctx.close();
  });
});

describe('coverage and mobility in the public build', () => {
  it('show only what the published figures allow, read-only', async () => {
    const published = await openDataset(
      'demo',
      fileURLToPath(new URL('../../dist-public/data/', import.meta.url)),
    );
    const pub = await openApp(browser, `${publicUrl}?s=pti`);
    try {
      const page = pub.page;
      await page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Couverture', exact: true }).click();
      await page.locator('[data-figure="gaps-places-per-100"]').waitFor({ timeout: 30_000 });
      const r = await coverage({}, published);
      expect(r.total.score).toBeNull();
      expect(await figure(page, 'gaps-places-per-100')).toBe(fr(r.total.placesPer100, 1));
      expect(await figure(page, 'gaps-population-out')).toBe(fr(r.total.populationOutOfReach));
      expect(await page.locator('[data-figure="gaps-score"]').count()).toBe(0);
      await expect.poll(() => page.getByText('ne sont pas publiés').count()).toBeGreaterThan(0);
      expect(await page.locator('input[type="text"]').count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, 'gaps-public');

      await page.getByRole('button', { name: 'Mobilité', exact: true }).click();
      await page.locator('[data-figure="mobility-support"]').waitFor({ timeout: 30_000 });
      // Each PTI territory has one share and a published count: its estimate, whatever its size
      // (a published count × a published share reveals nothing); the département mixes the
      // shares of the nine survey territories: the sum of their estimates.
      const m = await mobilityReportFromDb(
        published.db,
        published.meta,
        defaultMobilityAssumptions(),
        { schemeId: 'pti' },
      );
      expect(m.total.supportNeed).not.toBeNull();
      expect(await figure(page, 'mobility-support')).toBe(fr(Math.round(m.total.supportNeed!)));
      expect(await page.locator('[data-figure="mobility-unmet"]').count()).toBe(0);
      await page.getByRole('button', { name: 'Tableau' }).click();
      const t = await table(page);
      const shown = [...t.values()].map((row) => row["Besoin d'appui (estimé)"]!);
      expect(shown.sort()).toEqual(m.rows.map((r) => fr(Math.round(r.supportNeed!))).sort());
      const editing = /chercher|ajouter|scénario|annuler|rétablir|importer/i;
      const buttons = await page.getByRole('button').allInnerTexts();
      expect(buttons.filter((b) => editing.test(b))).toEqual([]);
      await page.getByRole('button', { name: 'Carte', exact: true }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, 'mobility-public');
      assertClean(pub);
    } finally {
      await pub.close();
      await published.db.close();
    }
  });
});

describe.each(['62', '34', '55'])('coverage and mobility on the real département %s', (dep) => {
  it('show the figures of the headless reports on the same built data', async (t) => {
    if (!(await hasBuiltDataset(baseUrl, `dep-${dep}`))) {
      t.skip();
      return;
    }
    const real = await openDataset(`dep-${dep}`);
    const page = await openApp(browser, `${baseUrl}?d=dep-${dep}&s=bv2022`);
    try {
      const options = { schemeId: 'bv2022' };
      const cov = await coverageReportFromDb(
        real.db,
        real.meta,
        { ...defaultCoverageAssumptions(), axis: 'accueil' },
        options,
      );
      const mob = await mobilityReportFromDb(
        real.db,
        real.meta,
        defaultMobilityAssumptions(),
        options,
      );
      await page.page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      await page.page.getByRole('button', { name: 'Couverture', exact: true }).click();
      await page.page.getByLabel("Axe de l'offre").selectOption('accueil');
      await expect
        .poll(() => figure(page.page, 'gaps-score').catch(() => ''), { timeout: 30_000 })
        .toBe(`${fr(cov.total.score, 1)} %`);
      expect(await figure(page.page, 'gaps-population-out')).toBe(
        fr(cov.total.populationOutOfReach),
      );
      await page.page.waitForTimeout(400);
      await saveScreenshot(page.page, `gaps-dep-${dep}`);
      expect(await rampShare(page.page, gapRamp(5))).toBeGreaterThan(0.2);
      await page.page.getByRole('button', { name: 'Mobilité', exact: true }).click();
      await expect
        .poll(() => figure(page.page, 'mobility-unmet').catch(() => ''), { timeout: 30_000 })
        .toBe(fr(Math.round(mob.total.unmet!)));
      // No survey in a real build: the default share, said as such.
      await expect
        .poll(() => page.page.getByText('hypothèse par défaut').count())
        .toBeGreaterThan(0);
      await page.page.waitForTimeout(400);
      await saveScreenshot(page.page, `mobility-dep-${dep}`);
      assertClean(page);
    } finally {
      await page.close();
      await real.db.close();
    }
  });
});
