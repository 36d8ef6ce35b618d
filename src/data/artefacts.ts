/**
 * Reads the built artefacts from the site itself. URLs are relative to the page, so a copy
 * published under any sub-path finds its data.
 */
import type { DatasetEntry, DatasetMeta } from '../domain/model.ts';
import { parseFirstFigures, type FirstFigures } from './first-figures.ts';

const DATA_ROOT = `${import.meta.env.BASE_URL}data/`;

async function get(path: string): Promise<Response> {
  const res = await fetch(DATA_ROOT + path);
  if (!res.ok) throw new Error(`Fichier introuvable : data/${path} (HTTP ${res.status})`);
  return res;
}

export async function fetchJson<T>(path: string): Promise<T> {
  return (await get(path)).json() as Promise<T>;
}

export async function fetchBytes(path: string): Promise<Uint8Array> {
  return new Uint8Array(await (await get(path)).arrayBuffer());
}

export const fetchManifest = () => fetchJson<DatasetEntry[]>('datasets.json');

export const fetchMeta = (entry: DatasetEntry) => fetchJson<DatasetMeta>(`${entry.path}/meta.json`);

/**
 * The build's snapshot of the first figures, or null when the dataset has none or it cannot be
 * read: the page then waits for DuckDB, as it would without one, and says nothing of it.
 */
export async function fetchFirstFigures(
  entry: DatasetEntry,
  meta: DatasetMeta,
): Promise<FirstFigures | null> {
  if (!meta.firstFigures) return null;
  try {
    return parseFirstFigures(await fetchJson<unknown>(`${entry.path}/${meta.firstFigures}`));
  } catch {
    return null;
  }
}

/** Reader of one dataset's artefacts, for `loadDatasetTables`. */
export const artefactReader = (entry: DatasetEntry) => (fileName: string) =>
  fetchBytes(`${entry.path}/${fileName}`);

const THEME_ROOT = `${import.meta.env.BASE_URL}theme/`;

/** A file of the public build's theme folder, by name (the theme names its logo and font). */
export const themeFileUrl = (file: string) => THEME_ROOT + file;

/** The public build's theme file, as written by scripts/build-public.ts. */
export async function fetchThemeFile(): Promise<unknown> {
  const res = await fetch(themeFileUrl('theme.json'));
  if (!res.ok) throw new Error(`Fichier introuvable : theme/theme.json (HTTP ${res.status})`);
  return res.json();
}
