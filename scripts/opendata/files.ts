/**
 * Finding the input files in a folder laid out like the open-data folder (see data/sources.md):
 * each input kind has a sub-folder and a file-name pattern; the newest-named match wins. Reading
 * goes through the same parsers as the browser.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FileRefused } from '../../src/domain/import/refusal.ts';
import { readTable, type ByteChunks, type TableInput } from '../../src/domain/import/table.ts';

/** The first file of `dir/sub` whose name matches, newest name first ("…-20240801" > "…-2019"). */
export function findFile(dir: string, sub: string, pattern: RegExp): string | null {
  const folder = join(dir, sub);
  if (!existsSync(folder)) return null;
  const names = readdirSync(folder)
    .filter((n) => pattern.test(n))
    .sort()
    .reverse();
  return names[0] ? join(folder, names[0]) : null;
}

/** Size of the chunks a file is read in: memory stays bounded whatever the file's size. */
export const CHUNK_BYTES = 1 << 20;

/** A file's bytes in chunks, read synchronously as they are consumed; the file is closed at the end. */
export function* fileChunks(path: string, chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buf = new Uint8Array(chunkBytes);
      const n = readSync(fd, buf, 0, chunkBytes, null);
      if (n === 0) return;
      yield n === chunkBytes ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** A table file (CSV or JSON), read by the same reader as the browser's; CSV is streamed. */
export function readTableFile(path: string, chunks: ByteChunks = fileChunks(path)): TableInput {
  try {
    return readTable(chunks, basename(path));
  } catch (e) {
    // "fichier vide" alone would not say which of the build's inputs it is.
    if (e instanceof FileRefused)
      throw new FileRefused(e.code, `« ${basename(path)} » refusé : ${e.message}`);
    throw e;
  }
}

export function readJsonFile<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** A date or year in a file name: "liste-fs-20240801.csv" → "2024-08-01", "…_2019-07.csv" → "2019-07". */
export function millesimeOfFileName(path: string): string {
  const name = basename(path);
  const full = /(20\d{2})-?(\d{2})-?(\d{2})/.exec(name);
  if (full) return `${full[1]}-${full[2]}-${full[3]}`;
  const month = /(20\d{2})-(\d{2})/.exec(name);
  if (month) return `${month[1]}-${month[2]}`;
  const year = /(19|20)\d{2}/.exec(name);
  return year ? year[0] : '';
}
