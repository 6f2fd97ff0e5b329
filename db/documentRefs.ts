import type { Archive, Connection } from './open';
import { cachedStatement } from './statementCache';
import { uuidv7 } from './ids';
import { meetingRow, nextPosition, removePartRow, reorderPart, writeRecord, type WriteOptions } from './recordWrite';
import { HosoError } from '../contract/errors';
import { literal, msg } from '../contract/messages/message';
import { normalizeDocumentNumber } from '../contract/documentNumber';
import type { DocumentRef, DocumentRefFields, DocumentRefList } from '../contract/recordContract';

/**
 * Documents a meeting refers to (Quy chế số 1374-QC/QUTW-TUHN, Nghị định 03/2019/NĐ-CP…): số và ký hiệu
 * normalized (contract/documentNumber.ts), type (named by the symbol when left empty), date,
 * issuer, summary. One number appears once per meeting.
 */

const SELECT = `SELECT id, meeting_id AS meetingId, number, doc_type AS docType, issued_on AS issuedOn, issuer, summary, position FROM document_refs`;

function one(archive: Archive, meetingId: string, id: string): DocumentRef {
  const r = archive.sqlite.prepare(`${SELECT} WHERE id = ? AND meeting_id = ?`).get(id, meetingId) as DocumentRef | undefined;
  if (!r) throw new HosoError('NOT_FOUND', msg('recordDetail.documentRef'));
  return r;
}

const all = (archive: Archive, meetingId: string) =>
  archive.sqlite.prepare(`${SELECT} WHERE meeting_id = ? ORDER BY position, id`).all(meetingId) as DocumentRef[];

export function listDocumentRefs(archive: Archive, meetingId: string): DocumentRefList {
  const meeting = meetingRow(archive, meetingId);
  return { meetingId, meetingVersion: meeting.version, rows: all(archive, meetingId) };
}

/** Normalizes again (a direct caller may skip the contract) and refuses a number the meeting already lists. */
function columns(archive: Archive, meetingId: string, fields: DocumentRefFields, exceptId: string | null) {
  const n = normalizeDocumentNumber(fields.number);
  if (!n.ok) throw new HosoError('INVALID_INPUT', n.message);
  const taken = archive.sqlite
    .prepare('SELECT 1 FROM document_refs WHERE meeting_id = ? AND number = ? AND id IS NOT ?')
    .get(meetingId, n.number, exceptId);
  if (taken) throw new HosoError('DUPLICATE_DOCUMENT', literal(n.number));
  return {
    number: n.number,
    docType: fields.docType || n.docType || '',
    issuedOn: fields.issuedOn,
    issuer: fields.issuer,
    summary: fields.summary,
  };
}

/** A document reference row with every column, as the screens, a merge and the demo write it. Other keys are ignored. */
export interface DocumentRefColumns {
  id: string;
  meetingId: string;
  number: string;
  docType: string;
  issuedOn: string | null;
  issuer: string;
  summary: string;
  position: number;
  createdAt: number;
  updatedAt: number;
}

export function insertDocumentRefRow(sqlite: Connection, d: DocumentRefColumns): void {
  cachedStatement(
    sqlite,
    `INSERT INTO document_refs (id, meeting_id, number, doc_type, issued_on, issuer, summary, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.id, d.meetingId, d.number, d.docType, d.issuedOn, d.issuer, d.summary, d.position, d.createdAt, d.updatedAt);
}

export function addDocumentRef(archive: Archive, meetingId: string, version: number, fields: DocumentRefFields, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const id = uuidv7(tx.now);
    insertDocumentRefRow(archive.sqlite, {
      ...columns(archive, meetingId, fields, null),
      id,
      meetingId,
      position: nextPosition(archive, 'document_refs', meetingId),
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    const after = one(archive, meetingId, id);
    tx.audit({ action: 'documents.add', after });
    return { meetingVersion: tx.version, row: after };
  });
}

export function updateDocumentRef(archive: Archive, meetingId: string, version: number, id: string, fields: DocumentRefFields, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const before = one(archive, meetingId, id);
    archive.sqlite
      .prepare(
        `UPDATE document_refs SET number = @number, doc_type = @docType, issued_on = @issuedOn, issuer = @issuer, summary = @summary,
         updated_at = @now WHERE id = @id`,
      )
      .run({ ...columns(archive, meetingId, fields, id), id, now: tx.now });
    const after = one(archive, meetingId, id);
    tx.audit({ action: 'documents.update', before, after });
    return { meetingVersion: tx.version, row: after };
  });
}

export function removeDocumentRef(archive: Archive, meetingId: string, version: number, id: string, w: WriteOptions) {
  return removePartRow(archive, 'document_refs', meetingId, version, w, () => one(archive, meetingId, id));
}

export function reorderDocumentRefs(archive: Archive, meetingId: string, version: number, ids: readonly string[], w: WriteOptions) {
  return reorderPart(archive, 'document_refs', meetingId, version, ids, w, () => new Map(all(archive, meetingId).map((d) => [d.id, d.number])));
}
