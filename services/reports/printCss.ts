import { A4_MM, WATERMARK, type Layout, type TextStyle } from './layout';
import { MARK_TEXT, type SecretLevel } from './secrecy';

/**
 * The print CSS of every document, computed from the layout data (layout.ts). A4 with the layout's
 * margins; the page number centred in the top margin from page 2 on (@page margin boxes, which
 * Chromium honours in print preview, window.print and PDF alike); table header rows repeat on every
 * page and a row is never cut across two pages. On screen the same page is shown as a sheet of paper.
 */

const font = (s: TextStyle) =>
  `font-size:${s.size}pt;font-weight:${s.bold ? 700 : 400};font-style:${s.italic ? 'italic' : 'normal'};${s.underline ? 'text-decoration:underline;' : ''}`;

/** Height left for photos on the first page, under the header, name and subject (mm). */
export const PHOTO_FIRST_PAGE_HEADER_MM = 62;

/** A CSS string literal of plain text. */
const cssString = (text: string) => `"${text.replace(/["\\]/g, '\\$&')}"`;

/**
 * The secrecy mark (layout.secrecyMark): the box under the số, ký hiệu on page 1, and the same box in
 * the top-left margin box of every later page, beside the page number (which stays alone in the centre,
 * from page 2 on, as before). Margin boxes, like the page number, reach every page in Chromium's print
 * preview, window.print and PDF; nothing in the page flow could repeat on pages it cannot predict.
 * Chromium sets a margin box of fixed height against the bottom of the margin (on top of the text), so
 * the box is lifted by a bottom margin to start runningTopMm from the page's edge.
 */
function secrecyCss(l: Layout, fontStack: string, level: SecretLevel): string {
  const k = l.secrecyMark;
  const box = `width: ${k.widthMm[level]}mm; height: ${k.heightMm}mm; border: ${k.borderPt}pt solid ${k.color}; color: ${k.color}; ${font(k.style)} text-align: center;`;
  return `
.secrecy-mark-row { margin-top: ${k.gapPt}pt; line-height: 1; }
.secrecy-mark { display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box; ${box} text-transform: uppercase; }
@page { @top-left { content: ${cssString(MARK_TEXT[level])}; font-family: ${fontStack}; ${box} margin-bottom: ${l.marginsMm.top - k.runningTopMm - k.heightMm}mm; vertical-align: middle; } }
@page :first { @top-left { content: none; border: none; } }
`;
}

/**
 * The watermark of a secret photo sheet: a fixed element, which Chromium repeats on every printed page,
 * across the middle of the page and over the photos (a photo cut out of the sheet still carries part
 * of it).
 */
function watermarkCss(fontStack: string): string {
  return `
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(${WATERMARK.angleDeg}deg); font-family: ${fontStack};
  font-size: ${WATERMARK.sizePt}pt; font-weight: 700; color: ${WATERMARK.color}; white-space: nowrap; z-index: 10; pointer-events: none; line-height: 1; }
`;
}

export interface SecrecyStyle {
  level: SecretLevel;
  watermark: boolean;
}

export function printCss(l: Layout, fontStack: string, secrecy: SecrecyStyle | null = null): string {
  return basePrintCss(l, fontStack) + (secrecy ? secrecyCss(l, fontStack, secrecy.level) + (secrecy.watermark ? watermarkCss(fontStack) : '') : '');
}

