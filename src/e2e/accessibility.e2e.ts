/**
 * Automated accessibility check (axe-core) of the main views: no serious or critical violation.
 * It complements, not replaces, a manual RGAA audit.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './a11y.ts';
import { launchBrowser, openApp, type PageContext } from './browser.ts';

const baseUrl = inject('baseUrl');
const publicUrl = inject('publicUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(url: string): Promise<PageContext> {
  const ctx = await openApp(browser, url, 'population');
  return ctx;
}

describe('accessibility (axe-core)', () => {
  it('explore view, with a territory selected', async () => {
    const ctx = await open(`${baseUrl}?s=pti&t=T1`);
    await ctx.page.locator('caption', { hasText: 'par axe' }).waitFor();
    expect(await seriousViolations(ctx.page)).toEqual([]);
    await ctx.close();
  });

  it('table view', async () => {
    const ctx = await open(`${baseUrl}?s=epci`);
    await ctx.page.getByRole('button', { name: 'Tableau' }).click();
    await ctx.page
      .locator('section[aria-label="Tableau des territoires"] tbody tr')
      .first()
      .waitFor();
    expect(await seriousViolations(ctx.page)).toEqual([]);
    await ctx.close();
  });

  it('presentation editor and the accessibility statement', async () => {
    const ctx = await open(baseUrl);
    await ctx.page.getByRole('button', { name: 'Présentation' }).click();
    await ctx.page.getByRole('button', { name: 'Ajouter la vue actuelle comme étape' }).click();
    expect(await seriousViolations(ctx.page)).toEqual([]);
    await ctx.page.getByRole('button', { name: /^Accessibilité/ }).click();
    await ctx.page.getByRole('dialog').waitFor();
    expect(await seriousViolations(ctx.page)).toEqual([]);
    await ctx.close();
  });

  it('public build', async () => {
    const ctx = await open(publicUrl);
    expect(await seriousViolations(ctx.page)).toEqual([]);
    await ctx.close();
  });
});
