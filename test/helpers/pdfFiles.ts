import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { createChromiumPdf } from '../../cli/chromiumPdf';
import { silentLogger } from '../../services/log';

/**
 * PDFs for the import tests, made on the spot: a digital one printed by Chromium from HTML (embedded
 * DejaVu fonts with their ToUnicode maps, as Word's "Save as PDF" gives), a scanned one (a picture of a
 * page and no text layer), and a password-protected one written by hand.
 */

const PAGE_CSS = `@page { size: A4; margin: 20mm 20mm 20mm 30mm }
body { font-family: 'DejaVu Serif', serif; font-size: 13pt; line-height: 1.4 }
p { margin: 0 0 8pt 0; text-align: justify }
table.head { width: 100%; border-collapse: collapse; margin-bottom: 12pt }
table.head td { text-align: center; vertical-align: top; font-size: 12pt; width: 50% }
.title { text-align: center; font-weight: bold; margin-top: 10pt }
.spaced { letter-spacing: 0.45em }
.page { page-break-after: always }`;

/** The renderer the app uses (one Chromium kept for the file's PDFs); closePdfs ends it (afterAll). */
const renderer = createChromiumPdf({ log: silentLogger });
const htmlToPdf = (html: string) => renderer.render(html);
export const closePdfs = () => renderer.close();

/** A digital PDF from body HTML (A4, an official document's margins). */
export function digitalPdf(bodyHtml: string): Promise<Buffer> {
  return htmlToPdf(
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${PAGE_CSS}</style></head><body>${bodyHtml}</body></html>`,
  );
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A scanned page: the lines drawn as pixels, put in a PDF as a picture. No text layer at all. */
export async function scannedPdf(lines: string[]): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="620" height="877"><rect width="100%" height="100%" fill="#f4f1ea"/>${lines
    .map(
      (l, i) =>
        `<text x="60" y="${80 + i * 28}" font-family="DejaVu Serif" font-size="16" fill="#222">${escapeXml(l)}</text>`,
    )
    .join('')}</svg>`;
  const png = await sharp(Buffer.from(svg)).grayscale().png({ compressionLevel: 9 }).toBuffer();
  return htmlToPdf(
    `<!doctype html><html><head><style>@page { size: A4; margin: 0 } body { margin: 0 } img { width: 210mm; height: 296mm; display: block }</style></head><body><img src="data:image/png;base64,${png.toString('base64')}"></body></html>`,
  );
}

// The standard security handler, revision 2 (40-bit RC4), as PDF 1.4 writers protect a file with a
// password to open it. Nothing in the file needs to be readable: a reader stops at the password.
const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PASSWORD_PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/** A one-page PDF that asks for a password ("mat-khau") to be opened. */
export function passwordPdf(): Buffer {
  const id = randomBytes(16);
  const owner = rc4(md5(padded('chu-so-huu')).subarray(0, 5), padded('mat-khau'));
  const p = Buffer.alloc(4);
  p.writeInt32LE(-44);
  const key = md5(padded('mat-khau'), owner, p, id).subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);
  const content = rc4(
    md5(key, Buffer.from([4, 0, 0, 0, 0])).subarray(0, 10),
    Buffer.from('BT /F1 12 Tf 72 720 Td (Bien ban) Tj ET'),
  );
  return writePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -44 >>`,
    ],
    `/Encrypt 5 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`,
  );
}

/** A PDF of `n` empty A4 pages (object 1 the catalog, 2 the page tree). */
export function blankPagesPdf(n: number): Buffer {
  const kids = Array.from({ length: n }, (_, i) => `${i + 3} 0 R`).join(' ');
  const pages = Array.from({ length: n }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>');
  return writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${n} >>`,
    ...pages,
  ]);
}

/** Objects (numbered from 1, the first the catalog) → a PDF file with its cross-reference table. */
function writePdf(objects: string[], trailer = ''): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
