import { printPhoto } from './printPhotos';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  HeightRule,
  type IParagraphOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { A4_MM, WATERMARK, type TextStyle } from './layout';
import { DOCX_FONT } from './fonts';
import { placeDateLine } from './dates';
import type { Block, Ending, Inline, PhotoItem, ReportDoc } from './model';
import { MARK_TEXT } from './secrecy';

/**
 * The same ReportDoc as an editable Word file (clerks finish documents in Word): A4, the layout's
 * margins, Times New Roman, the sizes of layout.ts, page number centred in the header from page 2
 * ("different first page"), table header rows repeated and rows never split across pages.
 */

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const TWIP_PER_MM = 1440 / 25.4;
const twip = (mm: number) => Math.round(mm * TWIP_PER_MM);
const half = (pt: number) => Math.round(pt * 2);
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

const run = (text: string, s: TextStyle, extra: { bold?: boolean; italic?: boolean } = {}) =>
  new TextRun({
    text,
    font: DOCX_FONT,
    size: half(s.size),
    bold: extra.bold ?? s.bold ?? false,
    italics: extra.italic ?? s.italic ?? false,
    underline: s.underline ? {} : undefined,
  });

function para(children: TextRun[] | ImageRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({ ...options, children });
}

async function imageRun(p: PhotoItem, maxWmm: number, maxHmm: number): Promise<ImageRun | null> {
  const photo = await printPhoto(p);
  if (!photo) return null;
  const ratio = photo.width / photo.height;
  let w = maxWmm;
  let h = w / ratio;
  if (h > maxHmm) {
    h = maxHmm;
    w = h * ratio;
  }
  const px = (mm: number) => Math.round((mm / 25.4) * 96);
  return new ImageRun({ type: 'jpg', data: photo.bytes, transformation: { width: px(w), height: px(h) } });
}

