import { FONT_STACK, fontFaceCss } from './fonts';
import { printCss } from './printCss';
import { placeDateLine } from './dates';
import type { Block, Ending, Inline, PhotoItem, ReportDoc } from './model';
import { MARK_TEXT } from './secrecy';

/**
 * A ReportDoc as one self-contained HTML page with print CSS: the in-app preview, the browser's print
 * (web host), the desktop print and the PDF all come from this page. Every piece of clerk text is
 * escaped here (captions and minutes may contain anything, `<script>` included); nothing is ever
 * inserted as markup.
 */

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export interface HtmlOptions {
  /**
   * How a photo is referenced: the prepared JPEG inline (printPhotos.ts inlinePhotoSrc: the HTML file
   * then stands alone), or in the in-app preview the archive's own /photos/<hash> address. Without it
   * a photo cell says the picture is missing.
   */
  photoSrc?: (photo: PhotoItem) => string | null;
}

const runHtml = (r: Inline): string => {
  if (typeof r === 'string') return escapeHtml(r);
  let h = escapeHtml(r.text);
  if (r.italic) h = `<i>${h}</i>`;
  if (r.bold) h = `<b>${h}</b>`;
  return h;
};

function headerHtml(doc: ReportDoc): string {
  const { layout: l, header: h } = doc;
  const left: string[] = [];
  if (h.parentAgency) left.push(`<div class="parent-agency">${escapeHtml(h.parentAgency.toLocaleUpperCase('vi'))}</div>`);
  left.push(`<div class="issuing-agency">${escapeHtml(h.issuingAgency.toLocaleUpperCase('vi') || ' ')}</div>`);
  left.push(l.agencyMark === 'rule' ? '<div class="agency-rule"></div>' : '<div class="agency-star">*</div>');
  if (h.number !== null) left.push(`<div class="doc-number">${escapeHtml(l.numberPrefix + h.number)}</div>`);
  // Dấu chỉ độ mật under the số, ký hiệu (NĐ 30/2020, Phụ lục I, ô 10a); later pages: printCss.ts.
  if (doc.classified) left.push(`<div class="secrecy-mark-row"><span class="secrecy-mark" data-level="${doc.classified.level}">${escapeHtml(MARK_TEXT[doc.classified.level])}</span></div>`);
  const right = l.national.map((n, i) => `<div class="national national-${i}"><span>${escapeHtml(n.text)}</span></div>`);
  if (h.dateLine) right.push(`<div class="place-date">${escapeHtml(placeDateLine(h.placeName, h.issuedOn))}</div>`);
  return `<table class="doc-header"><tr><td class="hdr-left">${left.join('')}</td><td class="hdr-right">${right.join('')}</td></tr></table>`;
}

