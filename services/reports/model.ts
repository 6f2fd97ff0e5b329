/**
 * What every printed document is made of, independent of the output format. The composers
 * (conclusionNotice.ts, minutes.ts, …) build a ReportDoc from the archive; html.ts and docx.ts each
 * turn the same ReportDoc into their format, so the preview, the PDF and the Word copy say the same.
 * All text here is plain text: the renderers escape it.
 */
import type { Layout } from './layout';
import type { Classification } from './secrecy';

export type DocumentVariant = 'state' | 'party';
export type ReportKind = 'conclusion' | 'minutes' | 'attendance' | 'photos' | 'period' | 'register' | 'secret-log';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type Inline = string | Run;

export interface Column {
  label: string;
  /** Share of the table width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface PhotoItem {
  hash: string;
  mime: string;
  /** The original file on disk, or null when it is missing (the cell then says so). */
  path: string | null;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
}

export type Block =
  | { kind: 'paragraph'; runs: Inline[]; indent?: boolean; align?: 'justify' | 'left' | 'center' | 'right'; keepWithNext?: boolean }
  | { kind: 'heading'; text: string }
  | {
      kind: 'table';
      columns: Column[];
      rows: string[][];
      /** A last row in bold (totals). */
      totals?: string[];
      /** Rows tall enough to sign in (attendance sheet). */
      signatureRows?: boolean;
      /** Smaller type (layout.tableCompact) for wide summaries. */
      compact?: boolean;
      /** A table without a header row (a table in the minutes whose first row is data). */
      noHeader?: boolean;
    }
  | { kind: 'photos'; perPage: 2 | 4 | 6; photos: PhotoItem[] };

export interface Signer {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ" ('' when the signer signs in their own name). */
  authority: string;
  title: string;
  name: string;
}

export type Ending =
  | { kind: 'signer'; signer: Signer; recipients: string[] }
  /** Biên bản: THƯ KÝ left, CHỦ TỌA right. */
  | { kind: 'minutes'; secretary: string; chair: string }
  | { kind: 'none' };

export interface ReportDoc {
  kind: ReportKind;
  layout: Layout;
  /** For the file name and the browser tab. */
  title: string;
  header: {
    parentAgency: string;
    issuingAgency: string;
    /** The document's number without "Số" ("05/TB-UBND"); null: no number line (attachments). */
    number: string | null;
    placeName: string;
    /** YYYY-MM-DD of issue; null: the date line is left for the clerk to write in ("ngày … tháng … năm …"). */
    issuedOn: string | null;
    /** Whether the "Hà Nội, ngày … tháng … năm …" line is printed at all. */
    dateLine: boolean;
  };
  /** THÔNG BÁO, BIÊN BẢN, DANH SÁCH ĐẠI BIỂU… */
  docName: string;
  /** Trích yếu, one or more lines. */
  subject: string[];
  body: Block[];
  ending: Ending;
  /**
   * Mật or above: the mark printed on every page (and the photo sheet's watermark), and the meetings
   * whose printing is written to the audit log. Absent or null: an ordinary (Thường) document.
   */
  classified?: Classification | null;
}