function basePrintCss(l: Layout, fontStack: string): string {
  const m = l.marginsMm;
  const contentHeight = A4_MM.height - m.top - m.bottom;
  // A hair under the real height so rounding never spills a photo page onto an empty extra page.
  const photoPage = contentHeight - 3;
  return `
@page { size: A4 portrait; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @top-center { content: counter(page); font-family: ${fontStack}; ${font(l.pageNumber)} vertical-align: middle; } }
@page :first { @top-center { content: none; } }
html { font-family: ${fontStack}; color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; ${font(l.body)} line-height: ${l.lineHeight}; font-kerning: normal; }
* { box-sizing: border-box; }
.sheet { width: ${A4_MM.width - m.left - m.right}mm; }
@media screen {
  html { background: #e9ecef; }
  .sheet { background: #fff; margin: 16px auto; width: ${A4_MM.width}mm; min-height: ${A4_MM.height}mm;
    padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
  .photo-page { border-bottom: 1px dashed #adb5bd; }
}
/* A narrow preview frame shows the whole sheet, smaller (screen only: print is always actual size). */
@media screen and (max-width: 860px) { .sheet { zoom: 0.8; } }
@media screen and (max-width: 700px) { .sheet { zoom: 0.65; } }
@media screen and (max-width: 560px) { .sheet { zoom: 0.5; } }
.doc-header { width: 100%; border-collapse: collapse; table-layout: fixed; line-height: 1.15; }
.doc-header td { vertical-align: top; text-align: center; padding: 0; }
.hdr-left { width: 40%; }
.hdr-right { width: 60%; }
.parent-agency { ${font(l.parentAgency)} text-transform: uppercase; }
.issuing-agency { ${font(l.issuingAgency)} text-transform: uppercase; }
.agency-rule { width: 40%; margin: 2pt auto 0; border-top: 0.75pt solid #000; }
.agency-star { ${font(l.issuingAgency)} line-height: 1; margin-top: 1pt; }
.doc-number { ${font(l.number)} margin-top: 6pt; }
${l.national.map((n, i) => `.national-${i} { ${font({ ...n.style, underline: false })} white-space: nowrap; }`).join('\n')}
${l.national
  .map((n, i) => (n.style.underline ? `.national-${i} span { display: inline-block; border-bottom: 0.75pt solid #000; padding-bottom: 1pt; }` : ''))
  .join('\n')}
.place-date { ${font(l.placeDate)} margin-top: 6pt; }
.doc-name { ${font(l.docName)} text-align: center; margin-top: 18pt; line-height: 1.2; }
.subject { ${font(l.subject)} text-align: center; line-height: 1.2; }
.subject-rule { width: 30%; margin: 3pt auto 12pt; border-top: 0.75pt solid #000; }
.content p { margin: 0 0 ${l.paragraphAfterPt}pt; text-align: justify; text-indent: ${l.indentCm}cm; orphans: 2; widows: 2; }
.content p.no-indent { text-indent: 0; }
.content p.align-center { text-align: center; text-indent: 0; }
.content p.align-left { text-align: left; }
.content p.align-right { text-align: right; text-indent: 0; }
.content p.keep, .content h2 { break-after: avoid; }
.content h2 { ${font({ size: l.body.size, bold: true })} margin: ${l.paragraphAfterPt * 2}pt 0 ${l.paragraphAfterPt}pt; }
table.data { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 ${l.paragraphAfterPt * 2}pt; ${font(l.table)} line-height: 1.2; }
table.data thead { display: table-header-group; }
table.data tr { break-inside: avoid; page-break-inside: avoid; }
table.data th { font-weight: 700; text-align: center; vertical-align: middle; }
table.data th, table.data td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: top; overflow-wrap: break-word; white-space: pre-line; }
table.data td.center { text-align: center; }
table.data td.right { text-align: right; }
table.data tr.totals td { font-weight: 700; }
table.data.compact { ${font(l.tableCompact)} }
table.signing td { height: 11mm; vertical-align: middle; }
.photo-page { height: ${photoPage}mm; display: grid; gap: 5mm; break-after: page; break-inside: avoid; overflow: hidden; }
.photo-page:last-child { break-after: auto; }
.photo-page.first { height: ${photoPage - PHOTO_FIRST_PAGE_HEADER_MM}mm; }
.photo-page.per-2 { grid-template-columns: 1fr; grid-template-rows: repeat(2, minmax(0, 1fr)); }
.photo-page.per-4 { grid-template-columns: 1fr 1fr; grid-template-rows: repeat(2, minmax(0, 1fr)); }
.photo-page.per-6 { grid-template-columns: 1fr 1fr; grid-template-rows: repeat(3, minmax(0, 1fr)); }
.photo { margin: 0; display: flex; flex-direction: column; min-height: 0; }
.photo-box { flex: 1 1 0; min-height: 0; display: flex; align-items: center; justify-content: center; }
.photo-box img { width: 100%; height: 100%; object-fit: contain; object-position: center bottom; display: block; }
.photo-missing { ${font(l.caption)} font-style: italic; border: 0.75pt dashed #000; width: 100%; height: 100%; display: flex; align-items: center; justify-content: center; }
.photo figcaption { ${font(l.caption)} line-height: 1.2; text-align: justify; margin-top: 2pt; }
.photo-credit { ${font({ ...l.caption, italic: true })} text-align: right; line-height: 1.2; }
.keep-together { break-inside: avoid; page-break-inside: avoid; }
.ending { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: ${l.paragraphAfterPt * 2}pt; break-inside: avoid; page-break-inside: avoid; line-height: 1.2; }
.ending td { vertical-align: top; padding: 0; }
.ending td.recipients { width: 50%; text-align: left; }
.ending td.signer { width: 50%; text-align: center; }
.recipients-label { ${font(l.recipientsLabel)} }
.recipient { ${font(l.recipients)} }
.authority { ${font(l.signerAuthority)} }
.sign-space { height: 26mm; }
.signer-name { ${font(l.signerName)} }
`;
}
