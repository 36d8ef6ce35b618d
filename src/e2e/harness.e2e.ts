/**
 * Self-test of the browser harness, independent of the app: if these checks fail, a failing
 * app test says nothing about the app. Pages are written with `setContent`, so this file also
 * runs with E2E_NO_SERVER=1 (no build, no server).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  assertClean,
  isOffHost,
  launchBrowser,
  openPage,
  saveScreenshot,
  screenshotStats,
  type PageContext,
} from './browser.ts';

const baseUrl = inject('baseUrl');

// A 1×1 red PNG: a data: URL must not count as a network request.
const redPixel =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

const testPage = `<!doctype html>
<html>
  <body style="margin: 0; background: #fff">
    <canvas id="map" width="300" height="200" style="display: block"></canvas>
    <div id="blank" style="width: 200px; height: 100px; background: #fff"></div>
    <img id="remote" src="https://example.com/x.png" width="10" height="10" />
    <img id="inline" src="${redPixel}" width="10" height="10" />
    <script>
      const ctx = document.getElementById('map').getContext('2d');
      const horizontal = ctx.createLinearGradient(0, 0, 300, 0);
      horizontal.addColorStop(0, '#d73027');
      horizontal.addColorStop(0.5, '#ffffbf');
      horizontal.addColorStop(1, '#4575b4');
      ctx.fillStyle = horizontal;
      ctx.fillRect(0, 0, 300, 200);
      const glow = ctx.createRadialGradient(150, 100, 10, 150, 100, 120);
      glow.addColorStop(0, 'rgba(0, 0, 0, 0.6)');
      glow.addColorStop(1, 'rgba(0, 0, 0, 0)');
      ctx.fillStyle = glow;
      ctx.fillRect(0, 0, 300, 200);
      // A solid patch whose exact colour the test looks for.
      ctx.fillStyle = 'rgb(0, 128, 0)';
      ctx.fillRect(0, 0, 40, 40);
      // blob: URLs stay in the page and must not count as off-host.
      fetch(URL.createObjectURL(new Blob(['local']))).then((r) => r.text());
      console.error('harness: console error');
    </script>
    <script>
      throw new Error('harness: deliberate failure');
    </script>
  </body>
</html>`;

describe('browser harness', () => {
  let browser: Browser;
  let ctx: PageContext;

  beforeAll(async () => {
    browser = await launchBrowser();
    ctx = await openPage(browser, 'about:blank', { viewport: { width: 800, height: 600 } });
    await ctx.page.setContent(testPage, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
  });

  it('classifies request hosts', () => {
    expect(isOffHost('http://127.0.0.1:4173/assets/a.js', '127.0.0.1:4173')).toBe(false);
    expect(isOffHost('http://127.0.0.1:4174/assets/a.js', '127.0.0.1:4173')).toBe(true);
    expect(isOffHost('http://localhost:4173/', '127.0.0.1:4173')).toBe(true);
    expect(isOffHost('https://example.com/x.png', '127.0.0.1:4173')).toBe(true);
    expect(isOffHost('data:text/plain,hello', '127.0.0.1:4173')).toBe(false);
    expect(isOffHost('blob:http://127.0.0.1:4173/0b1c', '127.0.0.1:4173')).toBe(false);
    expect(isOffHost('https://example.com/', '')).toBe(true);
  });

  it('records and aborts off-host requests, and only those', async () => {
    expect(ctx.offHostRequests).toEqual(['https://example.com/x.png']);
    const images = await ctx.page.evaluate(() =>
      ['remote', 'inline'].map(
        (id) => (document.getElementById(id) as HTMLImageElement).naturalWidth,
      ),
    );
    // The remote image never loaded; the inline one did.
    expect(images).toEqual([0, 1]);
  });

  it('records errors thrown by page scripts', () => {
    expect(ctx.errors.map((error) => error.message)).toEqual(['harness: deliberate failure']);
  });

  it('assertClean lists the page errors and off-host requests', () => {
    expect(() => assertClean(ctx)).toThrow(/deliberate failure[\s\S]*example\.com\/x\.png/);
    expect(ctx.consoleErrors).toContain('harness: console error');
    expect(ctx.consoleErrors.some((text) => text.includes('ERR_BLOCKED_BY_CLIENT'))).toBe(true);
    // Console errors count only on request, and the line caused by the aborted request is left
    // out since it is already reported as an off-host request.
    expect(() => assertClean({ ...ctx, errors: [] }, { consoleErrors: true })).toThrow(
      /^the page is not clean:\n- off-host request: https:\/\/example\.com\/x\.png\n- console error: harness: console error$/,
    );
    expect(() => assertClean({ errors: [], offHostRequests: [], consoleErrors: [] })).not.toThrow();
  });

  it('measures a drawn canvas as many colours', async () => {
    const stats = await screenshotStats(ctx.page, ctx.page.locator('#map'));
    await saveScreenshot(ctx.page, 'harness-canvas', ctx.page.locator('#map'));
    expect([stats.width, stats.height]).toEqual([300, 200]);
    expect(stats.distinctColors).toBeGreaterThan(500);
    expect(stats.dominantShare).toBeLessThan(0.9);
    expect(stats.colorAt(5, 5)).toEqual([0, 128, 0]);
    expect(stats.colorShare([0, 128, 0])).toBeCloseTo((40 * 40) / (300 * 200), 3);
    expect(stats.nonBackgroundShare([255, 255, 255], 2)).toBeGreaterThan(0.95);
  });

  it('measures a blank div as one colour', async () => {
    const stats = await screenshotStats(ctx.page, ctx.page.locator('#blank'));
    expect([stats.width, stats.height]).toEqual([200, 100]);
    expect(stats.distinctColors).toBe(1);
    expect(stats.dominantColor).toEqual([255, 255, 255]);
    expect(stats.dominantShare).toBe(1);
    expect(stats.nonBackgroundShare([255, 255, 255])).toBe(0);
    expect(() => stats.colorAt(200, 0)).toThrow(RangeError);
  });

  it.skipIf(baseUrl === 'about:blank')('serves the build on the base URL', async () => {
    const response = await fetch(baseUrl);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<html');
  });
});
