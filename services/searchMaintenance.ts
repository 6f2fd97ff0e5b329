import type { Archive } from '../db/open';
import { mergeSearchTail } from '../db/search/indexer';
import type { Logger } from './log';

/** How often a session looks whether the ranked index's tail is due for a merge. */
const CHECK_MS = 5_000;

/**
 * Merges the search index's tail (db/search/rankedIndex.ts) into its main segment once TAIL_MERGE
 * meetings wait there, between requests: a save then writes one row, never a whole word list, and a
 * search reads a short tail. Not while another transaction is open (a merge of a USB bag applies in
 * steps): the next check does it. The timer never keeps the process alive.
 */
export function startSearchMaintenance(archive: Pick<Archive, 'sqlite'>, log: Logger): () => void {
  const timer = setInterval(() => {
    if (!archive.sqlite.open || archive.sqlite.inTransaction) return;
    try {
      const merged = mergeSearchTail(archive);
      if (merged) log.info(`search_tail_merged documents=${merged.documents} words=${merged.words} ms=${merged.ms}`);
    } catch (e) {
      // The merge rolled back: the tail stays searchable as it is, and the next check tries again.
      log.error('SEARCH_TAIL_MERGE_FAILED', 'search index', e);
    }
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
