/**
 * A source (pasted text or a file's bytes) → the plain text the extractor reads, plus the pictures it
 * holds. Pictures stay where they were as a line "[Ảnh N]", so the caption that follows them in the
 * document follows them in the text too, and the clerk sees where each picture was.
 *
 * Formats: .txt (any encoding decode.ts knows), .md, .html/.htm, .docx (mammoth), .pdf with a text
 * layer (pdf.js, pdfSource.ts). .doc, scanned PDFs and other binaries get a message saying what to do,
 * never a crash. Text read from a PDF, and pasted or .txt text that shows PDF damage, is repaired by
 * pdfText.ts first.
 */
import { createHash } from 'node:crypto';
import mammoth from 'mammoth';
import { HosoError } from '../../contract/errors';
import { literal, msg, type Message } from '../../contract/messages/message';
import {
  createHtmlSanitizer,
  DEFAULT_NON_TEXT_TAGS,
  type SanitizePolicy,
} from '../../contract/html/sanitize';
import { IMPORT_FILE_MAX_BYTES, IMPORT_TEXT_MAX_CHARS } from '../../contract/importContract';
import { decodeBytes, decodeText, looksBinary } from './decode';
import { readPdfText } from './pdfSource';
import { repairPastedText } from './pdfText';
import { storedZip, unzipBounded, type ZipMember } from './zipBounds';
import { isRealDate } from '../../contract/fields';

export interface SourceImage {
  index: number;
  bytes: Buffer;
  mime: string;
  hash: string;
}

export interface SourceDoc {
  name: string;
  /** How it was read: utf-8, utf-16le, tcvn3, vni, windows-1252, docx, html, markdown, pdf, paste. */
  encoding: string;
  text: string;
  images: SourceImage[];
  /** What the clerk should know about how it was read (bytes that were not text in its encoding). */
  notes?: Message[];
  /**
   * The day the document was last saved: a Word file's own "modified" date, else the file's date on
   * the disk. A date written without its year takes it from this when the text gives no evidence.
   */
  savedOn?: string;
}

