import { existsSync } from 'node:fs';
import type { BrowserType } from 'playwright-core';
import { HosoError } from '../contract/errors';

/**
 * HTML → PDF through a Chromium already on the PC (Debian's /usr/bin/chromium, or Edge/Chrome on
 * Windows), driven by playwright-core. The CLI (and the web host `hoso serve` starts) hands this to the
 * services as its `renderPdf` capability; the desktop app hands over Electron's own printToPDF instead,
 * which is why this lives in the CLI transport: the desktop bundle (out/main) never contains
 * playwright-core. The page's @page rules decide size and margins (preferCSSPageSize); every request
 * but the inline data: URLs is refused, so a document can never reach the network.
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

export async function htmlToPdf(html: string): Promise<Buffer> {
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
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
  } finally {
    await browser.close();
  }
}
