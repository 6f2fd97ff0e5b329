import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import type { Person, PersonMergePreview, PersonMergeResult } from '../../../../contract/contract';
import type { ErrorPayload } from '../../../../contract/errors';
import { foldName } from '../../../../contract/vietnamese/fold';
import { call, toErrorPayload } from '../../api/client';

/**
 * The people a clerk may merge with `person`: searched by the server with Vietnamese folding; with
 * nothing typed, those whose name reads like this person's. Entries of the same folded name come first
 * (`same`): they are the likely duplicates (a typo in the marks, a rank change, an import).
 */
export function useMergeCandidates(person: Person, search: string) {
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [found, setFound] = useState<{ query: string; rows: Person[] } | null>(null);
  const query = debounced || person.fullName;

  useEffect(() => {
    let live = true;
    call('people/list', { query, offset: 0, limit: 30 }).then(
      (page) => {
        if (live) setFound({ query, rows: page.rows });
      },
      () => {
        if (live) setFound({ query, rows: [] });
      },
    );
    return () => {
      live = false;
    };
  }, [query]);

  const own = foldName(person.fullName);
  const rows = (found?.rows ?? []).filter((p) => p.id !== person.id);
  return {
    loading: found?.query !== query,
    same: rows.filter((p) => foldName(p.fullName) === own),
    others: rows.filter((p) => foldName(p.fullName) !== own),
  };
}

/** What merging `duplicateId` into `keepId` would do, fetched again whenever the pair changes. */
export function useMergePreview(keepId: string | null, duplicateId: string | null) {
  const key = keepId && duplicateId ? `${keepId} ${duplicateId}` : null;
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; preview: PersonMergePreview | null; error: ErrorPayload | null } | null>(null);

  useEffect(() => {
    if (!keepId || !duplicateId || !key) return;
    let live = true;
    call('people/merge-preview', { keepId, duplicateId }).then(
      (preview) => {
        if (live) setLoaded({ key: `${key} ${nonce}`, preview, error: null });
      },
      (e: unknown) => {
        if (live) setLoaded({ key: `${key} ${nonce}`, preview: null, error: toErrorPayload(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [keepId, duplicateId, key, nonce]);

  const current = key && loaded?.key === `${key} ${nonce}` ? loaded : null;
  return {
    preview: current?.preview ?? null,
    error: current?.error ?? null,
    loading: key !== null && current === null,
    reload: () => setNonce((n) => n + 1),
  };
}

/** Confirms the merge the preview showed (its stamp: a change since is refused, VERSION_CONFLICT). */
export function mergePeople(preview: PersonMergePreview, reason: string): Promise<PersonMergeResult> {
  return call('people/merge', {
    keepId: preview.keep.id,
    duplicateId: preview.duplicate.id,
    keepVersion: preview.keep.version,
    duplicateVersion: preview.duplicate.version,
    stamp: preview.stamp,
    reason: preview.sealed.total > 0 ? reason : '',
  });
}

/** A merge just done, told once on the kept person's page (which the dialog may have opened anew). */
export interface MergeNotice {
  keepId: string;
  duplicate: string;
  meetings: number;
}
let pendingNotice: MergeNotice | null = null;

/** Keeps the notice for the kept person's page, read once by takeMergeNotice. */
export function leaveMergeNotice(notice: MergeNotice): void {
  pendingNotice = notice;
}

/** The notice left for this person's page, if any; it is then gone. */
export function takeMergeNotice(personId: string): MergeNotice | null {
  const notice = pendingNotice?.keepId === personId ? pendingNotice : null;
  if (notice) pendingNotice = null;
  return notice;
}
