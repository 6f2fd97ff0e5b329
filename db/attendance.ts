import type { Archive, Connection } from './open';
import { cachedStatement } from './statementCache';
import { uuidv7 } from './ids';
import { createPerson } from './people';
import { foldName } from '../contract/vietnamese/fold';
import { rankSeniority } from '../contract/attendanceParse';
import { titlePrecedence } from '../contract/titlePrecedence';
import { countAttendance } from '../contract/attendanceCounts';
import { meetingRow, nextPosition, removePartRow, reorderPart, writeRecord, type RecordTx, type WriteOptions } from './recordWrite';
import { HosoError } from '../contract/errors';
import { literal, msg } from '../contract/messages/message';
import {
  ATTENDANCE_BATCH_MAX,
  ATTENDANCE_STATUS_BATCH_MAX,
  type AttendanceList,
  type AttendanceRow,
  type AttendeeFields,
  type PersonMeetings,
  type recordChannels,
} from '../contract/recordContract';
import type { z } from 'zod';

/**
 * Attendance (thành phần dự họp): who took part in a meeting, in which role, with the rank, titles and
 * unit they had *at the time*. Those are copied from the directory when a row is added and belong to the
 * row from then on: a later promotion in the directory leaves old meetings as they were.
 */

type Role = AttendanceRow['role'];
type AddInput = z.output<(typeof recordChannels)['attendance/add']['input']>;
type AddManyInput = z.output<(typeof recordChannels)['attendance/add-many']['input']>;
type StatusChange = z.output<(typeof recordChannels)['attendance/set-statuses']['input']>['rows'][number];

/** Protocol order of the roles: chairs first, then everyone who attended (ordered by title), the secretary last. */
const PROTOCOL_ROLE: Record<Role, number> = { chu_tri: 0, dong_chu_tri: 1, khach_moi: 2, dai_bieu: 2, thu_ky: 3 };

type Row = AttendanceRow & { nameSort: string };

const ROWS_SQL = `SELECT a.id, a.person_id AS personId, p.full_name AS fullName, p.name_sort AS nameSort, a.role, a.rank, a.titles,
  a.unit, a.status, a.absence_reason AS absenceReason, a.position
  FROM attendance a JOIN people p ON p.id = a.person_id`;

function rows(archive: Archive, meetingId: string): Row[] {
  return archive.sqlite.prepare(`${ROWS_SQL} WHERE a.meeting_id = ? ORDER BY a.position, a.id`).all(meetingId) as Row[];
}

function row(archive: Archive, meetingId: string, id: string): Row {
  const r = archive.sqlite.prepare(`${ROWS_SQL} WHERE a.id = ? AND a.meeting_id = ?`).get(id, meetingId) as Row | undefined;
  if (!r) throw new HosoError('NOT_FOUND', msg('recordDetail.attendee'));
  return r;
}

/** The row as the contract has it (also what the audit log keeps: the row and whose it is). */
const publicRow = ({ nameSort: _, ...r }: Row): AttendanceRow => r;

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * position: as entered; name: Vietnamese name order (given name, middle, family), then as entered;
 * protocol: chairs, then by the precedence of the titles held at the meeting (contract/titlePrecedence:
 * Bộ Chính trị … province above district above commune), then rank seniority (Đại tướng first) where
 * titles tie, then guests before the host's own people, then as entered; the secretary last.
 */
export function sortAttendance<T extends Row>(list: T[], order: 'position' | 'protocol' | 'name'): T[] {
  const sorted = [...list];
  if (order === 'protocol') {
    const keyOf = (r: T) => [PROTOCOL_ROLE[r.role], -titlePrecedence(r.titles), rankSeniority(r.rank), r.role === 'khach_moi' ? 0 : 1, r.position];
    const keys = new Map(list.map((r) => [r.id, keyOf(r)]));
    sorted.sort((a, b) => {
      const ka = keys.get(a.id)!;
      const kb = keys.get(b.id)!;
      return ka.reduce((c, x, i) => c || cmp(x, kb[i]!), 0);
    });
  } else if (order === 'name') {
    sorted.sort((a, b) => cmp(a.nameSort, b.nameSort) || cmp(a.position, b.position));
  } else {
    sorted.sort((a, b) => cmp(a.position, b.position));
  }
  return sorted;
}

export function listAttendance(archive: Archive, meetingId: string, order: 'position' | 'protocol' | 'name' = 'position'): AttendanceList {
  const meeting = meetingRow(archive, meetingId);
  const list = sortAttendance(rows(archive, meetingId), order).map(publicRow);
  return { meetingId, meetingVersion: meeting.version, rows: list, counts: countAttendance(list) };
}

/** A reason is kept only for "vắng có lý do", and that status needs one. */
function absenceReason(status: AttendanceRow['status'], reason: string): string {
  if (status !== 'vang_co_ly_do') return '';
  if (!reason.trim()) throw new HosoError('INVALID_INPUT', msg('input.absenceReasonRequired'));
  return reason.trim();
}

