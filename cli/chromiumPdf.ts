import { existsSync } from 'node:fs';
import type { Browser, BrowserType, Page } from 'playwright-core';
import { HosoError } from '../contract/errors';
import { consoleLogger, type Logger } from '../services/log';

/**
 * HTML → PDF through a Chromium already on the PC (Debian's /usr/bin/chromium, or Edge/Chrome on
 * Windows), driven by playwright-core. The CLI (and the web host `hoso serve` starts) hands this to the
 * services as its `renderPdf` capability; the desktop app hands over Electron's own printToPDF instead,
 * which is why this lives in the CLI transport: the desktop bundle (out/main) never contains
 * playwright-core. The page's @page rules decide size and margins (preferCSSPageSize); every request
 * but the inline data: URLs is refused, so a document can never reach the network.
 *
 * Starting Chromium is most of a PDF's time (seconds on a busy PC; printing a notice on a running one
 * takes a few hundred milliseconds), so a renderer keeps one browser for its process, and one print
 * page in it: `hoso serve` starts both in the background as the host comes up; each PDF then replaces
 * the page's whole document (JavaScript off, so there is no script state to carry over), one at a time.
 * A new browser context per document was measured a second slower on a busy PC (a renderer process
 * started each time). A browser that crashed or was killed is started again for the next PDF;
 * `close()` ends it when the host or the command ends.
 */

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(): string | null {
  const fromEnv = process.env.HOSO_CHROMIUM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** The flags of test/e2e/harness.ts: nothing in Chromium itself may phone home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * PDFs waiting for the one in progress: a clerk clicks one at a time, so more than this means
 * something is looping; they are refused (PDF_BUSY) instead of queued without end.
 */
export const MAX_WAITING_PDFS = 8;

export interface PdfRenderer {
  /**
   * Starts the browser and its print page now; the promise says when they are ready (a host need not
   * wait for it). A failure is logged, not thrown: the next PDF tries again.
   */
  warm(): Promise<void>;
  /** One document, after those already asked for. */
  render(html: string): Promise<Buffer>;
  /** Ends the browser (waiting for the PDF in progress). A later `render` starts another. */
  close(): Promise<void>;
}

async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new HosoError('PDF_UNAVAILABLE');
  // Loaded only when a PDF is asked for: every other command starts without it, and a copy of the
  // project without playwright-core answers PDF_UNAVAILABLE (which tells the clerk to print to PDF).
  let chromium: BrowserType;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new HosoError('PDF_UNAVAILABLE', undefined, { cause: e });
  }
  // Ctrl+C is the host's to handle (cli/main.ts stops the web host, closes the archive, then this
  // renderer): playwright's own SIGINT handler would exit the process before that. Its exit handler
  // stays, so Chromium never outlives the process.
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, handleSIGINT: false });
}

/**
 * The page documents are printed in: JavaScript off (a report is data; a clerk's pasted text in it must
 * never run), service workers blocked, every request but data: refused.
 */
async function openPrintPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return context.newPage();
}

/** One document: setContent replaces the page's whole document, so nothing of the last one is left. */
async function printOn(page: Page, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  // Playwright's own evaluation, which runs with the page's JavaScript off.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
}

/** A print page is replaced after this many documents, so a long-running host's page does not grow. */
export const DOCUMENTS_PER_PAGE = 50;

export function createChromiumPdf(options: { log?: Logger; launch?: () => Promise<Browser> } = {}): PdfRenderer {
  const log = options.log ?? consoleLogger;
  const launch = options.launch ?? launchChromium;
  let browser: Promise<Browser> | null = null;
  let page: Promise<Page> | null = null;
  let printed = 0;
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;

  /** Forgets a promise that failed, so the next PDF tries again instead of failing forever. */
  const forgetOnFailure = <T>(made: Promise<T>, forget: () => void): Promise<T> => {
    made.catch(forget);
    return made;
  };

  const running = (): Promise<Browser> => {
    if (browser) return browser;
    const started: Promise<Browser> = forgetOnFailure(
      launch().then((b) => {
        // Crashed, killed, or closed: the next PDF starts another (and a page in it).
        b.on('disconnected', () => {
          if (browser !== started) return;
          browser = null;
          page = null;
        });
        return b;
      }),
      () => {
        if (browser === started) browser = null;
      },
    );
    browser = started;
    return started;
  };

  const ready = (): Promise<Page> => {
    if (page) return page;
    const made: Promise<Page> = forgetOnFailure(
      running().then(async (b) => {
        const p = await openPrintPage(b);
        // The page's renderer died (out of memory): a new one for the next document.
        p.on('crash', () => {
          if (page === made) retire();
        });
        return p;
      }),
      () => {
        if (page === made) page = null;
      },
    );
    page = made;
    printed = 0;
    return made;
  };

  /** Drops the print page (its context closed in the background); the next PDF opens a new one. */
  const retire = () => {
    const old = page;
    page = null;
    void old?.then((p) => p.context().close()).catch(() => {});
  };

  const renderNow = async (html: string): Promise<Buffer> => {
    const p = await ready();
    try {
      const pdf = await printOn(p, html);
      if (++printed >= DOCUMENTS_PER_PAGE) retire();
      return pdf;
    } catch (e) {
      retire();
      if (p.context().browser()?.isConnected()) throw e;
      // The browser died under this document (killed, crashed): once more in a new one.
      log.info('PDF_BROWSER_RESTART Chromium went away during a PDF; starting it again');
      if (browser) {
        const stale = browser;
        browser = null;
        void stale.then((b) => b.close()).catch(() => {});
      }
      return printOn(await ready(), html);
    }
  };

  /** Runs after everything already queued, so one PDF at a time reaches the browser. */
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => {});
    return run;
  };

  return {
    warm() {
      return ready().then(
        () => undefined,
        (e: unknown) => log.error(isPdfUnavailable(e) ? 'PDF_UNAVAILABLE' : 'INTERNAL', 'starting Chromium for PDFs', e),
      );
    },
    async render(html) {
      if (waiting >= MAX_WAITING_PDFS) throw new HosoError('PDF_BUSY');
      waiting++;
      try {
        return await inTurn(() => renderNow(html));
      } finally {
        waiting--;
      }
    },
    close() {
      return inTurn(async () => {
        const closing = browser;
        browser = null;
        page = null;
        if (closing) await (await closing.catch(() => null))?.close().catch(() => {});
      });
    },
  };
}

function isPdfUnavailable(e: unknown): boolean {
  return e instanceof HosoError && e.code === 'PDF_UNAVAILABLE';
}
