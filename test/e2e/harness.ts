import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openArchive, type Archive } from '../../db/open';
import { createContext, type HostCapabilities } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { startWebHost, type WebHost } from '../../webhost/server';
import { tempDir } from '../helpers/tempArchive';
import { CHROMIUM_ARGS, createChromiumPdf, type PdfRenderer } from '../../cli/chromiumPdf';

export const CHROMIUM = process.env.HOSO_CHROMIUM ?? '/usr/bin/chromium';
// HOSO_OUT: the renderer built elsewhere (`HOSO_OUT=/tmp/x npx electron-vite build`), as in electron.vite.config.ts.
const RENDERER = process.env.HOSO_OUT ? resolve(process.env.HOSO_OUT, 'renderer') : resolve(import.meta.dirname, '..', '..', 'out', 'renderer');

/** Where the tests save their screenshots; launchApp makes sure the folder is there. */
export const SCREENSHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

/** Every request the page makes, to prove the app never reaches off the machine. */
export interface App {
  archive: Archive;
  host: WebHost;
  browser: Browser;
  page: Page;
  /** The host's PDF renderer (a warm Chromium, as `hoso serve` keeps one). */
  pdf: PdfRenderer;
  requests: string[];
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real UI (built renderer) in Debian's Chromium, talking to the real web host over a real
 * temp-file archive. Flags keep Chromium itself from phoning home.
 */
export async function launchApp(
  options: { archiveFile?: string; firstRun?: boolean; archiveLocation?: HostCapabilities['archiveLocation'] } = {},
): Promise<App> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const t = tempDir('hoso-e2e-');
  const archive = await openArchive({ file: options.archiveFile ?? join(t.dir, 'archive.sqlite') });
  // A fresh archive opens on the first-run setup; the tests of other screens start past it (put off, as
  // closing the setup stores it) unless they test the setup itself. Written as the row itself, without an
  // audit entry: tests count the audit log.
  if (!options.firstRun) {
    archive.sqlite
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('setup', '\"skipped\"', ?) ON CONFLICT(key) DO NOTHING")
      .run(Date.now());
  }
  // PDFs as `hoso serve` makes them: one warm Chromium for the app's life (cli/chromiumPdf.ts).
  const pdf = createChromiumPdf({ log: silentLogger });
  const dispatch = createDispatcher(createHandlers(createContext(archive, 'web', 'e2e', { renderPdf: (html) => pdf.render(html), archiveLocation: options.archiveLocation })), silentLogger);
  const host = await startWebHost({ dispatch, rendererDir: RENDERER, log: silentLogger, archiveDir: dirname(archive.file) });
  // The same flags as the reports' PDF rendering: Chromium itself must not phone home either.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 850 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(host.launchUrl);
  return {
    archive,
    host,
    browser,
    page,
    pdf,
    requests,
    dataDir: t.dir,
    close: async () => {
      await browser.close();
      await host.close();
      await pdf.close();
      archive.close();
      t.cleanup();
    },
  };
}
