import type { Settings } from '../../contract/contract';
import type { SecretLogEntry } from '../../contract/reportContract';
import { shortDate } from './dates';
import { LAYOUTS } from './layout';
import type { DocumentVariant, ReportDoc } from './model';
import { highestLevel, LEVEL_NAME, type SecretLevel } from './secrecy';

/**
 * Sổ theo dõi in, xuất tài liệu mật: every print and export of a Mật-or-above meeting in a date range,
 * from the audit log (db/printAudit.ts), as a document printed like the others.
 */

/** What was printed, as the clerk names it. */
const DOCUMENT_NAME: Record<string, string> = {
  conclusion: 'Thông báo kết luận',
  minutes: 'Biên bản',
  attendance: 'Danh sách đại biểu',
  photos: 'Ảnh hoạt động',
  period: 'Báo cáo tổng hợp',
  archive: 'Xuất dữ liệu ra USB',
};

const FORMAT_NAME: Record<string, string> = {
  pdf: 'Tệp PDF',
  docx: 'Tệp DOCX',
  html: 'Tệp HTML',
  print: 'In ra giấy',
  encrypted: 'Có mã hóa',
  plain: 'Không mã hóa',
};

/** "Biên bản, tệp PDF" / "Xuất dữ liệu ra USB, có mã hóa, vào E:\\". */
function describeOutput(e: Pick<SecretLogEntry, 'document' | 'format' | 'destination'>): string {
  const format = FORMAT_NAME[e.format] ?? e.format;
  const parts = [
    DOCUMENT_NAME[e.document] ?? e.document,
    format.charAt(0).toLocaleLowerCase('vi') + format.slice(1),
  ];
  if (e.destination) parts.push(`vào ${e.destination}`);
  return parts.filter(Boolean).join(', ');
}

export function secretLogDoc(
  entries: readonly SecretLogEntry[],
  from: string,
  to: string,
  settings: Settings,
  variant: DocumentVariant,
  today: string,
): ReportDoc {
  // The log is marked with the highest level it lists: a title and date of a secret meeting can tell
  // what the meeting was about, and the log as a whole tells which records are secret, so it is kept
  // as carefully as the most secret one (under-marking is the breach; over-marking only costs care).
  // Printing the log itself is not logged: it holds no record's content, and a log entry for each print
  // of the log would grow the log with itself.
  const top = highestLevel(entries.map((e) => e.level));
  return {
    kind: 'secret-log',
    layout: LAYOUTS[variant],
    title: `Sổ theo dõi in, xuất tài liệu mật ${shortDate(from).replace(/\//g, '-')} đến ${shortDate(to).replace(/\//g, '-')}`,
    header: {
      parentAgency: settings.parentAgency,
      issuingAgency: settings.issuingAgency,
      number: null,
      placeName: settings.placeName,
      issuedOn: today,
      dateLine: true,
    },
    docName: 'SỔ THEO DÕI IN, XUẤT TÀI LIỆU MẬT',
    subject: [`Từ ngày ${shortDate(from)} đến ngày ${shortDate(to)}`],
    body: [
      {
        kind: 'table',
        compact: true,
        columns: [
          { label: 'STT', width: 7, align: 'center' },
          { label: 'Ngày, giờ', width: 13, align: 'center' },
          { label: 'Cuộc họp', width: 30 },
          { label: 'Độ mật', width: 10, align: 'center' },
          { label: 'Tài liệu in, xuất', width: 24 },
          { label: 'Người thực hiện', width: 16 },
        ],
        rows: entries.map((e, i) => [
          String(i + 1),
          `${shortDate(e.day)}\n${e.time}`,
          e.title,
          LEVEL_NAME[e.level],
          describeOutput(e),
          e.actor,
        ]),
      },
      {
        kind: 'paragraph',
        indent: false,
        runs: [
          entries.length
            ? `Tổng số: ${entries.length.toLocaleString('vi-VN')} lượt in, xuất.`
            : 'Không có lượt in, xuất tài liệu mật nào trong khoảng thời gian này.',
        ],
      },
    ],
    ending: { kind: 'none' },
    classified: top === 'thuong' ? null : { level: top as SecretLevel, meetings: [] },
  };
}
