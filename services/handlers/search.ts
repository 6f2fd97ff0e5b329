import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { getSettings } from '../../db/settings';
import { searchMeetings } from '../../db/search/search';
import { abbreviationIndexFor } from '../../db/search/abbreviations';
import { checkSearchIndex, rebuildSearchIndex } from '../../db/search/indexer';
import { createSavedSearch, deleteSavedSearch, listSavedSearches } from '../../db/savedSearches';

/** `search/*`: the search itself, saved searches, and the index's check and rebuild. */
export function searchHandlers(ctx: ServiceContext): HandlersOf<'search'> {
  const a = ctx.archive;
  return {
    'search/query': (q) => searchMeetings(a, q, abbreviationIndexFor(getSettings(a).abbreviations)),
    'search/saved-list': () => listSavedSearches(a),
    'search/saved-create': (fields) => createSavedSearch(a, fields),
    'search/saved-delete': ({ id }) => ({ deleted: deleteSavedSearch(a, id) }),
    'search/check': () => {
      const c = checkSearchIndex(a, { words: true });
      return {
        ok: c.ok,
        documents: c.documents,
        missing: c.missing.length,
        orphaned: c.orphaned.length,
        stale: c.stale.length,
        structureError: c.structureError,
        words: c.words.length + c.lengths.length,
      };
    },
    // A rebuild of 100 000 meetings takes a while: the host may show how far it got (the CLI does).
    'search/rebuild': () => rebuildSearchIndex(a, (done) => ctx.onProgress?.({ channel: 'search/rebuild', done })),
  };
}
