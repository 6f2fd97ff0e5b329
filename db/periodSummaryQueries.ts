import type { Archive } from './open';
import type { Secrecy } from '../contract/contract';

/**
 * What the Báo cáo tổng hợp of a date range reads (services/reports/periodSummary.ts), in a handful of
 * set-based queries over the range (not one per meeting) so a year of meetings prints in seconds.
 */
export interface PeriodRows {
  /** The range's live meetings in date order. */
  meetings: { id: string; title: string; kind: string; date: string; secrecy: Secrecy }[];
  /** Chủ trì and đồng chủ trì of each, by role then list order. */
  chairs: { meetingId: string; name: string; rank: string }[];
  /** Attendance rows of each, and those present (có mặt, đến muộn). */
  attendance: { meetingId: string; total: number; present: number }[];
  /** Conclusions of each, in order, with their task state. */
  conclusions: { meetingId: string; text: string; isTask: number; status: string | null; deadline: string | null }[];
}

const RANGE = `m.deleted_at IS NULL AND m.meeting_date BETWEEN @from AND @to`;

/** Read in one transaction: the summary describes one moment even while the app writes. */
export function periodRows(archive: Pick<Archive, 'sqlite'>, from: string, to: string): PeriodRows {
  const db = archive.sqlite;
  const range = { from, to };
  return db.transaction(
    (): PeriodRows => ({
      meetings: db
        .prepare(`SELECT m.id, m.title, m.kind, m.meeting_date AS date, m.secrecy FROM meetings m WHERE ${RANGE} ORDER BY m.meeting_date, m.start_time, m.id`)
        .all(range) as PeriodRows['meetings'],
      chairs: db
        .prepare(
          `SELECT a.meeting_id AS meetingId, p.full_name AS name, a.rank FROM attendance a JOIN meetings m ON m.id = a.meeting_id
           JOIN people p ON p.id = a.person_id WHERE ${RANGE} AND a.role IN ('chu_tri', 'dong_chu_tri') ORDER BY a.role, a.position`,
        )
        .all(range) as PeriodRows['chairs'],
      attendance: db
        .prepare(
          `SELECT a.meeting_id AS meetingId, COUNT(*) AS total, SUM(a.status IN ('co_mat', 'den_muon')) AS present
           FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE ${RANGE} GROUP BY a.meeting_id`,
        )
        .all(range) as PeriodRows['attendance'],
      conclusions: db
        .prepare(
          `SELECT c.meeting_id AS meetingId, c.text, c.is_task AS isTask, c.task_status AS status, c.deadline
           FROM conclusions c JOIN meetings m ON m.id = c.meeting_id WHERE ${RANGE} ORDER BY c.meeting_id, c.position`,
        )
        .all(range) as PeriodRows['conclusions'],
    }),
  )();
}
