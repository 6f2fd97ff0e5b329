/**
 * The official layout of printed documents, as data (DESIGN.md §5). State documents follow
 * Nghị định 30/2020/NĐ-CP, Phụ lục I; Party documents Hướng dẫn 36-HD/VPTW. Party guidance is revised
 * from time to time: change the numbers here, never in the templates (html.ts, docx.ts read them).
 *
 * Sizes are points, margins millimetres. Margins sit inside the ranges of the rules with room to spare
 * on both sides (left 30–35 mm, right 15–20 mm), so rounding in a printer driver never pushes them out.
 */
import type { DocumentVariant } from './model';

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface Layout {
  variant: DocumentVariant;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** Top-right heading lines: Quốc hiệu + Tiêu ngữ (state) or ĐẢNG CỘNG SẢN VIỆT NAM (party). */
  national: { text: string; style: TextStyle }[];
  parentAgency: TextStyle;
  issuingAgency: TextStyle;
  /** What goes under the issuing body: a short rule (state) or a star (party). */
  agencyMark: 'rule' | 'star';
  /** "Số: " (state) or "Số " (party, no colon). */
  numberPrefix: string;
  number: TextStyle;
  placeDate: TextStyle;
  docName: TextStyle;
  subject: TextStyle;
  body: TextStyle;
  /** First-line indent of body paragraphs, cm. */
  indentCm: number;
  /** Space after each body paragraph, pt (the rule: at least 6). */
  paragraphAfterPt: number;
  /** Line height as a multiple of the font size (the rule: single to 1.5 lines). */
  lineHeight: number;
  signerAuthority: TextStyle;
  signerName: TextStyle;
  recipientsLabel: TextStyle;
  recipients: TextStyle;
  /** Tables (attendance, period summary) and photo captions: smaller than the body so columns fit. */
  table: TextStyle;
  tableCompact: TextStyle;
  caption: TextStyle;
  pageNumber: TextStyle;
}

const STATE: Layout = {
  variant: 'state',
  marginsMm: { top: 20, bottom: 20, left: 31, right: 18 },
  national: [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: { size: 12, bold: true } },
    { text: 'Độc lập - Tự do - Hạnh phúc', style: { size: 13, bold: true, underline: true } },
  ],
  parentAgency: { size: 12 },
  issuingAgency: { size: 12, bold: true },
  agencyMark: 'rule',
  numberPrefix: 'Số: ',
  number: { size: 13 },
  placeDate: { size: 13, italic: true },
  docName: { size: 14, bold: true },
  subject: { size: 14, bold: true },
  body: { size: 14 },
  indentCm: 1.27,
  paragraphAfterPt: 6,
  lineHeight: 1.25,
  signerAuthority: { size: 14, bold: true },
  signerName: { size: 14, bold: true },
  recipientsLabel: { size: 12, bold: true, italic: true },
  recipients: { size: 11 },
  table: { size: 12 },
  tableCompact: { size: 11 },
  caption: { size: 12 },
  pageNumber: { size: 13 },
};

const PARTY: Layout = {
  variant: 'party',
  marginsMm: { top: 20, bottom: 20, left: 31, right: 16 },
  national: [{ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', style: { size: 15, bold: true, underline: true } }],
  parentAgency: { size: 14 },
  issuingAgency: { size: 14, bold: true },
  agencyMark: 'star',
  numberPrefix: 'Số ',
  number: { size: 14 },
  placeDate: { size: 14, italic: true },
  docName: { size: 16, bold: true },
  subject: { size: 14, bold: true },
  body: { size: 14 },
  indentCm: 1.27,
  paragraphAfterPt: 6,
  lineHeight: 1.25,
  signerAuthority: { size: 14, bold: true },
  signerName: { size: 14, bold: true },
  recipientsLabel: { size: 14, underline: true },
  recipients: { size: 12 },
  table: { size: 12 },
  tableCompact: { size: 11 },
  caption: { size: 12 },
  pageNumber: { size: 14 },
};

export const LAYOUTS: Record<DocumentVariant, Layout> = { state: STATE, party: PARTY };

export const A4_MM = { width: 210, height: 297 } as const;
export const MM_PER_PT = 25.4 / 72;
