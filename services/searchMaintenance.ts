import type { Archive } from '../db/open';
import { mergeSearchTail } from '../db/search/indexer';
import { compactSearchIndex } from '../db/search/compaction';
import type { Logger } from './log';

/** How often a session looks whether the ranked index's tail is due for a merge. */
const CHECK_MS = 5_000;

/**
 * Merges the search index's tail (db/search/rankedIndex.ts) into its main segment once TAIL_MERGE
 * meetings wait there, between requests: a save then writes one row, never a whole word list, and a
 * search reads a short tail. Otherwise it takes one step of compaction when one is due
 * (db/search/compaction.ts: the lists rewritten without the documents edits and trashings left dead).
 * Not while another transaction is open (a merge of a USB bag applies in steps): the next check does it.
 * The timer never keeps the process alive.
 */
export function startSearchMaintenance(archive: Pick<Archive, 'sqlite'>, log: Logger): () => void {
  const timer = setInterval(() => {
    if (!archive.sqlite.open || archive.sqlite.inTransaction) return;
    try {
      const merged = mergeSearchTail(archive);
      if (merged) {
        log.info(`search_tail_merged documents=${merged.documents} words=${merged.words} ms=${merged.ms}`);
        return;
      }
      // Otherwise a step of compaction, when one is under way or due (one list batch per check).
      const step = compactSearchIndex(archive);
      if (step && (step.words || step.forms || step.passDone)) {
        log.info(`search_compacted words=${step.words} forms=${step.forms} pass_done=${step.passDone} ms=${step.ms}`);
      }
    } catch (e) {
      // The merge or compaction step rolled back: the index stays searchable as it is, and the next
      // check tries again.
      log.error('SEARCH_MAINTENANCE_FAILED', 'search index', e);
    }
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
