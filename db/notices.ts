import type { Archive } from './open';
import { uuidv7 } from './ids';
import { appendAudit } from './audit';
import { getRegisterEntry, takeNumber } from './register';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import type { Notice, NoticeFields } from '../contract/reportContract';

/**
 * Conclusion notices (thông báo kết luận) as the clerk edited them before printing. The body is stored
 * as HTML paragraphs (`<p>…</p>`, text escaped) in `body_html`; the notice moves through versions like
 * a meeting does (a second window gets VERSION_CONFLICT), every save is audited, and a notice is never
 * deleted here: its number, once taken, stays in the register.
 */

interface Row {
  id: string;
  meetingId: string;
  registerEntryId: string | null;
  variant: 'state' | 'party';
  subject: string;
  bodyHtml: string;
  placeName: string;
  issuedOn: string | null;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  recipients: string;
  version: number;
  updatedAt: number;
}

const SELECT = `SELECT id, meeting_id AS meetingId, register_entry_id AS registerEntryId, variant, subject, body_html AS bodyHtml,
  place_name AS placeName, issued_on AS issuedOn, signer_authority AS signerAuthority, signer_title AS signerTitle,
  signer_name AS signerName, recipients, version, updated_at AS updatedAt FROM notices`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
}

export function htmlToParagraphs(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => unesc(m[1]!));
}

function toNotice(archive: Archive, r: Row): Notice {
  let recipients: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.recipients);
    if (Array.isArray(parsed)) recipients = parsed.map(String);
  } catch {
    // a damaged list prints as empty rather than breaking the notice
  }
  return {
    id: r.id,
    meetingId: r.meetingId,
    version: r.version,
    number: r.registerEntryId ? getRegisterEntry(archive, r.registerEntryId).number : null,
    dueBy: null,
    updatedAt: r.updatedAt,
    variant: r.variant,
    subject: r.subject,
    paragraphs: htmlToParagraphs(r.bodyHtml),
    placeName: r.placeName,
    issuedOn: r.issuedOn,
    signerAuthority: r.signerAuthority,
    signerTitle: r.signerTitle,
    signerName: r.signerName,
    recipients,
  };
}

function row(archive: Archive, id: string): Row {
  const r = archive.sqlite.prepare(`${SELECT} WHERE id = ? AND deleted_at IS NULL`).get(id) as Row | undefined;
  if (!r) throw new HosoError('NOT_FOUND', msg('recordDetail.notice'));
  return r;
}

export function getNotice(archive: Archive, id: string): Notice {
  return toNotice(archive, row(archive, id));
}

/** The meeting's most recently saved conclusion notice, or null. */
export function latestNoticeOf(archive: Archive, meetingId: string): Notice | null {
  const r = archive.sqlite
    .prepare(`${SELECT} WHERE meeting_id = ? AND template = 'conclusion' AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .get(meetingId) as Row | undefined;
  return r ? toNotice(archive, r) : null;
}

const columns = (f: NoticeFields) => ({
  variant: f.variant,
  subject: f.subject,
  bodyHtml: paragraphsToHtml(f.paragraphs),
  placeName: f.placeName,
  issuedOn: f.issuedOn,
  signerAuthority: f.signerAuthority,
  signerTitle: f.signerTitle,
  signerName: f.signerName,
  recipients: JSON.stringify(f.recipients),
});

/** Creates (id null, version 0) or updates (id and the version the clerk started from) a notice. */
export function saveNotice(
  archive: Archive,
  input: { meetingId: string; id: string | null; version: number; fields: NoticeFields },
  actor: string,
  now: number = Date.now(),
): Notice {
  return archive.sqlite.transaction(() => {
    const live = archive.sqlite.prepare('SELECT 1 FROM meetings WHERE id = ? AND deleted_at IS NULL').get(input.meetingId);
    if (!live) throw new HosoError('NOT_FOUND');
    const values = columns(input.fields);
    if (input.id === null) {
      const id = uuidv7(now);
      archive.sqlite
        .prepare(
          `INSERT INTO notices (id, meeting_id, template, variant, subject, body_html, place_name, issued_on, signer_authority, signer_title,
             signer_name, recipients, version, created_at, updated_at)
           VALUES (@id, @meetingId, 'conclusion', @variant, @subject, @bodyHtml, @placeName, @issuedOn, @signerAuthority, @signerTitle,
             @signerName, @recipients, 1, @now, @now)`,
        )
        .run({ id, meetingId: input.meetingId, now, ...values });
      const after = getNotice(archive, id);
      appendAudit(archive, { actor, action: 'notice.create', entity: 'notice', entityId: id, after }, now);
      return after;
    }
    const before = getNotice(archive, input.id);
    if (before.meetingId !== input.meetingId) throw new HosoError('NOT_FOUND', msg('recordDetail.notice'));
    if (before.version !== input.version) throw new HosoError('VERSION_CONFLICT');
    archive.sqlite
      .prepare(
        `UPDATE notices SET variant = @variant, subject = @subject, body_html = @bodyHtml, place_name = @placeName, issued_on = @issuedOn,
           signer_authority = @signerAuthority, signer_title = @signerTitle, signer_name = @signerName, recipients = @recipients,
           version = version + 1, updated_at = @now WHERE id = @id`,
      )
      .run({ id: input.id, now, ...values });
    const after = getNotice(archive, input.id);
    appendAudit(archive, { actor, action: 'notice.update', entity: 'notice', entityId: input.id, before, after }, now);
    return after;
  })();
}

/**
 * Gives a saved notice its number from the outgoing register (TB), in one transaction with the register
 * entry. A notice that already has a number keeps it: asking twice never takes a second number.
 * The issue date is set to `today` when the clerk left it blank (the number belongs to that year).
 */
export function numberNotice(archive: Archive, id: string, agencyCode: string, today: string, actor: string, now: number = Date.now()): Notice {
  return archive.sqlite.transaction(() => {
    const r = row(archive, id);
    if (r.registerEntryId) return toNotice(archive, r);
    const issuedOn = r.issuedOn ?? today;
    const entry = takeNumber(
      archive,
      { variant: r.variant, agencyCode, docType: 'TB', issuedOn, subject: r.subject, meetingId: r.meetingId },
      actor,
      now,
    );
    archive.sqlite
      .prepare('UPDATE notices SET register_entry_id = ?, issued_on = ?, version = version + 1, updated_at = ? WHERE id = ?')
      .run(entry.id, issuedOn, now, id);
    const after = getNotice(archive, id);
    appendAudit(archive, { actor, action: 'notice.number', entity: 'notice', entityId: id, after: { number: entry.number, issuedOn } }, now);
    return after;
  })();
}
