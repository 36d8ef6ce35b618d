/**
 * Precompressed copies of the built site: every text and wasm file gets a `.br` (Brotli) and a
 * `.gz` (gzip) copy beside it, so a static host sends them compressed without compressing at each
 * request (nginx `gzip_static`/`brotli_static`, Apache's rewrite rules, the preview server
 * below). The DuckDB wasm goes from 34 MB to about 6 MB (Brotli) or 7.7 MB (gzip).
 *
 * - `precompressDir` writes the copies (run by the Vite plugin at the end of each build);
 * - `chooseEncoding` picks the copy a request may receive from its Accept-Encoding;
 * - `precompressedMiddleware` serves the copies, for `vite preview` (and so `npm start`).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Content types of the files worth compressing (everything else is left as it is). */
export const COMPRESSIBLE_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.stream',
};

/** Files this small gain nothing worth a second request path. */
const MIN_BYTES = 1024;
/** Brotli's best quality takes minutes on the 34 MB wasm; above this size a fast level. */
const LARGE_BYTES = 4_000_000;

export type Encoding = 'br' | 'gzip';
export const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

export function isCompressible(path: string): boolean {
  return extname(path).toLowerCase() in COMPRESSIBLE_TYPES;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

export interface PrecompressReport {
  files: number;
  rawBytes: number;
  brBytes: number;
  gzipBytes: number;
}

/**
 * Writes `file.br` and `file.gz` beside every compressible file of `dir` of at least 1 kB, when
 * the copy is smaller than the file. Files are done one after the other, their two copies at once.
 */
export async function precompressDir(dir: string): Promise<PrecompressReport> {
  const report: PrecompressReport = { files: 0, rawBytes: 0, brBytes: 0, gzipBytes: 0 };
  for (const file of listFiles(dir)) {
    if (!isCompressible(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.length < MIN_BYTES) continue;
    const [br, gzipped] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: bytes.length > LARGE_BYTES ? 5 : 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gz(bytes, { level: 9 }),
    ]);
    const writes: Promise<void>[] = [];
    if (br.length < bytes.length) writes.push(writeFile(file + SUFFIX.br, br));
    if (gzipped.length < bytes.length) writes.push(writeFile(file + SUFFIX.gzip, gzipped));
    await Promise.all(writes);
    report.files++;
    report.rawBytes += bytes.length;
    report.brBytes += Math.min(br.length, bytes.length);
    report.gzipBytes += Math.min(gzipped.length, bytes.length);
  }
  return report;
}

/**
 * The encoding to send for an Accept-Encoding header, among those whose copy exists: Brotli
 * first, then gzip; null for the file as it is. A coding with `q=0` is refused.
 */
export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (available.includes('br') && ok('br')) return 'br';
  if (available.includes('gzip') && ok('gzip')) return 'gzip';
  return null;
}

/** The file under `root` a URL path names (index.html for a folder), or null if outside it. */
export function fileFor(root: string, url: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const relative = normalize(path).replace(/^([/\\])+/, '');
  if (relative.split(/[/\\]/).includes('..')) return null;
  let file = join(root, relative);
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return file;
}

/**
 * Connect middleware serving the precompressed copy of a file of `root` when the request accepts
 * it, with its own type, `Content-Encoding` and `Vary: Accept-Encoding`; anything else goes on to
 * the next handler (the preview server's static files).
 */
export function precompressedMiddleware(root: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileFor(root, req.url ?? '/');
    if (!file || !isCompressible(file) || !existsSync(file)) return next();
    const available = (Object.keys(SUFFIX) as Encoding[]).filter((e) =>
      existsSync(file + SUFFIX[e]),
    );
    const encoding = chooseEncoding(req.headers['accept-encoding'], available);
    if (!encoding) return next();
    const body = readFileSync(file + SUFFIX[encoding]);
    res.writeHead(200, {
      'Content-Type': COMPRESSIBLE_TYPES[extname(file).toLowerCase()] as string,
      'Content-Encoding': encoding,
      'Content-Length': body.length,
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
