import type { MeetingRecord } from '../../contract/recordContract';
import type { Settings } from '../../contract/contract';
import type { Notice, NoticeFields } from '../../contract/reportContract';
import { outgoingNumber } from '../../db/register';
import { LAYOUTS } from './layout';
import type { DocumentVariant, ReportDoc } from './model';
import { capitalize, chairsOf, joinVi, meetingName, personPhrase, presentOf, whenPhrase } from './phrases';

/**
 * Thông báo kết luận: the text composed from the record (a starting point the clerk edits, stored as a
 * Notice), and the Notice laid out as a document.
 */

/** At most this many attendees are named in the opening; the rest are counted. */
const NAMED_ATTENDEES = 8;

export function composeNotice(record: MeetingRecord, settings: Settings, variant: DocumentVariant, today: string): NoticeFields {
  const m = record.meeting;
  const rows = record.attendance.rows;
  const chairs = chairsOf(rows);
  const chairNames = chairs.map((c) => personPhrase(c));
  const others = presentOf(rows).filter((r) => r.role !== 'chu_tri' && r.role !== 'dong_chu_tri');
  const name = meetingName(m);

  const agency = settings.issuingAgency.trim();
  // An agency written in capitals ("VĂN PHÒNG UBND TỈNH") cannot be put back into sentence case
  // reliably (UBND must stay upper case), so running text then does without it.
  const agencyInText = agency && agency !== agency.toLocaleUpperCase('vi') ? agency : '';
  const opening: string[] = [];
  const when = whenPhrase(m);
  const where = m.location.trim() ? `tại ${m.location.trim()}` : '';
  const lead = [when, where].filter(Boolean).join(', ');
  const chaired = chairNames.length ? `${joinVi(chairNames)} đã chủ trì ${name}` : `${m.organizer.trim() || agencyInText || 'cơ quan'} đã tổ chức ${name}`;
  opening.push(`${lead ? `${lead}, ` : ''}${lead ? chaired : capitalize(chaired)}.`);
  if (others.length) {
    const named = others.slice(0, NAMED_ATTENDEES).map((r) => personPhrase(r));
    const rest = others.length - named.length;
    opening.push(`Tham dự có ${named.join('; ')}${rest > 0 ? ` và ${rest} đại biểu khác` : ''}.`);
  }
  const firstChair = chairs[0];
  opening.push(
    firstChair
      ? `Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, đồng chí ${firstChair.fullName.trim()} kết luận như sau:`
      : 'Sau khi nghe báo cáo và ý kiến của các đại biểu dự họp, cuộc họp thống nhất kết luận như sau:',
  );

  const conclusions = record.conclusions.map((c, i) => `${i + 1}. ${c.text.trim()}`);
  const closing = agencyInText
    ? `${agencyInText} thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.`
    : 'Thông báo để các cơ quan, đơn vị, cá nhân liên quan biết, thực hiện./.';

  const subjectWho = firstChair ? `đồng chí ${firstChair.fullName.trim()}` : 'chủ trì';
  const authority = settings.signerAuthority ? `${settings.signerAuthority} ${agency}`.trim() : '';
  return {
    variant,
    subject: `Kết luận của ${subjectWho} tại ${name}`,
    paragraphs: [...opening, ...conclusions, closing],
    placeName: settings.placeName,
    issuedOn: today,
    signerAuthority: authority,
    signerTitle: settings.signerTitle,
    signerName: settings.signerName,
    recipients: ['- Các đồng chí dự họp;', '- Các cơ quan, đơn vị liên quan;', '- Lưu: VT.'],
  };
}

/** The notice's paragraphs: numbered conclusions ("1. …") are body paragraphs like the others. */
export function noticeDoc(notice: Notice, settings: Settings, meetingTitle: string): ReportDoc {
  const layout = LAYOUTS[notice.variant];
  return {
    kind: 'conclusion',
    layout,
    title: `Thông báo kết luận - ${meetingTitle}`,
    header: {
      parentAgency: settings.parentAgency,
      issuingAgency: settings.issuingAgency,
      number: notice.number ?? outgoingNumber(notice.variant, null, 'TB', settings.agencyCode),
      placeName: notice.placeName,
      issuedOn: notice.issuedOn,
      dateLine: true,
    },
    docName: 'THÔNG BÁO',
    subject: [notice.subject],
    body: notice.paragraphs.filter((p) => p.trim()).map((p) => ({ kind: 'paragraph', runs: [p] })),
    ending: {
      kind: 'signer',
      signer: { authority: notice.signerAuthority, title: notice.signerTitle, name: notice.signerName },
      recipients: notice.recipients,
    },
  };
}
