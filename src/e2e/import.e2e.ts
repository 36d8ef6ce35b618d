/**
 * In-app import on the demo, in headless Chromium: a broken French export (semicolons,
 * Windows-1252, decimal commas, a code that lost its zeros, Lambert-93, a bad INSEE code,
 * coordinates outside France) gives the expected report; the good rows are counted by the
 * figures and ringed on the map; the rejected rows download as CSV; everything survives a reload
 * and goes away when removed. A territory file becomes a scheme of its own.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/generate.ts';
import { parseCsv } from '../domain/import/csv.ts';
import { decodeText } from '../domain/import/decode.ts';
import { wgs84ToLambert93 } from '../domain/import/lambert93.ts';
import { seriousViolations } from './a11y.ts';
import {
  assertClean,
  launchBrowser,
  openApp,
  saveScreenshot,
  screenshotStats,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const demo = generateDemo();
const [c1, c2, c3, c4, c5] = demo.communes as [
  (typeof demo.communes)[0],
  (typeof demo.communes)[0],
  (typeof demo.communes)[0],
  (typeof demo.communes)[0],
  (typeof demo.communes)[0],
];
const comma = (v: number) => String(v).replace('.', ',');
const [x5, y5] = wgs84ToLambert93(c5.lon, c5.lat);

/** The broken export, as a French spreadsheet saves it: Windows-1252, semicolons. */
const OFFER_ROWS = [
  'nom;type;axes;capacite;code_insee;commune;longitude;latitude',
  `Accueil « Élan »;CCAS;;;${Number(c1.code)};;${comma(c1.lon)};${comma(c1.lat)}`,
  `Atelier mobilité;mobilité;mobilite;40;${c2.code};;;`,
  `Chantier d'insertion;ACI;iae;25,5;;${c3.name.toUpperCase()};;`,
  `Point fantôme;action;;;0X003;;;`,
  `Bureau à New York;action;;;${c4.code};;-73,98;40,75`,
  `Garage solidaire;garage solidaire;;60;${c5.code};;${comma(Math.round(x5 * 100) / 100)};${comma(Math.round(y5 * 100) / 100)}`,
];
const OFFER = Buffer.from(OFFER_ROWS.join('\r\n') + '\r\n', 'latin1');

const TERRITORIES = Buffer.from(
  [
    'territoire,code_insee',
    ...demo.communes.slice(0, 40).map((c, i) => `${i % 2 ? 'Est' : 'Ouest'},${c.code}`),
    'Ouest,99999',
  ].join('\n'),
);

let browser: Browser;
let ctx: PageContext;

async function figure(name: string): Promise<string> {
  const text = await ctx.page.locator(`[data-figure="${name}"]`).first().innerText();
  return text.split('\n')[0]!.replace(/\s/g, ' ').trim();
}

async function reloadApp(): Promise<void> {
  await ctx.page.goto(baseUrl, { waitUntil: 'load' });
  await ctx.page.locator('[data-figure="accueil-sites"]').waitFor({ timeout: 60_000 });
}

const tab = (name: string) => ctx.page.getByRole('button', { name, exact: true });
const magentaShare = async () =>
  (await screenshotStats(ctx.page, ctx.page.getByRole('region', { name: /^Carte/ }))).colorShare(
    [255, 0, 255],
    40,
  );

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await openApp(browser, baseUrl);
  await ctx.page.locator('[data-figure="accueil-sites"]').waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

