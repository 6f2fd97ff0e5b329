import type { MeetingRecord } from '../../contract/recordContract';
import type { Settings } from '../../contract/contract';
import type { PhotoWithFile } from '../../contract/photoContract';
import { outgoingNumber } from '../../db/register';
import { findPhotoFile } from '../photoFiles';
import { clockTime, longDate, shortDate } from './dates';
import { LAYOUTS } from './layout';
import type { Block, DocumentVariant, ReportDoc } from './model';
import { minutesBlocks } from './minutesBlocks';
import { attendeesOf, capitalize, chairsOf, meetingName, paragraphsOf, personPhrase, secretaryOf } from './phrases';

/** The documents printed from one meeting record: minutes, attendance sheet, photo sheet. */

const STATUS_LABEL = { co_mat: '', den_muon: 'Đến muộn', vang_co_ly_do: 'Vắng có lý do', vang: 'Vắng' } as const;

function header(settings: Settings, variant: DocumentVariant, number: string | null, issuedOn: string | null, dateLine: boolean): ReportDoc['header'] {
  return { parentAgency: settings.parentAgency, issuingAgency: settings.issuingAgency, number, placeName: settings.placeName, issuedOn, dateLine };
}

const labelled = (label: string, text: string): Block => ({ kind: 'paragraph', indent: false, runs: [{ text: `${label}: `, bold: true }, text] });

/** Biên bản cuộc họp (NĐ 30/2020, Mẫu 1.9). */
export function minutesDoc(record: MeetingRecord, settings: Settings, variant: DocumentVariant): ReportDoc {
  const m = record.meeting;
  const rows = record.attendance.rows;
  const chairs = chairsOf(rows);
  const secretary = secretaryOf(rows);
  // The secretary has a line of their own (Thư ký) and is not one of those who attended.
  const attendees = attendeesOf(rows);
  const present = attendees.filter((r) => r.status === 'co_mat' || r.status === 'den_muon');
  const absent = attendees.filter((r) => r.status === 'vang' || r.status === 'vang_co_ly_do');
  const when = [m.startTime ? clockTime(m.startTime) : '', m.meetingDate ? longDate(m.meetingDate) : ''].filter(Boolean).join(', ');
  const body: Block[] = [
    labelled('Thời gian bắt đầu', when ? `${when}.` : '…'),
    labelled('Địa điểm', m.location.trim() ? `${m.location.trim()}.` : '…'),
    { kind: 'paragraph', indent: false, keepWithNext: true, runs: [{ text: 'Thành phần tham dự:', bold: true }] },
    ...(present.length ? present : [null]).map((r): Block => ({
      kind: 'paragraph',
      // No attendee recorded: a line for the secretary to fill in by hand.
      runs: [r ? `- ${capitalize(personPhrase(r))}${r.status === 'den_muon' ? ' (đến muộn)' : ''};` : '…'],
    })),
  ];
  if (absent.length) {
    body.push(labelled('Vắng mặt', `${absent.map((r) => `${capitalize(personPhrase(r, false))}${r.absenceReason ? ` (${r.absenceReason})` : ''}`).join('; ')}.`));
  }
  body.push(labelled('Chủ trì', chairs.length ? `${chairs.map((c) => capitalize(personPhrase(c))).join('; ')}.` : '…'));
  body.push(labelled('Thư ký (người ghi biên bản)', secretary ? `${capitalize(personPhrase(secretary))}.` : '…'));
  body.push({ kind: 'paragraph', indent: false, keepWithNext: true, runs: [{ text: 'Nội dung (theo diễn biến cuộc họp):', bold: true }] });
  // The rich text as written (lists, tables, emphasis); records with only plain text print its lines.
  const minutes = m.minutesHtml.trim() ? minutesBlocks(m.minutesHtml) : paragraphsOf(m.minutesText).map((p): Block => ({ kind: 'paragraph', runs: [p] }));
  body.push(...(minutes.length ? minutes : [{ kind: 'paragraph', runs: ['…'] } satisfies Block]));
  if (record.conclusions.length) {
    body.push({ kind: 'paragraph', indent: false, keepWithNext: true, runs: [{ text: 'Kết luận của chủ trì:', bold: true }] });
    body.push(...record.conclusions.map((c, i): Block => ({ kind: 'paragraph', runs: [`${i + 1}. ${c.text.trim()}`] })));
  }
  const end = m.endTime ? clockTime(m.endTime) : '… giờ …';
  body.push({
    kind: 'paragraph',
    runs: [`Cuộc họp kết thúc vào ${end}${m.meetingDate ? ' cùng ngày' : ''}, nội dung cuộc họp đã được các thành viên dự họp thông qua./.`],
  });
  return {
    kind: 'minutes',
    layout: LAYOUTS[variant],
    title: `Biên bản - ${m.title}`,
    header: header(settings, variant, outgoingNumber(variant, null, 'BB', settings.agencyCode), m.meetingDate, true),
    docName: 'BIÊN BẢN',
    subject: [capitalize(meetingName(m))],
    body,
    ending: { kind: 'minutes', secretary: secretary?.fullName ?? '', chair: chairs[0]?.fullName ?? '' },
  };
}

