import type { Archive } from '../../db/open';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { searchMeetings } from '../../db/search/search';
import { abbreviationIndexFor } from '../../db/search/abbreviations';
import { getSettings } from '../../db/settings';
import { HosoError } from '../../contract/errors';

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

/** Most meetings a search may put in one export (the search pages through its results 200 at a time). */
export const QUERY_MAX_RESULTS = 100_000;

/**
 * A selection that names a search (`query`, as typed on the search screen) becomes the ids it finds
 * now, narrowed by any ids given too. A search that finds nothing, or cannot run, is EXPORT_EMPTY with
 * the search's own explanation.
 */
export function resolveQuery(archive: Archive, s: Selection & { query?: string | null }): Selection {
  const { query, ...rest } = s;
  if (query === null || query === undefined) return rest;
  const abbreviations = abbreviationIndexFor(getSettings(archive).abbreviations);
  const found: string[] = [];
  for (let offset = 0; offset < QUERY_MAX_RESULTS; offset += 200) {
    const page = searchMeetings(
      archive,
      { query, sort: 'date', offset, limit: 200, year: null, kind: null, personId: null, tag: null },
      abbreviations,
    );
    if (page.message && offset === 0) throw new HosoError('EXPORT_EMPTY', `(${page.message})`);
    found.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 200 || found.length >= page.total) break;
  }
  const wanted = rest.ids === null ? found : found.filter((id) => new Set(rest.ids).has(id));
  return { ...rest, ids: wanted };
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
    where.push(
      'EXISTS (SELECT 1 FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = m.id AND t.name_folded = ?)',
    );
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
export function dateRange(meetings: readonly SelectedMeeting[]): {
  first: string | null;
  last: string | null;
} {
  const dated = meetings
    .map((m) => m.meetingDate)
    .filter((d): d is string => d !== null)
    .sort();
  return { first: dated[0] ?? null, last: dated.at(-1) ?? null };
}
