import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Archive } from './open';
import { meetings, type MeetingRow } from './schema';
import { uuidv7 } from './ids';
import { viSortKey } from './collation';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { writeRecord } from './recordWrite';
import { HosoError } from '../electron/shared/errors';
import type {
  Meeting,
  MeetingFacets,
  MeetingFields,
  MeetingListPage,
  MeetingListQuery,
  MeetingSummary,
} from '../electron/shared/contract';

/** Plain minutes become simple HTML paragraphs until the rich-text editor writes HTML itself. */
export function minutesTextToHtml(textContent: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return textContent
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

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
  return {
    title: fields.title,
    titleSort: viSortKey(fields.title),
    kind: fields.kind,
    meetingDate: fields.meetingDate,
    startTime: fields.startTime,
    endTime: fields.endTime,
    location: fields.location,
    organizer: fields.organizer,
    minutesText: fields.minutesText,
    minutesHtml: minutesTextToHtml(fields.minutesText),
  };
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
    secrecy: 'thuong',
    source: options.source ?? '',
    sealHash: null,
    sealedAt: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  archive.sqlite.transaction(() => {
    archive.db.insert(meetings).values(row).run();
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

/** One page of the meetings list, sorted by date or by Vietnamese title order. */
export function listMeetings(archive: Archive, query: MeetingListQuery): MeetingListPage {
  const where = listFilter(query);
  const total = archive.db
    .select({ n: sql<number>`count(*)` })
    .from(meetings)
    .where(where)
    .get()!.n;
  const dir = query.dir === 'asc' ? sql`ASC` : sql`DESC`;
  // Undated drafts sort after dated meetings in either direction; id breaks ties stably.
  const order =
    query.sort === 'title'
      ? sql`${meetings.titleSort} ${dir}, ${meetings.id} ${dir}`
      : sql`${meetings.meetingDate} IS NULL, ${meetings.meetingDate} ${dir}, ${meetings.startTime} ${dir}, ${meetings.id} ${dir}`;
  const rows: MeetingSummary[] = archive.db
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
    .where(where)
    .orderBy(order)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { total, rows };
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

export function countMeetings(archive: Archive): number {
  return (archive.sqlite.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL').get() as { n: number }).n;
}