/**
 * Danh sách đại biểu with a column to sign in, in protocol or name order (the record passes it sorted);
 * the secretary, who keeps the minutes, is named under the table (Thư ký: …), not counted in it.
 */
export function attendanceDoc(record: MeetingRecord, settings: Settings, variant: DocumentVariant): ReportDoc {
  const m = record.meeting;
  const rows = attendeesOf(record.attendance.rows);
  const secretary = secretaryOf(record.attendance.rows);
  const facts = [m.startTime ? clockTime(m.startTime) : '', m.meetingDate ? longDate(m.meetingDate) : '', m.location.trim() ? `tại ${m.location.trim()}` : '']
    .filter(Boolean)
    .join(', ');
  return {
    kind: 'attendance',
    layout: LAYOUTS[variant],
    title: `Danh sách đại biểu - ${m.title}`,
    header: header(settings, variant, null, null, false),
    docName: 'DANH SÁCH ĐẠI BIỂU',
    subject: [`Dự ${meetingName(m)}`],
    body: [
      ...(facts ? [{ kind: 'paragraph', align: 'center', runs: [{ text: `(${capitalize(facts)})`, italic: true }] } satisfies Block] : []),
      {
        kind: 'table',
        signatureRows: true,
        columns: [
          { label: 'STT', width: 7, align: 'center' },
          { label: 'Họ và tên', width: 25 },
          { label: 'Cấp bậc, chức vụ', width: 31 },
          { label: 'Đơn vị', width: 21 },
          { label: 'Ký tên', width: 16, align: 'center' },
        ],
        rows: rows.map((r, i) => [String(i + 1), r.fullName, [r.rank, r.titles].filter((s) => s.trim()).join(', '), r.unit, STATUS_LABEL[r.status]]),
      },
      { kind: 'paragraph', indent: false, runs: [`Tổng số: ${rows.length.toLocaleString('vi-VN')} đại biểu.`] },
      ...(secretary ? [labelled('Thư ký', `${capitalize(personPhrase(secretary))}.`)] : []),
    ],
    ending: { kind: 'none' },
  };
}

/** Ảnh hoạt động: 2, 4 or 6 photos per A4 page, each with its caption and credit. */
export function photoDoc(record: MeetingRecord, photos: readonly PhotoWithFile[], archiveDir: string, settings: Settings, variant: DocumentVariant, perPage: 2 | 4 | 6): ReportDoc {
  const m = record.meeting;
  return {
    kind: 'photos',
    layout: LAYOUTS[variant],
    title: `Ảnh hoạt động - ${m.title}`,
    header: header(settings, variant, null, null, false),
    docName: 'ẢNH HOẠT ĐỘNG',
    subject: [capitalize(meetingName(m)), m.meetingDate ? `Ngày ${shortDate(m.meetingDate)}` : ''],
    body: [
      {
        kind: 'photos',
        perPage,
        photos: photos.map((p) => ({
          hash: p.fileHash,
          mime: p.mime,
          path: findPhotoFile(archiveDir, p.fileHash)?.path ?? null,
          width: p.width,
          height: p.height,
          caption: p.caption,
          credit: p.credit,
        })),
      },
    ],
    ending: { kind: 'none' },
  };
}
