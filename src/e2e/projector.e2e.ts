/**
 * The projector: at 1920×1080 and 1280×720 the screen holds the map, its legend and the step
 * card only, with the step's figures in type sized from the screen (at least 24 px at 1080p);
 * a site opened during a step is shown as a live edit and R takes it away; « Mettre à jour
 * l'étape » gives the step the view on screen; Échap comes back to the exact view the
 * facilitator left, without a stale message.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PNG } from 'pngjs';
import { readFile } from 'node:fs/promises';
import { A3_PX, posterLayout } from '../map/poster.ts';
import { pngInfo } from '../map/png-chunks.ts';
import { STORY_FORMAT, type Story } from '../state/story.ts';
import { decodeView } from '../state/url.ts';
import {
  assertClean,
  launchBrowser,
  openPage,
  saveScreenshot,
  type PageContext,
  type Viewport,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

const story: Story = {
  format: STORY_FORMAT,
  version: 1,
  title: 'Atelier',
  steps: [
    {
      title: 'Qui est loin d’un accueil ?',
      text: 'Les communes au-delà de 30 minutes en voiture.',
      view: '?d=demo&m=reach&s=epci&c=2.45,46.95,7.6',
      figures: ['reach-need-beyond', 'reach-communes-beyond'],
    },
    {
      title: 'Le département',
      text: '',
      view: '?d=demo&s=pti&i=taux_besoin&c=2.45,46.95,7.6',
    },
  ],
};

/** Starts the page where the facilitator works, loads the story and launches it. */
async function startStory(viewport: Viewport, from: string): Promise<PageContext> {
  const ctx = await openPage(browser, `${baseUrl}${from}`, { viewport });
  // The machine running the tests is shared: a first load can take half a minute or more.
  await ctx.page.locator('[data-figure="reach-need-beyond"]').waitFor({ timeout: 90_000 });
  const file = join(tmpdir(), 'projector-story.json');
  writeFileSync(file, JSON.stringify(story));
  await ctx.page.getByRole('button', { name: 'Présentation' }).click();
  await ctx.page.locator('input[type="file"][accept^=".json"]').setInputFiles(file);
  await expect.poll(() => ctx.page.getByLabel(/^Étape \d : titre/).count()).toBe(2);
  await ctx.page.getByRole('button', { name: 'Lancer la présentation' }).click();
  await ctx.page.locator('[data-step-figure="reach-need-beyond"]').waitFor({ timeout: 30_000 });
  return ctx;
}

const card = (page: Page) => page.getByRole('region', { name: 'Étape de la présentation' });

/** What is on screen besides the map: every visible element among the app's chrome. */
async function visibleChrome(page: Page): Promise<string[]> {
  const selectors = ['header', '.banner', 'nav.modes', 'aside', 'footer', '.map-tools'];
  const shown: string[] = [];
  for (const s of selectors) {
    for (const el of await page.locator(s).all()) if (await el.isVisible()) shown.push(s);
  }
  return shown;
}

const fontPx = (page: Page, selector: string) =>
  page
    .locator(selector)
    .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** The camera the URL reports. */
const camera = (page: Page) => decodeView(new URL(page.url()).search).camera;
const near = (a: { lon: number; lat: number; zoom: number } | null, b: typeof a) =>
  a && b ? Math.abs(a.lon - b.lon) + Math.abs(a.lat - b.lat) + Math.abs(a.zoom - b.zoom) : 99;