/** The line standing for a picture: "[Ảnh 2]" (the second picture held), "[Ảnh]" (one that was only linked). */
export const imageMarker = (n: number | null) => (n === null ? '[Ảnh]' : `[Ảnh ${n}]`);

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function image(index: number, bytes: Buffer, mime: string): SourceImage {
  return { index, bytes, mime, hash: sha256(bytes) };
}

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,5})$/i.exec(name.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** Refuses text that is empty, too long, or mostly control characters (a binary read as text). */
function checkText(text: string): string {
  if (text.length > IMPORT_TEXT_MAX_CHARS) throw new HosoError('IMPORT_TOO_LARGE');
  if (!text.trim()) throw new HosoError('IMPORT_EMPTY');
  const sample = text.slice(0, 100_000);
  // eslint-disable-next-line no-control-regex -- control characters are what a binary read as text shows
  const junk = sample.match(/[\u0001-\u0008\u000b\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (junk > sample.length * 0.02) throw new HosoError('IMPORT_NOT_TEXT');
  return text;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

const BLOCK =
  /<\/?(p|div|li|tr|h[1-6]|blockquote|figure|figcaption|section|article|table|ul|ol|header|footer)\b[^>]*>|<br\s*\/?>/gi;

/**
 * What htmlToText keeps of an HTML source: the blocks its line breaks come from, and pictures (their
 * src only when it is a data: URL or a picture mammoth took out of a .docx). Everything else is dropped
 * and its text kept; scripts, styles and form fields go with their text.
 */
export const SOURCE_HTML_POLICY: SanitizePolicy = {
  allowedTags: [
    'p',
    'br',
    'div',
    'li',
    'tr',
    'td',
    'th',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'figure',
    'figcaption',
    'section',
    'article',
    'table',
    'ul',
    'ol',
    'img',
    'header',
    'footer',
  ],
  allowedAttributes: { img: { src: { schemes: ['data', 'hoso-image'] }, alt: true } },
  nonTextTags: DEFAULT_NON_TEXT_TAGS,
};

const sanitizeSource = createHtmlSanitizer(SOURCE_HTML_POLICY);

/**
 * HTML → text: one line per block, headings as "# …" (the title finder knows them), pictures as
 * "[Ảnh N]" lines. `onImage` receives each picture's src (and returns its number, or null to keep only a
 * marker-less line). The sanitizer parses the tag soup; what is left is regular enough for the replaces.
 */
export function htmlToText(html: string, onImage: (src: string) => number | null): string {
  const clean = listMarkers(sanitizeSource(html));
  const text = clean
    .replace(/<img\b([^>]*)>/gi, (_m, attrs: string) => {
      const src = /\bsrc="([^"]*)"/i.exec(attrs)?.[1];
      const n = src ? onImage(decodeEntities(src)) : null;
      return `\n${imageMarker(n)}\n`;
    })
    .replace(/<h[1-3]\b[^>]*>/gi, '\n# ')
    .replace(BLOCK, '\n')
    .replace(/<\/?t[dh]\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '');
  return (
    decodeEntities(text)
      .split('\n')
      .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      // A picture's caption is the block right after it (figcaption, or the next Word paragraph): keep
      // it on the next line, as pasted reports have it, so it is read as the caption.
      .replace(/^(\[Ảnh(?: \d+)?\])\n\n+(?!\[Ảnh)/gm, '$1\n')
      .trim()
  );
}

/**
 * A list's items keep their markers as text: "1.", "2." for a numbered list (Word keeps the numbers
 * of a numbered list out of the text, yet a notice's conclusions are told apart by them), "-" for
 * bullets. Innermost lists first, so a nested list is numbered on its own.
 */
function listMarkers(html: string): string {
  const innermost = /<(ol|ul)\b[^>]*>((?:(?!<\/?(?:ol|ul)\b)[\s\S])*)<\/\1>/gi;
  let out = html;
  for (let guard = 0; guard < 20 && innermost.test(out); guard++) {
    innermost.lastIndex = 0;
    out = out.replace(innermost, (_m, tag: string, items: string) => {
      let n = 0;
      const marked = items.replace(
        /<li\b[^>]*>/gi,
        (li) => `${li}${tag.toLowerCase() === 'ol' ? `${++n}. ` : '- '}`,
      );
      return `<div>${marked}</div>`;
    });
  }
  return out;
}

/** Markdown → text: headings kept as "# …", emphasis and links unwrapped, pictures as "[Ảnh N]". */
export function markdownToText(md: string): string {
  let n = 0;
  return md
    .split('\n')
    .map((line) =>
      line
        .replace(/^(#{1,6})\s+/, (_m, h: string) => (h.length <= 3 ? '# ' : ''))
        .replace(/^>\s?/, '')
        .replace(/!\[[^\]]*\]\([^)]*\)/g, () => imageMarker(++n))
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/(\*\*|__)(.+?)\1/g, '$2')
        .replace(/(^|\W)[*_]([^*_\n]+)[*_](?=\W|$)/g, '$1$2'),
    )
    .join('\n');
}

const DATA_URI = /^data:(image\/[a-z+.-]+);base64,([a-z0-9+/=\s]+)$/i;

function htmlSource(name: string, html: string, encoding: string): SourceDoc {
  const images: SourceImage[] = [];
  const text = htmlToText(html, (src) => {
    const m = DATA_URI.exec(src);
    if (!m) return null;
    const bytes = Buffer.from(m[2]!, 'base64');
    const found = images.find((i) => i.hash === sha256(bytes));
    if (found) return found.index + 1;
    images.push(image(images.length, bytes, m[1]!.toLowerCase()));
    return images.length;
  });
  return { name, encoding, text: checkText(decodeText(text).text), images };
}

async function docxSource(name: string, bytes: Buffer): Promise<SourceDoc> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new HosoError('IMPORT_DOCX_BROKEN', literal(name));
  // Inflated here within limits (a zip bomb is refused before any DOM), then read by mammoth as is.
  const entries = unzipBounded(bytes, literal(name));
  const unpacked = storedZip(entries);
  const images: SourceImage[] = [];
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: unpacked },
      {
        externalFileAccess: false,
        // Word's "Title" style names the document as a heading does.
        styleMap: ["p[style-name='Title'] => h1:fresh"],
        convertImage: mammoth.images.imgElement(async (img) => {
          const data = await img.readAsBuffer();
          images.push(image(images.length, data, img.contentType || 'application/octet-stream'));
          return { src: `hoso-image:${images.length}` };
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new HosoError('IMPORT_DOCX_BROKEN', literal(name), { cause: e });
  }
  const text = htmlToText(html, (src) => {
    const m = /^hoso-image:(\d+)$/.exec(src);
    return m ? Number(m[1]) : null;
  });
  // Word files typed with .VnTime fonts keep their TCVN3 bytes as Windows-1252 letters: convert them too.
  const decoded = decodeText(text);
  const savedOn = docxSavedOn(entries);
  return {
    name,
    encoding: decoded.legacy ? `docx+${decoded.legacy}` : 'docx',
    text: checkText(decoded.text),
    images,
    ...(savedOn ? { savedOn } : {}),
  };
}

async function pdfSource(name: string, bytes: Buffer): Promise<SourceDoc> {
  const pdf = await readPdfText(name, bytes);
  const notes = pdf.pagesWithoutText ? [msg('importPdf.pagesWithoutText', { n: pdf.pagesWithoutText })] : [];
  return { name, encoding: 'pdf', text: checkText(pdf.text), images: [], ...(notes.length ? { notes } : {}) };
}

/** Text that may have been copied out of a PDF: repaired, and the clerk told, only if it shows the damage. */
function repairedIfDamaged(text: string): { text: string; notes: Message[] } {
  const repaired = repairPastedText(text);
  return repaired === text ? { text, notes: [] } : { text: repaired, notes: [msg('importPdf.textRepaired')] };
}

/**
 * A Word file's own last-saved day (docProps/core.xml, dcterms:modified, else created): the date of
 * the minutes' writing travels with the file, where a copy on a USB stick may change its disk date.
 */
function docxSavedOn(entries: readonly ZipMember[]): string | undefined {
  const core = entries.find((e) => e.name === 'docProps/core.xml');
  if (!core || core.data.length > 64 * 1024) return undefined;
  const xml = core.data.toString('utf8');
  const m =
    /<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})T/.exec(xml) ??
    /<dcterms:created[^>]*>(\d{4}-\d{2}-\d{2})T/.exec(xml);
  return m && isRealDate(m[1]!) ? m[1] : undefined;
}

