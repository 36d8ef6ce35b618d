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
import { defaultAssumptions, type ScenarioEdit } from '../domain/reach/scenario.ts';
import { PAIR_COLORS } from '../map/colors.ts';
import { decodeView } from '../state/url.ts';
import { readFile, writeFile } from 'node:fs/promises';
import { pngInfo } from '../map/png-chunks.ts';
import {
  assertClean,
  pngStats,
  screenshotDir,
  launchBrowser,
  openApp,
  saveScreenshot,
  screenshotStats,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: PageContext;
/** The communes beyond 30 min in the current situation (scenario A), by code. */
let beyondA: Map<string, string>;
let beyondOf: (edits: ScenarioEdit[]) => Promise<Map<string, string>>;

let demo: Awaited<ReturnType<typeof loadDemo>> | undefined;

beforeAll(async () => {
  // The map opens centred on the commune with the most beneficiaries beyond 30 min, as the
  // headless report finds it on the same data: a site opened there brings people within reach.
  const d = await loadDemo();
  demo = d;
  const baseline = await reachReportFromDb(d.db, d.meta, {
    assumptions: defaultAssumptions(),
    edits: [],
  });
  const far = (await listCommunes(d.db)).find((c) => c.code === baseline.communesBeyond[0]!.code)!;
  beyondA = new Map(baseline.communesBeyond.map((c) => [c.code, c.name]));
  beyondOf = async (edits) => {
    const r = await reachReportFromDb(d.db, d.meta, {
      assumptions: defaultAssumptions(),
      edits,
    });
    return new Map(r.communesBeyond.map((c) => [c.code, c.name]));
  };
  browser = await launchBrowser();
  ctx = await openApp(
    browser,
    `${baseUrl}?d=demo&m=reach&c=${far.lon},${far.lat},10`,
    'reach-population-beyond',
  );
});
afterAll(async () => {
  await demo?.db.close();
  await ctx?.close();
  await browser?.close();
});

const hexToRgb = (hex: string) =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

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

    // The difference map: its « B mieux » communes are those B brings within 30 min, as the
    // headless report finds them on B's edits (read back from the link), and their inhabitants
    // are the table's B − A.
    const edits = decodeView(new URL(page.url()).search).edits ?? [];
    expect(edits.length).toBe(1);
    const beyondB = await beyondOf(edits);
    const entered = [...beyondA.keys()].filter((c) => !beyondB.has(c));
    expect(entered.length).toBeGreaterThan(0);
    const [r, g, b] = hexToRgb(PAIR_COLORS[0]!);
    const mapRegion = page.getByRole('region', { name: /^Carte/ });
    const betterBefore = (await screenshotStats(page, mapRegion)).colorShare([r, g, b], 20);
    await pair.getByLabel(/Carte des écarts B − A/).check();
    const enters = pair.locator('[data-crossing="enters"]');
    const leaves = pair.locator('[data-crossing="leaves"]');
    expect(Number(await enters.getAttribute('data-count'))).toBe(entered.length);
    expect(Number(await leaves.getAttribute('data-count'))).toBe(0);
    const listed = await enters.innerText();
    for (const code of entered) expect(listed).toContain(beyondA.get(code)!);
    expect(-Number(await enters.getAttribute('data-population'))).toBe(after - before);
    // The legend says the same counts, and the map draws the « B mieux » colour.
    const legend = page.getByRole('region', { name: 'Légende' }).first();
    await expect.poll(() => legend.innerText()).toContain(`Écart de temps B − A par commune`);
    expect(await legend.innerText()).toMatch(
      new RegExp(
        `B mieux : à 30 min ou moins avec B, au-delà avec A \\(${entered.length} communes?,`,
      ),
    );
    await page.waitForTimeout(500);
    await saveScreenshot(page, 'scenario-a-vs-b-difference-map');
    const stats = await screenshotStats(page, mapRegion);
    expect(stats.colorShare([r, g, b], 20)).toBeGreaterThan(betterBefore + 0.0005);
    const [wr, wg, wb] = hexToRgb(PAIR_COLORS[4]!);
    expect(stats.colorShare([wr, wg, wb], 20)).toBe(0);

    // The summary card of A vs B: a 1920 × 1080 slide whose figures are the table's.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pair.getByRole('button', { name: /Fiche de synthèse A contre B/ }).click(),
    ]);
    const bytes = await readFile((await download.path()) as string);
    await writeFile(`${screenshotDir}/scenario-a-vs-b-card.png`, bytes);
    const info = pngInfo(new Uint8Array(bytes));
    expect([info.width, info.height]).toEqual([1920, 1080]);
    // tEXt is Latin-1: spaces and minus signs compared as plain ones.
    const latin = (t: string) => t.replace(/\s/g, ' ').replace(/−/g, '-');
    const text = latin(info.text.get('Description')!);
    expect(text).toContain(
      `Population au-delà de 30 min : A : situation actuelle ${latin(cells[3]!)} ; B : 1 modification ${latin(cells[4]!)} ; B - A ${latin(cells[5]!)}`,
    );
    expect(text).toContain(latin(`B : 1 modification : 1 site ouvert`));
    expect(text).toContain('Données fictives');
    expect(pngStats(bytes).dominantShare).toBeLessThan(0.9);

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
