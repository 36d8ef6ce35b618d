/**
 * The first figures come before DuckDB: the test holds every request for DuckDB-WASM's worker and
 * wasm, checks that the panel's figures and the legend's classes are on screen and equal to the
 * build's snapshot while the engine has not started, then releases it and checks that the live
 * figures are the same. On the demo, and on dep-62 when the site was built with it. Then, DuckDB
 * still held: a change of découpage shows its figures, and a link to Temps d'accès, Couverture or
 * Mobilité shows that mode's figures, computed from the tables the page decoded; DuckDB's, once released,
 * are the same.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { snapshotAnswer, type FirstFigures } from '../data/first-figures.ts';
import { classifyRobust } from '../domain/classify.ts';
import {
  DEFAULT_INDICATOR,
  indicatorById,
  needFigure,
  placesFigure,
} from '../domain/indicators.ts';
import type { DatasetEntry, DatasetMeta } from '../domain/model.ts';
import { sequentialRamp } from '../map/colors.ts';
import { formatFigure, formatNumber } from '../ui/format.ts';
import { classLegendItems } from '../ui/legend-items.ts';
import { APP_VIEWPORT, assertClean, hasBuiltDataset, launchBrowser, openPage } from './browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const plain = (s: string) => s.replace(/\s/g, ' ').trim();

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(new URL(path, baseUrl));
  if (!res.ok) throw new Error(`${path} : HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** CLASS_COUNT of the explore view (a rune module, which this test runner cannot load). */
const CLASS_COUNT = 5;

/** The DuckDB-WASM files the page asks for: its worker script and its wasm module. */
const DUCKDB_FILE = /duckdb-(browser-)?(eh|mvp)[^/]*\.(wasm|js)(\?|$)/;

/** Holds DuckDB's files until `release` is called. */
function holdDuckDb() {
  const held: Route[] = [];
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  return {
    held,
    release: () => release(),
    // Registered after openPage's own route, so it is asked first; it hands each request back
    // to that route once released.
    prepare: (context: BrowserContext) =>
      context.route(DUCKDB_FILE, async (route) => {
        held.push(route);
        await released;
        await route.fallback();
      }),
  };
}

const dbReady = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('app:db-ready').length > 0);

/**
 * DuckDB has not started: it has asked for its files and they are still held. The page starts it
 * after painting its first figures, so the request may come a frame after they are on screen.
 */
async function expectDuckDbHeld(page: Page, held: Route[]) {
  await expect.poll(() => held.length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await dbReady(page)).toBe(false);
}

const waitDbReady = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('app:db-ready').length > 0, null, {
    timeout: 120_000,
  });

/** The items of the legend's first list (the classes of the map's colours). */
const legendItems = (page: Page) =>
  page.getByRole('region', { name: 'Légende' }).locator('ul').first().locator('li');

interface HeldPage {
  page: Page;
  /** Hands DuckDB its files: the engine starts. */
  release: () => void;
  /** Checks that DuckDB has asked for its files and is held (expectDuckDbHeld). */
  expectHeld: () => Promise<void>;
}

/**
 * Opens the app at `query` with DuckDB's files held, runs `body`, then checks the page logged no
 * error; DuckDB is released and the page closed whatever happens.
 */
async function withDuckDbHeld(query: string, body: (p: HeldPage) => Promise<void>) {
  const { held, release, prepare } = holdDuckDb();
  const ctx = await openPage(browser, new URL(query, baseUrl).href, {
    viewport: APP_VIEWPORT,
    prepare,
  });
  try {
    await body({ page: ctx.page, release, expectHeld: () => expectDuckDbHeld(ctx.page, held) });
    assertClean(ctx);
  } finally {
    release();
    await ctx.close();
  }
}

