/**
 * Page bookkeeping for the long lists (100 000 meetings): rows are fetched in pages as the viewport
 * reaches them and kept per page. Pure and immutable so React state can hold it and tests can drive it.
 */

export interface PagedRows<T> {
  /** Which query these pages belong to; pages of an older query are never mixed in. */
  readonly key: string;
  readonly pageSize: number;
  /** Row count reported by the latest page; null until the first page arrives. */
  readonly total: number | null;
  readonly pages: ReadonlyMap<number, readonly T[]>;
}

export function emptyPages<T>(key: string, pageSize: number): PagedRows<T> {
  return { key, pageSize, total: null, pages: new Map() };
}

export function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize);
}

export function rowAt<T>(state: PagedRows<T>, index: number): T | undefined {
  return state.pages.get(pageOf(index, state.pageSize))?.[index % state.pageSize];
}

/**
 * Pages covering rows `first..last` that are neither loaded nor already being fetched. Before the total
 * is known only the first page is asked for (it tells how many rows exist).
 */
export function pagesToLoad<T>(
  state: PagedRows<T>,
  pending: ReadonlySet<number>,
  first: number,
  last: number,
): number[] {
  if (state.total === null) return state.pages.has(0) || pending.has(0) ? [] : [0];
  if (state.total === 0) return [];
  const lastRow = Math.min(Math.max(first, last), state.total - 1);
  const wanted: number[] = [];
  for (let p = pageOf(Math.max(0, first), state.pageSize); p <= pageOf(lastRow, state.pageSize); p++) {
    if (!state.pages.has(p) && !pending.has(p)) wanted.push(p);
  }
  return wanted;
}

/**
 * The state with one more page. Keeps at most `maxPages` pages, dropping those farthest from the page
 * just loaded, so scrolling through the whole archive does not keep it all in memory.
 */
export function withPage<T>(
  state: PagedRows<T>,
  page: number,
  rows: readonly T[],
  total: number,
  maxPages = 200,
): PagedRows<T> {
  const pages = new Map(state.pages);
  pages.set(page, rows);
  if (pages.size > maxPages) {
    const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - page) - Math.abs(a - page));
    for (const p of byDistance.slice(0, pages.size - maxPages)) pages.delete(p);
  }
  return { ...state, total, pages };
}
