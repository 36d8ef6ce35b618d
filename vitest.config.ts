import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * Test files that read the shared demo and its DuckDB (scripts/lib/test-fixtures.ts). They run
 * without module isolation, so that a worker generates the demo and starts DuckDB once for all of
 * them instead of once per file.
 */
const SHARED_DEMO = [
  'src/data/queries/imports.test.ts',
  'src/data/queries/reach.test.ts',
  'src/data/queries/territories.test.ts',
  'src/state/import-corpus.test.ts',
  'src/state/tools.test.ts',
  'scripts/public/publish.test.ts',
  'scripts/report/validate.test.ts',
  'scripts/report/gaps.test.ts',
  'scripts/report/reach.test.ts',
  'scripts/demo/generate.test.ts',
];

export default defineConfig({
  plugins: [svelte()],
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...SHARED_DEMO],
        },
      },
      {
        extends: true,
        test: { name: 'shared-demo', include: SHARED_DEMO, isolate: false },
      },
    ],
  },
});