describe.each(['demo', 'dep-62'])('first figures of %s', (id) => {
  it('are on screen, equal to the snapshot, before DuckDB starts, and stay equal after', async (t) => {
    if (id !== 'demo' && !(await hasBuiltDataset(baseUrl, id))) return t.skip();
    const entry = (await getJson<DatasetEntry[]>('data/datasets.json')).find((e) => e.id === id)!;
    const meta = await getJson<DatasetMeta>(`data/${entry.path}/meta.json`);
    expect(meta.firstFigures, 'the build wrote a snapshot').toBeTruthy();
    const snapshot = await getJson<FirstFigures>(`data/${entry.path}/${meta.firstFigures}`);
    // The scheme the page opens on: the PTI territories when the dataset has them.
    const scheme = meta.schemes.find((s) => s.id === 'pti') ?? meta.schemes[0]!;
    const expected = snapshotAnswer(snapshot, scheme.id, meta.defaultNeed)!;
    const total = expected.total!;
    const indicator = indicatorById(DEFAULT_INDICATOR);
    const classes = classifyRobust(
      expected.aggregates.map((a) => indicator.figure(a).value),
      CLASS_COUNT,
    );
    const classLabels = classLegendItems(
      classes,
      sequentialRamp((classes?.breaks.length ?? 0) + 1),
      indicator.decimals,
      false,
    ).map((i) => plain(i.label));

    await withDuckDbHeld(`?d=${id}`, async ({ page, release, expectHeld }) => {
      const figure = async (name: string) =>
        plain((await page.locator(`[data-figure="${name}"]`).first().innerText()).split('\n')[0]!);
      const shown = async () => ({
        population: await figure('population'),
        need: await figure('need'),
        accueil: await figure('accueil-sites'),
        places: await figure('offer-places'),
        legend: (await legendItems(page).allInnerTexts()).map(plain),
      });

      await page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      await expect.poll(() => legendItems(page).count()).toBeGreaterThanOrEqual(classLabels.length);
      await expectHeld();
      await expect(
        page.getByRole('button', { name: 'Données', exact: true }).isDisabled(),
      ).resolves.toBe(true);

      const before = await shown();
      expect(before.population).toBe(plain(formatNumber(total.population)));
      expect(before.need).toBe(plain(formatFigure(needFigure(total))));
      expect(before.accueil).toBe(plain(formatNumber(total.accueilSites)));
      expect(before.places).toBe(plain(formatFigure(placesFigure(total))));
      expect(before.legend.slice(0, classLabels.length)).toEqual(classLabels);

      release();
      await page.waitForFunction(
        () => performance.getEntriesByName('app:live-figures').length > 0,
        null,
        {
          timeout: 120_000,
        },
      );
      await expect(
        page.getByRole('button', { name: 'Données', exact: true }).isEnabled(),
      ).resolves.toBe(true);
      // The live figures have replaced the snapshot's: they are the same.
      expect(await shown()).toEqual(before);
    });
  });

  it('follow a change of découpage before DuckDB starts, as DuckDB then gives them', async (t) => {
    if (id !== 'demo' && !(await hasBuiltDataset(baseUrl, id))) return t.skip();
    await withDuckDbHeld(`?d=${id}`, async ({ page, release, expectHeld }) => {
      const legend = async () => (await legendItems(page).allInnerTexts()).map(plain);
      const territories = () =>
        page.getByLabel('Territoire sélectionné').first().locator('option').count();
      await page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      const first = { legend: await legend(), territories: await territories() };
      await page
        .locator('fieldset', { hasText: 'Découpage' })
        .getByRole('radio', { name: 'Communes' })
        .check();
      await expect.poll(territories, { timeout: 30_000 }).not.toBe(first.territories);
      const communes = { legend: await legend(), territories: await territories() };
      expect(communes.legend).not.toEqual(first.legend);
      await expectHeld();

      release();
      await waitDbReady(page);
      await page.waitForFunction(
        () => performance.getEntriesByName('app:live-figures').length > 0,
        null,
        { timeout: 60_000 },
      );
      expect({ legend: await legend(), territories: await territories() }).toEqual(communes);
    });
  });

  it.for([
    ['reach', 'reach-population-beyond'],
    ['gaps', 'gaps-concerned'],
    ['mobility', 'mobility-unmet'],
  ] as const)(
    'of the mode %s are on screen before DuckDB starts, as DuckDB then gives them',
    async ([mode, name], t) => {
      if (id !== 'demo' && !(await hasBuiltDataset(baseUrl, id))) return t.skip();
      await withDuckDbHeld(`?d=${id}&m=${mode}`, async ({ page, release, expectHeld }) => {
        const figure = page.locator(`[data-figure="${name}"]`).first();
        await figure.waitFor({ timeout: 60_000 });
        const before = plain(await figure.innerText());
        expect(before).toMatch(/\d/);
        await expectHeld();

        release();
        await waitDbReady(page);
        expect(plain(await figure.innerText())).toBe(before);
      });
    },
  );
});
