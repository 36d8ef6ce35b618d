import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

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
export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: {
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
});
