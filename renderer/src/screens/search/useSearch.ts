import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, SearchResult } from '../../../../contract/contract';
import type { ErrorPayload } from '../../../../contract/errors';
import { call, toErrorPayload } from '../../api/client';
import { isBlank, toRequest, type SearchState } from './searchState';

export type SearchRow = SearchResult['rows'][number];

interface Loaded {
  key: string;
  /** The first page's answer: total, facets, message and notes describe the whole result set. */
  first: SearchResult;
  /** Every row fetched so far, in order (first page plus each "Xem thêm"). */
  rows: SearchRow[];
}

export interface SearchResults {
  /** The answer for the current state, or the previous one while the new one is on its way. */
  result: SearchResult | null;
  rows: SearchRow[];
  /** True while what is shown belongs to an earlier query (or nothing is shown yet). */
  stale: boolean;
  error: ErrorPayload | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * A search's result set, fetched a page at a time. The previous answer stays on screen until the new one
 * arrives (local searches take milliseconds, and a list that blinks away on every keystroke is harder
 * to read than one that is briefly out of date); `stale` says when that is the case.
 */
export function useSearch(state: SearchState | null, pageSize: number): SearchResults {
  const active = state !== null && !isBlank(state);
  // The first page's request, as text: it identifies the result set (a new key starts from page one)
  // and, compared by value, keeps a re-render with an equal state from fetching again.
  const key = active ? JSON.stringify(toRequest(state, 0, pageSize)) : '';
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ key: string; error: ErrorPayload } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    if (!key) return;
    let live = true;
    call('search/query', JSON.parse(key) as ChannelInput<'search/query'>).then(
      (first) => {
        if (!live) return;
        setLoaded({ key, first, rows: first.rows });
        setFailure(null);
      },
      (e: unknown) => {
        if (live) setFailure({ key, error: toErrorPayload(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);

  const current = loaded !== null && loaded.key === key ? loaded : null;
  const loadMore = useCallback(() => {
    if (!current || loadingMore) return;
    const forKey = current.key;
    const request = { ...(JSON.parse(forKey) as ChannelInput<'search/query'>), offset: current.rows.length };
    setLoadingMore(true);
    call('search/query', request)
      .then(
        (page) =>
          setLoaded((cur) => {
            if (!cur || cur.key !== forKey) return cur;
            // An edit between two pages can shift a meeting across the page boundary: show it once.
            const seen = new Set(cur.rows.map((r) => r.id));
            return { ...cur, rows: [...cur.rows, ...page.rows.filter((r) => !seen.has(r.id))] };
          }),
        (e: unknown) => setFailure({ key: forKey, error: toErrorPayload(e) }),
      )
      .finally(() => setLoadingMore(false));
  }, [current, loadingMore]);

  const retry = useCallback(() => {
    setFailure(null);
    setNonce((n) => n + 1);
  }, []);

  if (!active) {
    return {
      result: null,
      rows: [],
      stale: false,
      error: null,
      hasMore: false,
      loadingMore: false,
      loadMore,
      retry,
    };
  }
  const shown = current ?? loaded;
  return {
    result: shown?.first ?? null,
    rows: shown?.rows ?? [],
    stale: current === null,
    error: failure?.key === key ? failure.error : null,
    hasMore: current !== null && current.rows.length < current.first.total,
    loadingMore,
    loadMore,
    retry,
  };
}
