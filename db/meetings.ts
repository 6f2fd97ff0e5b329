import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Archive, Connection } from './open';
import { cachedStatement } from './statementCache';
import { meetings, type MeetingRow } from './schema';
import { uuidv7 } from './ids';
import { viSortKey } from '../contract/vietnamese/collation';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { writeRecord } from './recordWrite';
import { minutesOf } from './richText';
import { HosoError } from '../contract/errors';
import type {
  Meeting,
  MeetingFacets,
  MeetingFields,
  MeetingListPage,
  MeetingListQuery,
  MeetingSummary,
} from '../contract/contract';

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    meetingDate: row.meetingDate,
    startTime: row.startTime,
    endTime: row.endTime,
    location: row.location,
    organizer: row.organizer,
    minutesText: row.minutesText,
    minutesHtml: row.minutesHtml,
    source: row.source,
    status: row.status,
    secrecy: row.secrecy,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function fieldColumns(fields: MeetingFields) {
  const minutes = minutesOf(fields);
  return {
    title: fields.title,
    titleSort: viSortKey(fields.title),
    kind: fields.kind,
    meetingDate: fields.meetingDate,
    startTime: fields.startTime,
    endTime: fields.endTime,
    location: fields.location,
    organizer: fields.organizer,
    minutesText: minutes.text,
    minutesHtml: minutes.html,
    ...(fields.secrecy !== undefined ? { secrecy: fields.secrecy } : {}),
  };
}

/**
 * A meeting row with every column but the derived ones (the title's sort key) and the trash mark, as a
 * new record (createMeeting), a merge and the demo write it. Other keys are ignored.
 */
export type MeetingColumns = Omit<MeetingRow, 'titleSort' | 'deletedAt'>;

