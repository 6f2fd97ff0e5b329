import type { Archive } from '../../../db/open';
import { foldVietnamese } from '../../../db/search/fold';

/**
 * Which meetings an export holds: every live meeting, narrowed by a date range, a tag and/or an explicit
 * list of ids (the clerk's current search results). Filters combine (AND). Trashed meetings are never
 * exported as records; meetings without a date are left out once a date range is given.
 */
export interface Selection {
  from: string | null;
  to: string | null;
  tag: string | null;
  ids: string[] | null;
}

export const EVERYTHING: Selection = { from: null, to: null, tag: null, ids: null };

export function isEverything(s: Selection): boolean {
  return s.from === null && s.to === null && s.tag === null && s.ids === null;
}

export interface SelectedMeeting {
  id: string;
  meetingDate: string | null;
  secrecy: 'thuong' | 'mat' | 'toi_mat' | 'tuyet_mat';
}

/** The selected live meetings, by date then id (the order of the browsable pages). */
export function selectMeetings(archive: Pick<Archive, 'sqlite'>, s: Selection): SelectedMeeting[] {
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
    where.push('EXISTS (SELECT 1 FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = m.id AND t.name_folded = ?)');
    params.push(foldVietnamese(s.tag.replace(/\s+/g, ' ').trim()));
  }
  if (s.ids !== null) {
    where.push('m.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(s.ids));
  }
  return archive.sqlite
    .prepare(
      `SELECT m.id, m.meeting_date AS meetingDate, m.secrecy FROM meetings m WHERE ${where.join(' AND ')}
       ORDER BY m.meeting_date IS NULL, m.meeting_date, m.start_time, m.id`,
    )
    .all(...params) as SelectedMeeting[];
}

/** Độ mật at or above Mật: such records leave the PC only encrypted. */
export const SECRET_LEVELS = new Set(['mat', 'toi_mat', 'tuyet_mat']);

/** The earliest and latest meeting dates of a selection (null when none is dated). */
export function dateRange(meetings: readonly SelectedMeeting[]): { first: string | null; last: string | null } {
  const dated = meetings.map((m) => m.meetingDate).filter((d): d is string => d !== null).sort();
  return { first: dated[0] ?? null, last: dated.at(-1) ?? null };
}
