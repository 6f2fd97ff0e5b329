/**
 * Reports to PDF in the desktop app with Electron's own Chromium (webContents.printToPDF): the same
 * HTML + print CSS the preview shows and the CLI renders through the system Chromium. The document is
 * written to a temporary file and loaded in a hidden window of its own session that may load that one
 * file and inline data: (its fonts and photos) and nothing else, with JavaScript off: a report is
 * data, and a clerk's pasted text in it must never run or reach out.
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

export async function printHtmlToPdf(html: string, log: Logger = consoleLogger): Promise<Buffer> {
  const file = join(tmpdir(), `hoso-print-${randomBytes(16).toString('hex')}.html`);
  await writeFile(file, html, 'utf8');
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
  try {
    await win.loadURL(pathToFileURL(file).href);
    return await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: false });
  } finally {
    win.destroy();
    await rm(file, { force: true });
  }
}
