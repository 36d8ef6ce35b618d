/**
 * `--download` against a local HTTP server on 127.0.0.1 serving the open-data folder in place of
 * the publishers (`--mirror`): files are fetched into the cache, the build reads them, and a
 * second run takes everything from the cache.
 */
import { isBorderSite } from '../../src/domain/model.ts';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartement } from './build-departement.ts';
import { downloadInputs } from './download.ts';
import { HAS_OPENDATA, OPENDATA_DIR, SKIP_MESSAGE } from './opendata-dir.ts';
import { DOWNLOADS } from './sources.ts';

if (!HAS_OPENDATA) console.warn(SKIP_MESSAGE);

describe.skipIf(!HAS_OPENDATA)('--download from a local mirror', () => {
  let server: Server;
  let base: string;
  let cache: string;
  const requests: string[] = [];

  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'opendata-cache-'));
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const file = normalize(join(OPENDATA_DIR, path));
      if (!file.startsWith(OPENDATA_DIR) || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200);
      createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    base = `http://127.0.0.1:${address.port}/`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(cache, { recursive: true, force: true });
  });

  it('every download has an official URL and a mirror path', () => {
    for (const d of DOWNLOADS) {
      expect(d.url).toMatch(/^https:\/\//);
      expect(d.mirrorPath).not.toMatch(/^\//);
    }
  });

  it('fetches the files, builds Hérault from them, then reuses the cache', async () => {
    const from = await downloadInputs({ dep: '34', cacheDir: cache, mirror: base });
    expect(requests.sort()).toEqual(
      DOWNLOADS.map((d) => '/' + d.mirrorPath.replace('{dep}', '34')).sort(),
    );
    const { bundle, reports } = buildDepartement({ dep: '34', from });
    expect(bundle.communes).toHaveLength(342);
    const fs = bundle.sites.filter((s) => s.kind === 'france_services');
    expect(fs.filter((s) => !isBorderSite(s))).toHaveLength(58);
    // No INSEE table in the download: bassins de vie come from the georef contours' own fields,
    // populations from the COG package (the same INSEE 2021 figures).
    expect(bundle.meta.schemes.map((s) => s.id)).toEqual(['epci', 'bv2022', 'ze2020']);
    expect(
      new Set(bundle.territories.filter((t) => t.schemeId === 'bv2022').map((t) => t.code)).size,
    ).toBe(36);
    expect(bundle.meta.populationSourceId).toBe('insee-population-2021-package');
    expect(bundle.communes.reduce((s, c) => s + c.population, 0)).toBe(1_201_883);
    expect(reports.map((r) => r.inputId)).toContain('siae');

    const before = requests.length;
    await downloadInputs({ dep: '34', cacheDir: cache, mirror: base });
    expect(requests.length).toBe(before);
  });

  it('fails clearly when the contours cannot be had', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'opendata-cache-'));
    try {
      await expect(downloadInputs({ dep: '62', cacheDir: empty, mirror: base })).rejects.toThrow(
        /HTTP 404/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
