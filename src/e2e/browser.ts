/**
 * Helpers for the browser tests: launch Debian's Chromium through playwright-core, open a page
 * that records everything that should make a test fail (page errors, console errors, requests
 * leaving the local server), and measure screenshots so a test can tell a drawn map from a
 * blank one.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Locator,
  type Page,
} from 'playwright-core';
import { PNG } from 'pngjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const screenshotDir = `${repoRoot}test-results/screenshots`;

const defaultChromium = '/usr/bin/chromium';

/**
 * Software WebGL (SwiftShader) so MapLibre and deck.gl render without a GPU; no sandbox because
 * CI runs as root; and the background services that would otherwise try to reach Google, which
 * is pointless offline and would add noise to the network checks.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The executable and arguments every launch uses (a persistent context too). */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  const executablePath = process.env.CHROMIUM_PATH ?? defaultChromium;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install Debian's chromium: ` +
        'apt-get install -y chromium (or point CHROMIUM_PATH at another Chromium executable)',
    );
  }
  return { executablePath, args: chromiumArgs };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

export interface Viewport {
  width: number;
  height: number;
}

export interface PageContext {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and unhandled rejections in the page, plus renderer crashes. */
  errors: Error[];
  /** Console messages of type `error`, as `text (url:line)`. */
  consoleErrors: string[];
  /** Every request to another host than the page's; all were aborted. */
  offHostRequests: string[];
  /** Closes the page and its browser context. */
  close(): Promise<void>;
}

/** `host:port` of a URL, or '' for URLs without a network host (about:blank). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * Whether a request leaves the page's own server. Inline data (`data:`), in-page objects
 * (`blob:`) and `about:` never touch the network. `pageHost` is `host:port`; when it is empty
 * (a page opened on about:blank), every network request counts as off-host.
 */
export function isOffHost(requestUrl: string, pageHost: string): boolean {
  const scheme = requestUrl.slice(0, requestUrl.indexOf(':') + 1).toLowerCase();
  if (scheme === 'data:' || scheme === 'blob:' || scheme === 'about:') return false;
  const requestHost = hostOf(requestUrl);
  return pageHost === '' || requestHost !== pageHost;
}

function describeConsole(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} (${url}:${lineNumber})` : message.text();
}

/**
 * Opens `url` in a fresh browser context and records page errors, console errors and off-host
 * requests from the very first request. Off-host requests are aborted so a test never waits on
 * a network that is not there, and so the app is proven to work offline.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: {
    viewport?: Viewport;
    /** Runs before the page opens `url` (routes of the test's own, asked before the off-host one). */
    prepare?: (context: BrowserContext) => Promise<unknown>;
  } = {},
): Promise<PageContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  const pageHost = hostOf(url);
  const errors: Error[] = [];
  const consoleErrors: string[] = [];
  const offHostRequests: string[] = [];

  // Routed on the context, not only the page, so that requests from workers the page starts
  // (DuckDB, MapLibre) are checked as well.
  await context.route('**/*', async (route) => {
    const requestUrl = route.request().url();
    if (isOffHost(requestUrl, pageHost)) {
      offHostRequests.push(requestUrl);
      await route.abort('blockedbyclient');
    } else {
      await route.continue();
    }
  });
  page.on('pageerror', (error) => errors.push(error));
  page.on('crash', () => errors.push(new Error('the page crashed (renderer process died)')));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(describeConsole(message));
  });

  await options.prepare?.(context);
  if (url !== 'about:blank') await page.goto(url, { waitUntil: 'load' });
  return { page, context, errors, consoleErrors, offHostRequests, close: () => context.close() };
}

/** The viewport of the app's tests: wide enough for the panel beside the map. */
export const APP_VIEWPORT: Viewport = { width: 1440, height: 900 };

/**
 * Opens the app at `url` in the app's viewport; with `ready`, waits (30 s at most) until that
 * figure of the panel shows.
 */
export async function openApp(browser: Browser, url: string, ready?: string): Promise<PageContext> {
  const ctx = await openPage(browser, url, { viewport: APP_VIEWPORT });
  if (ready) {
    await ctx.page.locator(`[data-figure="${ready}"]`).waitFor({ timeout: 30_000 });
    await waitForEngine(ctx.page);
  }
  return ctx;
}

/**
 * Waits until the page's tables are in DuckDB. The first figures can come from the build's
 * snapshot before that; what a test does next (an import, an edit) needs the engine, as the
 * page's disabled inputs say.
 */
export async function waitForEngine(page: Page): Promise<void> {
  await page.waitForFunction(
    () => performance.getEntriesByName('app:db-ready').length > 0,
    undefined,
    { timeout: 60_000 },
  );
}

/**
 * Whether the site at `baseUrl` was built with the dataset `id`; says so when it was not (the
 * real data is not built everywhere), for the test to skip itself.
 */
export async function hasBuiltDataset(baseUrl: string, id: string): Promise<boolean> {
  const entries = (await (await fetch(new URL('data/datasets.json', baseUrl))).json()) as {
    id: string;
  }[];
  if (entries.some((e) => e.id === id)) return true;
  console.warn(`${id} absent du site construit (données réelles non construites) : ignoré.`);
  return false;
}

/**
 * Throws if the page had errors or tried to reach another host. With `consoleErrors: true`,
 * console errors count too, except the "Failed to load resource" lines that the aborted
 * off-host requests cause (already reported as such).
 */
export function assertClean(
  ctx: Pick<PageContext, 'errors' | 'offHostRequests' | 'consoleErrors'>,
  options: { consoleErrors?: boolean } = {},
): void {
  const problems: string[] = [];
  for (const error of ctx.errors) {
    problems.push(`page error: ${error.stack ?? `${error.name}: ${error.message}`}`);
  }
  for (const url of ctx.offHostRequests) problems.push(`off-host request: ${url}`);
  if (options.consoleErrors) {
    for (const text of ctx.consoleErrors) {
      const causedByAbort =
        text.includes('net::ERR_BLOCKED_BY_CLIENT') &&
        ctx.offHostRequests.some((url) => text.includes(url));
      if (!causedByAbort) problems.push(`console error: ${text}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`the page is not clean:\n- ${problems.join('\n- ')}`);
  }
}

