/**
 * One cold page load in headless Chromium, measured: the app's timing marks and the peak JS heap
 * of the page's main thread. Every load gets its own browser (hence its own temporary profile:
 * empty HTTP cache, no compiled-code or shader cache), so every load is a first visit.
 *
 * Requests are watched but not intercepted: routing every request through the driver, as the
 * browser tests do to block them, would add its own delay to each file.
 */
import type { Browser, Page } from 'playwright-core';
import { isOffHost, launchBrowser, saveScreenshot, type Viewport } from '../../src/e2e/browser.ts';

/** Marks set by the app (and the floor page): the map's first frame with data, the engine with
 * its tables loaded, the first figures of the panel. */
export const MARKS = ['app:first-paint', 'app:db-ready', 'app:figures'] as const;
export type MarkName = (typeof MARKS)[number];

export interface LoadSample {
  /** Milliseconds from navigation start to each mark (those the page sets). */
  marks: Record<MarkName, number>;
  /** Highest `JSHeapUsedSize` sampled during the load, in bytes (main thread only). */
  peakHeapBytes: number;
  heapSamples: number;
}

export interface LoadOptions {
  viewport: Viewport;
  /** Saves a screenshot under this name once loaded (test-results/screenshots/). */
  screenshot?: string;
  timeoutMs?: number;
  /** The marks the page sets, awaited and read (default: all of MARKS; the floor has no engine). */
  marks?: readonly MarkName[];
  /** Called with the loaded page before the browser closes (extra measures). */
  inspect?: (page: Page) => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

export function measureLoad(url: string, options: LoadOptions): Promise<LoadSample> {
  return withBrowser(async (browser) => {
    const context = await browser.newContext({ viewport: options.viewport });
    const page = await context.newPage();
    const problems: string[] = [];
    const pageHost = new URL(url).host;
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('crash', () => problems.push('the page crashed'));
    context.on('request', (r) => {
      if (isOffHost(r.url(), pageHost)) problems.push(`off-host request: ${r.url()}`);
    });

    // Heap sampling through the DevTools protocol, every 50 ms from before navigation until
    // the figures are on screen.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let sampling = true;
    let peakHeapBytes = 0;
    let heapSamples = 0;
    const sampler = (async () => {
      while (sampling) {
        try {
          const { metrics } = await cdp.send('Performance.getMetrics');
          const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
          peakHeapBytes = Math.max(peakHeapBytes, heap);
          heapSamples++;
        } catch {
          // The target may be swapping process during navigation: next sample.
        }
        await sleep(50);
      }
    })();

    const expected = options.marks ?? MARKS;
    try {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(
        (names) =>
          names.every((n) => performance.getEntriesByName(n).length > 0) ||
          // The app's error screen, or a floor page's error.
          document.querySelector('[role="alertdialog"], [data-bench-error]') !== null,
        [...expected],
        { timeout: options.timeoutMs ?? 90_000, polling: 50 },
      );
    } finally {
      sampling = false;
      await sampler;
    }
    const marks = await page.evaluate(
      (names) =>
        Object.fromEntries(
          names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? null]),
        ),
      [...expected],
    );
    const missing = expected.filter((m) => typeof marks[m] !== 'number');
    if (missing.length > 0) {
      const shown = await page.locator('body').innerText();
      problems.push(
        `marks never set: ${missing.join(', ')}; the page says: ${shown.slice(0, 500)}`,
      );
    }
    if (problems.length > 0) {
      throw new Error(`${url}: the page did not load cleanly:\n- ${problems.join('\n- ')}`);
    }
    if (options.inspect) await options.inspect(page);
    if (options.screenshot) {
      // Let the fill transitions end before the picture.
      await page.waitForTimeout(600);
      await saveScreenshot(page, options.screenshot);
    }
    return { marks: marks as Record<MarkName, number>, peakHeapBytes, heapSamples };
  });
}
