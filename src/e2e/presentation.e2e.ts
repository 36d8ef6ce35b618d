/**
 * Presentation: a three-step story loaded from a file, stepped through with the keyboard; each
 * step shows its title and moves the camera to its view; R returns to the prepared view. During
 * a step of the reach mode a site opened on the map answers at once; R takes it away, and the
 * scenario being prepared comes back when the presentation ends.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDemo } from '../../scripts/lib/demo-db.ts';
import { reachReportFromDb } from '../../scripts/report/reach.ts';
import { listCommunes } from '../data/queries/communes.ts';
import { defaultAssumptions } from '../domain/reach/scenario.ts';
import { formatNumber } from '../ui/format.ts';
import { STORY_FORMAT } from '../state/story.ts';
import { decodeView } from '../state/url.ts';
import {
  assertClean,
  launchBrowser,
  openPage,
  saveScreenshot,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let ctx: PageContext;

const steps = [
  {
    title: 'Le département et ses territoires',
    text: 'Neuf territoires PTI.',
    view: '?d=demo&s=pti&i=taux_besoin&c=2.45,46.95,7.6',
  },
  {
    title: 'Les EPCI au nord',
    text: 'Zoom sur le nord.',
    view: '?d=demo&s=epci&i=population&c=2.5,47.25,9.2',
  },
  { title: 'Les bassins de vie', text: '', view: '?d=demo&s=bv2022&i=densite&c=2.3,46.7,8.4' },
];

/** The camera the URL reports, once the map has stopped moving. */
async function camera() {
  return decodeView(new URL(ctx.page.url()).search).camera;
}

async function expectStep(i: number) {
  const step = steps[i]!;
  const caption = ctx.page.getByRole('region', { name: 'Étape de la présentation' });
  await expect.poll(() => caption.locator('h2').innerText()).toBe(step.title);
  await expect.poll(() => caption.innerText()).toContain(`Étape ${i + 1} / 3`);
  const want = decodeView(step.view).camera!;
  await expect
    .poll(
      async () => {
        const c = await camera();
        return c
          ? Math.abs(c.lon - want.lon) + Math.abs(c.lat - want.lat) + Math.abs(c.zoom - want.zoom)
          : 99;
      },
      { timeout: 10_000 },
    )
    .toBeLessThan(0.02);
  expect(new URL(ctx.page.url()).searchParams.get('s')).toBe(decodeView(step.view).scheme);
}

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await openPage(browser, baseUrl, { viewport: { width: 1440, height: 900 } });
  await ctx.page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

