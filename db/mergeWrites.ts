import Database from 'better-sqlite3';
import type { Connection } from './open';
import { applyMigrations } from './migrate';
import { MIGRATIONS } from './migrations/bundle.generated';
import type { MeetingColumns } from './meetings';
import { viSortKey } from '../contract/vietnamese/collation';
import { cachedStatement } from './statementCache';

/**
 * The writes only a merge makes: a record replaced by the other PC's version keeps its id, so its row is
 * overwritten whole (out of the trash if it was there) and its parts are deleted before the bag's are
 * inserted (db/attendance.ts, photos.ts, conclusions.ts, documentRefs.ts, tags.ts write those).
 */

export function replaceMeetingRow(sqlite: Connection, v: MeetingColumns): void {
  cachedStatement(
    sqlite,
    `UPDATE meetings SET title = @title, title_sort = @titleSort, kind = @kind, meeting_date = @meetingDate, start_time = @startTime,
       end_time = @endTime, location = @location, organizer = @organizer, status = @status, secrecy = @secrecy,
       minutes_html = @minutesHtml, minutes_text = @minutesText, source = @source, seal_hash = @sealHash, sealed_at = @sealedAt,
       version = @version, created_at = @createdAt, updated_at = @updatedAt, deleted_at = NULL
     WHERE id = @id`,
  ).run({ ...v, titleSort: viSortKey(v.title) });
}

/** The tables holding a record's parts; photo_people goes with its photos by cascade. */
const PART_TABLES = ['attendance', 'photos', 'conclusions', 'document_refs', 'meeting_tags'] as const;

export function deleteMeetingParts(sqlite: Connection, meetingId: string): void {
  for (const table of PART_TABLES) cachedStatement(sqlite, `DELETE FROM ${table} WHERE meeting_id = ?`).run(meetingId);
}

/**
 * A private, empty archive in memory (the same schema), where a bag's sealed record is written exactly
 * as a merge would write it so that db/seal.ts can compute its seal before the real archive is touched.
 * Foreign keys are off: the record's people and tags need not be there for its seal.
 */
export function openScratchArchive(nativeBinding?: string): { sqlite: Connection; close(): void } {
  const sqlite = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  applyMigrations(sqlite, MIGRATIONS);
  sqlite.pragma('foreign_keys = OFF');
  return { sqlite, close: () => sqlite.close() };
}

const ROLLBACK = Symbol('rollback');

/** Runs `body` in a transaction that is always rolled back, and returns what it computed. */
export function rolledBack<T>(sqlite: Connection, body: () => T): T {
  let out: { value: T } | null = null;
  try {
    sqlite.transaction(() => {
      out = { value: body() };
      throw ROLLBACK;
    })();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return (out as { value: T } | null)!.value;
}

/** A write transaction held open across turns of the event loop (see `beginImmediate`). */
export interface OpenTransaction {
  /** Commits; when COMMIT itself fails (a full disk), rolls back and throws. */
  commit(): void;
  /** Rolls back whatever was written since BEGIN; harmless after commit or twice. */
  rollback(): void;
}

/**
 * Opens a write transaction that the caller commits or rolls back itself, so that a long merge can
 * await between meetings (progress, Hủy) and still be one transaction.
 *
 * better-sqlite3's `transaction()` wraps one synchronous function and refuses a promise, and a worker
 * thread would need a second connection whose transaction blocks every write of this one for as long;
 * plain BEGIN / COMMIT on the one connection is what is sound here. IMMEDIATE takes the write lock at
 * once: another process (the CLI) waits on it (busy timeout) instead of writing in between. Inside it,
 * `transaction()` of the repositories nests as SAVEPOINTs, as usual. Everything else this process sends
 * over the connection meanwhile lands in this transaction: services/writeGate.ts keeps the writes out.
 */
export function beginImmediate(sqlite: Connection): OpenTransaction {
  if (sqlite.inTransaction) throw new Error('beginImmediate: a transaction is already open on this connection');
  sqlite.exec('BEGIN IMMEDIATE');
  let open = true;
  const rollback = () => {
    if (!open) return;
    open = false;
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  };
  return {
    commit: () => {
      if (!open) return;
      try {
        sqlite.exec('COMMIT');
        open = false;
      } catch (e) {
        rollback();
        throw e;
      }
    },
    rollback,
  };
}
