/**
 * A digital PDF (one with a text layer: saved from Word, printed to PDF) → its text, read offline with
 * pdf.js (pdfjs-dist, Mozilla's reader, legacy build for Node and Electron's main process).
 *
 * pdf.js is told to stay on this machine and in this process: no worker thread (under Node it runs its
 * "fake worker" on the main thread), no eval of font programs, no font faces, no system fonts, and its
 * character maps and standard fonts are read from its own package folder, never fetched. The work is
 * bounded before it starts: the file's size is already capped (IMPORT_FILE_MAX_BYTES), the page count
 * is checked before any page is read, and reading stops as soon as the text passes IMPORT_TEXT_MAX_CHARS.
 *
 * A PDF whose pages carry (almost) no text is a scan: refused with IMPORT_PDF_NO_TEXT (no OCR yet). A
 * password-protected PDF and a damaged one get their own codes. What is read goes through the PDF
 * text repair (pdfText.ts) before the extractor sees it.
 */
import { createRequire } from 'node:module';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { dirname, join } from 'node:path';
import { HosoError } from '../../contract/errors';
import { IMPORT_TEXT_MAX_CHARS } from '../../contract/importContract';
import { literal } from '../../contract/messages/message';
import { pageText, type PdfTextItem } from './pdfLayout';
import { repairPdfPages } from './pdfText';

/** More pages than this is not one meeting's record: refused before a page is read. */
export const PDF_MAX_PAGES = 300;
/**
 * A PDF with fewer letters than this per page, on average, is a scan: a scanned page may still carry a
 * page number or a stamp typed over it, never a page of text.
 */
export const PDF_MIN_LETTERS_PER_PAGE = 40;
/** A page with fewer letters than this, inside a PDF that has text, is a scanned page (noted). */
const PAGE_MIN_LETTERS = 10;

export interface PdfText {
  /** The repaired text, pages separated by a blank line. */
  text: string;
  pages: number;
  /** Pages that carried no text (scanned pages inside a digital PDF). */
  pagesWithoutText: number;
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is large: loaded the first time a PDF is read, so nothing else starts slower for it. */
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The package's own folders (trailing slash, as pdf.js wants): read with fs, never over a network. */
function packageFolder(sub: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return join(root, sub) + '/';
}

const letters = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;

/** pdf.js's failures by name (its exception classes are not all exported). */
function refusal(name: string, e: unknown): HosoError {
  const kind = e instanceof Error ? e.name : '';
  if (kind === 'PasswordException') return new HosoError('IMPORT_PDF_ENCRYPTED', literal(name), { cause: e });
  return new HosoError('IMPORT_PDF_BROKEN', literal(name), { cause: e });
}

export async function readPdfText(name: string, bytes: Uint8Array): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: packageFolder('standard_fonts'),
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw refusal(name, e);
  }
  try {
    if (doc.numPages > PDF_MAX_PAGES) throw new HosoError('IMPORT_PDF_TOO_LONG', literal(name));
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      let text: string;
      try {
        const page = await doc.getPage(n);
        const [left = 0] = page.view;
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        for (const item of content.items) {
          if (!('str' in item)) continue;
          const t = item.transform as number[];
          items.push({
            str: item.str,
            x: (t[4] ?? 0) - left,
            y: t[5] ?? 0,
            width: item.width,
            size: Math.hypot(t[2] ?? 0, t[3] ?? 0) || item.height,
          });
        }
        text = pageText(items);
        page.cleanup();
      } catch (e) {
        if (e instanceof HosoError) throw e;
        throw refusal(name, e);
      }
      chars += text.length + 2;
      if (chars > IMPORT_TEXT_MAX_CHARS) throw new HosoError('IMPORT_TOO_LARGE', literal(name));
      pages.push(text);
    }
    const counts = pages.map(letters);
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < PDF_MIN_LETTERS_PER_PAGE * pages.length)
      throw new HosoError('IMPORT_PDF_NO_TEXT', literal(name));
    return {
      text: repairPdfPages(pages),
      pages: pages.length,
      pagesWithoutText: counts.filter((n) => n < PAGE_MIN_LETTERS).length,
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
