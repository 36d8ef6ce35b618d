/**
 * Interactions, as a user perceives them, in headless Chromium: from the input event (the release
 * of the mouse button, or the key) to the next frame that shows the new figures, and to the first
 * frame of the map drawn with the new layers (the `map:drawn` mark of MapView). Each interaction
 * is repeated in one warm page and its median kept:
 * - Temps d'accès: a site opened by a click on the map, next to the same edit made with the
 *   keyboard form (the baseline: no map picking), then undone before the next one;
 * - exploration: a change of découpage (new figures computed in the page, outlines and labels), and a
 *   change of indicator.
 *
 * Targets (from the product's issue on speed): click → figures ≤ 100 ms, → redrawn map ≤ 250 ms;
 * découpage or indicator change ≤ 300 ms to the redrawn map.
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../src/e2e/browser.ts';
import { type BenchDataset, distDir, measureServedDatasets } from '../lib/build.ts';
import { benchRuns } from '../lib/options.ts';
import { makeRow } from '../lib/stats.ts';
import type { BenchSuite } from '../lib/types.ts';

const SUITE = 'interactions';
const VIEWPORT = { width: 1280, height: 800 };
const CLICK_FIGURES_TARGET = 100;
const CLICK_MAP_TARGET = 250;
const CHANGE_MAP_TARGET = 300;
/** Pause between two interactions, so that one does not queue behind the previous one's frames. */
const SETTLE_MS = 700;
const TIMEOUT_MS = 30_000;
const OPENED = { present: ['Site ouvert à'] };
/** The message of a click outside the département (the sea, a neighbour): no site opened. */
const OUTSIDE = 'Cliquez dans une commune';

const REACH_PANEL = 'section[aria-label="Temps d\'accès"]';
const EXPLORE_PANEL = 'section[aria-label="Fiche du territoire"]';
const SIDEBAR = 'aside[aria-label="Réglages de la carte"]';

interface Timing {
  /** From the input event to the first frame with the new figures, ms. */
  figures: number;
  /** From the input event to the first frame of the map drawn with the new layers, ms. */
  map: number;
}

/**
 * The page-side helpers, as source text: code handed to the page as a function would carry the
 * helpers tsx adds to named functions, which the page does not have.
 */
const PROBE = `
  window.__benchInput = 0;
  for (const type of ['pointerup', 'keydown'])
    addEventListener(type, (e) => { window.__benchInput = e.timeStamp; }, true);
`;

/** What the text of the watched element must (not) contain once the new figures are there. */
interface Expected {
  /** Shown while the figures are computed. */
  absent?: string;
  /** Shown once the action is done (its message): one of these. */
  present?: string[];
  /** Shown when the action did nothing (no figures, no map to wait for). */
  failure?: string;
}

/**
 * Resolves once the text under the selector changed and is as expected: at the DOM change (a
 * mutation observer runs right after the update that made it), then at the next frame.
 */
const WAIT_FIGURES = (s: string, before: string, e: Expected, timeout: number) => `
  new Promise((resolve, reject) => {
    const absent = ${JSON.stringify(e.absent ?? '')};
    const present = ${JSON.stringify(e.present ?? [])};
    const text = () => document.querySelector(${JSON.stringify(s)})?.textContent ?? '';
    const done = () => {
      const t = text();
      return window.__benchInput > 0 && t !== ${JSON.stringify(before)} &&
        !(absent && t.includes(absent)) &&
        (present.length === 0 || present.some((p) => t.includes(p)) ||
          (${JSON.stringify(e.failure ?? '')} !== '' && t.includes(${JSON.stringify(e.failure ?? '')})));
    };
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(${JSON.stringify(`no new figures in ${s} after ${timeout} ms: `)} + text().slice(0, 300)));
    }, ${timeout});
    const observer = new MutationObserver(() => {
      if (!done()) return;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve({ input: window.__benchInput, dom, figures: performance.now() }));
    });
    observer.observe(document.body, { childList: true, characterData: true, subtree: true, attributes: true });
  })
`;

/**
 * Resolves with the time of the first map frame drawn with the layers handed to deck.gl last
 * before the given time (the update that showed the figures).
 */
