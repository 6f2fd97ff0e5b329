import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorPayload } from '../../../contract/errors';
import { toErrorPayload } from './client';
import { emptyPages, pagesToLoad, rowAt, withPage, type PagedRows } from './pagedRows';

export interface Page<T> {
  total: number;
  rows: T[];
}

export interface PagedRowsView<T> {
  /** Null until the first page has answered. */
  total: number | null;
  rowAt: (index: number) => T | undefined;
  /** Asks for the pages covering rows `first..last` (call it with the visible range). */
  ensureRange: (first: number, last: number) => void;
  error: ErrorPayload | null;
  retry: () => void;
}

/**
 * A long list fetched page by page. `key` names the query (filters, sort, search text): a new key starts
 * from scratch and answers still arriving for an older key are dropped, so fast filter changes never mix
 * rows of two queries. `fetchPage` must throw (e.g. via `call`) on failure.
 */
export function usePagedRows<T>(
  key: string,
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  pageSize = 100,
): PagedRowsView<T> {
  const [stored, setStored] = useState<PagedRows<T>>(() => emptyPages(key, pageSize));
  const [failure, setFailure] = useState<{ key: string; error: ErrorPayload } | null>(null);
  // Which pages are on their way, per query; only touched from callbacks, never while rendering.
  const pending = useRef(new Map<string, Set<number>>());
  const latestKey = useRef(key);
  useEffect(() => {
    latestKey.current = key;
  }, [key]);

  const state = useMemo(
    () => (stored.key === key && stored.pageSize === pageSize ? stored : emptyPages<T>(key, pageSize)),
    [stored, key, pageSize],
  );
  const error = failure?.key === key ? failure.error : null;

  const ensureRange = useCallback(
    (first: number, last: number) => {
      // After a failure nothing more is asked until the clerk presses "Thử lại".
      if (error) return;
      let inFlight = pending.current.get(key);
      if (!inFlight) {
        inFlight = new Set();
        pending.current.set(key, inFlight);
      }
      const mine = inFlight;
      for (const page of pagesToLoad(state, mine, first, last)) {
        mine.add(page);
        fetchPage(page * pageSize, pageSize).then(
          (result) => {
            mine.delete(page);
            if (latestKey.current !== key) return;
            setStored((prev) =>
              withPage(
                prev.key === key && prev.pageSize === pageSize ? prev : emptyPages<T>(key, pageSize),
                page,
                result.rows,
                result.total,
              ),
            );
          },
          (e: unknown) => {
            mine.delete(page);
            if (latestKey.current === key) setFailure({ key, error: toErrorPayload(e) });
          },
        );
      }
    },
    [error, key, state, fetchPage, pageSize],
  );

  // The first page tells how many rows there are; nothing is on screen to ask for it yet.
  useEffect(() => {
    ensureRange(0, 0);
  }, [ensureRange]);

  const retry = useCallback(() => {
    pending.current.delete(key);
    setFailure(null);
  }, [key]);

  const getRow = useCallback((index: number) => rowAt(state, index), [state]);

  return { total: state.total, rowAt: getRow, ensureRange, error, retry };
}
