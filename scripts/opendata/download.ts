/**
 * `--download`: fetches the input files from their publishers (sources.ts, DOWNLOADS) into a
 * cache folder laid out like the open-data folder, then the build reads that folder. A file
 * already in the cache is not fetched again. `mirror` replaces every publisher by one base URL
 * serving the same layout (the tests use a local server).
 */
import { messageOf } from '../../src/domain/errors.ts';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOWNLOADS } from './sources.ts';

export interface DownloadOptions {
  dep: string;
  cacheDir: string;
  mirror: string | null;
  log?: (message: string) => void;
  /** For tests: the fetch to use. */
  fetchImpl?: typeof fetch;
}

/** Returns the folder to build from. */
export async function downloadInputs(o: DownloadOptions): Promise<string> {
  const log = o.log ?? (() => {});
  const doFetch = o.fetchImpl ?? fetch;
  const dep = o.dep.toUpperCase().padStart(2, '0');
  for (const item of DOWNLOADS) {
    const rel = item.mirrorPath.replaceAll('{dep}', dep);
    const target = join(o.cacheDir, rel);
    if (existsSync(target)) {
      log(`Cache : ${rel}`);
      continue;
    }
    const url = o.mirror
      ? new URL(rel, o.mirror.endsWith('/') ? o.mirror : o.mirror + '/').href
      : item.url.replaceAll('{dep}', dep);
    log(`Téléchargement : ${url}`);
    let res: Response;
    try {
      res = await doFetch(url, { signal: AbortSignal.timeout(120_000) });
    } catch (e) {
      throw new Error(`Téléchargement impossible de ${url} : ${messageOf(e)}`);
    }
    if (!res.ok) {
      // The contours are indispensable; the other inputs only enrich the dataset.
      if (item.key === 'contours')
        throw new Error(`Téléchargement impossible de ${url} (HTTP ${res.status})`);
      log(`  absent (HTTP ${res.status}) : le jeu sera construit sans ce fichier`);
      continue;
    }
    let bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = new Uint8Array(gunzipSync(bytes));
    mkdirSync(dirname(target), { recursive: true });
    // Written aside then renamed: an interrupted download never leaves a truncated file in the cache.
    writeFileSync(`${target}.part`, bytes);
    renameSync(`${target}.part`, target);
  }
  return o.cacheDir;
}
