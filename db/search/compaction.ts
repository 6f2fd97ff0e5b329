import type Database from 'better-sqlite3';
import type { Archive } from '../open';
import { docMeta } from './docMeta';
import { COLUMNS, TermPostings, TermWriter, type PositionLists } from './postings';
import { setState, stateValue, WEIGHTS } from './rankedIndex';
import { withoutDead } from './markedLists';

/**
 * Compaction of the main segment. An edit or a trashing leaves the meeting's old docid in every list of
 * the main segment it was merged into (a merge only appends), skipped by every read. A clerk edits the
 * same meetings many times (each attendee, each conclusion is a save), so without this the lists would
 * grow with every save and searches would read more and more dead entries until a rebuild.
 *
 * Once the dead documents (dead_main, counted by retireDocid) reach COMPACT_SHARE of those merged into
 * the main segment, a pass starts: between requests (services/searchMaintenance.ts), each call rewrites
 * the next lists in rowid order, words then marked forms, about BATCH_BYTES of them (and at least one), without their dead
 * documents, in a transaction of its own. Lists with no dead document are not written. When the pass has
 * gone through every list, the documents dead when it started are gone from all of them. Searches read
 * the same matches and scores before and after (dead documents were skipped anyway), so no cache is
 * dropped; a word left with no live document is deleted.
 */
export const COMPACT_SHARE = 0.2;
/** No pass for fewer dead documents than this: a small archive's few edits are not worth one. */
export const COMPACT_MIN_DEAD = 500;
const BATCH_BYTES = 2 * 1024 * 1024;

type Sqlite = Database.Database;

export interface CompactionStep {
  /** Lists rewritten (or deleted) by this call. */
  words: number;
  forms: number;
  /** The pass went through its last list with this call. */
  passDone: boolean;
  ms: number;
}

/** A pass is under way, or due. */
function passDue(sqlite: Sqlite, force: boolean): boolean {
  if (stateValue(sqlite, 'compact_pass') > 0) return true;
  const dead = stateValue(sqlite, 'dead_main');
  if (dead === 0 || (!force && (dead < COMPACT_MIN_DEAD || dead < COMPACT_SHARE * stateValue(sqlite, 'main_documents')))) return false;
  setState(sqlite, 'compact_pass', dead);
  setState(sqlite, 'compact_words', 0);
  setState(sqlite, 'compact_forms', 0);
  return true;
}

/** Document i of a word's postings, as a TermWriter takes it (views of the decoded positions, not copies). */
function occurrences(p: TermPostings, i: number): PositionLists {
  const positions = new Array<Int32Array>(COLUMNS);
  for (let c = 0; c < COLUMNS; c++) positions[c] = p.mask[i]! & (1 << c) ? p.positionsOf(i, c) : EMPTY;
  return { mask: p.mask[i]!, positions };
}
const EMPTY = new Int32Array(0);

/**
 * One step of compaction when a pass is under way or due (`force`: whatever the share of dead
 * documents, for `hoso rebuild-index`'s lighter sibling and the tests), in its own transaction; null
 * when there is nothing to do. Not inside another transaction: the caller skips its turn then.
 */
export function compactSearchIndex(archive: Pick<Archive, 'sqlite'>, options: { force?: boolean; budgetBytes?: number } = {}): CompactionStep | null {
  const sqlite = archive.sqlite;
  const started = Date.now();
  const budget = options.budgetBytes ?? BATCH_BYTES;
  return sqlite.transaction((): CompactionStep | null => {
    if (!passDue(sqlite, options.force ?? false)) return null;
    const meta = docMeta(sqlite);
    const live = (d: number) => d < meta.live.length && meta.live[d] === 1;
    let bytes = 0;
    let words = 0;
    let forms = 0;

    let cursor = stateValue(sqlite, 'compact_words');
    const nextWord = sqlite.prepare('SELECT rowid AS id, docs, positions FROM search_postings WHERE rowid > ? ORDER BY rowid LIMIT 1');
    const putWord = sqlite.prepare('UPDATE search_postings SET docs = ?, positions = ? WHERE rowid = ?');
    const dropWord = sqlite.prepare('DELETE FROM search_postings WHERE rowid = ?');
    let wordsDone = cursor < 0;
    while (!wordsDone && bytes < budget) {
      const row = nextWord.get(cursor) as { id: number; docs: Buffer; positions: Buffer } | undefined;
      if (!row) {
        wordsDone = true;
        cursor = -1;
        break;
      }
      cursor = row.id;
      bytes += row.docs.length + row.positions.length;
      const p = new TermPostings(row.docs, row.positions, WEIGHTS);
      let dead = 0;
      for (let i = 0; i < p.n; i++) if (!live(p.docids[i]!)) dead++;
      if (dead === 0) continue;
      words++;
      if (dead === p.n) {
        dropWord.run(row.id);
        continue;
      }
      const w = new TermWriter(WEIGHTS);
      for (let i = 0; i < p.n; i++) if (live(p.docids[i]!)) w.add(p.docids[i]!, meta.length[p.docids[i]!]!, occurrences(p, i));
      const out = w.finish();
      putWord.run(out.docs, out.positions, row.id);
    }
    setState(sqlite, 'compact_words', cursor);

    let formCursor = stateValue(sqlite, 'compact_forms');
    let formsDone = false;
    if (wordsDone) {
      const nextForms = sqlite.prepare('SELECT rowid AS id, docs FROM search_marked_lists WHERE rowid > ? ORDER BY rowid LIMIT 64');
      const putForm = sqlite.prepare('UPDATE search_marked_lists SET docs = ? WHERE rowid = ?');
      const dropForm = sqlite.prepare('DELETE FROM search_marked_lists WHERE rowid = ?');
      while (bytes < budget) {
        const rows = nextForms.all(formCursor) as { id: number; docs: Buffer }[];
        if (!rows.length) {
          formsDone = true;
          break;
        }
        for (const row of rows) {
          formCursor = row.id;
          bytes += row.docs.length;
          const out = withoutDead(row.docs, live);
          if (out === null) continue;
          forms++;
          if (out.documents === 0) dropForm.run(row.id);
          else putForm.run(out.docs, row.id);
        }
      }
      setState(sqlite, 'compact_forms', formCursor);
    }

    if (formsDone) {
      // Every document dead when the pass began is gone from every list; later ones may remain.
      const pass = stateValue(sqlite, 'compact_pass');
      setState(sqlite, 'dead_main', Math.max(0, stateValue(sqlite, 'dead_main') - pass));
      setState(sqlite, 'main_documents', Math.max(0, stateValue(sqlite, 'main_documents') - pass));
      setState(sqlite, 'compact_pass', 0);
    }
    return { words, forms, passDone: formsDone, ms: Date.now() - started };
  })();
}
