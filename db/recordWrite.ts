import type { Archive } from './open';
import type { MeetingRow } from './schema';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { writeSeal } from './seal';
import { cachedStatement } from './statementCache';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';

/**
 * Every change to a meeting record (its own fields or a part: attendance, conclusions, documents,
 * tags) goes through `writeRecord`, which holds the rules in one place:
 * - one transaction: the change, its audit entries, the meeting's new version and its search entry
 *   commit together or not at all;
 * - the change names the version the clerk's screen started from (VERSION_CONFLICT otherwise) and moves
 *   the meeting to the next one;
 * - a finalized record refuses changes (MEETING_FINALIZED) unless the write is a correction: then every
 *   audit entry carries the reason, an entry 'correct' records the old and new seal, and the record is
 *   sealed again over its corrected content.
 */

export interface WriteOptions {
  actor: string;
  now?: number;
  /** The reason of a correction to a finalized record; absent for ordinary edits of a draft. */
  correction?: string;
  /**
   * Follow-up that is not part of the sealed content (a task's status): allowed on a finalized record
   * without a correction, and leaves the seal as it is.
   */
  followUp?: boolean;
}

export interface RecordTx {
  /** The meeting as it was before the change. */
  meeting: MeetingRow;
  /** The version the meeting moves to. */
  version: number;
  now: number;
  actor: string;
  /** Appends an audit entry about this meeting (entity 'meeting'), with the correction's reason if any. */
  audit(entry: { action: string; before?: unknown; after?: unknown }): void;
}

export function meetingRow(
  archive: Pick<Archive, 'sqlite'>,
  id: string,
  options: { trashed?: boolean } = {},
): MeetingRow {
  const row = cachedStatement(
    archive.sqlite,
    `SELECT id, title, title_sort AS titleSort, kind, meeting_date AS meetingDate, start_time AS startTime, end_time AS endTime,
              location, organizer, status, secrecy, minutes_html AS minutesHtml, minutes_text AS minutesText, source,
              seal_hash AS sealHash, sealed_at AS sealedAt, version, created_at AS createdAt, updated_at AS updatedAt,
              deleted_at AS deletedAt
       FROM meetings WHERE id = ? AND deleted_at IS ${options.trashed ? 'NOT ' : ''}NULL`,
  ).get(id) as MeetingRow | undefined;
  if (!row) throw new HosoError(options.trashed ? 'NOT_IN_TRASH' : 'NOT_FOUND');
  return row;
}

/** Runs `change` as one audited, versioned, indexed (and, for a correction, re-sealed) write. */
export function writeRecord<T>(
  archive: Archive,
  meetingId: string,
  expectedVersion: number,
  options: WriteOptions,
  change: (tx: RecordTx) => T,
): T {
  const now = options.now ?? Date.now();
  const reason = options.correction?.trim() ?? '';
  const correcting = options.correction !== undefined;
  if (correcting && !reason) throw new HosoError('INVALID_INPUT', msg('input.required', { field: msg('field.correctionReason') }));
  return archive.sqlite.transaction(() => {
    const meeting = meetingRow(archive, meetingId);
    if (meeting.status === 'finalized' && !correcting && !options.followUp)
      throw new HosoError('MEETING_FINALIZED');
    if (meeting.status !== 'finalized' && correcting) throw new HosoError('MEETING_NOT_FINALIZED');
    if (meeting.version !== expectedVersion) throw new HosoError('VERSION_CONFLICT');
    const tx: RecordTx = {
      meeting,
      version: expectedVersion + 1,
      now,
      actor: options.actor,
      audit: (entry) =>
        appendAudit(
          archive,
          { ...entry, actor: options.actor, entity: 'meeting', entityId: meetingId, reason },
          now,
        ),
    };
    const result = change(tx);
    const moved = archive.sqlite
      .prepare('UPDATE meetings SET version = ?, updated_at = ? WHERE id = ? AND version = ?')
      .run(tx.version, now, meetingId, expectedVersion).changes;
    if (moved !== 1) throw new HosoError('VERSION_CONFLICT');
    indexMeeting(archive, meetingId);
    if (correcting) {
      const seal = writeSeal(archive, meetingId, now);
      tx.audit({
        action: 'correct',
        before: { sealHash: meeting.sealHash, sealedAt: meeting.sealedAt, version: meeting.version },
        after: { sealHash: seal.sealHash, sealedAt: seal.sealedAt, version: tx.version, parts: seal.parts },
      });
    }
    return result;
  })();
}

export type PartTable = 'attendance' | 'conclusions' | 'document_refs';
/** The part's name in audit actions ("documents.remove") and history. */
const PART_NAME: Record<PartTable, string> = {
  attendance: 'attendance',
  conclusions: 'conclusions',
  document_refs: 'documents',
};

/** The position after the last row of a part (photos included): where a new row goes. */
export function nextPosition(archive: Archive, table: PartTable | 'photos', meetingId: string): number {
  return (
    archive.sqlite
      .prepare(`SELECT coalesce(max(position) + 1, 0) AS n FROM ${table} WHERE meeting_id = ?`)
      .get(meetingId) as { n: number }
  ).n;
}

/**
 * Puts a part's rows in the order given, which must name exactly the rows the list has now, each once
 * (ORDER_MISMATCH otherwise: the list changed in another window). `labels` gives, in the current order,
 * what the audit log shows of each row (a name, a number, the start of a text).
 */
export function reorderPart(
  archive: Archive,
  table: PartTable,
  meetingId: string,
  version: number,
  ids: readonly string[],
  w: WriteOptions,
  labels: () => Map<string, string>,
): { meetingVersion: number } {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const current = labels();
    const given = new Set(ids);
    if (
      given.size !== ids.length ||
      given.size !== current.size ||
      [...current.keys()].some((id) => !given.has(id))
    ) {
      throw new HosoError('ORDER_MISMATCH');
    }
    const set = archive.sqlite.prepare(`UPDATE ${table} SET position = ?, updated_at = ? WHERE id = ?`);
    ids.forEach((id, i) => set.run(i, tx.now, id));
    tx.audit({
      action: `${PART_NAME[table]}.reorder`,
      before: [...current.values()],
      after: ids.map((id) => current.get(id)),
    });
    return { meetingVersion: tx.version };
  });
}

/** Removes one row of a part (found by `load`, NOT_FOUND there) and closes the gap it leaves in the order. */
export function removePartRow<R extends { id: string; position: number }>(
  archive: Archive,
  table: PartTable,
  meetingId: string,
  version: number,
  w: WriteOptions,
  load: () => R,
  beforeDelete?: (row: R) => void,
): { meetingVersion: number } {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const before = load();
    beforeDelete?.(before);
    archive.sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(before.id);
    archive.sqlite
      .prepare(
        `UPDATE ${table} SET position = position - 1, updated_at = ? WHERE meeting_id = ? AND position > ?`,
      )
      .run(tx.now, meetingId, before.position);
    tx.audit({ action: `${PART_NAME[table]}.remove`, before });
    return { meetingVersion: tx.version };
  });
}