function tableHtml(b: Extract<Block, { kind: 'table' }>): string {
  const cols = b.columns.map((c) => `<col style="width:${c.width}%">`).join('');
  const head = b.columns.map((c) => `<th>${escapeHtml(c.label)}</th>`).join('');
  const align = (i: number) => (b.columns[i]?.align && b.columns[i]?.align !== 'left' ? ` class="${b.columns[i]!.align}"` : '');
  const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td${align(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  const totals = b.totals ? `<tr class="totals">${b.totals.map((cell, i) => `<td${align(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>` : '';
  return `<table class="data${b.signatureRows ? ' signing' : ''}${b.compact ? ' compact' : ''}"><colgroup>${cols}</colgroup>${b.noHeader ? '' : `<thead><tr>${head}</tr></thead>`}<tbody>${rows}${totals}</tbody></table>`;
}

function photosHtml(b: Extract<Block, { kind: 'photos' }>, options: HtmlOptions): string {
  const src = options.photoSrc ?? (() => null);
  const pages: string[] = [];
  for (let i = 0; i < b.photos.length; i += b.perPage) {
    const cells = b.photos.slice(i, i + b.perPage).map((p) => {
      const url = src(p);
      const img = url ? `<img src="${escapeHtml(url)}" alt="">` : '<div class="photo-missing">(không tìm thấy tệp ảnh)</div>';
      const credit = p.credit.trim() ? `<div class="photo-credit">${escapeHtml(/^ảnh\s*:/iu.test(p.credit.trim()) ? p.credit.trim() : `Ảnh: ${p.credit.trim()}`)}</div>` : '';
      return `<figure class="photo"><div class="photo-box">${img}</div><figcaption>${escapeHtml(p.caption)}</figcaption>${credit}</figure>`;
    });
    pages.push(`<section class="photo-page per-${b.perPage}${i === 0 ? ' first' : ''}">${cells.join('')}</section>`);
  }
  return pages.join('');
}

function blockHtml(b: Block, options: HtmlOptions): string {
  switch (b.kind) {
    case 'paragraph': {
      const cls = [b.indent === false ? 'no-indent' : '', b.align ? `align-${b.align}` : '', b.keepWithNext ? 'keep' : ''].filter(Boolean).join(' ');
      return `<p${cls ? ` class="${cls}"` : ''}>${b.runs.map(runHtml).join('')}</p>`;
    }
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'table':
      return tableHtml(b);
    case 'photos':
      return photosHtml(b, options);
  }
}

function endingHtml(e: Ending): string {
  if (e.kind === 'none') return '';
  if (e.kind === 'minutes') {
    const col = (role: string, name: string) => `<td class="signer"><div class="authority">${role}</div><div class="sign-space"></div><div class="signer-name">${escapeHtml(name)}</div></td>`;
    return `<table class="ending minutes-ending"><tr>${col('THƯ KÝ', e.secretary)}${col('CHỦ TỌA', e.chair)}</tr></table>`;
  }
  const recipients = e.recipients.map((r) => `<div class="recipient">${escapeHtml(r)}</div>`).join('');
  const s = e.signer;
  const authority = [s.authority, s.title].filter((x) => x.trim()).map((x) => `<div class="authority">${escapeHtml(x.toLocaleUpperCase('vi'))}</div>`).join('');
  return `<table class="ending"><tr><td class="recipients"><div class="recipients-label">Nơi nhận:</div>${recipients}</td><td class="signer">${authority}<div class="sign-space"></div><div class="signer-name">${escapeHtml(s.name)}</div></td></tr></table>`;
}

/**
 * The body, its last paragraph kept on one page with the signature block: a signature alone at the top
 * of a page is not accepted on an official document.
 */
function bodyHtml(doc: ReportDoc, options: HtmlOptions): string {
  const blocks = doc.body.map((b) => blockHtml(b, options));
  const ending = endingHtml(doc.ending);
  if (!ending) return blocks.join('\n');
  const last = doc.body[doc.body.length - 1];
  if (last?.kind === 'paragraph') return `${blocks.slice(0, -1).join('\n')}\n<div class="keep-together">${blocks[blocks.length - 1]}${ending}</div>`;
  return `${blocks.join('\n')}\n${ending}`;
}

export function renderHtml(doc: ReportDoc, options: HtmlOptions = {}): string {
  const subject = doc.subject.filter((s) => s.trim());
  const c = doc.classified;
  // Only the photo sheet carries the watermark: text documents carry the mark, which the rules ask for.
  const watermark = !!c && doc.kind === 'photos';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>
${fontFaceCss()}
${printCss(doc.layout, FONT_STACK, c ? { level: c.level, watermark } : null)}
</style></head>
<body class="report report-${doc.kind} variant-${doc.layout.variant}${c ? ` secret secret-${c.level}` : ''}">
${watermark ? `<div class="watermark" aria-hidden="true">${escapeHtml(MARK_TEXT[c.level])}</div>` : ''}
<main class="sheet">
${headerHtml(doc)}
${doc.docName ? `<div class="doc-name">${escapeHtml(doc.docName)}</div>` : ''}
${subject.length ? `<div class="subject">${subject.map((s) => `<div>${escapeHtml(s)}</div>`).join('')}</div><div class="subject-rule"></div>` : ''}
<div class="content">
${bodyHtml(doc, options)}
</div>
</main>
</body></html>`;
}
