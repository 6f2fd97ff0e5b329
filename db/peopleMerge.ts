import { createHash } from 'node:crypto';
import type { Archive } from './open';
import type { PersonRow } from './schema';
import { liveRow, MEETINGS_USING_SQL, toPerson } from './people';
import { writeRecord } from './recordWrite';
import { appendAudit } from './audit';
import { HosoError } from '../contract/errors';
import { literal, msg } from '../contract/messages/message';
import {
  PERSON_MERGE_LIST_MAX,
  PERSON_MERGE_MEETINGS_MAX,
  type PersonMergePreview,
  type PersonMergeResult,
} from '../contract/contract';
import type { ATTENDANCE_ROLES, ATTENDANCE_STATUSES } from './schema/attendance';

type AttendanceRole = (typeof ATTENDANCE_ROLES)[number];
type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/**
 * Merging two directory entries of the same person (a typo, a rank change, an import): every reference
 * to the duplicate (attendance rows, people in photos, tasks' assignees: MEETINGS_USING_SQL names them
 * all) goes to the entry kept, meeting by meeting through writeRecord, so each meeting gets its own
 * versioned, audited, indexed change, and a sealed one a correction with the clerk's reason and a new
 * seal, exactly as `meetings/correct` does. The duplicate then goes to the trash (deleted_at, as
 * people/delete) with `merged_into` naming the entry kept; the audit log keeps both entries' histories.
 * All of it is one transaction: a failure anywhere leaves the archive as it was.
 *
 * Attendance rows keep their rank, titles and unit *at the time*: only the person they point at changes.
 *
 * Both entries on one meeting's attendance list: a meeting lists a person once (the unique index), so one
 * row must go. The kept entry's row stays and the duplicate's is dropped, its role and status told in
 * the history sentence (and its whole row kept in the audit entry). Why this rule rather than a refusal:
 * the clerk chose which entry is right, and the preview shows these meetings with both rows side by side
 * before anything is done; a clerk who wants the other row's role fixes that meeting first and merges
 * after. Refusing would make them remove a row by hand (a correction, on a sealed record) to reach the
 * same result with less said in the history.
 *
 * A meeting in the trash that names the duplicate is refused (PERSON_MERGE_TRASHED, naming it): a
 * record in the trash is not edited (writeRecord refuses it), and leaving it pointing at a trashed entry
 * would bring the duplicate back with the record.
 */

interface Affected {
  id: string;
  title: string;
  meetingDate: string | null;
  status: 'draft' | 'finalized';
  version: number;
  deletedAt: number | null;
  attendance: number;
  photos: number;
  tasks: number;
}

function affectedMeetings(archive: Archive, duplicateId: string): Affected[] {
  return archive.sqlite
    .prepare(
      `SELECT m.id, m.title, m.meeting_date AS meetingDate, m.status, m.version, m.deleted_at AS deletedAt,
              (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.person_id = @id) AS attendance,
              (SELECT count(*) FROM photo_people pp JOIN photos p ON p.id = pp.photo_id WHERE p.meeting_id = m.id AND pp.person_id = @id) AS photos,
              (SELECT count(*) FROM conclusions c WHERE c.meeting_id = m.id AND c.assignee_person_id = @id) AS tasks
       FROM meetings m WHERE m.id IN (${MEETINGS_USING_SQL})
       ORDER BY m.meeting_date IS NULL, m.meeting_date DESC, m.id`,
    )
    .all({ id: duplicateId }) as Affected[];
}

interface BothRow {
  meetingId: string;
  keepRole: AttendanceRole;
  keepStatus: AttendanceStatus;
  dupRole: AttendanceRole;
  dupStatus: AttendanceStatus;
}

/** Meetings where both entries are on the attendance list, with each one's role and status. */
function bothAttending(archive: Archive, keepId: string, duplicateId: string): Map<string, BothRow> {
  const rows = archive.sqlite
    .prepare(
      `SELECT k.meeting_id AS meetingId, k.role AS keepRole, k.status AS keepStatus, d.role AS dupRole, d.status AS dupStatus
       FROM attendance k JOIN attendance d ON d.meeting_id = k.meeting_id
       WHERE k.person_id = ? AND d.person_id = ?`,
    )
    .all(keepId, duplicateId) as BothRow[];
  return new Map(rows.map((r) => [r.meetingId, r]));
}

/** The versions a preview was made from: both entries and every meeting the merge changes. */
function stampOf(keep: PersonRow, duplicate: PersonRow, meetings: readonly Affected[]): string {
  const parts = [`${keep.id}:${keep.version}`, `${duplicate.id}:${duplicate.version}`];
  for (const m of [...meetings].sort((a, b) => (a.id < b.id ? -1 : 1))) parts.push(`${m.id}:${m.version}:${m.deletedAt ?? ''}`);
  return createHash('sha256').update(parts.join('|'), 'utf8').digest('hex');
}

function pair(archive: Archive, keepId: string, duplicateId: string) {
  if (keepId === duplicateId) throw new HosoError('INVALID_INPUT', msg('input.mergeSamePerson'));
  return { keep: liveRow(archive, keepId), duplicate: liveRow(archive, duplicateId) };
}

