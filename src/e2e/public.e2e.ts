/**
 * The public build, served from a sub-path: read-only, nothing off the host, a CSP, and no count
 * of people below 11 in the page or in its exports, nor one that differencing the published
 * totals of nested territories would recover.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeTable } from '../data/tables.ts';
import { determinedCells, type SumConstraint } from '../domain/secrecy.ts';
import {
  assertClean,
  hasBuiltDataset,
  launchBrowser,
  openApp,
  saveScreenshot,
  type PageContext,
} from './browser.ts';

const publicUrl = inject('publicUrl');
const dataDir = fileURLToPath(new URL('../../dist-public/data/demo/', import.meta.url));
let browser: Browser;
let ctx: PageContext;

/** Scheme id, its choice, and what one territory of it is called ("par bassin de vie"). */
const SCHEMES = [
  ['commune', 'Communes', 'commune'],
  ['epci', 'EPCI', 'EPCI'],
  ['bv2022', 'Bassins de vie', 'bassin de vie'],
  ['pti', 'Territoires PTI', 'territoire'],
] as const;

/** Code → shown need figure (null for the secrecy mark) of every row of the table. */
async function tableNeeds(): Promise<Map<string, number | null>> {
  const rows = await ctx.page.$$eval(
    'section[aria-label="Tableau des territoires"] tbody tr',
    (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
  );
  return new Map(
    rows.map((tds) => {
      const need = tds[2] ?? '';
      return [
        tds[0] ?? '',
        need === 'secret' ? null : Number(need.replace(/\s/g, '').replace(',', '.')),
      ];
    }),
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  ctx = await openApp(browser, publicUrl, 'population');
});

afterAll(async () => {
  await ctx?.close();
  await browser?.close();
});

describe('public build', () => {
  it('opens from a sub-path with a CSP, nothing off the host and the fictional banner', async () => {
    expect(new URL(publicUrl).pathname).toBe('/publication/carte/');
    const csp = await ctx.page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute('content');
    expect(csp).toContain("default-src 'self'");
    await expect(ctx.page.getByRole('note').innerText()).resolves.toMatch(/Données fictives/);
    await saveScreenshot(ctx.page, 'public-demo');
    assertClean(ctx, { consoleErrors: true });
  });

  it('offers nothing to edit, import or save', async () => {
    expect(await ctx.page.locator('input[type="file"]').count()).toBe(0);
    const editing =
      /importer|ouvrir un site|fermer le site|déplacer|enregistrer|scénario|modifier|ajouter/i;
    for (const role of ['button', 'link', 'menuitem'] as const) {
      const names = await ctx.page.getByRole(role).allInnerTexts();
      expect(
        names.filter((n) => editing.test(n)),
        role,
      ).toEqual([]);
    }
  });

  it('shows no count below 11 and none that differencing recovers', async () => {
    await ctx.page.getByRole('button', { name: 'Tableau' }).click();
    const shown = new Map<string, number | null>();
    for (const [scheme, label, unit] of SCHEMES) {
      await ctx.page.getByRole('radio', { name: label }).check();
      await expect.poll(async () => (await tableNeeds()).size).toBeGreaterThan(0);
      await expect
        .poll(() =>
          ctx.page.locator('section[aria-label="Tableau des territoires"] caption').innerText(),
        )
        .toContain(`par ${unit}`);
      for (const [code, v] of await tableNeeds()) shown.set(`${scheme}|${code}`, v);
    }
    const numbers = [...shown.values()].filter((v): v is number => v !== null);
    expect(numbers.length).toBeGreaterThan(100);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(11);

    // What an attacker knows: the shown figures, the département total, and which commune
    // belongs to which territory (published in the memberships file).
    const depNeed = await ctx.page.locator('[data-figure="need"]').first().innerText();
    const dep = Number(depNeed.replace(/\s/g, ''));
    expect(dep).toBeGreaterThan(1000);
    const members = decodeTable(readFileSync(`${dataDir}memberships.arrow`));
    const groups = new Map<string, string[]>();
    for (const m of members) {
      const k = `${m.scheme_id}|${m.territory_code}`;
      groups.set(k, [...(groups.get(k) ?? []), `commune|${m.commune_code}`]);
    }
    const constraints: SumConstraint[] = [...groups].map(([total, parts]) => ({ total, parts }));
    for (const [scheme] of SCHEMES) {
      const parts = [...shown.keys()].filter((k) => k.startsWith(`${scheme}|`));
      constraints.push({ total: 'departement', parts });
    }
    const cells = new Map<string, number>([['departement', dep]]);
    for (const [k, v] of shown) cells.set(k, v ?? 0);
    const hidden = new Set([...shown].filter(([, v]) => v === null).map(([k]) => k));
    expect(hidden.size).toBeGreaterThan(0);
    expect([...determinedCells(cells, constraints, hidden)]).toEqual([]);
  });

  it('exports a table with the secrecy mark, never a small count', async () => {
    await ctx.page.getByRole('radio', { name: 'Communes' }).check();
    await expect.poll(async () => (await tableNeeds()).size).toBeGreaterThan(500);
    const [download] = await Promise.all([
      ctx.page.waitForEvent('download'),
      ctx.page.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // The table, an empty line, then where each figure comes from and when.
    const [table, notes] = text.slice(1).split('\r\n\r\n') as [string, string];
    const lines = table.split('\r\n');
    const header = lines[0]!.split(';');
    const needCol = header.indexOf('Foyers allocataires du RSA');
    expect(needCol).toBeGreaterThan(0);
    const values = lines.slice(1).map((l) => l.split(';')[needCol]!);
    expect(values.some((v) => v === 'secret')).toBe(true);
    for (const v of values)
      if (v !== 'secret') expect(Number(v.replace(',', '.'))).toBeGreaterThanOrEqual(11);
    // Values as the table shows them: the rate with one decimal, never more.
    const rateCol = header.indexOf('Foyers allocataires du RSA pour 100 habitants');
    const rates = lines.slice(1).map((l) => l.split(';')[rateCol]!);
    expect(rates.filter((v) => /,\d{2,}/.test(v))).toEqual([]);
    expect(rates.some((v) => /,\d$/.test(v))).toBe(true);
    const noteLines = notes.trim().split('\r\n');
    expect(noteLines).toContainEqual(
      expect.stringMatching(/^Source;Foyers allocataires du RSA;.+\(millésime .+\)$/),
    );
    expect(noteLines).toContainEqual(
      expect.stringMatching(/^Source;Population;.+\(millésime .+\)$/),
    );
    expect(noteLines).toContainEqual(
      expect.stringMatching(/^secret;masqué par le secret statistique$/),
    );
    expect(noteLines).toContainEqual(expect.stringMatching(/^Exporté le;\d{4}-\d{2}-\d{2}$/));
    assertClean(ctx);
  });
});

/** Header → cells of every row of the "Tableau" display. */
async function tableColumns(page: PageContext['page']): Promise<Map<string, string[]>> {
  const { headers, rows } = await page.$$eval(
    'section[aria-label="Tableau des territoires"] table',
    ([t]) => ({
      headers: [...t!.querySelectorAll('thead th')].map((th) =>
        (th.textContent ?? '').replace(/[▲▼]/g, '').trim(),
      ),
      rows: [...t!.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
      ),
    }),
  );
  return new Map(headers.map((h, i) => [h, rows.map((r) => r[i] ?? '')]));
}

describe('public build of a real département (Meuse)', () => {
  it('masks the small counts and what they give, and nothing else', async (t) => {
    if (!(await hasBuiltDataset(publicUrl, 'dep-55'))) {
      t.skip();
      return;
    }
    const pub = await openApp(browser, `${publicUrl}?d=dep-55&s=commune&v=table`, 'population');
    try {
      const page = pub.page;
      await expect.poll(async () => (await tableColumns(page)).get('Code')?.length).toBe(499);
      const cols = await tableColumns(page);
      const need = cols.get('Demandeurs d’emploi')!;
      const rate = cols.get('Demandeurs d’emploi pour 100 habitants')!;
      // Legal populations, sites and places are published for every commune.
      for (const h of ['Population', "Lieux d'accueil"]) {
        expect(
          cols.get(h)!.filter((v) => v === 'secret'),
          h,
        ).toEqual([]);
      }
      expect(cols.get("Places d'insertion")!.filter((v) => v === 'secret')).toEqual([]);
      // A commune without inhabitants has nobody in need, for anyone to see.
      const population = cols.get('Population')!;
      const empty = population.flatMap((p, i) => (p === '0' ? [need[i]] : []));
      expect(empty.length).toBeGreaterThan(0);
      expect(empty.every((v) => v === '0')).toBe(true);
      // A masked cell reads « secret », never a bare "s", and the table says what it means.
      expect([...cols.values()].flat().filter((v) => v === 's')).toEqual([]);
      await expect
        .poll(() => page.locator('section[aria-label="Tableau des territoires"]').innerText())
        .toContain('« secret » : effectif de moins de 11 personnes');
      // The rate is masked exactly where its numerator is.
      const masked = need.map((v) => v === 'secret');
      expect(rate.map((v) => v === 'secret')).toEqual(masked);
      const secret = masked.filter(Boolean).length;
      expect(secret).toBeGreaterThan(0);
      for (const v of need)
        if (v !== 'secret' && v !== '0')
          expect(Number(v.replace(/\s/g, ''))).toBeGreaterThanOrEqual(11);
      console.info(`dep-55, communes : ${secret} effectifs masqués sur ${need.length}`);

      // Reach by car at 45 min: no commune beyond, hence nobody beyond, and no table of zeros.
      await page.getByRole('button', { name: "Temps d'accès", exact: true }).click();
      await page.getByRole('button', { name: 'Carte', exact: true }).click();
      await page.getByLabel('Seuil (minutes)').fill('45');
      await page.getByLabel('Seuil (minutes)').press('Enter');
      await expect
        .poll(() => page.locator('[data-figure="reach-communes-beyond"]').innerText(), {
          timeout: 60_000,
        })
        .toBe('0');
      expect(await page.locator('[data-figure="reach-need-beyond"]').innerText()).toBe('0');
      expect(await page.getByRole('table', { name: /^Au-delà de 45 min, par/ }).count()).toBe(0);

      // At 20 min some communes are beyond: the table lists them only, each territory's count
      // is a sum of published cells, a lower bound over them, or masked.
      await page.getByLabel('Seuil (minutes)').fill('20');
      await page.getByLabel('Seuil (minutes)').press('Enter');
      await expect
        .poll(() => page.locator('[data-figure="reach-communes-beyond"]').innerText())
        .not.toBe('0');
      const beyond = Number(
        (await page.locator('[data-figure="reach-communes-beyond"]').innerText()).replace(
          /\s/g,
          '',
        ),
      );
      const rows = page
        .getByRole('table', { name: /^Au-delà de 20 min, par commune/ })
        .locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(beyond);
      for (const cells of await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
      )) {
        // Published counts only: 11 or more, or the 0 of a commune without inhabitants.
        if (cells[0] !== 'secret' && cells[0] !== '0')
          expect(Number(cells[0]!.replace(/\s/g, ''))).toBeGreaterThanOrEqual(11);
      }
      await saveScreenshot(page, 'public-dep-55-reach');
      // The rules, per published figure, one click away at the foot of the page.
      await page.getByRole('button', { name: 'Secret statistique' }).click();
      const rules = page.getByRole('dialog', { name: /^Secret statistique/ });
      await expect.poll(() => rules.innerText()).toContain('Population légale (INSEE)');
      await saveScreenshot(page, 'public-dep-55-secrecy-rules');
      assertClean(pub);
    } finally {
      await pub.close();
    }
  });
});