export async function renderDocx(doc: ReportDoc): Promise<Buffer> {
  const l = doc.layout;
  const m = l.marginsMm;
  const contentMm = A4_MM.width - m.left - m.right;
  const contentTwip = twip(contentMm);
  const lineSpacing = { line: Math.round(240 * l.lineHeight), lineRule: LineRuleType.AUTO };
  const h = doc.header;

  const centered = (runs: TextRun[], after = 0, extra: Omit<IParagraphOptions, 'children'> = {}) =>
    para(runs, { alignment: AlignmentType.CENTER, spacing: { after, line: 240, lineRule: LineRuleType.AUTO }, ...extra });

  // --- header: agency (left), national heading and place/date (right) ------------------------------
  const left: Paragraph[] = [];
  if (h.parentAgency) left.push(centered([run(h.parentAgency.toLocaleUpperCase('vi'), l.parentAgency)]));
  left.push(centered([run(h.issuingAgency.toLocaleUpperCase('vi'), l.issuingAgency)]));
  const leftWidth = Math.round(contentTwip * 0.4);
  if (l.agencyMark === 'rule') {
    // A short rule under the agency: a bottom border on an empty paragraph narrowed by indents.
    left.push(para([], { border: { bottom: LINE }, indent: { left: Math.round(leftWidth * 0.3), right: Math.round(leftWidth * 0.3) }, spacing: { after: 0, line: 120, lineRule: LineRuleType.EXACT } }));
  } else {
    left.push(centered([run('*', l.issuingAgency)]));
  }
  if (h.number !== null) left.push(centered([run(l.numberPrefix + h.number, l.number)], 0, { spacing: { before: 120 } }));
  // Dấu chỉ độ mật under the số, ký hiệu; the header of every later page repeats it (below).
  const mark = doc.classified ? secrecyMark(doc, leftWidth) : null;
  if (mark) left.push(mark);
  const right: Paragraph[] = l.national.map((n) => centered([run(n.text, n.style)]));
  if (h.dateLine) right.push(centered([run(placeDateLine(h.placeName, h.issuedOn), l.placeDate)], 0, { spacing: { before: 120 } }));
  const headerTable = new Table({
    width: { size: contentTwip, type: WidthType.DXA },
    columnWidths: [leftWidth, contentTwip - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: contentTwip - leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });

  const children: (Paragraph | Table)[] = [headerTable];
  if (doc.docName) children.push(centered([run(doc.docName, l.docName)], 0, { spacing: { before: 360 } }));
  const subject = doc.subject.filter((s) => s.trim());
  subject.forEach((s, i) =>
    children.push(
      centered([run(s, l.subject)], 0, i === subject.length - 1 ? { border: { bottom: LINE }, indent: { left: Math.round(contentTwip * 0.35), right: Math.round(contentTwip * 0.35) }, spacing: { after: 240 } } : {}),
    ),
  );
  // The rule under the subject is drawn by narrowing the last subject line; a long line keeps its text
  // readable because Word wraps within the indents.

  const body = (runs: Inline[], indent: boolean, align: Align = AlignmentType.JUSTIFIED, keepNext = false) =>
    para(
      runs.map((r) => (typeof r === 'string' ? run(r, l.body) : run(r.text, l.body, { bold: r.bold, italic: r.italic }))),
      {
        alignment: align,
        indent: indent ? { firstLine: twip(l.indentCm * 10) } : undefined,
        spacing: { after: l.paragraphAfterPt * 20, ...lineSpacing },
        keepNext,
      },
    );

  const cellText = (text: string, s: TextStyle, align: Align, bold = false) =>
    text.split('\n').map((line) => para([run(line, s, { bold })], { alignment: align, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } }));

  const table = (b: Extract<Block, { kind: 'table' }>) => {
    const widths = b.columns.map((c) => Math.round((contentTwip * c.width) / 100));
    const alignOf = (i: number) => (b.columns[i]?.align === 'center' ? AlignmentType.CENTER : b.columns[i]?.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT);
    const row = (cells: string[], header: boolean, bold: boolean) =>
      new TableRow({
        tableHeader: header || undefined,
        cantSplit: true,
        height: b.signatureRows && !header ? { value: twip(11), rule: HeightRule.ATLEAST } : undefined,
        children: cells.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              verticalAlign: header || b.signatureRows ? VerticalAlign.CENTER : VerticalAlign.TOP,
              margins: { left: 60, right: 60 },
              children: cellText(c, b.compact ? l.tableCompact : l.table, header ? AlignmentType.CENTER : alignOf(i), header || bold),
            }),
        ),
      });
    return new Table({
      width: { size: contentTwip, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [...(b.noHeader ? [] : [row(b.columns.map((c) => c.label), true, true)]), ...b.rows.map((r) => row(r, false, false)), ...(b.totals ? [row(b.totals, false, true)] : [])],
    });
  };

  const photos = async (b: Extract<Block, { kind: 'photos' }>) => {
    const out: (Paragraph | Table)[] = [];
    const cols = b.perPage === 2 ? 1 : 2;
    const rowsPerPage = b.perPage / cols;
    const cellW = (contentMm - (cols - 1) * 5) / cols;
    const pageH = A4_MM.height - m.top - m.bottom - 8;
    for (let start = 0; start < b.photos.length; start += b.perPage) {
      const group = b.photos.slice(start, start + b.perPage);
      const availH = (start === 0 ? pageH - 62 : pageH) / rowsPerPage - 22;
      const rows: TableRow[] = [];
      for (let r = 0; r < group.length; r += cols) {
        const cells = await Promise.all(
          group.slice(r, r + cols).map(async (p) => {
            const img = await imageRun(p, cellW - 2, availH);
            const credit = p.credit.trim() ? (/^ảnh\s*:/iu.test(p.credit.trim()) ? p.credit.trim() : `Ảnh: ${p.credit.trim()}`) : '';
            return new TableCell({
              width: { size: twip(cellW), type: WidthType.DXA },
              borders: NO_BORDERS,
              children: [
                img ? para([img], { alignment: AlignmentType.CENTER }) : para([run('(không tìm thấy tệp ảnh)', l.caption, { italic: true })], { alignment: AlignmentType.CENTER }),
                para([run(p.caption, l.caption)], { alignment: AlignmentType.JUSTIFIED, spacing: { before: 40, after: 0 } }),
                ...(credit ? [para([run(credit, l.caption, { italic: true })], { alignment: AlignmentType.RIGHT, spacing: { after: 120 } })] : []),
              ],
            });
          }),
        );
        while (cells.length < cols) cells.push(new TableCell({ borders: NO_BORDERS, children: [para([])] }));
        rows.push(new TableRow({ cantSplit: true, children: cells }));
      }
      if (start > 0) out.push(para([new PageBreak()] as unknown as TextRun[]));
      out.push(new Table({ width: { size: contentTwip, type: WidthType.DXA }, layout: TableLayoutType.FIXED, borders: NO_BORDERS, rows }));
    }
    return out;
  };

  for (const b of doc.body) {
    if (b.kind === 'paragraph') {
      const align =
        b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : b.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
      children.push(body(b.runs, b.indent !== false && b.align !== 'center', align, b.keepWithNext));
    } else if (b.kind === 'heading') {
      children.push(para([run(b.text, { ...l.body, bold: true })], { keepNext: true, spacing: { before: l.paragraphAfterPt * 40, after: l.paragraphAfterPt * 20 } }));
    } else if (b.kind === 'table') {
      children.push(table(b), para([], { spacing: { after: 0 } }));
    } else {
      children.push(...(await photos(b)));
    }
  }
  children.push(...ending(doc.ending, l, contentTwip));

  const document = new Document({
    creator: 'Hồ sơ Hội nghị',
    title: doc.title,
    styles: { default: { document: { run: { font: DOCX_FONT, size: half(l.body.size) } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: twip(A4_MM.width), height: twip(A4_MM.height) },
            margin: { top: twip(m.top), bottom: twip(m.bottom), left: twip(m.left), right: twip(m.right), header: twip(m.top / 2), footer: twip(m.bottom / 2) },
          },
        },
        headers: {
          default: new Header({ children: [...pageHeader(doc, contentTwip), ...watermark(doc)] }),
          first: new Header({ children: [para([]), ...watermark(doc)] }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/**
 * The secrecy mark as a bordered paragraph narrowed by indents to the layout's box width,
 * centred in a column `columnTwip` wide. Word draws paragraph borders around the indented text block.
 */
function secrecyMark(doc: ReportDoc, columnTwip: number, align: 'center' | 'left' = 'center'): Paragraph {
  const k = doc.layout.secrecyMark;
  const level = doc.classified!.level;
  const box = twip(k.widthMm[level]);
  const spare = Math.max(0, columnTwip - box);
  const side = { style: BorderStyle.SINGLE, size: Math.round(k.borderPt * 8), color: k.color.replace('#', '').toUpperCase(), space: 1 } as const;
  const text = new TextRun({ text: MARK_TEXT[level], font: DOCX_FONT, size: half(k.style.size), bold: true, color: side.color });
  return para([text], {
    alignment: AlignmentType.CENTER,
    border: { top: side, bottom: side, left: side, right: side },
    indent: align === 'center' ? { left: Math.round(spare / 2), right: spare - Math.round(spare / 2) } : { left: 0, right: spare },
    spacing: { before: align === 'center' ? k.gapPt * 20 : 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
  });
}

/**
 * The header of pages 2 on: the page number centred and, for a secret document, the mark at the left
 * (a loose page is still recognisable). Page 1 has an empty header ("different first page").
 */
function pageHeader(doc: ReportDoc, contentTwip: number): (Paragraph | Table)[] {
  const l = doc.layout;
  const number = para([new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: half(l.pageNumber.size) })], { alignment: AlignmentType.CENTER });
  if (!doc.classified) return [number];
  const side = Math.round(contentTwip * 0.3);
  const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.CENTER, children });
  return [
    new Table({
      width: { size: contentTwip, type: WidthType.DXA },
      columnWidths: [side, contentTwip - 2 * side, side],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [new TableRow({ children: [cell([secrecyMark(doc, side, 'left')], side), cell([number], contentTwip - 2 * side), cell([para([])], side)] })],
    }),
  ];
}

/**
 * A secret photo sheet's watermark, as Word draws its own (Design > Watermark: a diagonal WordArt shape
 * behind the text, anchored in the header so it is on every page, the first included).
 */
function watermark(doc: ReportDoc): Paragraph[] {
  if (!doc.classified || doc.kind !== 'photos') return [];
  const text = MARK_TEXT[doc.classified.level];
  return [new Paragraph({ children: [new TextWatermark({ text, font: DOCX_FONT, bold: true, color: WATERMARK.docx.color, opacity: WATERMARK.docx.opacity })] })];
}

function ending(e: Ending, l: ReportDoc['layout'], contentTwip: number): (Paragraph | Table)[] {
  if (e.kind === 'none') return [];
  const halfW = Math.round(contentTwip / 2);
  const p = (text: string, s: TextStyle, align: Align = AlignmentType.CENTER) =>
    para([run(text, s)], { alignment: align, keepNext: true, keepLines: true, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } });
  const space = () => para([], { keepNext: true, spacing: { before: 0, after: 0, line: twip(26), lineRule: LineRuleType.EXACT } });
  const signer = (lines: string[], name: string) => [...lines.filter((x) => x.trim()).map((x) => p(x.toLocaleUpperCase('vi'), l.signerAuthority)), space(), p(name, l.signerName)];
  let leftCell: Paragraph[];
  let rightCell: Paragraph[];
  if (e.kind === 'minutes') {
    leftCell = signer(['THƯ KÝ'], e.secretary);
    rightCell = signer(['CHỦ TỌA'], e.chair);
  } else {
    leftCell = [p('Nơi nhận:', l.recipientsLabel, AlignmentType.LEFT), ...e.recipients.map((r) => p(r, l.recipients, AlignmentType.LEFT))];
    rightCell = signer([e.signer.authority, e.signer.title], e.signer.name);
  }
  return [
    para([], { keepNext: true, spacing: { after: l.paragraphAfterPt * 20 } }),
    new Table({
      width: { size: contentTwip, type: WidthType.DXA },
      columnWidths: [halfW, contentTwip - halfW],
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: halfW, type: WidthType.DXA }, borders: NO_BORDERS, children: leftCell }),
            new TableCell({ width: { size: contentTwip - halfW, type: WidthType.DXA }, borders: NO_BORDERS, children: rightCell }),
          ],
        }),
      ],
    }),
  ];
}