/** What a merge would do, for the clerk to read before confirming. */
export function previewPersonMerge(archive: Archive, keepId: string, duplicateId: string): PersonMergePreview {
  return archive.sqlite.transaction(() => {
    const { keep, duplicate } = pair(archive, keepId, duplicateId);
    const meetings = affectedMeetings(archive, duplicateId);
    const both = bothAttending(archive, keepId, duplicateId);
    const brief = (m: Affected) => ({ id: m.id, title: m.title, meetingDate: m.meetingDate });
    const sealed = meetings.filter((m) => m.status === 'finalized');
    const shared = meetings.filter((m) => both.has(m.id));
    const sum = (k: 'attendance' | 'photos' | 'tasks') => meetings.reduce((n, m) => n + m[k], 0);
    return {
      keep: toPerson(keep),
      duplicate: toPerson(duplicate),
      meetings: meetings.length,
      attendance: sum('attendance'),
      photos: sum('photos'),
      tasks: sum('tasks'),
      sealed: { total: sealed.length, rows: sealed.slice(0, PERSON_MERGE_LIST_MAX).map(brief) },
      both: {
        total: shared.length,
        rows: shared.slice(0, PERSON_MERGE_LIST_MAX).map((m) => {
          const b = both.get(m.id)!;
          return {
            ...brief(m),
            keep: { role: b.keepRole, status: b.keepStatus },
            duplicate: { role: b.dupRole, status: b.dupStatus },
          };
        }),
      },
      stamp: stampOf(keep, duplicate, meetings),
    };
  })();
}

export interface PersonMergeRequest {
  keepId: string;
  duplicateId: string;
  keepVersion: number;
  duplicateVersion: number;
  stamp: string;
  reason: string;
}

/** Merges the duplicate into the entry kept (see the top of this file), in one transaction. */
export function mergePeople(archive: Archive, r: PersonMergeRequest, actor: string, now: number = Date.now()): PersonMergeResult {
  const reason = r.reason.trim();
  return archive.sqlite.transaction(() => {
    const { keep, duplicate } = pair(archive, r.keepId, r.duplicateId);
    if (keep.version !== r.keepVersion || duplicate.version !== r.duplicateVersion) throw new HosoError('VERSION_CONFLICT');
    const meetings = affectedMeetings(archive, duplicate.id);
    if (meetings.length > PERSON_MERGE_MEETINGS_MAX) throw new HosoError('PERSON_MERGE_TOO_MANY');
    const trashed = meetings.filter((m) => m.deletedAt !== null);
    if (trashed.length)
      throw new HosoError(
        'PERSON_MERGE_TRASHED',
        trashed.slice(0, 5).map((m) => literal(`«${m.title}»`)),
      );
    // Someone changed one of these meetings (or either entry) since the preview: the clerk reads it again.
    if (stampOf(keep, duplicate, meetings) !== r.stamp) throw new HosoError('VERSION_CONFLICT');
    const sealed = meetings.filter((m) => m.status === 'finalized').length;
    if (sealed > 0 && !reason) throw new HosoError('INVALID_INPUT', msg('input.required', { field: msg('field.correctionReason') }));
    const both = bothAttending(archive, keep.id, duplicate.id);
    const db = archive.sqlite;

    for (const m of meetings) {
      const options = { actor, now, correction: m.status === 'finalized' ? reason : undefined };
      writeRecord(archive, m.id, m.version, options, (tx) => {
        let dropped: Record<string, unknown> | undefined;
        if (both.has(m.id)) {
          dropped = db
            .prepare(
              `SELECT id, role, rank, titles, unit, status, absence_reason AS absenceReason, position
               FROM attendance WHERE meeting_id = ? AND person_id = ?`,
            )
            .get(m.id, duplicate.id) as Record<string, unknown>;
          db.prepare('DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?').run(m.id, duplicate.id);
        } else {
          db.prepare('UPDATE attendance SET person_id = ?, updated_at = ? WHERE meeting_id = ? AND person_id = ?').run(
            keep.id,
            now,
            m.id,
            duplicate.id,
          );
        }
        // A photo that shows both entries shows one person: the duplicate's tag goes, the kept one stays.
        const photosOfMeeting = 'SELECT id FROM photos WHERE meeting_id = @meeting';
        db.prepare(
          `DELETE FROM photo_people WHERE person_id = @dup AND photo_id IN (${photosOfMeeting})
             AND photo_id IN (SELECT photo_id FROM photo_people WHERE person_id = @keep)`,
        ).run({ dup: duplicate.id, keep: keep.id, meeting: m.id });
        db.prepare(`UPDATE photo_people SET person_id = @keep WHERE person_id = @dup AND photo_id IN (${photosOfMeeting})`).run({
          dup: duplicate.id,
          keep: keep.id,
          meeting: m.id,
        });
        db.prepare('UPDATE conclusions SET assignee_person_id = ?, updated_at = ? WHERE meeting_id = ? AND assignee_person_id = ?').run(
          keep.id,
          now,
          m.id,
          duplicate.id,
        );
        tx.audit({
          action: 'people.merge',
          before: { personId: duplicate.id, duplicate: duplicate.fullName, ...(dropped ? { droppedRow: dropped } : {}) },
          after: { personId: keep.id, kept: keep.fullName, moved: { attendance: m.attendance, photos: m.photos, tasks: m.tasks } },
        });
      });
    }

    const left = db.prepare(`SELECT count(*) AS n FROM (${MEETINGS_USING_SQL})`).get({ id: duplicate.id }) as { n: number };
    if (left.n !== 0) throw new HosoError('VERSION_CONFLICT');
    db.prepare('UPDATE people SET deleted_at = ?, merged_into = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
      now,
      keep.id,
      now,
      duplicate.id,
    );
    const summary = { meetings: meetings.length, corrected: sealed };
    appendAudit(
      archive,
      { actor, action: 'merge-into', entity: 'person', entityId: duplicate.id, before: toPerson(duplicate), after: { mergedInto: keep.id, ...summary }, reason },
      now,
    );
    appendAudit(
      archive,
      { actor, action: 'merge-from', entity: 'person', entityId: keep.id, after: { mergedFrom: duplicate.id, fullName: duplicate.fullName, ...summary }, reason },
      now,
    );
    return { keep: toPerson(keep), ...summary };
  })();
}
