/**
 * The official layout of printed documents, as data (README, *Báo cáo và in ấn*). State documents follow
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
  /** Dấu chỉ độ mật (secrecy.ts decides when; the numbers are here). */
  secrecyMark: SecrecyMarkLayout;
}

/**
 * The secrecy mark: Thông tư 24/2020/TT-BCA, mẫu dấu chỉ độ mật: a rectangle with a border, the level in
 * upper case, Times New Roman upright bold 13–14 pt, red; 20 × 8 mm for MẬT, 30 × 8 mm for TỐI MẬT,
 * 40 × 8 mm for TUYỆT MẬT. On page 1 it sits under the số, ký hiệu (NĐ 30/2020, Phụ lục I, ô số 10a);
 * on every later page it is repeated in the top margin, left of the page number, so a loose page is
 * still recognisable.
 */
export interface SecrecyMarkLayout {
  style: TextStyle;
  color: string;
  /** Box width per level, mm; the height is the same for all. */
  widthMm: Record<'mat' | 'toi_mat' | 'tuyet_mat', number>;
  heightMm: number;
  borderPt: number;
  /** Gap between the số, ký hiệu line and the box on page 1, pt. */
  gapPt: number;
  /** From the top edge of the paper to the repeated box on later pages, mm (inside the 20 mm margin). */
  runningTopMm: number;
}

export const SECRECY_MARK: SecrecyMarkLayout = {
  style: { size: 13, bold: true },
  color: '#d00000',
  widthMm: { mat: 20, toi_mat: 30, tuyet_mat: 40 },
  heightMm: 8,
  borderPt: 1.25,
  gapPt: 6,
  runningTopMm: 6,
};

/**
 * The watermark across every page of a photo sheet of a secret meeting: photos are the part of a
 * record most often cut out and passed around, so the level is written over them, light enough to
 * leave the picture readable. Not a rule of the Thông tư (which knows only the mark): a house choice.
 */
export const WATERMARK = {
  sizePt: 88,
  angleDeg: -50,
  color: 'rgba(0, 0, 0, 0.14)',
  /** Word's own watermark (a WordArt shape behind the text, diagonal): silver, half transparent. */
  docx: { color: 'C0C0C0', opacity: 0.5 },
} as const;

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
  secrecyMark: SECRECY_MARK,
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
  secrecyMark: SECRECY_MARK,
};

export const LAYOUTS: Record<DocumentVariant, Layout> = { state: STATE, party: PARTY };

export const A4_MM = { width: 210, height: 297 } as const;
export const MM_PER_PT = 25.4 / 72;
