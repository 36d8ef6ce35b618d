import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { precompressDir, precompressedMiddleware } from './scripts/lib/precompress.ts';
import { formatNumber } from './src/domain/format.ts';

/**
 * Content-Security-Policy of the public build: everything from the site itself. WebAssembly
 * compilation (DuckDB) needs 'wasm-unsafe-eval'; workers are files of the site; data URLs are
 * only images. A <meta> cannot carry frame-ancestors: the README tells hosts to send it as a header.
 */
export const PUBLIC_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'public-csp',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${PUBLIC_CSP}" />`,
      ),
  };
}

/**
 * `.br` and `.gz` copies of every text and wasm file of the build, and the preview server sending
 * them to a browser that accepts them (see README, "Publier", for static hosts).
 */
function precompress(): Plugin[] {
  let outDir = '';
  const mb = (n: number) => formatNumber(n / 1e6, 1);
  return [
    {
      name: 'precompress',
      apply: 'build',
      configResolved: (config) => {
        outDir = resolve(config.root, config.build.outDir);
      },
      closeBundle: {
        order: 'post',
        sequential: true,
        async handler() {
          const r = await precompressDir(outDir);
          this.info(
            `${r.files} fichiers précompressés : ${mb(r.rawBytes)} Mo, ` +
              `${mb(r.brBytes)} Mo en Brotli, ${mb(r.gzipBytes)} Mo en gzip`,
          );
        },
      },
    },
    {
      name: 'serve-precompressed',
      configResolved: (config) => {
        outDir = resolve(config.root, config.build.outDir);
      },
      configurePreviewServer: (server) => {
        server.middlewares.use(precompressedMiddleware(outDir));
      },
    },
  ];
}

/**
 * Libraries go to their own chunks, named after them: a new version of the app leaves them in
 * the browser's cache, and the benchmark's size suite (bench/suites/size.ts) tells app code from
 * libraries by these names.
 */
const VENDOR_CHUNKS: [name: string, test: RegExp][] = [
  ['vendor-maplibre', /node_modules[\\/]maplibre-gl[\\/]/],
  [
    'vendor-deckgl',
    /node_modules[\\/](@deck\.gl|@luma\.gl|@math\.gl|@loaders\.gl|@probe\.gl)[\\/]/,
  ],
  ['vendor-duckdb', /node_modules[\\/](@duckdb|apache-arrow|flatbuffers|tslib)[\\/]/],
  ['vendor', /node_modules[\\/]/],
];

// `base: './'` keeps every URL relative, so the built folder works from any sub-path of any
// static host (see README, "Publier").
export default defineConfig(({ mode }) => {
  const isPublic = mode === 'public';
  return {
    base: './',
    plugins: [svelte(), ...precompress(), ...(isPublic ? [contentSecurityPolicy()] : [])],
    // The public build serves published datasets, prepared by scripts/build-public.ts.
    publicDir: isPublic ? '.public-build' : 'public',
    build: {
      outDir: isPublic ? 'dist-public' : 'dist',
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      // The DuckDB wasm files are copied as they are; inlining them would be absurd.
      assetsInlineLimit: 0,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: VENDOR_CHUNKS.map(([name, test], i) => ({
              name,
              test,
              priority: VENDOR_CHUNKS.length - i,
            })),
          },
        },
      },
    },
    worker: { format: 'es' },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
});