/** Writes a new live meeting row; the title's sort key is derived here, the same way for every writer. */
export function insertMeetingRow(sqlite: Connection, v: MeetingColumns): void {
  cachedStatement(
    sqlite,
    `INSERT INTO meetings (id, title, title_sort, kind, meeting_date, start_time, end_time, location, organizer, status, secrecy,
       minutes_html, minutes_text, source, seal_hash, sealed_at, version, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  ).run(v.id, v.title, viSortKey(v.title), v.kind, v.meetingDate, v.startTime, v.endTime, v.location, v.organizer, v.status, v.secrecy,
    v.minutesHtml, v.minutesText, v.source, v.sealHash, v.sealedAt, v.version, v.createdAt, v.updatedAt);
}

/** Whether a meeting id is a live record, one in the trash, or unknown here (null). */
export function meetingState(archive: Pick<Archive, 'sqlite'>, id: string): 'live' | 'trashed' | null {
  const row = cachedStatement(archive.sqlite, 'SELECT deleted_at AS deletedAt FROM meetings WHERE id = ?').get(id) as
    | { deletedAt: number | null }
    | undefined;
  if (!row) return null;
  return row.deletedAt === null ? 'live' : 'trashed';
}

function liveRow(archive: Archive, id: string): MeetingRow {
  const row = archive.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), isNull(meetings.deletedAt)))
    .get();
  if (!row) throw new HosoError('NOT_FOUND');
  return row;
}

export function getMeeting(archive: Archive, id: string): Meeting {
  return toMeeting(liveRow(archive, id));
}

export function createMeeting(
  archive: Archive,
  fields: MeetingFields,
  actor: string,
  options: { source?: string; now?: number } = {},
): Meeting {
  const now = options.now ?? Date.now();
  const row: MeetingRow = {
    id: uuidv7(now),
    ...fieldColumns(fields),
    status: 'draft',
    secrecy: fields.secrecy ?? 'thuong',
    source: options.source ?? '',
    sealHash: null,
    sealedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  archive.sqlite.transaction(() => {
    insertMeetingRow(archive.sqlite, row);
    indexMeeting(archive, row.id);
    appendAudit(archive, { actor, action: 'create', entity: 'meeting', entityId: row.id, after: toMeeting(row) }, now);
  })();
  return toMeeting(row);
}

/**
 * Saves new field values if, and only if, the record is still at `expectedVersion`: a second window that
 * edited the same meeting meanwhile gets VERSION_CONFLICT instead of silently overwriting. A finalized
 * record is changed only with `correction` (the reason), which re-seals it (db/recordWrite.ts);
 * `action` names a restore of earlier values in the history ('restore-version').
 */
export function updateMeeting(
  archive: Archive,
  id: string,
  expectedVersion: number,
  fields: MeetingFields,
  actor: string,
  now: number = Date.now(),
  options: { correction?: string; action?: 'update' | 'restore-version' } = {},
): Meeting {
  return writeRecord(archive, id, expectedVersion, { actor, now, correction: options.correction }, (tx) => {
    const after: MeetingRow = { ...tx.meeting, ...fieldColumns(fields), version: tx.version, updatedAt: now };
    archive.db.update(meetings).set(fieldColumns(fields)).where(eq(meetings.id, id)).run();
    tx.audit({ action: options.action ?? 'update', before: toMeeting(tx.meeting), after: toMeeting(after) });
    return toMeeting(after);
  });
}

function listFilter(query: Pick<MeetingListQuery, 'year' | 'kind'>): SQL {
  const conditions: SQL[] = [isNull(meetings.deletedAt)];
  if (query.year !== null) {
    // A range on meeting_date (not substr) so the (deleted_at, meeting_date) index is used.
    conditions.push(sql`${meetings.meetingDate} >= ${`${query.year}-01-01`}`);
    conditions.push(sql`${meetings.meetingDate} <= ${`${query.year}-12-31`}`);
  }
  if (query.kind !== null) conditions.push(eq(meetings.kind, query.kind));
  return and(...conditions)!;
}

function pageIds(archive: Archive, where: SQL, order: SQL, limit: number, offset: number): string[] {
  if (limit <= 0) return [];
  return archive.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(where)
    .orderBy(order)
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => r.id);
}

/**
 * One page of the meetings list, sorted by date (undated drafts last in either direction) or by
 * Vietnamese title order. The page's ids are found on a covering index (meetings_list_*_idx: skipping
 * 50 000 rows walks the index, never the table), then only those rows are read.
 */
export function listMeetings(archive: Archive, query: MeetingListQuery): MeetingListPage {
  const where = listFilter(query);
  const count = (w: SQL) =>
    archive.db
      .select({ n: sql<number>`count(*)` })
      .from(meetings)
      .where(w)
      .get()!.n;
  const total = count(where);
  const dir = query.dir === 'asc' ? sql`ASC` : sql`DESC`;
  let ids: string[];
  if (query.sort === 'title') {
    ids = pageIds(archive, where, sql`${meetings.titleSort} ${dir}, ${meetings.id} ${dir}`, query.limit, query.offset);
  } else {
    // Dated meetings first, then undated ones, each straight off the index in the chosen direction.
    const dated = and(where, isNotNull(meetings.meetingDate))!;
    const undated = and(where, isNull(meetings.meetingDate))!;
    const byDate = sql`${meetings.meetingDate} ${dir}, ${meetings.startTime} ${dir}, ${meetings.id} ${dir}`;
    const datedTotal = count(dated);
    ids = pageIds(archive, dated, byDate, Math.min(query.limit, datedTotal - query.offset), query.offset);
    if (ids.length < query.limit) {
      ids.push(...pageIds(archive, undated, sql`${meetings.id} ${dir}`, query.limit - ids.length, Math.max(0, query.offset - datedTotal)));
    }
  }
  if (ids.length === 0) return { total, rows: [] };
  const byId = new Map(
    archive.db
      .select({
        id: meetings.id,
        title: meetings.title,
        kind: meetings.kind,
        meetingDate: meetings.meetingDate,
        startTime: meetings.startTime,
        location: meetings.location,
        organizer: meetings.organizer,
        status: meetings.status,
      })
      .from(meetings)
      .where(inArray(meetings.id, ids))
      .all()
      .map((r): [string, MeetingSummary] => [r.id, r]),
  );
  return { total, rows: ids.flatMap((id) => byId.get(id) ?? []) };
}

/** Years and kinds with their counts, for the list's filters. */
export function meetingFacets(archive: Archive): MeetingFacets {
  const years = archive.sqlite
    .prepare(
      `SELECT CAST(substr(meeting_date, 1, 4) AS INTEGER) AS year, count(*) AS count FROM meetings
       WHERE deleted_at IS NULL AND meeting_date IS NOT NULL GROUP BY 1 ORDER BY 1 DESC`,
    )
    .all() as { year: number; count: number }[];
  const kinds = archive.sqlite
    .prepare('SELECT kind, count(*) AS count FROM meetings WHERE deleted_at IS NULL GROUP BY kind ORDER BY count DESC')
    .all() as { kind: string; count: number }[];
  const undated = (
    archive.sqlite.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL AND meeting_date IS NULL').get() as {
      n: number;
    }
  ).n;
  return { years, kinds, undated };
}

/** Live meetings (the trash left out). */
export function countMeetings(archive: Pick<Archive, 'sqlite'>): number {
  return (cachedStatement(archive.sqlite, 'SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL').get() as { n: number }).n;
}
