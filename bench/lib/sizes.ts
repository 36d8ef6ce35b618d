/**
 * Sizes of the built site by kind of file: app code, each library, the DuckDB wasm modules, the
 * data of each dataset. Libraries are told from app code by their chunk names, set by the
 * `codeSplitting` groups of vite.config.ts (`vendor-*`), and by the worker and wasm files the
 * libraries ship. Gzip at zlib's default level, the one Vite reports and most servers use.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export type SizeCategory =
  | 'app'
  | 'maplibre'
  | 'deckgl'
  | 'duckdb-js'
  | 'other-libs'
  | 'wasm-eh'
  | 'wasm-mvp'
  | 'data-index'
  | 'unclassified'
  | `data:${string}`;

const RULES: [RegExp, SizeCategory][] = [
  [/^(index\.html|favicon\.svg|robots\.txt)$/, 'app'],
  [/^assets\/index-[\w-]+\.(js|css)$/, 'app'],
  // The app's import worker (its parsers and Arrow encoder, bundled apart).
  [/^assets\/import\.worker-[\w-]+\.js$/, 'app'],
  [/^assets\/vendor-maplibre-[\w-]+\.(js|css)$/, 'maplibre'],
  [/^assets\/maplibre-gl-worker-[\w-]+\.m?js$/, 'maplibre'],
  [/^assets\/vendor-deckgl-[\w-]+\.(js|css)$/, 'deckgl'],
  [/^assets\/vendor-duckdb-[\w-]+\.(js|css)$/, 'duckdb-js'],
  [/^assets\/duckdb-browser-(eh|mvp)\.worker-[\w-]+\.js$/, 'duckdb-js'],
  [/^assets\/duckdb-eh-[\w-]+\.wasm$/, 'wasm-eh'],
  [/^assets\/duckdb-mvp-[\w-]+\.wasm$/, 'wasm-mvp'],
  [/^assets\/vendor-[\w-]+\.(js|css)$/, 'other-libs'],
  [/^data\/datasets\.json$/, 'data-index'],
];

/** Category of a file of the build, from its path relative to the build folder ('/' separated). */
export function classifyAsset(path: string): SizeCategory {
  const dataset = /^data\/([^/]+)\//.exec(path);
  if (dataset) return `data:${dataset[1]}`;
  for (const [pattern, category] of RULES) if (pattern.test(path)) return category;
  return 'unclassified';
}

/** Files a Chromium visit does not load: it picks the `eh` DuckDB bundle, never `mvp`. */
export function isMvpOnly(path: string): boolean {
  return /duckdb-(browser-)?mvp/.test(path);
}

export interface FileSize {
  /** Path relative to the build folder, '/' separated. */
  path: string;
  category: SizeCategory;
  rawBytes: number;
  gzipBytes: number;
  /**
   * What a host serving the build's precompressed copies sends to a browser that accepts Brotli:
   * the `.br` copy beside the file, or the file itself when it has none.
   */
  servedBytes: number;
}

/** The build's precompressed copies (scripts/lib/precompress.ts): measured with their file. */
export const isPrecompressedCopy = (path: string): boolean => /\.(br|gz)$/.test(path);

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) visit(p);
      else out.push(p);
    }
  };
  visit(dir);
  return out.sort();
}

export function measureFiles(buildDir: string): FileSize[] {
  return listFiles(buildDir)
    .filter((file) => !isPrecompressedCopy(file))
    .map((file) => {
      const path = relative(buildDir, file).split(sep).join('/');
      const bytes = readFileSync(file);
      return {
        path,
        category: classifyAsset(path),
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes).length,
        servedBytes: existsSync(`${file}.br`) ? statSync(`${file}.br`).size : bytes.length,
      };
    });
}

export interface SizeTotal {
  rawBytes: number;
  gzipBytes: number;
  servedBytes: number;
  files: number;
}

export function total(files: readonly FileSize[]): SizeTotal {
  return files.reduce(
    (t, f) => ({
      rawBytes: t.rawBytes + f.rawBytes,
      gzipBytes: t.gzipBytes + f.gzipBytes,
      servedBytes: t.servedBytes + f.servedBytes,
      files: t.files + 1,
    }),
    { rawBytes: 0, gzipBytes: 0, servedBytes: 0, files: 0 },
  );
}
