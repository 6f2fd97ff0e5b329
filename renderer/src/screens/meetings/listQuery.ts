/**
 * The meetings list's filters and order. They outlive the screen for the session, so a clerk who opens a
 * meeting and comes back finds the same year, kind, order and scroll position.
 */
import type { MeetingListQuery } from '../../../../contract/contract';

export type ListQuery = Pick<MeetingListQuery, 'year' | 'kind' | 'sort' | 'dir'>;
export type SortColumn = ListQuery['sort'];

export const DEFAULT_LIST_QUERY: ListQuery = { year: null, kind: null, sort: 'date', dir: 'desc' };

/**
 * Clicking the column already sorted on reverses it; another column starts in its natural direction:
 * newest first for dates, A→Z for titles.
 */
export function nextSort(query: ListQuery, column: SortColumn): ListQuery {
  if (query.sort === column) return { ...query, dir: query.dir === 'asc' ? 'desc' : 'asc' };
  return { ...query, sort: column, dir: column === 'date' ? 'desc' : 'asc' };
}

export function isFiltered(query: ListQuery): boolean {
  return query.year !== null || query.kind !== null;
}

export function listKey(query: ListQuery): string {
  return JSON.stringify([query.year, query.kind, query.sort, query.dir]);
}

interface Memory {
  query: ListQuery;
  scrollKey: string;
  scrollOffset: number;
}

const memory: Memory = { query: DEFAULT_LIST_QUERY, scrollKey: listKey(DEFAULT_LIST_QUERY), scrollOffset: 0 };

export function rememberedQuery(): ListQuery {
  return memory.query;
}

export function rememberQuery(query: ListQuery): void {
  memory.query = query;
}

/** The scroll position last seen for this query (0 for a different query). */
export function rememberedScroll(key: string): number {
  return memory.scrollKey === key ? memory.scrollOffset : 0;
}

export function rememberScroll(key: string, offset: number): void {
  memory.scrollKey = key;
  memory.scrollOffset = offset;
}
