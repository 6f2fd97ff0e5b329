import type { Connection } from './open';
import { foldVietnamese } from '../contract/vietnamese/fold';

/**
 * What an export reads to choose its meetings and size itself, from the live archive (the estimate) or
 * from the export's snapshot (the bag): the selected meetings, their photo files, how much their
 * records hold, and the records classified Mật or above.
 */

/**
 * Which meetings an export holds: every live meeting, narrowed by a date range, a tag and/or an explicit
 * list of ids (the clerk's current search results). Filters combine (AND). Trashed meetings are never
 * exported as records; meetings without a date are left out once a date range is given.
 */
export interface MeetingSelection {
  from: string | null;
  to: string | null;
  tag: string | null;
  ids: string[] | null;
}

export interface SelectedMeeting {
  id: string;
  meetingDate: string | null;
  secrecy: 'thuong' | 'mat' | 'toi_mat' | 'tuyet_mat';
}

/** Độ mật at or above Mật: such records leave the PC only encrypted. */
export const SECRET_LEVELS = new Set(['mat', 'toi_mat', 'tuyet_mat']);
const SECRET_SQL = "secrecy IN ('mat','toi_mat','tuyet_mat')";

/** The selected live meetings, by date then id (the order of the browsable pages). */
export function selectMeetings(sqlite: Connection, s: MeetingSelection): SelectedMeeting[] {
  const where = ['m.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (s.from !== null) {
    where.push('m.meeting_date >= ?');
    params.push(s.from);
  }
  if (s.to !== null) {
    where.push('m.meeting_date <= ?');
    params.push(s.to);
  }
  if (s.tag !== null) {
    where.push(
      'EXISTS (SELECT 1 FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = m.id AND t.name_folded = ?)',
    );
    params.push(foldVietnamese(s.tag.replace(/\s+/g, ' ').trim()));
  }
  if (s.ids !== null) {
    where.push('m.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(s.ids));
  }
  return sqlite
    .prepare(
      `SELECT m.id, m.meeting_date AS meetingDate, m.secrecy FROM meetings m WHERE ${where.join(' AND ')}
       ORDER BY m.meeting_date IS NULL, m.meeting_date, m.start_time, m.id`,
    )
    .all(...params) as SelectedMeeting[];
}

/**
 * The meetings of a selection inside SQL: every live meeting, or the ids given (`@ids`, a JSON array).
 * Everything is the common case and the largest; parsing 100 000 ids into a temporary index for each
 * query costs a second or more, where the live meetings' index is already there.
 */
export type SelectedIds = readonly string[] | 'all-live';
function inSelection(ids: SelectedIds): { sql: string; params: { ids?: string } } {
  return ids === 'all-live'
    ? { sql: 'IN (SELECT id FROM meetings WHERE deleted_at IS NULL)', params: {} }
    : { sql: 'IN (SELECT value FROM json_each(@ids))', params: { ids: JSON.stringify(ids) } };
}

export interface PhotoFact {
  fileHash: string;
  mime: string;
  byteSize: number;
}

/** The photo files the selected meetings name, each once, by hash. */
export function selectedPhotoFiles(sqlite: Connection, ids: SelectedIds): PhotoFact[] {
  const sel = inSelection(ids);
  return sqlite
    .prepare(
      `SELECT file_hash AS fileHash, max(mime) AS mime, max(byte_size) AS byteSize FROM photos
       WHERE meeting_id ${sel.sql} AND file_hash IS NOT NULL GROUP BY file_hash ORDER BY file_hash`,
    )
    .all(sel.params) as PhotoFact[];
}

/**
 * What the selected records hold: the bytes of their minutes (HTML and text) and their rows per part.
 * octet_length reads the minutes' size from the record header; length() would read every minutes text
 * (6 s at 100 000).
 */
export function selectionContents(
  sqlite: Connection,
  ids: SelectedIds,
): Record<'text' | 'attendance' | 'conclusions' | 'photos' | 'documents', number> {
  const sel = inSelection(ids);
  return sqlite
    .prepare(
      `SELECT (SELECT coalesce(sum(octet_length(minutes_html) + octet_length(minutes_text)), 0) FROM meetings WHERE id ${sel.sql}) AS text,
              (SELECT count(*) FROM attendance WHERE meeting_id ${sel.sql}) AS attendance,
              (SELECT count(*) FROM conclusions WHERE meeting_id ${sel.sql}) AS conclusions,
              (SELECT count(*) FROM photos WHERE meeting_id ${sel.sql}) AS photos,
              (SELECT count(*) FROM document_refs WHERE meeting_id ${sel.sql}) AS documents`,
    )
    .get(sel.params) as Record<'text' | 'attendance' | 'conclusions' | 'photos' | 'documents', number>;
}

/** The database file's size as SQLite sees it (pages × page size), WAL aside. */
export function databaseBytes(sqlite: Connection): number {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const pageCount = sqlite.pragma('page_count', { simple: true }) as number;
  return pageSize * pageCount;
}

/** Every meeting row, the trash included: the snapshot of a partial export keeps its share of the file. */
export function meetingRowCount(sqlite: Connection): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
}

/** How many meetings (the trash included) are classified Mật or above. */
export function countSecretMeetings(sqlite: Connection): number {
  return (sqlite.prepare(`SELECT count(*) AS n FROM meetings WHERE ${SECRET_SQL}`).get() as { n: number }).n;
}

/** The ids of the meetings (the trash included) classified Mật or above. */
export function secretMeetingIds(sqlite: Connection): string[] {
  return (sqlite.prepare(`SELECT id FROM meetings WHERE ${SECRET_SQL}`).all() as { id: string }[]).map((r) => r.id);
}
