/**
 * The corpus of messy and hostile files (src/domain/import/fixtures/corpus.ts) through the
 * browser's import, on the demo, in headless Chromium: each file gives, on screen, its expected
 * report or its refusal, and nothing of a refused file is listed; an accepted file is removed
 * after. The same table runs through the command line and the app's import job. Then: a
 * 100 000-character name does not widen the page, and a beneficiaries file replaces the need
 * indicator only once accepted, across a reload, until removed.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate.ts';
import {
  CORPUS,
  corpusFor,
  corpusMismatches,
  exportedLinesOf,
  refusedObservation,
  type CorpusCase,
  type CorpusKind,
  type CorpusPlace,
  type ObservedReport,
} from '../domain/import/fixtures/corpus.ts';
import { assertClean, launchBrowser, openApp, waitForEngine, type PageContext } from './browser.ts';

const baseUrl = inject('baseUrl');
const demo = generateDemo();
const lons = demo.communes.map((c) => c.lon);
const lats = demo.communes.map((c) => c.lat);
const place: CorpusPlace = {
  dep: demo.meta.departement.code,
  communes: demo.communes,
  bbox: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
};

const INPUT: Record<CorpusKind, RegExp> = {
  offer: /Fichier d'offre/,
  territories: /Fichier de territoires/,
  needs: /Fichier des bénéficiaires/,
};

let browser: Browser;
let ctx: PageContext;

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await openApp(browser, baseUrl, 'accueil-sites');
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

const tab = (name: string) => ctx.page.getByRole('button', { name, exact: true });
const region = () => ctx.page.getByRole('region', { name: 'Importer des fichiers' });
const report = () => ctx.page.getByRole('article', { name: 'Rapport de validation' });
const removeButton = (fileName: string) =>
  ctx.page.getByRole('button', { name: `Retirer ${fileName}`, exact: true });
const int = (text: string) => Number(text.replace(/\s/g, ''));

/** Gives a file to its input and waits until it is imported or refused. */
async function importFile(c: CorpusCase): Promise<void> {
  await tab('Importer').click();
  await ctx.page.getByLabel(INPUT[c.kind]).setInputFiles({
    name: c.fileName,
    mimeType: 'text/plain',
    buffer: Buffer.from(c.file(place)),
  });
  const alert = region().getByRole('alert');
  await expect
    .poll(
      async () =>
        (await removeButton(c.fileName).count()) > 0 ||
        ((await alert.count()) > 0 && (await alert.innerText()).includes(`« ${c.fileName} »`)),
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** The report on screen, as the corpus compares it. */
async function observed(c: CorpusCase): Promise<ObservedReport> {
  const alert = region().getByRole('alert');
  if ((await alert.count()) > 0) return refusedObservation(await alert.innerText());
  const r = report();
  await expect(r.locator('.file').innerText()).resolves.toContain(c.fileName);
  const figure = async (name: string) =>
    int(await r.locator(`[data-figure="${name}"]`).innerText());
  const groups = async (kind: string) =>
    r.locator(`[data-group="${kind}"]`).evaluateAll((els) =>
      els.map((e) => ({
        code: e.getAttribute('data-code') ?? '',
        lines: e.querySelector('.lines')?.textContent ?? '',
      })),
    );
  const rejections = Object.fromEntries(
    (await groups('rejection')).map((g) => [
      g.code,
      (g.lines.replace(/^lignes?/, '').match(/\d+/g) ?? []).map(Number),
    ]),
  );
  // The rows not kept, as the user downloads them.
  const download = r.getByRole('button', { name: /^Télécharger les lignes rejetées/ });
  let exportedLines: number[] = [];
  if ((await download.count()) > 0) {
    const [file] = await Promise.all([ctx.page.waitForEvent('download'), download.click()]);
    exportedLines = exportedLinesOf(await readFile((await file.path())!, 'utf8'));
  }
  const unused = r.locator('[data-unused-columns]');
  const unusedText = (await unused.count()) > 0 ? await unused.innerText() : '';
  return {
    refused: null,
    rowsRead: await figure('rows-read'),
    kept: await figure('kept'),
    rejectedRows: await figure('rejected'),
    ignoredRows: await figure('ignored'),
    rejections,
    repairs: (await groups('repair')).map((g) => g.code),
    warnings: (await groups('warning')).map((g) => g.code),
    unusedColumns: [...unusedText.matchAll(/« (.+?) »/g)].map((m) => m[1]!),
    notes: (await r.getByRole('note').allInnerTexts()).join('\n'),
    exportedLines,
  };
}

describe('the corpus through the browser’s import', () => {
  it.each(corpusFor(place).map((c) => [c.name, c] as const))('%s', async (_, c) => {
    await importFile(c);
    expect(corpusMismatches(c.expected, await observed(c))).toEqual([]);
    if ('refused' in c.expected) {
      await region().getByText('Aucun fichier importé pour ce jeu de données.').waitFor();
    } else {
      await removeButton(c.fileName).click();
      await expect.poll(() => removeButton(c.fileName).count()).toBe(0);
    }
  });

  it('ran every case the demo can run', () => {
    // The demo has no former commune: only that case is left to the command line.
    expect(CORPUS.length - corpusFor(place).length).toBe(1);
    assertClean(ctx);
  });
});

const pageIsNotWidened = () =>
  ctx.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a 100 000-character name', () => {
  it('is cut in the table of the sites, whole on demand, and never widens the page', async () => {
    const c = CORPUS.find((x) => x.fileName === 'offre-nom-immense.csv')!;
    await importFile(c);
    expect(await pageIsNotWidened()).toBe(true);
    await tab('Explorer').click();
    await ctx.page.getByRole('button', { name: 'Tableau', exact: true }).click();
    await ctx.page.locator('label', { hasText: /^\s*Les lieux/ }).click();
    const more = ctx.page.getByRole('button', { name: /voir tout \(100\s00\d caractères\)/ });
    await more.first().waitFor();
    expect(await pageIsNotWidened()).toBe(true);
    await more.first().click();
    await ctx.page.getByRole('button', { name: 'réduire' }).first().waitFor();
    expect(await pageIsNotWidened()).toBe(true);
    await ctx.page.getByRole('button', { name: 'Carte', exact: true }).click();
    await tab('Importer').click();
    await removeButton(c.fileName).click();
    await expect.poll(() => removeButton(c.fileName).count()).toBe(0);
    assertClean(ctx);
  });
});

