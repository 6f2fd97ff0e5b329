import type { Archive, Connection } from './open';
import { cachedStatement } from './statementCache';
import { uuidv7 } from './ids';
import { foldVietnamese } from '../contract/vietnamese/fold';
import { meetingRow, nextPosition, removePartRow, reorderPart, writeRecord, type WriteOptions } from './recordWrite';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import type { Conclusion, ConclusionFields, ConclusionList, TaskPage, TaskQuery } from '../contract/recordContract';

/**
 * Conclusions (kết luận) of a meeting, in order; any of them can be a task (nhiệm vụ) with an assignee
 * (a person from the directory and/or a unit), a deadline and a status. The tasks of all meetings form
 * one follow-up list, overdue first.
 */

const COLUMNS = `c.id, c.meeting_id AS meetingId, c.position, c.text, c.is_task AS isTask, c.assignee_person_id AS assigneePersonId,
  coalesce(p.full_name, '') AS assigneeName, c.assignee_unit AS assigneeUnit, c.deadline, c.task_status AS taskStatus, c.done_at AS doneAt`;
const SELECT = `SELECT ${COLUMNS} FROM conclusions c LEFT JOIN people p ON p.id = c.assignee_person_id`;

type Raw = Omit<Conclusion, 'isTask'> & { isTask: number };
const toConclusion = (r: Raw): Conclusion => ({ ...r, isTask: r.isTask === 1 });

function one(archive: Archive, meetingId: string, id: string): Conclusion {
  const r = archive.sqlite.prepare(`${SELECT} WHERE c.id = ? AND c.meeting_id = ?`).get(id, meetingId) as Raw | undefined;
  if (!r) throw new HosoError('NOT_FOUND', msg('recordDetail.conclusion'));
  return toConclusion(r);
}

function all(archive: Archive, meetingId: string): Conclusion[] {
  return (archive.sqlite.prepare(`${SELECT} WHERE c.meeting_id = ? ORDER BY c.position, c.id`).all(meetingId) as Raw[]).map(toConclusion);
}

export function listConclusions(archive: Archive, meetingId: string): ConclusionList {
  const meeting = meetingRow(archive, meetingId);
  return { meetingId, meetingVersion: meeting.version, rows: all(archive, meetingId) };
}

/** The columns for the fields: a conclusion that is not a task keeps no task data; a task starts "chưa làm". */
function columns(archive: Archive, fields: ConclusionFields, before: Conclusion | null, now: number) {
  if (fields.assigneePersonId) {
    const known = archive.sqlite.prepare('SELECT 1 FROM people WHERE id = ? AND deleted_at IS NULL').get(fields.assigneePersonId);
    if (!known) throw new HosoError('NOT_FOUND', msg('recordDetail.assigneeInDirectory'));
  }
  const task = fields.isTask;
  const status = task ? (fields.taskStatus ?? 'chua_lam') : null;
  return {
    text: fields.text,
    isTask: task ? 1 : 0,
    assigneePersonId: task ? fields.assigneePersonId : null,
    assigneeUnit: task ? fields.assigneeUnit : '',
    deadline: task ? fields.deadline : null,
    taskStatus: status,
    doneAt: status === 'hoan_thanh' ? (before?.taskStatus === 'hoan_thanh' ? before.doneAt : now) : null,
  };
}

