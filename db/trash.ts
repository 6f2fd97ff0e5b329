import type { Archive } from './open';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { meetingRow, writeRecord, type WriteOptions } from './recordWrite';
import { liveRow, toPerson } from './people';
import { HosoError } from '../contract/errors';
import type { TrashPage } from '../contract/recordContract';
import type { PeopleTrashPage, PersonRestoreResult, TrashedPerson } from '../contract/contract';

/**
 * The trash (thùng rác): deleting a meeting only marks it, so it can be restored with everything it had.
 * A trashed meeting leaves the lists and the search index; restoring puts it back in both. A finalized
 * record is trashed only as a correction (with a reason), like any other change to it. Directory entries
 * (people) share the trash: deleted ones and duplicates merged into another entry (below).
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

/**
 * Directory entries in the trash, most recently trashed first: deleted ones (people/delete) and
 * duplicates merged into another entry (people/merge), the latter with the name of the entry kept.
 */
export function listPeopleTrash(archive: Archive, page: { offset: number; limit: number }): PeopleTrashPage {
  const total = (archive.sqlite.prepare('SELECT count(*) AS n FROM people WHERE deleted_at IS NOT NULL').get() as { n: number }).n;
  const rows = archive.sqlite
    .prepare(
      `SELECT p.id, p.full_name AS fullName, p.rank, p.title, p.unit, p.deleted_at AS deletedAt,
              k.id AS keptId, k.full_name AS keptName
       FROM people p LEFT JOIN people k ON k.id = p.merged_into
       WHERE p.deleted_at IS NOT NULL ORDER BY p.deleted_at DESC, p.id DESC LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as (Omit<TrashedPerson, 'mergedInto'> & { keptId: string | null; keptName: string | null })[];
  return {
    total,
    rows: rows.map(({ keptId, keptName, ...r }) => ({ ...r, mergedInto: keptId ? { id: keptId, fullName: keptName ?? '' } : null })),
  };
}

/**
 * Brings a directory entry back from the trash as its own entry. A plainly deleted entry is as it was (no
 * meeting used it: people/delete refuses one in use). A merged duplicate comes back too, but the meetings
 * the merge moved stay with the entry kept: the merge's audit names each meeting and counts what moved,
 * not which attendance row, photo tag or task was the duplicate's (the kept entry may have been added to
 * the same meetings since), so moving them back would be a guess written into records, sealed ones
 * included. The clerk is told whom the meetings stay with, and can correct a meeting by hand.
 * The audit log gets 'restore' on the entry (and 'merge-undone' on the entry kept, so its own history says
 * the duplicate left it); `merged_into` is cleared: a live entry is merged into nothing.
 */
export function restorePerson(archive: Archive, id: string, actor: string, now: number = Date.now()): PersonRestoreResult {
  return archive.sqlite.transaction(() => {
    const row = archive.sqlite.prepare('SELECT * FROM people WHERE id = ? AND deleted_at IS NOT NULL').get(id) as
      | { deleted_at: number; merged_into: string | null }
      | undefined;
    if (!row) throw new HosoError('NOT_FOUND');
    const kept = row.merged_into
      ? (archive.sqlite.prepare('SELECT id, full_name AS fullName FROM people WHERE id = ?').get(row.merged_into) as { id: string; fullName: string })
      : null;
    archive.sqlite
      .prepare('UPDATE people SET deleted_at = NULL, merged_into = NULL, version = version + 1, updated_at = ? WHERE id = ?')
      .run(now, id);
    const person = toPerson(liveRow(archive, id));
    appendAudit(
      archive,
      {
        actor,
        action: 'restore',
        entity: 'person',
        entityId: id,
        before: { deletedAt: row.deleted_at, mergedInto: kept?.id ?? null },
        after: { ...person, deletedAt: null, mergedInto: null, ...(kept ? { meetingsStayWith: kept.id } : {}) },
      },
      now,
    );
    if (kept)
      appendAudit(
        archive,
        { actor, action: 'merge-undone', entity: 'person', entityId: kept.id, after: { restored: id, fullName: person.fullName, meetingsStay: true } },
        now,
      );
    return { person, meetingsStayWith: kept };
  })();
}