describe('importing an offer file in the browser', () => {
  let accueilBefore: number;

  it('reports the rejected lines of a broken export and keeps the good rows', async () => {
    accueilBefore = Number((await figure('accueil-sites')).replace(/\s/g, ''));
    await tab('Importer').click();
    await ctx.page.getByLabel(/Fichier d'offre/).setInputFiles({
      name: 'offre-export-tableur.csv',
      mimeType: 'text/csv',
      buffer: OFFER,
    });
    await ctx.page.getByRole('article', { name: 'Rapport de validation' }).waitFor();
    expect(await figure('rows-read')).toBe('6');
    expect(await figure('kept')).toBe('4');
    expect(await figure('rejected')).toBe('2');
    const report = ctx.page.getByRole('article', { name: 'Rapport de validation' });
    await expect(report.innerText()).resolves.toMatch(
      /séparateur point-virgule, encodage Windows-1252/,
    );
    const malformed = report.locator('[data-group="rejection"][data-code="insee_malformed"]');
    await expect(malformed.innerText()).resolves.toMatch(/code INSEE mal formé[\s\S]*ligne 5/);
    const outside = report.locator(
      '[data-group="rejection"][data-code="coordinates_outside_france"]',
    );
    await expect(outside.innerText()).resolves.toMatch(/coordonnées hors de France[\s\S]*ligne 6/);
    const repairs = await report.locator('[data-group="repair"]').allInnerTexts();
    expect(repairs.join('\n')).toMatch(/zéro initial du code INSEE rétabli/);
    expect(repairs.join('\n')).toMatch(/coordonnées Lambert-93 converties/);
    expect(repairs.join('\n')).toMatch(/commune retrouvée par son nom/);
    // The import view and its report pass the automated accessibility check too.
    expect(await seriousViolations(ctx.page)).toEqual([]);
  });

  it('downloads the rejected rows as CSV with their line and reason', async () => {
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('button', { name: 'Télécharger les lignes rejetées (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('offre-export-tableur-lignes-rejetees.csv');
    const text = decodeText(new Uint8Array(await readFile((await download.path())!))).text;
    const csv = parseCsv(text);
    expect(csv.header.slice(0, 3)).toEqual(['ligne', 'motif_rejet', 'nom']);
    expect(csv.records.map((r) => [r.cells[0], r.cells[2]])).toEqual([
      ['5', 'Point fantôme'],
      ['6', 'Bureau à New York'],
    ]);
  });

  it('rings the imported sites on the map, and counts the new accueil', async () => {
    await ctx.page.waitForTimeout(800);
    await saveScreenshot(ctx.page, 'import-offer');
    expect(await magentaShare()).toBeGreaterThan(0.0001);
    await tab('Explorer').click();
    await expect.poll(() => figure('accueil-sites')).toBe(String(accueilBefore + 1));
  });

  it('keeps the import across a reload, then removes it', async () => {
    await reloadApp();
    await expect.poll(() => figure('accueil-sites')).toBe(String(accueilBefore + 1));
    await tab('Importer').click();
    const item = ctx.page.getByRole('button', { name: 'Retirer offre-export-tableur.csv' });
    await item.waitFor();
    await item.click();
    await expect.poll(() => item.count()).toBe(0);
    await tab('Explorer').click();
    await expect.poll(() => figure('accueil-sites')).toBe(String(accueilBefore));
    await reloadApp();
    expect(await figure('accueil-sites')).toBe(String(accueilBefore));
  });
});

describe('importing a territory file', () => {
  it('adds a scheme of its own, with the rejected line reported', async () => {
    await tab('Importer').click();
    await ctx.page.getByLabel('Nom du découpage importé').fill('Territoires test');
    await ctx.page.getByLabel(/Fichier de territoires/).setInputFiles({
      name: 'territoires.csv',
      mimeType: 'text/csv',
      buffer: TERRITORIES,
    });
    await ctx.page.getByRole('article', { name: 'Rapport de validation' }).waitFor();
    expect(await figure('kept')).toBe('40');
    expect(await figure('rejected')).toBe('1');
    await tab('Explorer').click();
    await ctx.page.getByRole('radio', { name: 'Territoires test' }).check();
    // Est, Ouest and the communes the file did not name.
    await expect
      .poll(() => ctx.page.getByLabel('Territoire sélectionné').locator('option').count())
      .toBe(4);
    await reloadApp();
    await ctx.page.getByRole('radio', { name: 'Territoires test' }).waitFor();
    await tab('Importer').click();
    await ctx.page.getByRole('button', { name: 'Retirer territoires.csv' }).click();
    await tab('Explorer').click();
    await expect
      .poll(() => ctx.page.getByRole('radio', { name: 'Territoires test' }).count())
      .toBe(0);
    assertClean(ctx);
  });
});