/** A conclusion row with every column, as the screens, a merge and the demo write it. Other keys are ignored. */
export interface ConclusionColumns {
  id: string;
  meetingId: string;
  position: number;
  text: string;
  isTask: boolean | number;
  assigneePersonId: string | null;
  assigneeUnit: string;
  deadline: string | null;
  taskStatus: string | null;
  doneAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export function insertConclusionRow(sqlite: Connection, c: ConclusionColumns): void {
  cachedStatement(
    sqlite,
    `INSERT INTO conclusions (id, meeting_id, position, text, is_task, assignee_person_id, assignee_unit, deadline, task_status, done_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(c.id, c.meetingId, c.position, c.text, c.isTask ? 1 : 0, c.assigneePersonId, c.assigneeUnit, c.deadline, c.taskStatus, c.doneAt, c.createdAt, c.updatedAt);
}

export function addConclusion(archive: Archive, meetingId: string, version: number, fields: ConclusionFields, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const id = uuidv7(tx.now);
    const c = columns(archive, fields, null, tx.now);
    insertConclusionRow(archive.sqlite, {
      ...c,
      id,
      meetingId,
      position: nextPosition(archive, 'conclusions', meetingId),
      createdAt: tx.now,
      updatedAt: tx.now,
    });
    const after = one(archive, meetingId, id);
    tx.audit({ action: 'conclusions.add', after });
    return { meetingVersion: tx.version, row: after };
  });
}

function setColumns(archive: Archive, id: string, c: ReturnType<typeof columns>, now: number): void {
  archive.sqlite
    .prepare(
      `UPDATE conclusions SET text = @text, is_task = @isTask, assignee_person_id = @assigneePersonId, assignee_unit = @assigneeUnit,
       deadline = @deadline, task_status = @taskStatus, done_at = @doneAt, updated_at = @now WHERE id = @id`,
    )
    .run({ ...c, id, now });
}

export function updateConclusion(archive: Archive, meetingId: string, version: number, id: string, fields: ConclusionFields, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const before = one(archive, meetingId, id);
    setColumns(archive, id, columns(archive, fields, before, tx.now), tx.now);
    const after = one(archive, meetingId, id);
    tx.audit({ action: 'conclusions.update', before, after });
    return { meetingVersion: tx.version, row: after };
  });
}

/**
 * The follow-up of a task (chưa làm → đang làm → hoàn thành / hủy). Allowed on a finalized record
 * without a correction: tasks are followed up for months after the record is closed, and the status is
 * not part of the seal (db/seal.ts). Still versioned and audited like any change.
 */
export function setTaskStatus(archive: Archive, meetingId: string, version: number, id: string, status: Conclusion['taskStatus'] & string, w: WriteOptions) {
  return writeRecord(archive, meetingId, version, { ...w, followUp: true }, (tx) => {
    const before = one(archive, meetingId, id);
    if (!before.isTask) throw new HosoError('INVALID_INPUT', msg('recordDetail.notATask'));
    const doneAt = status === 'hoan_thanh' ? (before.taskStatus === 'hoan_thanh' ? before.doneAt : tx.now) : null;
    archive.sqlite.prepare('UPDATE conclusions SET task_status = ?, done_at = ?, updated_at = ? WHERE id = ?').run(status, doneAt, tx.now, id);
    const after = one(archive, meetingId, id);
    // The text (unchanged) tells the history which task this was.
    tx.audit({
      action: 'conclusions.task-status',
      before: { text: before.text, taskStatus: before.taskStatus },
      after: { text: after.text, taskStatus: after.taskStatus },
    });
    return { meetingVersion: tx.version, row: after };
  });
}

export function removeConclusion(archive: Archive, meetingId: string, version: number, id: string, w: WriteOptions) {
  return removePartRow(archive, 'conclusions', meetingId, version, w, () => one(archive, meetingId, id));
}

const excerpt = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export function reorderConclusions(archive: Archive, meetingId: string, version: number, ids: readonly string[], w: WriteOptions) {
  return reorderPart(archive, 'conclusions', meetingId, version, ids, w, () => new Map(all(archive, meetingId).map((c) => [c.id, excerpt(c.text)])));
}

/** Today's date on this PC's calendar, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** Escapes LIKE wildcards so a clerk typing "%" or "_" searches for those characters. */
const likeContains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const folding = new WeakSet<object>();
/** hoso_fold(text) in SQL: Vietnamese folding for matching a unit typed without marks. */
function registerFold(archive: Archive): void {
  if (folding.has(archive.sqlite)) return;
  archive.sqlite.function('hoso_fold', { deterministic: true }, (s: unknown) => foldVietnamese(String(s ?? '')));
  folding.add(archive.sqlite);
}

/**
 * The tasks of every live meeting: overdue first (deadline before today, neither done nor cancelled),
 * then by deadline (undated last), then by meeting date.
 */
export function listTasks(archive: Archive, q: TaskQuery): TaskPage {
  const today = q.today ?? localToday();
  const overdueSql = `(c.deadline IS NOT NULL AND c.deadline < @today AND c.task_status NOT IN ('hoan_thanh', 'huy'))`;
  const where = ['c.is_task = 1', 'm.deleted_at IS NULL'];
  if (q.status.length) where.push('c.task_status IN (SELECT value FROM json_each(@statuses))');
  if (q.overdue) where.push(overdueSql);
  if (q.assigneePersonId) where.push('c.assignee_person_id = @personId');
  const assignee = foldVietnamese(q.assignee.replace(/\s+/g, ' ').trim());
  if (assignee) {
    registerFold(archive);
    where.push(`(hoso_fold(c.assignee_unit) LIKE @assignee ESCAPE '\\' OR coalesce(p.name_folded, '') LIKE @assignee ESCAPE '\\')`);
  }
  const from = `FROM conclusions c JOIN meetings m ON m.id = c.meeting_id LEFT JOIN people p ON p.id = c.assignee_person_id WHERE ${where.join(' AND ')}`;
  const params = { today, personId: q.assigneePersonId, assignee: likeContains(assignee), statuses: JSON.stringify(q.status) };
  const counts = archive.sqlite.prepare(`SELECT count(*) AS total, coalesce(sum(${overdueSql}), 0) AS overdue ${from}`).get(params) as {
    total: number;
    overdue: number;
  };
  const rows = archive.sqlite
    .prepare(
      `SELECT ${COLUMNS}, m.title AS meetingTitle, m.meeting_date AS meetingDate, m.version AS meetingVersion, ${overdueSql} AS overdue
       ${from}
       ORDER BY ${overdueSql} DESC, c.deadline IS NULL, c.deadline, m.meeting_date, c.position, c.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as (Raw & { meetingTitle: string; meetingDate: string | null; meetingVersion: number; overdue: number })[];
  return {
    total: counts.total,
    overdue: counts.overdue,
    rows: rows.map((r) => ({ ...toConclusion(r), meetingTitle: r.meetingTitle, meetingDate: r.meetingDate, meetingVersion: r.meetingVersion, overdue: r.overdue === 1 })),
  };
}
