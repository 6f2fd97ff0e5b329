import { defineConfig } from 'vitest/config';

// End-to-end: Playwright (playwright-core) drives Debian's Chromium against the loopback web host
// serving the built renderer (out/renderer). `npm run test:e2e` builds first.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
