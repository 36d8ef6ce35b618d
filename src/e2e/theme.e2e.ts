/**
 * The public build in two themes: the neutral default it is built with, and a département's
 * own (name, logo, colours, font with its licence, legal notice), served as its theme folder
 * would be after `npm run build:public -- --theme …`. In each, axe-core finds no serious
 * violation (colour contrast included) and the keyboard focus ring stands out from the page.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { THEME_FORMAT, contrastRatio } from '../domain/theme.ts';
import { seriousViolations } from './a11y.ts';
import { assertClean, launchBrowser, openPage, saveScreenshot } from './browser.ts';

const publicUrl = inject('publicUrl');
let browser: Browser;

const valmont = {
  format: THEME_FORMAT,
  name: 'Département de Valmont',
  logo: { file: 'logo.svg', alt: 'Département de Valmont' },
  colors: { accent: '#7a1f3d', focus: '#1d4ed8' },
  font: { family: 'Valmont Serif', file: 'valmont.ttf', licence: 'licence libre de DejaVu' },
  legalNotice: 'https://www.valmont.example/mentions-legales',
};
const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#7a1f3d"/></svg>';
// A font file of the machine stands for the département's (never committed).
const fontFile = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const rgbHex = (rgb: string) =>
  `#${(rgb.match(/\d+/g) ?? [])
    .slice(0, 3)
    .map((n) => Number(n).toString(16).padStart(2, '0'))
    .join('')}`;

/** The first focused button's outline colour, and the page behind it. */
async function focusRing(page: Page): Promise<{ ring: string; width: number }> {
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const tag = await page.evaluate(() => document.activeElement?.tagName);
    if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'A') break;
  }
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { ring: s.outlineColor, width: parseFloat(s.outlineWidth) };
  });
}

describe('themes of the public build', () => {
  it('the default theme: neutral, readable, a visible focus', async () => {
    const ctx = await openPage(browser, `${publicUrl}?d=demo`);
    await ctx.page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
    expect(await ctx.page.title()).toBe("Carte de l'offre d'insertion");
    expect(await seriousViolations(ctx.page)).toEqual([]);
    const { ring, width } = await focusRing(ctx.page);
    expect(width).toBeGreaterThanOrEqual(2);
    expect(contrastRatio(rgbHex(ring), '#ffffff')).toBeGreaterThanOrEqual(3);
    assertClean(ctx);
    await ctx.close();
  });

  it('a département’s theme changes the look without a line of code', async () => {
    const ctx = await openPage(browser, `${publicUrl}?d=demo`);
    const { page } = ctx;
    await page.route('**/theme/theme.json', (r) =>
      r.fulfill({ contentType: 'application/json', body: JSON.stringify(valmont) }),
    );
    await page.route('**/theme/logo.svg', (r) =>
      r.fulfill({ contentType: 'image/svg+xml', body: logo }),
    );
    await page.route('**/theme/valmont.ttf', (r) =>
      r.fulfill({ contentType: 'font/ttf', body: readFileSync(fontFile) }),
    );
    await page.reload();
    await page.locator('[data-figure="population"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.title()).toBe('Département de Valmont');
    const header = page.locator('header.header');
    await expect.poll(() => header.innerText()).toContain('Département de Valmont');
    expect(await header.getByRole('img', { name: 'Département de Valmont' }).count()).toBe(1);
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    expect(accent).toBe('#7a1f3d');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).fontFamily))
      .toContain('Valmont Serif');
    const footer = page.locator('footer.footer');
    expect(await footer.getByRole('link', { name: /Mentions légales/ }).getAttribute('href')).toBe(
      valmont.legalNotice,
    );
    expect(await footer.innerText()).toContain('Police Valmont Serif : licence libre de DejaVu');
    expect(await seriousViolations(page)).toEqual([]);
    const { ring, width } = await focusRing(page);
    expect(rgbHex(ring)).toBe('#1d4ed8');
    expect(width).toBeGreaterThanOrEqual(2);
    await saveScreenshot(page, 'public-theme-valmont');

    // The embed snippet frames the view on screen, its URL state kept.
    await page.getByRole('radio', { name: 'EPCI' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('s')).toBe('epci');
    await footer.getByRole('button', { name: 'Intégrer cette carte' }).click();
    const code = await page.getByLabel('Code HTML').inputValue();
    const src = code.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&');
    expect(src).toBe(page.url());
    expect(code).toContain('title="Département de Valmont : carte de l\'offre d\'insertion"');
    assertClean(ctx);
    await ctx.close();
  });
});
