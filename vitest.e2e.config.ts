import { defineConfig } from 'vitest/config';

// Browser tests: a production build served by `vite preview`, driven through playwright-core in
// Debian's Chromium. One file at a time, since each drives a whole browser.
export default defineConfig({
  test: {
    include: ['src/e2e/**/*.e2e.ts'],
    globalSetup: ['src/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