export type Rgb = readonly [number, number, number];

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScreenshotStats {
  /** Size of the decoded image, in device pixels. */
  width: number;
  height: number;
  /** The PNG itself, for saving next to a failing assertion. */
  png: Buffer;
  distinctColors: number;
  dominantColor: Rgb;
  /** Share (0–1) of pixels that have the most frequent colour. */
  dominantShare: number;
  colorAt(x: number, y: number): Rgb;
  /** Share of pixels within `tolerance` (per channel) of `color`. */
  colorShare(color: Rgb, tolerance?: number): number;
  /** Share of pixels farther than `tolerance` (on any channel) from the background `bg`. */
  nonBackgroundShare(bg: Rgb, tolerance?: number): number;
}

function isLocator(target: Locator | Clip): target is Locator {
  return typeof (target as Locator).boundingBox === 'function';
}

/**
 * Rounds the box inwards to whole pixels: a fractional box rounded outwards would take a
 * sliver of whatever surrounds the element and add a colour that is not the element's.
 */
async function clipOf(target: Locator | Clip): Promise<Clip> {
  const box = isLocator(target) ? await target.boundingBox() : target;
  if (box === null) throw new Error('screenshot target is not visible (no bounding box)');
  const x = Math.ceil(box.x);
  const y = Math.ceil(box.y);
  const width = Math.floor(box.x + box.width) - x;
  const height = Math.floor(box.y + box.height) - y;
  if (width <= 0 || height <= 0) {
    throw new Error(`screenshot target is empty (${JSON.stringify(box)})`);
  }
  return { x, y, width, height };
}

/** Decodes a PNG and counts its colours; alpha is ignored since screenshots are opaque. */
export function pngStats(png: Buffer): ScreenshotStats {
  const image = PNG.sync.read(png);
  const { width, height, data } = image;
  const pixels = width * height;
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let dominantKey = 0;
  let dominantCount = 0;
  for (const [key, count] of counts) {
    if (count > dominantCount) {
      dominantKey = key;
      dominantCount = count;
    }
  }
  const keyToRgb = (key: number): Rgb => [(key >> 16) & 255, (key >> 8) & 255, key & 255];
  const share = (predicate: (r: number, g: number, b: number) => boolean): number => {
    if (pixels === 0) return 0;
    let matching = 0;
    for (const [key, count] of counts) {
      if (predicate((key >> 16) & 255, (key >> 8) & 255, key & 255)) matching += count;
    }
    return matching / pixels;
  };
  const near = (color: Rgb, tolerance: number) => (r: number, g: number, b: number) =>
    Math.abs(r - color[0]) <= tolerance &&
    Math.abs(g - color[1]) <= tolerance &&
    Math.abs(b - color[2]) <= tolerance;

  return {
    width,
    height,
    png,
    distinctColors: counts.size,
    dominantColor: keyToRgb(dominantKey),
    dominantShare: pixels === 0 ? 0 : dominantCount / pixels,
    colorAt(x, y) {
      const inside = Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0;
      if (!inside || x >= width || y >= height) {
        throw new RangeError(`colorAt(${x}, ${y}): not a pixel of a ${width}×${height} image`);
      }
      const i = (y * width + x) * 4;
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    },
    colorShare: (color, tolerance = 0) => share(near(color, tolerance)),
    nonBackgroundShare: (bg, tolerance = 0) => {
      const isBackground = near(bg, tolerance);
      return share((r, g, b) => !isBackground(r, g, b));
    },
  };
}

/**
 * Screenshots the box of an element (or a clip in CSS pixels) and measures it. Pixels are read
 * from the screenshot rather than from the canvas because a WebGL canvas reads back blank
 * unless it was created with `preserveDrawingBuffer`.
 */
export async function screenshotStats(
  page: Page,
  target: Locator | Clip,
): Promise<ScreenshotStats> {
  const clip = await clipOf(target);
  return pngStats(await page.screenshot({ clip }));
}

/** File name safe on every system, keeping the test's own wording readable. */
function safeName(name: string): string {
  const cleaned = name
    .trim()
    .toLowerCase()
    .replace(/\.png$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'screenshot' : cleaned;
}

/**
 * Writes a screenshot to `test-results/screenshots/<name>.png` so that a human can look at what
 * a test saw (a test that passes on a blank map proves nothing). Whole viewport by default, or
 * only an element or clip. Returns the file path.
 */
export async function saveScreenshot(
  page: Page,
  name: string,
  target?: Locator | Clip,
): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = `${screenshotDir}/${safeName(name)}.png`;
  const png =
    target === undefined
      ? await page.screenshot()
      : await page.screenshot({ clip: await clipOf(target) });
  await writeFile(file, png);
  return file;
}
