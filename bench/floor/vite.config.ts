/**
 * The floor pages (bench/floor/*.html), built with the app's own Vite configuration into
 * dist-floor/, with the app's public/ folder (the same dataset files). Built by the benchmark:
 * `npx vite build --config bench/floor/vite.config.ts`.
 */
import { resolve } from 'node:path';
import { defineConfig, mergeConfig, type UserConfig } from 'vite';
import appConfig from '../../vite.config.ts';

const here = import.meta.dirname;
const repoRoot = resolve(here, '..', '..');

// The app's configuration for a normal build (not the public one).
const base = appConfig({ mode: 'production', command: 'build' }) as UserConfig;

export default mergeConfig(
  base,
  defineConfig({
    root: here,
    publicDir: resolve(repoRoot, 'public'),
    logLevel: 'warn',
    build: {
      outDir: resolve(repoRoot, 'dist-floor'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(here, 'index.html'), queries: resolve(here, 'queries.html') },
      },
    },
  }),
);