describe('presentation', () => {
  it('loads a story file and steps through it with the keyboard', async () => {
    const file = join(tmpdir(), 'story.json');
    writeFileSync(
      file,
      JSON.stringify({ format: STORY_FORMAT, version: 1, title: 'Atelier', steps }),
    );
    await ctx.page.getByRole('button', { name: 'Présentation' }).click();
    await ctx.page.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => ctx.page.getByLabel(/^Étape \d : titre/).count()).toBe(3);

    await ctx.page.getByRole('button', { name: 'Lancer la présentation' }).click();
    await expectStep(0);
    await ctx.page.keyboard.press('ArrowRight');
    await expectStep(1);
    await saveScreenshot(ctx.page, 'presentation-step-2');
    await ctx.page.keyboard.press('ArrowRight');
    await expectStep(2);
    // Past the end nothing moves; back one step, then wander off and press R.
    await ctx.page.keyboard.press('ArrowRight');
    await expectStep(2);
    await ctx.page.keyboard.press('ArrowLeft');
    await expectStep(1);
    const map = ctx.page.getByRole('region', { name: /^Carte/ });
    const box = (await map.boundingBox())!;
    await ctx.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await ctx.page.mouse.down();
    await ctx.page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 80, {
      steps: 8,
    });
    await ctx.page.mouse.up();
    // The drag may end over the legend, outside the map's own element: MapLibre then ends it at
    // the pointer's next move, as a user's hand would make.
    await ctx.page.mouse.move(box.x + 20, box.y + box.height / 2);
    await expect.poll(async () => (await camera())!.lon).toBeLessThan(2.45);
    await ctx.page.keyboard.press('r');
    await expectStep(1);
    await ctx.page.keyboard.press('Escape');
    await expect
      .poll(() => ctx.page.getByRole('region', { name: 'Étape de la présentation' }).count())
      .toBe(0);
    assertClean(ctx);
  });

  it('keeps the prepared story across a reload', async () => {
    await ctx.page.reload();
    await ctx.page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
    await ctx.page.getByRole('button', { name: 'Présentation' }).click();
    await expect.poll(() => ctx.page.getByLabel(/^Étape \d : titre/).count()).toBe(3);
    await expect(ctx.page.getByLabel('Étape 2 : titre').inputValue()).resolves.toBe(
      steps[1]!.title,
    );
  });

  it('answers a site opened during a step, and gives the prepared scenario back at the end', async () => {
    // The commune with the most beneficiaries beyond 30 min, as in the reach test.
    const demo = await loadDemo();
    const baseline = await reachReportFromDb(demo.db, demo.meta, {
      assumptions: defaultAssumptions(),
      edits: [],
    });
    const code = baseline.communesBeyond[0]!.code;
    const target = (await listCommunes(demo.db)).find((c) => c.code === code)!;
    await demo.db.close();
    const fr = (n: number | null) => formatNumber(n).replace(/\s/g, ' ');
    const beyond = async () =>
      (await ctx.page.locator('[data-figure="reach-need-beyond"]').first().innerText())
        .replace(/\s/g, ' ')
        .trim();
    const view = `?d=demo&m=reach&c=${target.lon},${target.lat},10`;
    const map = ctx.page.getByRole('region', { name: /^Carte/ });
    const openAtCentre = async () => {
      await ctx.page.getByRole('radio', { name: 'Ouvrir' }).check();
      const box = (await map.boundingBox())!;
      await ctx.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    };

    // The planner's scenario: a site opened at the target.
    await ctx.page.goto(`${baseUrl}${view}`);
    await expect.poll(beyond, { timeout: 30_000 }).toBe(fr(baseline.total.needBeyond));
    await openAtCentre();
    await expect.poll(beyond).not.toBe(fr(baseline.total.needBeyond));
    const planned = await beyond();

    const file = join(tmpdir(), 'story-reach.json');
    const step = { title: 'Ouvrir un site en direct', text: '', view };
    writeFileSync(
      file,
      JSON.stringify({ format: STORY_FORMAT, version: 1, title: 'Atelier', steps: [step] }),
    );
    await ctx.page.getByRole('button', { name: 'Présentation' }).click();
    await ctx.page.locator('input[type="file"][accept^=".json"]').setInputFiles(file);
    await expect.poll(() => ctx.page.getByLabel(/^Étape \d : titre/).count()).toBe(1);
    await ctx.page.getByRole('button', { name: 'Lancer la présentation' }).click();
    // The step as prepared: without the planner's site (a busy machine may take a few seconds).
    const slow = { timeout: 15_000 };
    await expect.poll(beyond, slow).toBe(fr(baseline.total.needBeyond));
    await expect
      .poll(async () => {
        const c = await camera();
        return c ? Math.abs(c.lon - target.lon) + Math.abs(c.lat - target.lat) : 99;
      })
      .toBeLessThan(0.01);

    await openAtCentre();
    await expect.poll(beyond, slow).toBe(planned);
    await ctx.page.keyboard.press('r');
    await expect.poll(beyond, slow).toBe(fr(baseline.total.needBeyond));
    await ctx.page.keyboard.press('Escape');
    // Back to the editor; closing it shows the reach panel with the planner's scenario.
    await ctx.page.getByRole('button', { name: 'Présentation', exact: true }).click();
    await expect.poll(beyond, slow).toBe(planned);
    assertClean(ctx);
  });
});