interface Person {
  id: string;
  fullName: string;
  rank: string;
  title: string;
  unit: string;
}

function livePerson(archive: Archive, id: string): Person {
  const p = archive.sqlite
    .prepare('SELECT id, full_name AS fullName, rank, title, unit FROM people WHERE id = ? AND deleted_at IS NULL')
    .get(id) as Person | undefined;
  if (!p) throw new HosoError('NOT_FOUND', msg('recordDetail.personInDirectory'));
  return p;
}

function attendingPeople(archive: Archive, meetingId: string): Set<string> {
  return new Set(archive.sqlite.prepare('SELECT person_id FROM attendance WHERE meeting_id = ?').pluck().all(meetingId) as string[]);
}

/** An attendance row with every column, as the screens, a merge and the demo write it. Other keys are ignored. */
export interface AttendanceColumns {
  id: string;
  meetingId: string;
  personId: string;
  role: Role;
  rank: string;
  titles: string;
  unit: string;
  status: AttendanceRow['status'];
  absenceReason: string;
  position: number;
  createdAt: number;
  updatedAt: number;
}

export function insertAttendanceRow(sqlite: Connection, r: AttendanceColumns): void {
  cachedStatement(
    sqlite,
    `INSERT INTO attendance (id, meeting_id, person_id, role, rank, titles, unit, status, absence_reason, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.id, r.meetingId, r.personId, r.role, r.rank, r.titles, r.unit, r.status, r.absenceReason, r.position, r.createdAt, r.updatedAt);
}

function insertRow(
  archive: Archive,
  tx: RecordTx,
  r: Omit<AttendanceColumns, 'id' | 'meetingId' | 'createdAt' | 'updatedAt'>,
): string {
  const id = uuidv7(tx.now);
  insertAttendanceRow(archive.sqlite, { ...r, id, meetingId: tx.meeting.id, createdAt: tx.now, updatedAt: tx.now });
  return id;
}

/** Adds one person: from the directory, or created in it now; rank/titles/unit copied unless given. */
export function addAttendee(archive: Archive, meetingId: string, version: number, input: Omit<AddInput, 'meetingId' | 'version'>, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const reason = absenceReason(input.status, input.absenceReason);
    let person: Person;
    if (input.person.kind === 'existing') {
      person = livePerson(archive, input.person.id);
      if (attendingPeople(archive, meetingId).has(person.id)) throw new HosoError('DUPLICATE_ATTENDEE', literal(person.fullName));
    } else {
      const p = input.person;
      person = createPerson(archive, { fullName: p.fullName, rank: p.rank, title: p.title, unit: p.unit, notes: '' }, tx.actor, tx.now);
    }
    const id = insertRow(archive, tx, {
      personId: person.id,
      role: input.role,
      rank: input.rank ?? person.rank,
      titles: input.titles ?? person.title,
      unit: input.unit ?? person.unit,
      status: input.status,
      absenceReason: reason,
      position: nextPosition(archive, 'attendance', meetingId),
    });
    const added = row(archive, meetingId, id);
    tx.audit({ action: 'attendance.add', after: publicRow(added) });
    return { meetingVersion: tx.version, row: publicRow(added) };
  });
}

/**
 * Adds a confirmed pasted list in one go: rows naming a directory person use that person, the others
 * create new people. All or nothing: a person already on the list, or twice in the batch, refuses the
 * whole batch with their names.
 */
export function addAttendees(archive: Archive, meetingId: string, version: number, input: Omit<AddManyInput, 'meetingId' | 'version'>, w: WriteOptions) {
  if (input.rows.length > ATTENDANCE_BATCH_MAX) throw new HosoError('ATTENDANCE_TOO_MANY');
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const attending = attendingPeople(archive, meetingId);
    const seenPeople = new Set<string>();
    const seenNewNames = new Set<string>();
    const duplicates: string[] = [];
    const resolved = input.rows.map((r) => {
      if (r.personId) {
        const person = livePerson(archive, r.personId);
        if (attending.has(person.id) || seenPeople.has(person.id)) duplicates.push(person.fullName);
        seenPeople.add(person.id);
        return { r, person };
      }
      const folded = foldName(r.fullName);
      if (seenNewNames.has(folded)) duplicates.push(r.fullName);
      seenNewNames.add(folded);
      return { r, person: null };
    });
    if (duplicates.length) throw new HosoError('DUPLICATE_ATTENDEE', literal([...new Set(duplicates)].slice(0, 10).join('; ')));
    let position = nextPosition(archive, 'attendance', meetingId);
    let createdPeople = 0;
    const added: string[] = [];
    for (const { r, person } of resolved) {
      const p =
        person ??
        (createdPeople++, createPerson(archive, { fullName: r.fullName, rank: r.rank, title: r.titles, unit: r.unit, notes: '' }, tx.actor, tx.now));
      insertRow(archive, tx, {
        personId: p.id,
        role: r.role ?? input.role,
        rank: r.rank || p.rank,
        titles: r.titles || p.title,
        unit: r.unit || p.unit,
        status: 'co_mat',
        absenceReason: '',
        position: position++,
      });
      added.push([r.rank || p.rank, p.fullName].filter(Boolean).join(' '));
    }
    tx.audit({ action: 'attendance.add-many', after: added });
    return { meetingVersion: tx.version, added: added.length, createdPeople };
  });
}

export function updateAttendee(archive: Archive, meetingId: string, version: number, id: string, fields: AttendeeFields, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const before = row(archive, meetingId, id);
    const reason = absenceReason(fields.status, fields.absenceReason);
    archive.sqlite
      .prepare('UPDATE attendance SET role = ?, rank = ?, titles = ?, unit = ?, status = ?, absence_reason = ?, updated_at = ? WHERE id = ?')
      .run(fields.role, fields.rank, fields.titles, fields.unit, fields.status, reason, tx.now, id);
    const after = row(archive, meetingId, id);
    tx.audit({ action: 'attendance.update', before: publicRow(before), after: publicRow(after) });
    return { meetingVersion: tx.version, row: publicRow(after) };
  });
}

/**
 * The quick grid's save: many rows' status (and reason) in one transaction. Each row that really changes
 * is audited as its own 'attendance.update', before and after, exactly as a single-row edit is, so the
 * history words both alike ("Sửa thông tin dự họp của …, Trạng thái: Vắng → Có mặt"). A row of another
 * meeting or gone meanwhile refuses the whole save (NOT_FOUND); rows sent unchanged are not written.
 */
export function setAttendanceStatuses(archive: Archive, meetingId: string, version: number, changes: readonly StatusChange[], w: WriteOptions) {
  if (changes.length > ATTENDANCE_STATUS_BATCH_MAX) throw new HosoError('INVALID_INPUT', msg('input.attendanceStatusesTooMany', { max: ATTENDANCE_STATUS_BATCH_MAX }));
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const current = new Map(rows(archive, meetingId).map((r) => [r.id, r]));
    const set = cachedStatement(archive.sqlite, 'UPDATE attendance SET status = ?, absence_reason = ?, updated_at = ? WHERE id = ?');
    let changed = 0;
    for (const c of changes) {
      const before = current.get(c.id);
      if (!before) throw new HosoError('NOT_FOUND', msg('recordDetail.attendee'));
      const reason = absenceReason(c.status, c.absenceReason);
      if (before.status === c.status && before.absenceReason === reason) continue;
      set.run(c.status, reason, tx.now, c.id);
      const after = { ...before, status: c.status, absenceReason: reason };
      tx.audit({ action: 'attendance.update', before: publicRow(before), after: publicRow(after) });
      changed++;
    }
    return { meetingVersion: tx.version, changed };
  });
}

export function removeAttendee(archive: Archive, meetingId: string, version: number, id: string, w: WriteOptions) {
  return removePartRow(
    archive,
    'attendance',
    meetingId,
    version,
    w,
    () => publicRow(row(archive, meetingId, id)),
    // Photos of this meeting may name the person, who is no longer an attendee to be named in them.
    (r) =>
      archive.sqlite
        .prepare('DELETE FROM photo_people WHERE person_id = ? AND photo_id IN (SELECT id FROM photos WHERE meeting_id = ?)')
        .run(r.personId, meetingId),
  );
}

export function reorderAttendance(archive: Archive, meetingId: string, version: number, ids: readonly string[], w: WriteOptions) {
  return reorderPart(archive, 'attendance', meetingId, version, ids, w, () => new Map(rows(archive, meetingId).map((r) => [r.id, r.fullName])));
}

/** Every live meeting a person attended, newest first, with their role and rank at the time. */
export function personMeetings(archive: Archive, personId: string, page: { offset: number; limit: number }): PersonMeetings {
  livePerson(archive, personId);
  const from = `FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.person_id = ? AND m.deleted_at IS NULL`;
  const total = (archive.sqlite.prepare(`SELECT count(*) AS n ${from}`).get(personId) as { n: number }).n;
  const list = archive.sqlite
    .prepare(
      `SELECT m.id AS meetingId, m.title, m.kind, m.meeting_date AS meetingDate, m.status, a.role, a.rank, a.titles, a.status AS attendanceStatus
       ${from} ORDER BY m.meeting_date IS NULL, m.meeting_date DESC, m.start_time DESC, m.id DESC LIMIT ? OFFSET ?`,
    )
    .all(personId, page.limit, page.offset) as PersonMeetings['rows'];
  return { total, rows: list };
}
