import type { Connection } from './open';
import type { MeetingColumns } from './meetings';
import type { PersonRecord } from './people';
import { cachedStatement } from './statementCache';

/**
 * Whole rows of a batch of meeting records, as a bag's meeting JSON holds them (timestamps included,
 * which the screens' views leave out, so a merge copies the record exactly). Read by the export
 * (services/archive/meetingJson.ts, in worker threads too) and by the merge, which compares a bag's
 * records with these.
 */

/**
 * The parts of a batch of meetings, each query over every meeting of the batch at once (an export of
 * 100 000 meetings runs them 500 times, not 100 000 times), ordered so each meeting's rows come out
 * in the record's order.
 *
 * Every query starts from the batch's ids (`json_each`) and looks each one up by its index (CROSS JOIN
 * fixes that order). Written as `WHERE id IN (…) AND deleted_at IS NULL`, SQLite's planner chose to
 * walk the whole live-meetings index and test each row against the batch: 100 000 meetings exported
 * in batches of 200 read that index 500 times (38 s of a 100k export; 0.8 s this way).
 */
const BATCH = 'json_each(?) batch CROSS JOIN';
const MEETING_COLUMNS = `m.id, m.title, m.kind, m.meeting_date AS meetingDate, m.start_time AS startTime, m.end_time AS endTime,
                    m.location, m.organizer, m.status, m.secrecy, m.minutes_html AS minutesHtml, m.minutes_text AS minutesText, m.source,
                    m.seal_hash AS sealHash, m.sealed_at AS sealedAt, m.version, m.created_at AS createdAt, m.updated_at AS updatedAt`;
const rowsSql = {
  meetings: `SELECT ${MEETING_COLUMNS} FROM ${BATCH} meetings m ON m.id = batch.value WHERE m.deleted_at IS NULL`,
  trashedMeetings: `SELECT ${MEETING_COLUMNS} FROM ${BATCH} meetings m ON m.id = batch.value WHERE m.deleted_at IS NOT NULL`,
  attendance: `SELECT a.meeting_id AS meetingId, a.id, a.person_id AS personId, p.full_name AS fullName, a.role, a.rank, a.titles, a.unit, a.status,
                      a.absence_reason AS absenceReason, a.position, a.created_at AS createdAt, a.updated_at AS updatedAt
               FROM ${BATCH} attendance a ON a.meeting_id = batch.value JOIN people p ON p.id = a.person_id ORDER BY a.meeting_id, a.position, a.id`,
  photos: `SELECT ph.meeting_id AS meetingId, ph.id, ph.file_hash AS fileHash, ph.mime, ph.byte_size AS byteSize, ph.width, ph.height, ph.caption,
                  ph.credit, ph.taken_at AS takenAt, ph.position, ph.created_at AS createdAt, ph.updated_at AS updatedAt,
                  coalesce((SELECT json_group_array(person_id) FROM (SELECT person_id FROM photo_people WHERE photo_id = ph.id ORDER BY person_id)), '[]') AS people
           FROM ${BATCH} photos ph ON ph.meeting_id = batch.value ORDER BY ph.meeting_id, ph.position, ph.id`,
  conclusions: `SELECT c.meeting_id AS meetingId, c.id, c.position, c.text, c.is_task AS isTask, c.assignee_person_id AS assigneePersonId,
                       c.assignee_unit AS assigneeUnit, c.deadline, c.task_status AS taskStatus, c.done_at AS doneAt, c.created_at AS createdAt,
                       c.updated_at AS updatedAt
                FROM ${BATCH} conclusions c ON c.meeting_id = batch.value ORDER BY c.meeting_id, c.position, c.id`,
  documents: `SELECT d.meeting_id AS meetingId, d.id, d.number, d.doc_type AS docType, d.issued_on AS issuedOn, d.issuer, d.summary, d.position,
                     d.created_at AS createdAt, d.updated_at AS updatedAt
              FROM ${BATCH} document_refs d ON d.meeting_id = batch.value ORDER BY d.meeting_id, d.position, d.id`,
  tags: `SELECT mt.meeting_id AS meetingId, t.id, t.name FROM ${BATCH} meeting_tags mt ON mt.meeting_id = batch.value
         JOIN tags t ON t.id = mt.tag_id ORDER BY mt.meeting_id, t.name_folded, t.id`,
  people: `SELECT p.id, p.full_name AS fullName, p.rank, p.title, p.unit, p.notes, p.version, p.created_at AS createdAt, p.updated_at AS updatedAt
           FROM ${BATCH} people p ON p.id = batch.value ORDER BY p.name_sort, p.id`,
};

export type PartRow = Record<string, unknown>;
type Row = Record<string, unknown> & { meetingId: string };

/** Rows of one part, grouped by meeting (the query's order kept), without the grouping column. */
function byMeeting(rows: Row[]): Map<string, PartRow[]> {
  const out = new Map<string, PartRow[]>();
  for (const { meetingId, ...rest } of rows) {
    let list = out.get(meetingId);
    if (!list) out.set(meetingId, (list = []));
    list.push(rest);
  }
  return out;
}

/** A batch's meetings and their parts, each part's rows grouped by meeting in the record's order. */
export interface RecordRows {
  meetings: Map<string, MeetingColumns>;
  attendance: Map<string, PartRow[]>;
  /** `people` of a photo is a JSON array of person ids, sorted. */
  photos: Map<string, PartRow[]>;
  /** `isTask` of a conclusion is 0 or 1. */
  conclusions: Map<string, PartRow[]>;
  documents: Map<string, PartRow[]>;
  tags: Map<string, PartRow[]>;
}

/** The live meetings of `meetingIds` (or those in the trash) with their parts; call inside a transaction. */
export function readRecordRows(sqlite: Connection, meetingIds: readonly string[], trashed: boolean): RecordRows {
  const ids = JSON.stringify(meetingIds);
  const all = (sql: string) => cachedStatement(sqlite, sql).all(ids) as Row[];
  return {
    meetings: new Map(
      (cachedStatement(sqlite, trashed ? rowsSql.trashedMeetings : rowsSql.meetings).all(ids) as MeetingColumns[]).map((m) => [m.id, m]),
    ),
    attendance: byMeeting(all(rowsSql.attendance)),
    photos: byMeeting(all(rowsSql.photos)),
    conclusions: byMeeting(all(rowsSql.conclusions)),
    documents: byMeeting(all(rowsSql.documents)),
    tags: byMeeting(all(rowsSql.tags)),
  };
}

/** The directory rows of the people a batch names, in directory order. */
export function readPeopleRows(sqlite: Connection, personIds: readonly string[]): PersonRecord[] {
  return cachedStatement(sqlite, rowsSql.people).all(JSON.stringify(personIds)) as PersonRecord[];
}
