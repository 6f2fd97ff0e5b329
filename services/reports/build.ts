import { dirname } from 'node:path';
import type { Archive } from '../../db/open';
import { getSettings } from '../../db/settings';
import { getMeetingRecord } from '../../db/meetingRecord';
import { listPhotos } from '../../db/photos';
import { hasPicture } from '../../contract/photoContract';
import { latestNoticeOf } from '../../db/notices';
import { localToday } from '../../db/conclusions';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import type { Notice, ReportRequest } from '../../contract/reportContract';
import type { MeetingRecord } from '../../contract/recordContract';
import type { Settings } from '../../contract/contract';
import { composeNotice, noticeDoc } from './conclusionNotice';
import { attendanceDoc, minutesDoc, photoDoc } from './meetingDocs';
import { loadPeriod, periodDoc } from './periodSummary';
import type { ReportDoc } from './model';
import { classify } from './secrecy';
import { secretLogDoc } from './secretLogDoc';
import { listSecretLog } from '../../db/printAudit';

/**
 * Builds the requested document from the archive: the one place that knows which data each kind needs.
 * The variant is the request's, else the one chosen in settings.
 */
export function buildReport(archive: Archive, request: ReportRequest, today: string = localToday()): ReportDoc {
  const settings = getSettings(archive);
  const variant = request.variant ?? settings.documentVariant;
  if (request.kind === 'period') {
    const data = loadPeriod(archive, request.from!, request.to!, today);
    return { ...periodDoc(data, settings, variant, request.groupBy, today), classified: classify(data.meetings) };
  }
  if (request.kind === 'secret-log') {
    const entries = listSecretLog(archive, { from: request.from!, to: request.to! });
    return secretLogDoc(entries, request.from!, request.to!, settings, variant, today);
  }
  const meetingId = request.meetingId!;
  const order = request.kind === 'attendance' ? request.order : 'protocol';
  const record = getMeetingRecord(archive, meetingId, order);
  // Every document of one meeting carries that meeting's level.
  return { ...meetingDoc(archive, request, record, settings, variant, today), classified: classify([record.meeting]) };
}

function meetingDoc(archive: Archive, request: ReportRequest, record: MeetingRecord, settings: Settings, variant: 'state' | 'party', today: string): ReportDoc {
  const meetingId = record.meeting.id;
  switch (request.kind) {
    case 'conclusion':
      return noticeDoc(noticeFor(archive, meetingId, request.variant, today), settings, record.meeting.title);
    case 'minutes':
      return minutesDoc(record, settings, variant);
    case 'attendance':
      if (!record.attendance.rows.length) throw new HosoError('REPORT_NOTHING_TO_PRINT', msg('recordDetail.noAttendees'));
      return attendanceDoc(record, settings, variant);
    case 'photos': {
      // The sheet prints pictures: a card still waiting for its file (a caption kept from an import) is not on it.
      const photos = listPhotos(archive, meetingId).photos.filter(hasPicture);
      if (!photos.length) throw new HosoError('REPORT_NOTHING_TO_PRINT', msg('recordDetail.noPhotos'));
      return photoDoc(record, photos, dirname(archive.file), settings, variant, request.perPage);
    }
    default:
      throw new Error(`not a meeting document: ${request.kind}`);
  }
}

/**
 * The meeting's conclusion notice: the one the clerk saved (edited, maybe numbered), else composed from
 * the record now (not saved: printing a draft takes no number). `variant` set: that layout, even for a
 * saved notice (the clerk is comparing layouts); null: the notice's own or the settings' layout.
 * `recompose`: the text composed afresh from the record, keeping the saved notice's identity, version and
 * number, so saving it replaces the old text of the same notice.
 */
export function noticeFor(archive: Archive, meetingId: string, variant: 'state' | 'party' | null, today: string = localToday(), recompose = false): Notice {
  const saved = latestNoticeOf(archive, meetingId);
  if (saved && !recompose) return variant ? { ...saved, variant } : saved;
  const settings = getSettings(archive);
  const record = getMeetingRecord(archive, meetingId, 'protocol');
  const fields = composeNotice(record, settings, variant ?? saved?.variant ?? settings.documentVariant, today);
  if (saved) return { ...saved, ...fields, issuedOn: saved.issuedOn ?? fields.issuedOn };
  return { ...fields, id: null, meetingId, version: 0, number: null, dueBy: null, updatedAt: null };
}

/** A file name a clerk recognises, safe on Windows (no \ / : * ? " < > |), with its extension. */
export function reportFileName(doc: ReportDoc, ext: 'html' | 'pdf' | 'docx'): string {
  const base = doc.title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what Windows refuses in names
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .replace(/[. ]+$/, '');
  return `${base || 'bao-cao'}.${ext}`;
}
