import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import type { Notice } from '../../contract/reportContract';
import { photoUrl } from '../../contract/photoContract';
import { HosoError } from '../../contract/errors';
import { getSettings } from '../../db/settings';
import { localToday } from '../../db/conclusions';
import { numberNotice, saveNotice } from '../../db/notices';
import { getMeeting } from '../../db/meetings';
import { listRegister } from '../../db/register';
import { recordSecretPrint, listSecretLog } from '../../db/printAudit';
import { addWorkingDays } from '../reports/dates';
import { buildReport, noticeFor, reportFileName } from '../reports/build';
import { renderHtml } from '../reports/html';
import { renderDocx } from '../reports/docx';
import { registerDoc } from '../reports/registerDoc';
import { inlinePhotoSrc } from '../reports/printPhotos';
import type { PhotoItem, ReportDoc } from '../reports/model';

/** Hướng dẫn 36 and common practice: the conclusion notice goes out within 5 working days. */
const NOTICE_DUE_WORKING_DAYS = 5;

/** `reports/*` (the official documents) and `register/*` (the outgoing-documents register). */
export function reportHandlers(ctx: ServiceContext): HandlersOf<'reports' | 'register'> {
  const a = ctx.archive;
  /** The notice with its due date (5 working days after the meeting), which the editor shows. */
  const withDue = (notice: Notice): Notice => {
    const date = getMeeting(a, notice.meetingId).meetingDate;
    return { ...notice, dueBy: date ? addWorkingDays(date, NOTICE_DUE_WORKING_DAYS) : null };
  };
  /**
   * Every document that leaves the app goes through one of the report channels below (the CLI calls
   * them too), so this is the one place prints of secret meetings are logged: after the document was
   * made (a failed render produced nothing to log), before it is handed over. The in-app preview is not
   * logged: it shows the document on screen, and its In button logs through reports/printed.
   */
  const logged = (doc: ReportDoc, format: 'pdf' | 'docx' | 'html' | 'print'): number =>
    doc.classified ? recordSecretPrint(a, { actor: ctx.actor(), document: doc.kind, format, meetings: doc.classified.meetings }) : 0;
  return {
    'reports/html': async (request) => {
      const doc = buildReport(a, request);
      const photoSrc = request.preview ? (p: PhotoItem) => photoUrl(p.hash) : await inlinePhotoSrc(doc);
      const html = renderHtml(doc, { photoSrc });
      if (!request.preview) logged(doc, 'html');
      return { html, fileName: reportFileName(doc, 'html'), title: doc.title };
    },
    'reports/pdf': async (request) => {
      // The host renders: the desktop with Electron's printToPDF, the CLI and its web host with the PC's
      // Chromium (cli/chromiumPdf.ts). Services never load a browser themselves, so the desktop bundle
      // carries none; a host without one answers PDF_UNAVAILABLE (print to PDF, or save HTML/DOCX).
      const doc = buildReport(a, request);
      if (!ctx.renderPdf) throw new HosoError('PDF_UNAVAILABLE');
      const pdf = await ctx.renderPdf(renderHtml(doc, { photoSrc: await inlinePhotoSrc(doc) }));
      logged(doc, 'pdf');
      return { base64: pdf.toString('base64'), fileName: reportFileName(doc, 'pdf'), mime: 'application/pdf' };
    },
    'reports/printed': (request) => ({ logged: logged(buildReport(a, request), 'print') }),
    'reports/secret-log': (range) => ({ rows: listSecretLog(a, range) }),
    'reports/docx': async (request) => {
      const doc = buildReport(a, request);
      const bytes = await renderDocx(doc);
      logged(doc, 'docx');
      return {
        base64: bytes.toString('base64'),
        fileName: reportFileName(doc, 'docx'),
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      };
    },
    'reports/notice-get': ({ meetingId, variant, recompose }) => withDue(noticeFor(a, meetingId, variant, localToday(), recompose)),
    'reports/notice-save': (input) => withDue(saveNotice(a, input, ctx.actor())),
    'reports/notice-number': ({ id }) => withDue(numberNotice(a, id, getSettings(a).agencyCode, localToday(), ctx.actor())),
    'register/list': (q) => listRegister(a, q),
    'register/html': ({ year }) => {
      const doc = registerDoc(listRegister(a, { year, docType: null, offset: 0, limit: 1_000_000 }).rows, year, getSettings(a));
      return { html: renderHtml(doc), fileName: reportFileName(doc, 'html'), title: doc.title };
    },
  };
}
