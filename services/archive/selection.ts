import type { Archive } from '../../db/open';
import {
  SECRET_LEVELS,
  selectMeetings as selectFromDb,
  type MeetingSelection,
  type SelectedMeeting,
} from '../../db/exportSelection';
import { searchMeetings } from '../../db/search/search';
import { abbreviationIndexFor } from '../../db/search/abbreviations';
import { getSettings } from '../../db/settings';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';

/** Which meetings an export holds (db/exportSelection.ts): every live meeting, narrowed by date, tag and ids. */
export type Selection = MeetingSelection;
export type { SelectedMeeting };
export { SECRET_LEVELS };

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
    if (page.message && offset === 0)
      throw new HosoError('EXPORT_EMPTY', msg('export.searchSaid', { reason: page.message }));
    found.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 200 || found.length >= page.total) break;
  }
  const wanted = rest.ids === null ? found : found.filter((id) => new Set(rest.ids).has(id));
  return { ...rest, ids: wanted };
}

/** The selected live meetings, by date then id (the order of the browsable pages). */
export function selectMeetings(archive: Pick<Archive, 'sqlite'>, s: Selection): SelectedMeeting[] {
  return selectFromDb(archive.sqlite, s);
}

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
