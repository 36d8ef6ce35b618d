/**
 * The first figures come before DuckDB: the test holds every request for DuckDB-WASM's worker and
 * wasm, checks that the panel's figures and the legend's classes are on screen and equal to the
 * build's snapshot while the engine has not started, then releases it and checks that the live
 * figures are the same. On the demo, and on dep-62 when the site was built with it.
 */
import type { Browser, Route } from 'playwright-core';
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

/** The DuckDB-WASM files the page asks for: its worker script and its wasm module. */
/** CLASS_COUNT of the explore view (a rune module, which this test runner cannot load). */
const CLASS_COUNT = 5;

const DUCKDB_FILE = /duckdb-(browser-)?(eh|mvp)[^/]*\.(wasm|js)(\?|$)/;

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

    const held: Route[] = [];
    let release!: () => void;
    const released = new Promise<void>((ok) => (release = ok));
    // Registered after openPage's own route, so it is asked first; it hands each request back
    // to that route once released.
    const ctx = await openPage(browser, new URL(`?d=${id}`, baseUrl).href, {
      viewport: APP_VIEWPORT,
      prepare: (context) =>
        context.route(DUCKDB_FILE, async (route) => {
          held.push(route);
          await released;
          await route.fallback();
        }),
    });
    try {
      const page = ctx.page;
      const figure = async (name: string) =>
        plain((await page.locator(`[data-figure="${name}"]`).first().innerText()).split('\n')[0]!);
      const legend = () =>
        page.getByRole('region', { name: 'Légende' }).locator('ul').first().locator('li');
      const shown = async () => ({
        population: await figure('population'),
        need: await figure('need'),
        accueil: await figure('accueil-sites'),
        places: await figure('offer-places'),
        legend: (await legend().allInnerTexts()).map(plain),
      });

      await page.locator('[data-figure="population"]').waitFor({ timeout: 60_000 });
      await expect.poll(() => legend().count()).toBeGreaterThanOrEqual(classLabels.length);
      // DuckDB has not started: its files were asked for and are still held.
      expect(held.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => performance.getEntriesByName('app:db-ready').length)).toBe(
        0,
      );
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
      assertClean(ctx);
    } finally {
      release();
      await ctx.close();
    }
  });
});
