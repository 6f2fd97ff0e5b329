import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// HOSO_OUT builds elsewhere than out/ (parallel work on one checkout; the e2e harness reads it too).
const OUT = process.env.HOSO_OUT ? resolve(process.env.HOSO_OUT) : resolve(__dirname, 'out');

/**
 * Test-only packages never reach the desktop app: playwright-core drives the PC's Chromium for the CLI's
 * PDFs (cli/chromiumPdf.ts), the desktop prints with Electron's printToPDF. An import of one from the
 * main or preload graph, even a dynamic one, fails the build (test/unit/electron/mainBundle.test.ts
 * checks the same on the sources).
 */
function refuseTestOnlyPackages(): Plugin {
  const refused = ['playwright-core', 'playwright', '@playwright/test', 'vitest'];
  return {
    name: 'hoso-refuse-test-only-packages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (refused.some((p) => source === p || source.startsWith(`${p}/`)))
        this.error(`${source} is test-only and must not be bundled into the desktop app (imported by ${importer ?? '?'})`);
      return null;
    },
  };
}

// One build for the three Electron targets. The renderer output (out/renderer) is also what the
// loopback web host serves, so the browser and the desktop window run the very same bundle.
export default defineConfig({
  main: {
    plugins: [refuseTestOnlyPackages()],
    build: {
      outDir: resolve(OUT, 'main'),
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The export's worker threads load this file (meetingFilesPool.ts finds it beside index.js).
          meetingFilesWorker: resolve(__dirname, 'services/archive/meetingFilesWorker.ts'),
        },
      },
    },
  },
  preload: {
    plugins: [refuseTestOnlyPackages()],
    build: {
      outDir: resolve(OUT, 'preload'),
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module: it must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(OUT, 'renderer'),
      emptyOutDir: true,
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