const WAIT_MAP = (dom: number, timeout: number) => `
  new Promise((resolve, reject) => {
    const started = performance.now();
    const handed = performance.getEntriesByName('map:layers').filter((m) => m.startTime <= ${dom}).at(-1);
    if (!handed) { reject(new Error('no layers handed to the map before the figures')); return; }
    const frame = () => {
      const mark = performance.getEntriesByName('map:drawn').find((m) => m.startTime >= handed.startTime);
      if (mark) resolve(mark.startTime);
      else if (performance.now() - started > ${timeout}) reject(new Error('map never redrawn'));
      else requestAnimationFrame(frame);
    };
    frame();
  })
`;

/**
 * Runs `act`, then waits until the text under `selector` differs from what it was and is as
 * `expected`, then for the map frame drawn with the layers of that update.
 */
async function timed(
  page: Page,
  selector: string,
  act: () => Promise<void>,
  expected: Expected = {},
): Promise<Timing | null> {
  const before = await page.evaluate(
    `document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`,
  );
  await page.evaluate(
    `performance.clearMarks('map:drawn'); performance.clearMarks('map:layers'); window.__benchInput = 0;`,
  );
  // Watching before acting: the figures may change within the action's own round trip.
  await page.evaluate(
    `window.__benchWait = ${WAIT_FIGURES(selector, String(before), expected, TIMEOUT_MS)}; 0`,
  );
  await act();
  const { input, figures, dom } = (await page.evaluate('window.__benchWait')) as {
    input: number;
    figures: number;
    dom: number;
  };
  if (expected.failure && (await page.locator(selector).innerText()).includes(expected.failure)) {
    return null;
  }
  const drawn = (await page.evaluate(WAIT_MAP(dom, TIMEOUT_MS))) as number;
  return { figures: figures - input, map: drawn - input };
}

/** A measure that must have happened. */
function done(t: Timing | null): Timing {
  if (!t) throw new Error('the action did nothing');
  return t;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function openPage(baseUrl: string, query: string, ready: string): Promise<Page> {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('close', () => void browser.close());
  await page.goto(`${baseUrl}?${query}`);
  await page.locator(ready).first().waitFor({ timeout: TIMEOUT_MS });
  await page.evaluate(PROBE);
  // Let the first frames and the background work of the load end.
  await sleep(2000);
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  return page;
}

/** Points of the map's central area where the clicks open sites, spread out. */
function clickPoints(box: { x: number; y: number; width: number; height: number }, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    x: box.x + box.width * (0.3 + 0.4 * ((i * 0.618) % 1)),
    y: box.y + box.height * (0.3 + 0.4 * ((i * 0.382) % 1)),
  }));
}

async function measureReach(baseUrl: string, d: string, reps: number) {
  const page = await openPage(baseUrl, `d=${d}&m=reach`, '[data-figure="reach-need-beyond"]');
  try {
    const click: Timing[] = [];
    const keyboard: Timing[] = [];
    const undo = async () => {
      await timed(
        page,
        REACH_PANEL,
        () =>
          page.locator(REACH_PANEL).getByRole('button', { name: 'Annuler', exact: true }).click(),
        { present: ['Modification annulée'] },
      );
      await sleep(SETTLE_MS);
    };
    await page.getByRole('radio', { name: 'Ouvrir' }).check();
    const box = await page.getByRole('region', { name: /^Carte/ }).boundingBox();
    if (!box) throw new Error('no map on the page');
    // Points outside the département answer with a message and open nothing: not counted.
    for (const p of clickPoints(box, 4 * reps)) {
      if (click.length === reps) break;
      const t = await timed(page, REACH_PANEL, () => page.mouse.click(p.x, p.y), {
        ...OPENED,
        failure: OUTSIDE,
      });
      await sleep(SETTLE_MS);
      if (!t) continue;
      click.push(t);
      await undo();
    }
    if (click.length < reps) throw new Error(`only ${click.length} clicks opened a site`);
    await page.getByText('Modifier sans la carte').click();
    const select = page.getByLabel('Ouvrir un site dans la commune');
    const codes = await select
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    const button = page.locator('details.keyboard button', { hasText: 'Ouvrir' });
    for (let i = 0; i < reps; i++) {
      await select.selectOption(codes[Math.floor(((i * 0.618) % 1) * codes.length)] as string);
      await button.focus();
      keyboard.push(
        done(await timed(page, REACH_PANEL, () => page.keyboard.press('Enter'), OPENED)),
      );
      await sleep(SETTLE_MS);
      await undo();
    }
    return { click, keyboard };
  } finally {
    await page.close();
  }
}

