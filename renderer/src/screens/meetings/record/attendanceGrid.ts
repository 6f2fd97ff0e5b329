import type { AttendanceRow } from '../../../../../contract/recordContract';
import { ATTENDANCE_STATUSES } from '../../../../../contract/recordContract';
import type { Status } from './options';

/**
 * The quick grid's marks as plain data: what each row is marked now, which rows differ from what is
 * stored (only those are sent), and the keys that mark a status. Kept apart from the component so the
 * rules read in one place.
 */

export interface Mark {
  status: Status;
  absenceReason: string;
}
/** The clerk's marks by row id; a row without a mark keeps its stored status. */
export type Marks = Readonly<Record<string, Mark>>;

/** 1–4 in the order of the contract's catalog: có mặt, vắng có lý do, vắng, đến muộn. */
export function statusOfKey(key: string): Status | null {
  const i = ['1', '2', '3', '4'].indexOf(key);
  return i < 0 ? null : ATTENDANCE_STATUSES[i]!;
}

export const markOf = (row: AttendanceRow, marks: Marks): Mark =>
  marks[row.id] ?? { status: row.status, absenceReason: row.absenceReason };

/** The reason as it would be stored: kept only with "vắng có lý do" (as the archive does). */
const storedReason = (m: Mark) => (m.status === 'vang_co_ly_do' ? m.absenceReason.trim() : '');

export function isChanged(row: AttendanceRow, marks: Marks): boolean {
  const m = marks[row.id];
  if (!m) return false;
  return m.status !== row.status || storedReason(m) !== storedReason(row);
}

/** The rows to send, in the grid's order. */
export function changedRows(rows: readonly AttendanceRow[], marks: Marks) {
  return rows
    .filter((r) => isChanged(r, marks))
    .map((r) => {
      const m = markOf(r, marks);
      return { id: r.id, status: m.status, absenceReason: storedReason(m) };
    });
}

/** Indexes of the rows marked "vắng có lý do" without a reason (the save waits for them). */
export function missingReasons(rows: readonly AttendanceRow[], marks: Marks): number[] {
  const out: number[] = [];
  rows.forEach((r, i) => {
    const m = markOf(r, marks);
    if (m.status === 'vang_co_ly_do' && !m.absenceReason.trim()) out.push(i);
  });
  return out;
}

/** Marks `ids` with `status`, keeping a reason already written for the row. */
export function mark(
  rows: readonly AttendanceRow[],
  marks: Marks,
  ids: ReadonlySet<string>,
  status: Status,
): Marks {
  const next: Record<string, Mark> = { ...marks };
  for (const r of rows) {
    if (!ids.has(r.id)) continue;
    next[r.id] = { status, absenceReason: markOf(r, marks).absenceReason };
  }
  return next;
}
