/**
 * `--download` with a data·inclusion token: the structures and services of the département from
 * the data·inclusion API (v1), every page, written as two JSON arrays in the cache folder where
 * the build finds them (`data-inclusion/structures-NN.json`, `services-NN.json`).
 *
 * The API: `GET {base}/structures?code_departement=NN&exclure_doublons=true&page=P&size=S` and
 * `GET {base}/services?code_departement=NN&page=P&size=S`, with the header
 * `Authorization: Bearer TOKEN`; each answer is a page `{"items": […], "total", "page", "size",
 * "pages"}`. A token is asked of the GIP Plateforme de l'inclusion (see the README).
 */
import { messageOf } from '../../src/domain/errors.ts';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const DATA_INCLUSION_API = 'https://api.data.inclusion.gouv.fr/api/v1';
/** Items asked per page. */
export const DATA_INCLUSION_PAGE_SIZE = 1000;
/** Pages read at most per list: far beyond any département, a guard against a looping server. */
const MAX_PAGES = 500;

export interface DataInclusionDownload {
  dep: string;
  token: string;
  cacheDir: string;
  /** Base URL of the API (a local server in the tests). */
  baseUrl?: string;
  log?: (message: string) => void;
  fetchImpl?: typeof fetch;
}

interface Page {
  items: unknown[];
  total?: number;
  pages?: number;
}

async function fetchPage(url: string, o: DataInclusionDownload): Promise<Page> {
  const doFetch = o.fetchImpl ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, {
      headers: { Authorization: `Bearer ${o.token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(120_000),
    });
  } catch (e) {
    throw new Error(`data·inclusion : ${url} injoignable (${messageOf(e)})`);
  }
  if (res.status === 401 || res.status === 403)
    throw new Error(
      `data·inclusion : jeton refusé (HTTP ${res.status}) — vérifiez DATA_INCLUSION_TOKEN.`,
    );
  if (!res.ok) throw new Error(`data·inclusion : ${url} a répondu HTTP ${res.status}.`);
  const body = (await res.json()) as unknown;
  if (typeof body !== 'object' || body === null || !Array.isArray((body as Page).items))
    throw new Error(`data·inclusion : ${url} n'a pas rendu une page {"items": […]}.`);
  return body as Page;
}

/** Every item of a list, page after page. */
async function fetchAll(
  path: string,
  query: Record<string, string>,
  o: DataInclusionDownload,
): Promise<unknown[]> {
  const base = (o.baseUrl ?? DATA_INCLUSION_API).replace(/\/+$/, '');
  const items: unknown[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const params = new URLSearchParams({
      ...query,
      page: String(page),
      size: String(DATA_INCLUSION_PAGE_SIZE),
    });
    const p = await fetchPage(`${base}${path}?${params}`, o);
    items.push(...p.items);
    const pages = p.pages ?? Math.ceil((p.total ?? 0) / DATA_INCLUSION_PAGE_SIZE);
    if (p.items.length === 0 || page >= pages) {
      if (p.total !== undefined && items.length !== p.total)
        throw new Error(
          `data·inclusion : ${items.length} éléments reçus pour ${path}, ${p.total} annoncés.`,
        );
      return items;
    }
  }
  throw new Error(`data·inclusion : plus de ${MAX_PAGES} pages pour ${path}, lecture arrêtée.`);
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  // Written aside then renamed: an interrupted download never leaves a truncated file.
  writeFileSync(`${file}.part`, JSON.stringify(value));
  renameSync(`${file}.part`, file);
}

/** Downloads the département's structures and services; returns the two files written. */
export async function downloadDataInclusion(
  o: DataInclusionDownload,
): Promise<{ structures: string; services: string }> {
  const log = o.log ?? (() => {});
  const dep = o.dep.toUpperCase().padStart(2, '0');
  const files = {
    structures: join(o.cacheDir, 'data-inclusion', `structures-${dep}.json`),
    services: join(o.cacheDir, 'data-inclusion', `services-${dep}.json`),
  };
  if (existsSync(files.structures) && existsSync(files.services)) {
    log('Cache : data·inclusion (supprimez les fichiers du cache pour les télécharger de nouveau)');
    return files;
  }
  const structures = await fetchAll(
    '/structures',
    { code_departement: dep, exclure_doublons: 'true' },
    o,
  );
  const services = await fetchAll('/services', { code_departement: dep }, o);
  writeJson(files.structures, structures);
  writeJson(files.services, services);
  log(`data·inclusion : ${structures.length} structures, ${services.length} services (API)`);
  return files;
}