/** Reads a file by its name and bytes; `modifiedOn` (YYYY-MM-DD) is its date on the disk, if known. */
export async function readFileSource(name: string, bytes: Buffer, modifiedOn?: string): Promise<SourceDoc> {
  const doc = await readFileBytes(name, bytes);
  const savedOn = doc.savedOn ?? modifiedOn;
  return savedOn ? { ...doc, savedOn } : doc;
}

async function readFileBytes(name: string, bytes: Buffer): Promise<SourceDoc> {
  if (bytes.length > IMPORT_FILE_MAX_BYTES) throw new HosoError('IMPORT_TOO_LARGE', literal(name));
  const ext = extensionOf(name);
  const head = bytes.subarray(0, 8);
  if (head.toString('latin1').startsWith('%PDF') || ext === 'pdf') return pdfSource(name, bytes);
  const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
  if (ext === 'doc' || (ole && ext !== 'docx')) throw new HosoError('IMPORT_DOC_UNSUPPORTED', literal(name));
  if (ext === 'docx') return docxSource(name, bytes);
  if (head.toString('latin1').startsWith('{\\rtf'))
    throw new HosoError('IMPORT_FORMAT_UNSUPPORTED', literal(name));
  if (!['txt', 'md', 'markdown', 'html', 'htm', ''].includes(ext))
    throw new HosoError('IMPORT_FORMAT_UNSUPPORTED', literal(name));
  if (looksBinary(bytes)) throw new HosoError('IMPORT_NOT_TEXT', literal(name));
  const { text, encoding, replaced } = decodeBytes(bytes);
  const notes = replaced ? { notes: [msg('importNote.badBytesReplaced', { n: replaced })] } : {};
  if (ext === 'html' || ext === 'htm')
    return { ...htmlSource(name, text, encoding === 'utf-8' ? 'html' : `html+${encoding}`), ...notes };
  checkText(text);
  if (ext === 'md' || ext === 'markdown')
    return { name, encoding: `markdown+${encoding}`, text: markdownToText(text), images: [], ...notes };
  const repaired = repairedIfDamaged(text);
  const allNotes = [...(notes.notes ?? []), ...repaired.notes];
  return { name, encoding, text: repaired.text, images: [], ...(allNotes.length ? { notes: allNotes } : {}) };
}

/** Reads pasted text (legacy encodings converted the same way as files). */
export function readPastedSource(name: string, pasted: string): SourceDoc {
  if (pasted.length > IMPORT_TEXT_MAX_CHARS) throw new HosoError('IMPORT_TOO_LARGE');
  const { text, legacy } = decodeText(pasted);
  const repaired = repairedIfDamaged(checkText(text));
  return {
    name,
    encoding: legacy ?? 'paste',
    text: repaired.text,
    images: [],
    ...(repaired.notes.length ? { notes: repaired.notes } : {}),
  };
}

export const contentHashOf = (text: string) => sha256(text.replace(/\s+/g, ' ').trim());
