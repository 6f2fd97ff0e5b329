import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempArchive } from '../helpers/tempArchive';
import { seededRandom } from '../helpers/seededRandom';
import { generateDemo } from '../../services/demo';
import type { Archive } from '../../db/open';
import { checkSearchIndex, indexMeeting, mergeSearchTail, rebuildSearchIndex } from '../../db/search/indexer';
import { compactSearchIndex, COMPACT_MIN_DEAD } from '../../db/search/compaction';
import { setState, stateValue, WEIGHTS } from '../../db/search/rankedIndex';
import { decodeDocids } from '../../db/search/markedLists';
import { TermPostings } from '../../db/search/postings';
import { searchMeetings } from '../../db/search/search';
import { SearchQuery } from '../../contract/contract';

/**
 * Compaction (db/search/compaction.ts): the lists of the main segment lose the documents that edits and
 * trashings left dead in them, a batch at a time, and searches answer exactly as before.
 */

const NOW = Date.UTC(2026, 0, 15);
const QUERIES = ['hội nghị', 'quốc phòng', 'Đại tá', '"ủy ban nhân dân" OR UBND', 'huấn luyện OR diễn tập -tổng', 'ph*', 'Hội*'];

let archive: Archive;
let cleanup: () => void;

beforeAll(async () => {
  ({ archive, cleanup } = await tempArchive());
  await generateDemo(archive, { meetings: 300, seed: 21, now: () => NOW, batchSize: 150 });
  rebuildSearchIndex(archive);
}, 120_000);
afterAll(() => cleanup?.());

const answers = () =>
  QUERIES.map((query) => searchMeetings(archive, SearchQuery.parse({ query, limit: 50 })).rows.map((r) => [r.id, r.score]));

/** Entries of the main segment's lists (words, then marked forms) whose document is no longer indexed. */
function deadEntries(): { words: number; forms: number } {
  const live = new Set(archive.sqlite.prepare('SELECT docid FROM search_docs').pluck().all() as number[]);
  let words = 0;
  let forms = 0;
  for (const row of archive.sqlite.prepare('SELECT docs, positions FROM search_postings').all() as { docs: Buffer; positions: Buffer }[]) {
    const p = new TermPostings(row.docs, row.positions, WEIGHTS);
    for (let i = 0; i < p.n; i++) if (!live.has(p.docids[i]!)) words++;
  }
  for (const docs of archive.sqlite.prepare('SELECT docs FROM search_marked_lists').pluck().all() as Buffer[]) {
    for (const d of decodeDocids(docs)) if (!live.has(d)) forms++;
  }
  return { words, forms };
}

describe('compaction of the main segment', () => {
  it('rewrites the lists without their dead documents, a batch at a time, and searches answer as before', () => {
    const random = seededRandom(5);
    const ids = archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
    const edit = archive.sqlite.prepare("UPDATE meetings SET title = title || ' (sửa)', minutes_text = ? || minutes_text WHERE id = ?");
    const trash = archive.sqlite.prepare('UPDATE meetings SET deleted_at = ? WHERE id = ?');
    archive.sqlite.transaction(() => {
      for (const id of ids.slice(0, 150)) {
        if (random() < 0.2) trash.run(NOW, id);
        else edit.run('Ý kiến chỉ đạo bổ sung về quốc phòng. ', id);
        indexMeeting(archive, id);
      }
    })();
    expect(mergeSearchTail(archive, true)?.documents).toBeGreaterThan(0);
    // Each of the 150 was in the main segment: each left its old docid there.
    expect(stateValue(archive.sqlite, 'dead_main')).toBe(150);
    const dead = deadEntries();
    expect(dead.words).toBeGreaterThan(1000);
    expect(dead.forms).toBeGreaterThan(1000);
    const before = answers();

    // 150 dead documents are below the share that starts a pass on its own.
    expect(150).toBeLessThan(COMPACT_MIN_DEAD);
    expect(compactSearchIndex(archive)).toBeNull();

    // Forced, in small batches: several steps, each its own transaction, until the pass is done.
    let steps = 0;
    let rewritten = 0;
    for (;;) {
      const step = compactSearchIndex(archive, { force: true, budgetBytes: 16 * 1024 });
      expect(step).not.toBeNull();
      steps++;
      rewritten += step!.words + step!.forms;
      if (step!.passDone) break;
      // Searches between steps answer as before.
      if (steps === 3) expect(answers()).toEqual(before);
    }
    expect(steps).toBeGreaterThan(3);
    expect(rewritten).toBeGreaterThan(100);
    expect(deadEntries()).toEqual({ words: 0, forms: 0 });
    expect(stateValue(archive.sqlite, 'dead_main')).toBe(0);
    expect(answers()).toEqual(before);
    expect(checkSearchIndex(archive, { words: true }).ok).toBe(true);
    // Nothing left to do.
    expect(compactSearchIndex(archive, { force: true })).toBeNull();
  });

  it('a document that dies during a pass stays counted for the next one; the share of dead documents starts a pass', () => {
    const ids = archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY id DESC').pluck().all() as string[];
    const edit = archive.sqlite.prepare("UPDATE meetings SET title = title || ' (sửa lần hai)' WHERE id = ?");
    const editAll = (some: string[]) =>
      archive.sqlite.transaction(() => {
        for (const id of some) {
          edit.run(id);
          indexMeeting(archive, id);
        }
      })();
    editAll(ids.slice(0, 20));
    mergeSearchTail(archive, true);
    expect(stateValue(archive.sqlite, 'dead_main')).toBe(20);
    expect(compactSearchIndex(archive, { force: true, budgetBytes: 1 })?.passDone).toBe(false);
    // Dies while the pass is under way (the meeting was merged into the main segment before).
    editAll(ids.slice(20, 21));
    expect(stateValue(archive.sqlite, 'dead_main')).toBe(21);
    while (!compactSearchIndex(archive, { budgetBytes: 64 * 1024 })!.passDone);
    expect(stateValue(archive.sqlite, 'dead_main')).toBe(1);
    expect(checkSearchIndex(archive, { words: true }).ok).toBe(true);

    // Past COMPACT_MIN_DEAD and the share of the main segment, a pass starts without being forced.
    setState(archive.sqlite, 'dead_main', COMPACT_MIN_DEAD);
    setState(archive.sqlite, 'main_documents', COMPACT_MIN_DEAD * 2);
    expect(compactSearchIndex(archive)).not.toBeNull();
    setState(archive.sqlite, 'main_documents', COMPACT_MIN_DEAD * 10);
    setState(archive.sqlite, 'compact_pass', 0);
    expect(compactSearchIndex(archive)).toBeNull();
  });
});