describe('a beneficiaries file', () => {
  const needSelect = () => ctx.page.getByLabel('Public de référence (besoin)');
  const chosenNeed = () =>
    needSelect().evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
  const reload = async () => {
    await ctx.page.goto(baseUrl, { waitUntil: 'load' });
    await ctx.page.locator('[data-figure="accueil-sites"]').waitFor({ timeout: 60_000 });
    await waitForEngine(ctx.page);
  };

  it('replaces the need indicator only once accepted, across a reload, until removed', async () => {
    await tab('Explorer').click();
    const before = await chosenNeed();
    // Refused: the indicator in use stays.
    await importFile(CORPUS.find((x) => x.fileName === 'caf-autres.csv')!);
    await tab('Explorer').click();
    expect(await chosenNeed()).toBe(before);
    const caf = CORPUS.find((x) => x.fileName === 'caf-2023-doublons.csv')!;
    await importFile(caf);
    await expect(report().innerText()).resolves.toMatch(/Colonne\(s\) du fichier non lue\(s\)/);
    await tab('Explorer').click();
    await expect.poll(chosenNeed).toBe('Foyers allocataires du RSA (caf-2023-doublons.csv)');
    await reload();
    await expect
      .poll(chosenNeed, { timeout: 20_000 })
      .toBe('Foyers allocataires du RSA (caf-2023-doublons.csv)');
    await tab('Importer').click();
    await removeButton(caf.fileName).click();
    await tab('Explorer').click();
    await expect.poll(chosenNeed).toBe(before);
    await reload();
    expect(await chosenNeed()).toBe(before);
    assertClean(ctx);
  });
});
