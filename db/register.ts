import type { Archive } from './open';
import { uuidv7 } from './ids';
import { appendAudit } from './audit';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import type { RegisterEntry, RegisterPage } from '../contract/reportContract';

/**
 * The outgoing register (sổ văn bản đi): numbers run per agency, year and document type, start at 1
 * each year and are never reused. A number is written to the register the moment it is taken, in the
 * same transaction as its audit entry; abandoning the document later does not give the number back
 * (it may already be on paper). The unique index (agency, year, type, seq) backs this up even against
 * a second process taking a number at the same time.
 */

export type Variant = 'state' | 'party';

/**
 * Số và ký hiệu from a sequence number (README.md, "Báo cáo và in ấn"):
 *   state  05/TB-UBND          (leading zero below 10, NĐ 30/2020/NĐ-CP)
 *   party  1445-TB/QUTW-TUHN   (HD 36-HD/VPTW)
 * seq null: the blank a clerk numbers by hand ("Số:     /TB-UBND").
 */
export function outgoingNumber(variant: Variant, seq: number | null, docType: string, agencyCode: string): string {
  const code = agencyCode.trim();
  if (variant === 'party') return `${seq === null ? '\u2002\u2002\u2002' : String(seq)}-${docType}${code ? `/${code}` : ''}`;
  return `${seq === null ? '\u2002\u2002\u2002\u2002' : String(seq).padStart(2, '0')}/${docType}${code ? `-${code}` : ''}`;
}

export interface TakeNumberInput {
  variant: Variant;
  agencyCode: string;
  docType: string;
  /** YYYY-MM-DD: the register's year is the year of issue. */
  issuedOn: string;
  subject: string;
  meetingId: string | null;
}

const SELECT = `SELECT id, agency_code AS agencyCode, year, doc_type AS docType, seq, number, issued_on AS issuedOn, subject,
  meeting_id AS meetingId, created_at AS createdAt FROM register_entries`;

/** Takes the next number. Call inside a transaction with the write that uses it, or alone (its own). */
export function takeNumber(archive: Archive, input: TakeNumberInput, actor: string, now: number = Date.now()): RegisterEntry {
  const agencyCode = input.agencyCode.trim();
  if (!agencyCode) throw new HosoError('REGISTER_NO_AGENCY_CODE');
  return archive.sqlite.transaction(() => {
    const year = Number(input.issuedOn.slice(0, 4));
    const last = archive.sqlite
      .prepare('SELECT MAX(seq) AS seq FROM register_entries WHERE agency_code = ? AND year = ? AND doc_type = ?')
      .get(agencyCode, year, input.docType) as { seq: number | null };
    const seq = (last.seq ?? 0) + 1;
    const entry: RegisterEntry = {
      id: uuidv7(now),
      agencyCode,
      year,
      docType: input.docType,
      seq,
      number: outgoingNumber(input.variant, seq, input.docType, agencyCode),
      issuedOn: input.issuedOn,
      subject: input.subject,
      meetingId: input.meetingId,
      createdAt: now,
    };
    archive.sqlite
      .prepare(
        `INSERT INTO register_entries (id, agency_code, year, doc_type, seq, number, issued_on, subject, meeting_id, created_at)
         VALUES (@id, @agencyCode, @year, @docType, @seq, @number, @issuedOn, @subject, @meetingId, @createdAt)`,
      )
      .run(entry);
    appendAudit(archive, { actor, action: 'register.take', entity: 'register', entityId: entry.id, after: entry }, now);
    return entry;
  })();
}

export function getRegisterEntry(archive: Archive, id: string): RegisterEntry {
  const row = archive.sqlite.prepare(`${SELECT} WHERE id = ?`).get(id) as RegisterEntry | undefined;
  if (!row) throw new HosoError('NOT_FOUND', msg('recordDetail.registerNumber'));
  return row;
}

/** The register in issue order, newest first; optionally one year and/or one document type. */
export function listRegister(archive: Archive, q: { year: number | null; docType: string | null; offset: number; limit: number }): RegisterPage {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.year !== null) {
    where.push('year = ?');
    args.push(q.year);
  }
  if (q.docType !== null) {
    where.push('doc_type = ?');
    args.push(q.docType);
  }
  const w = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const total = (archive.sqlite.prepare(`SELECT COUNT(*) AS n FROM register_entries${w}`).get(...args) as { n: number }).n;
  const rows = archive.sqlite
    .prepare(`${SELECT}${w} ORDER BY year DESC, issued_on DESC, created_at DESC LIMIT ? OFFSET ?`)
    .all(...args, q.limit, q.offset) as RegisterEntry[];
  return { total, rows };
}