async function measureExplore(baseUrl: string, d: string, reps: number) {
  const page = await openPage(baseUrl, `d=${d}`, '.sheet');
  try {
    const schemes = page.locator('fieldset', { hasText: 'Découpage' }).getByRole('radio');
    const indicators = page.locator('fieldset', { hasText: 'Indicateur' }).getByRole('radio');
    const schemeCount = await schemes.count();
    const indicatorCount = await indicators.count();
    if (schemeCount < 2 || indicatorCount < 2) throw new Error('fewer than two choices');
    const scheme: Timing[] = [];
    const indicator: Timing[] = [];
    /** The label of the choice after the one checked (a click on the checked one does nothing). */
    const next = async (radios: typeof schemes, count: number) => {
      const checked = await radios.evaluateAll((els) =>
        els.findIndex((e) => (e as HTMLInputElement).checked),
      );
      return radios.nth((checked + 1) % count).locator('xpath=..');
    };
    for (let i = 1; i <= reps; i++) {
      const label = await next(schemes, schemeCount);
      scheme.push(
        done(
          await timed(page, EXPLORE_PANEL, () => label.click(), { absent: 'Calcul des chiffres' }),
        ),
      );
      await sleep(SETTLE_MS);
    }
    for (let i = 1; i <= reps; i++) {
      const label = await next(indicators, indicatorCount);
      indicator.push(done(await timed(page, SIDEBAR, () => label.click())));
      await sleep(SETTLE_MS);
    }
    return { scheme, indicator };
  } finally {
    await page.close();
  }
}

const figures = (t: Timing[]) => t.map((x) => x.figures);
const map = (t: Timing[]) => t.map((x) => x.map);

async function measureDataset(baseUrl: string, dataset: BenchDataset, reps: number) {
  const d = encodeURIComponent(dataset.id);
  const L = dataset.label;
  const reach = await measureReach(baseUrl, d, reps);
  const explore = await measureExplore(baseUrl, d, reps);
  process.stderr.write(
    `[bench] interactions ${L}: click ${Math.round(figures(reach.click)[0] ?? 0)} ms…\n`,
  );
  const keyboard = { label: 'clavier', values: figures(reach.keyboard) };
  const keyboardMap = { label: 'clavier', values: map(reach.keyboard) };
  return [
    makeRow({
      suite: SUITE,
      metric: `${L} · clic sur la carte (ouvrir un site) → chiffres`,
      unit: 'ms',
      values: figures(reach.click),
      baseline: keyboard,
      target: CLICK_FIGURES_TARGET,
      note:
        "Temps d'accès, outil « Ouvrir » : du relâchement du bouton à la première image qui " +
        'montre les nouveaux chiffres du panneau. Référence : la même modification faite au ' +
        'clavier (formulaire « Modifier sans la carte »), sans sélection sur la carte.',
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · clic sur la carte (ouvrir un site) → carte redessinée`,
      unit: 'ms',
      values: map(reach.click),
      baseline: keyboardMap,
      target: CLICK_MAP_TARGET,
      note: 'Jusqu’à la première image de la carte dessinée avec les nouvelles couches.',
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · changement de découpage → chiffres`,
      unit: 'ms',
      values: figures(explore.scheme),
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · changement de découpage → carte redessinée`,
      unit: 'ms',
      values: map(explore.scheme),
      target: CHANGE_MAP_TARGET,
      note:
        'Exploration : du clic sur un autre découpage à la première image de la carte avec les ' +
        'nouvelles classes (sans fondu).',
    }),
    makeRow({
      suite: SUITE,
      metric: `${L} · changement d'indicateur → carte redessinée`,
      unit: 'ms',
      values: map(explore.indicator),
      target: CHANGE_MAP_TARGET,
    }),
  ];
}

const suite: BenchSuite = {
  name: SUITE,
  async run() {
    // Interactions are many short measures: at least 9 of each, odd for a true median.
    const reps = Math.max(9, 2 * benchRuns() + 1);
    return measureServedDatasets(SUITE, { '/': distDir }, (url, dataset) =>
      measureDataset(url, dataset, reps),
    );
  },
};

export default suite;