describe('the projector', () => {
  it('at 1920×1080: the map, the legend and the card only, figures of 24 px and more; live edits, R, « Mettre à jour l’étape » and Échap', async () => {
    const from = '?d=demo&m=reach&s=bv2022&c=2.20000,47.10000,8.30&mn=20';
    const ctx = await startStory({ width: 1920, height: 1080 }, from);
    const { page } = ctx;
    await expect.poll(() => visibleChrome(page)).toEqual([]);
    await expect.poll(() => page.getByRole('region', { name: 'Légende' }).isVisible()).toBe(true);
    // The figures the step names, and those only, readable across a room.
    const ids = await page
      .locator('[data-step-figure]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-figure')));
    expect(ids).toEqual(['reach-need-beyond', 'reach-communes-beyond']);
    // The step as prepared: its threshold is the default, not the 20 min on screen before.
    await expect.poll(() => card(page).innerText()).toContain('Communes au-delà de 30 min');
    for (const px of await fontPx(page, '[data-step-figure]'))
      expect(px).toBeGreaterThanOrEqual(24);
    for (const px of await fontPx(page, '.caption h2')) expect(px).toBeGreaterThanOrEqual(36);
    const box = (await card(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1080);
    await saveScreenshot(page, 'projector-1080p');

    // A site opened live is said on the card as such; R takes it away.
    const live = page.getByRole('status', { name: 'Modifications en direct' });
    expect(await live.count()).toBe(0);
    await card(page).getByRole('radio', { name: 'Ouvrir' }).check();
    const map = page.getByRole('region', { name: /^Carte/ });
    const mapBox = (await map.boundingBox())!;
    await page.mouse.click(mapBox.x + mapBox.width / 2, mapBox.y + mapBox.height / 2);
    await expect.poll(() => live.innerText(), { timeout: 15_000 }).toContain('Ouverture');
    await saveScreenshot(page, 'projector-1080p-live');
    await page.keyboard.press('r');
    await expect.poll(() => live.count()).toBe(0);

    // The facilitator pans, then gives the step this view.
    await card(page).getByRole('radio', { name: 'Consulter' }).check();
    await page.mouse.move(mapBox.x + mapBox.width * 0.6, mapBox.y + mapBox.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(mapBox.x + mapBox.width * 0.6 + 300, mapBox.y + mapBox.height * 0.5, {
      steps: 8,
    });
    await page.mouse.up();
    // A drag ending over the tooltip ends at the pointer's next move, as a hand would make it.
    await page.mouse.move(mapBox.x + mapBox.width - 20, mapBox.y + 20);
    await expect.poll(async () => camera(page)!.lon, { timeout: 15_000 }).toBeLessThan(2.3);
    const panned = camera(page);
    await card(page).getByRole('button', { name: "Mettre à jour l'étape" }).click();
    await expect.poll(() => card(page).innerText()).toContain('Étape mise à jour');
    const saved = async () =>
      JSON.parse(
        (await page.evaluate(() => localStorage.getItem('carte-insertion:presentation')))!,
      ) as Story;
    const updated = (await saved()).steps[0]!;
    expect(near(decodeView(updated.view).camera, panned)).toBeLessThan(0.001);
    expect(updated.title).toBe(story.steps[0]!.title);
    expect(updated.figures).toEqual(story.steps[0]!.figures);

    // The next step names no figure: its mode's usual ones.
    await page.keyboard.press('ArrowRight');
    await page.locator('[data-step-figure="population"]').waitFor();
    expect(await page.locator('[data-step-figure="need"]').count()).toBe(1);

    // Échap: the view the facilitator left, exactly, and no message of the live edit.
    await page.keyboard.press('Escape');
    await expect.poll(() => card(page).count()).toBe(0);
    const want = decodeView(from);
    await expect
      .poll(() => near(camera(page), want.camera), { timeout: 10_000 })
      .toBeLessThan(0.001);
    const back = decodeView(new URL(page.url()).search);
    expect([back.mode, back.scheme, back.minutes, back.edits]).toEqual([
      'reach',
      'bv2022',
      20,
      null,
    ]);
    await page.getByRole('button', { name: 'Présentation', exact: true }).click();
    await page.locator('[data-figure="reach-need-beyond"]').waitFor();
    // The message of the site opened live (« Nouveau site n° 1 ouvert… ») is not left behind.
    expect(await page.locator('.side-panel p.status').innerText()).toBe('');
    expect(await page.locator('.side-panel').innerText()).not.toContain('Nouveau site');
    assertClean(ctx);
    await ctx.close();
  });

  it(
    'at 1280×720: the same screen, legible, the card on the map',
    { timeout: 240_000 },
    async () => {
      const ctx = await startStory({ width: 1280, height: 720 }, '?d=demo&m=reach');
      const { page } = ctx;
      await expect.poll(() => visibleChrome(page)).toEqual([]);
      for (const px of await fontPx(page, '[data-step-figure]'))
        expect(px).toBeGreaterThanOrEqual(24);
      for (const px of await fontPx(page, '.caption dt, .caption .text')) {
        expect(px).toBeGreaterThanOrEqual(13);
      }
      const box = (await card(page).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(720);
      expect(box.width * box.height).toBeLessThan(1280 * 720 * 0.35);
      await saveScreenshot(page, 'projector-720p');
      assertClean(ctx);
      await ctx.close();
    },
  );

  it('gives a step as an A3 poster at 300 dpi: its size, its resolution, a map drawn on it', async () => {
    const ctx = await startStory({ width: 1920, height: 1080 }, '?d=demo&m=reach');
    const { page } = ctx;
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      card(page)
        .getByRole('button', { name: /Affiche A3/ })
        .click(),
    ]);
    const bytes = await readFile((await download.path()) as string);
    const info = pngInfo(new Uint8Array(bytes));
    expect([info.width, info.height]).toEqual([A3_PX.long, A3_PX.short]);
    expect([info.width, info.height]).toEqual([4961, 3508]);
    expect(info.pixelsPerMeter).toEqual({ x: 11811, y: 11811 });
    expect(info.text.get('Title')).toBe("Qui est loin d'un accueil ?");

    // The map's box holds a map: many colours and a spread of lightness, not a flat fill.
    const png = PNG.sync.read(bytes);
    const box = posterLayout('paysage').map;
    let n = 0;
    let sum = 0;
    let sumSq = 0;
    const colours = new Set<number>();
    for (let y = box.y; y < box.y + box.h; y += 4) {
      for (let x = box.x; x < box.x + box.w; x += 4) {
        const i = (y * png.width + x) * 4;
        const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        n++;
        sum += l;
        sumSq += l * l;
        colours.add((r << 16) | (g << 8) | b);
      }
    }
    const variance = sumSq / n - (sum / n) ** 2;
    // Measured on the demo: a variance of about 180 and 3 400 colours; a blank map box
    // (background only) has a variance under 1 and a handful of colours.
    expect(variance).toBeGreaterThan(50);
    expect(colours.size).toBeGreaterThan(200);
    // The screen is drawn as before. (Its time is the benchmark's business, not a test's.)
    expect(await card(page).innerText()).toContain('Affiche A3 téléchargée');
    assertClean(ctx);
    await ctx.close();
  });
});
