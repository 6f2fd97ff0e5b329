import type { Archive } from './open';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { meetingRow, writeRecord, type WriteOptions } from './recordWrite';
import type { TrashPage } from '../contract/recordContract';

/**
 * The trash (thùng rác): deleting a meeting only marks it, so it can be restored with everything it had.
 * A trashed meeting leaves the lists and the search index; restoring puts it back in both. A finalized
 * record is trashed only as a correction (with a reason), like any other change to it.
 */

export function trashMeeting(archive: Archive, id: string, version: number, w: WriteOptions): { deletedAt: number } {
  return writeRecord(archive, id, version, w, (tx) => {
    archive.sqlite.prepare('UPDATE meetings SET deleted_at = ? WHERE id = ?').run(tx.now, id);
    tx.audit({ action: 'trash', before: { deletedAt: null }, after: { deletedAt: tx.now } });
    return { deletedAt: tx.now };
  });
}

export function restoreMeeting(archive: Archive, id: string, actor: string, now: number = Date.now()): { meetingVersion: number } {
  return archive.sqlite.transaction(() => {
    const before = meetingRow(archive, id, { trashed: true });
    const version = before.version + 1;
    archive.sqlite.prepare('UPDATE meetings SET deleted_at = NULL, version = ?, updated_at = ? WHERE id = ?').run(version, now, id);
    indexMeeting(archive, id);
    appendAudit(archive, { actor, action: 'restore', entity: 'meeting', entityId: id, before: { deletedAt: before.deletedAt }, after: { deletedAt: null } }, now);
    return { meetingVersion: version };
  })();
}

/** The trash, most recently trashed first. */
export function listTrash(archive: Archive, page: { offset: number; limit: number }): TrashPage {
  const total = (archive.sqlite.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NOT NULL').get() as { n: number }).n;
  const rows = archive.sqlite
    .prepare(
      `SELECT id, title, kind, meeting_date AS meetingDate, status, deleted_at AS deletedAt FROM meetings
       WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as TrashPage['rows'];
  return { total, rows };
}
