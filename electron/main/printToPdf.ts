/**
 * Reports to PDF in the desktop app with Electron's own Chromium (webContents.printToPDF): the same
 * HTML + print CSS the preview shows and the CLI renders through the system Chromium. The document is
 * written to a temporary file and loaded in a hidden window of its own session that may load that one
 * file and inline data: (its fonts and photos) and nothing else, with JavaScript off: a report is
 * data, and a clerk's pasted text in it must never run or reach out. The window is made ready at
 * start-up and reused for every document, one at a time (see printWindow below).
 */
import { BrowserWindow, session } from 'electron';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { consoleLogger, type Logger } from '../../services/log';
import { describeUrlForLog } from './securityPolicy';

export const PRINT_PARTITION = 'hoso-print';

let sessionReady = false;

/** The print session's rules, set once: only file:// documents we wrote, data: resources; no permissions. */
function printSession(log: Logger): Electron.Session {
  const s = session.fromPartition(PRINT_PARTITION, { cache: false });
  if (!sessionReady) {
    s.webRequest.onBeforeRequest((details, callback) => {
      const allowed = details.url.startsWith('data:') || (details.url.startsWith('file:') && /\/hoso-print-[0-9a-f]{32}\.html$/.test(details.url));
      if (!allowed) log.error('REQUEST_BLOCKED', `print: ${describeUrlForLog(details.url)}`);
      callback(allowed ? {} : { cancel: true });
    });
    s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    s.setPermissionCheckHandler(() => false);
    sessionReady = true;
  }
  return s;
}

/**
 * The hidden print window, kept between documents: creating one (and its renderer process) was most of
 * a desktop PDF's time. Each document is loaded over the last, one at a time; a window that was
 * destroyed or whose renderer died is replaced for the next document; closePrintWindow() ends it as
 * the app quits.
 */
let printWindow: BrowserWindow | null = null;
let queue: Promise<unknown> = Promise.resolve();

function openPrintWindow(log: Logger): BrowserWindow {
  if (printWindow && !printWindow.isDestroyed()) return printWindow;
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession(log),
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.webContents.on('render-process-gone', () => {
    if (printWindow === win) printWindow = null;
    win.destroy();
  });
  win.on('closed', () => {
    if (printWindow === win) printWindow = null;
  });
  printWindow = win;
  return win;
}

/** Makes the print window ready now (at start-up), so the first PDF does not wait for it. */
export function warmPrintWindow(log: Logger = consoleLogger): void {
  openPrintWindow(log)
    .loadURL('data:text/html;charset=utf-8,')
    .catch((e: unknown) => log.error('INTERNAL', 'preparing the print window', e));
}

/** Ends the print window (the app is quitting). */
export function closePrintWindow(): void {
  const win = printWindow;
  printWindow = null;
  if (win && !win.isDestroyed()) win.destroy();
}

async function printOnce(html: string, log: Logger): Promise<Buffer> {
  const file = join(tmpdir(), `hoso-print-${randomBytes(16).toString('hex')}.html`);
  await writeFile(file, html, 'utf8');
  const win = openPrintWindow(log);
  try {
    await win.loadURL(pathToFileURL(file).href);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: false });
  } catch (e) {
    // A window that failed once is not trusted with the next document.
    if (printWindow === win) printWindow = null;
    if (!win.isDestroyed()) win.destroy();
    throw e;
  } finally {
    await rm(file, { force: true });
  }
}

export function printHtmlToPdf(html: string, log: Logger = consoleLogger): Promise<Buffer> {
  const run = queue.then(() => printOnce(html, log));
  queue = run.catch(() => {});
  return run;
}
