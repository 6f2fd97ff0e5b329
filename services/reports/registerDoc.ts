import type { Settings } from '../../contract/contract';
import type { RegisterEntry } from '../../contract/reportContract';
import { shortDate } from './dates';
import { LAYOUTS } from './layout';
import type { ReportDoc } from './model';

/** Sổ văn bản đi of one year, printable: every number taken, in order, with its date and subject. */
export function registerDoc(entries: readonly RegisterEntry[], year: number, settings: Settings): ReportDoc {
  const rows = [...entries].sort((a, b) => a.docType.localeCompare(b.docType) || a.seq - b.seq);
  return {
    kind: 'register',
    layout: LAYOUTS[settings.documentVariant],
    title: `Sổ văn bản đi năm ${year}`,
    header: {
      parentAgency: settings.parentAgency,
      issuingAgency: settings.issuingAgency,
      number: null,
      placeName: settings.placeName,
      issuedOn: null,
      dateLine: false,
    },
    docName: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
    subject: [`Năm ${year}`],
    body: [
      {
        kind: 'table',
        columns: [
          { label: 'STT', width: 7, align: 'center' },
          { label: 'Số, ký hiệu văn bản', width: 22 },
          { label: 'Ngày tháng văn bản', width: 15, align: 'center' },
          { label: 'Tên loại và trích yếu nội dung', width: 56 },
        ],
        rows: rows.map((e, i) => [String(i + 1), e.number, shortDate(e.issuedOn), `${e.docType === 'TB' ? 'Thông báo' : e.docType === 'BB' ? 'Biên bản' : e.docType === 'BC' ? 'Báo cáo' : e.docType}: ${e.subject}`]),
      },
      { kind: 'paragraph', indent: false, runs: [`Tổng số: ${rows.length.toLocaleString('vi-VN')} văn bản.`] },
    ],
    ending: { kind: 'none' },
  };
}
