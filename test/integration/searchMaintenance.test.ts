import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempArchive } from '../helpers/tempArchive';
import { generateDemo } from '../../services/demo';
import type { Archive } from '../../db/open';
import { startSearchMaintenance } from '../../services/searchMaintenance';
import { setState, stateValue, TAIL_MERGE, tailSize } from '../../db/search/rankedIndex';
import { checkSearchIndex, indexMeeting, mergeSearchTail } from '../../db/search/indexer';
import { COMPACT_MIN_DEAD } from '../../db/search/compaction';
import { searchMeetings } from '../../db/search/search';
import type { Logger } from '../../services/log';

/**
 * The session's idle work on the search index: the tail's merge, due at TAIL_MERGE, never inside another
 * transaction; otherwise a step of compaction when one is due.
 */

let archive: Archive;
let cleanup: () => void;
const base = { sort: 'relevance' as const, offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null };

beforeAll(async () => {
  ({ archive, cleanup } = await tempArchive());
  await generateDemo(archive, { meetings: TAIL_MERGE + 10, seed: 3, now: () => Date.UTC(2026, 0, 15) });
}, 120_000);
afterAll(() => cleanup?.());

describe('the search index merge between requests', () => {
  it('waits while a transaction is open, then moves the tail into the main segment without changing any answer', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const log: Logger = { info: (m) => lines.push(m), error: (code) => lines.push(code) };
    const stop = startSearchMaintenance(archive, log);
    try {
      const before = searchMeetings(archive, { ...base, query: 'hội nghị quốc phòng' });
      expect(tailSize(archive.sqlite)).toBe(TAIL_MERGE + 10);
      archive.sqlite.exec('BEGIN');
      vi.advanceTimersByTime(6_000);
      archive.sqlite.exec('COMMIT');
      expect(tailSize(archive.sqlite)).toBe(TAIL_MERGE + 10);
      vi.advanceTimersByTime(6_000);
      expect(tailSize(archive.sqlite)).toBe(0);
      expect(lines.some((l) => l.startsWith(`search_tail_merged documents=${TAIL_MERGE + 10}`))).toBe(true);
      expect(searchMeetings(archive, { ...base, query: 'hội nghị quốc phòng' })).toEqual(before);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});

describe('compaction between requests', () => {
  it('takes one step per check once enough documents are dead, until the lists hold none of them', () => {
    vi.useFakeTimers();
    const lines: string[] = [];
    const log: Logger = { info: (m) => lines.push(m), error: (code) => lines.push(code) };
    const stop = startSearchMaintenance(archive, log);
    try {
      // Every meeting edited and re-indexed: each old docid left dead in the main segment.
      const ids = archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL').pluck().all() as string[];
      const edit = archive.sqlite.prepare("UPDATE meetings SET title = title || ' (sửa)' WHERE id = ?");
      archive.sqlite.transaction(() => ids.forEach((id) => (edit.run(id), indexMeeting(archive, id))))();
      mergeSearchTail(archive, true);
      // The share is met (all of them), but fewer than COMPACT_MIN_DEAD: count it as due.
      setState(archive.sqlite, 'dead_main', COMPACT_MIN_DEAD);
      const before = searchMeetings(archive, { ...base, query: 'hội nghị quốc phòng' });
      vi.advanceTimersByTime(6_000);
      expect(lines.some((l) => /^search_compacted words=\d+ forms=\d+ pass_done=true/.test(l))).toBe(true);
      expect(stateValue(archive.sqlite, 'compact_pass')).toBe(0);
      expect(searchMeetings(archive, { ...base, query: 'hội nghị quốc phòng' })).toEqual(before);
      expect(checkSearchIndex(archive, { words: true }).ok).toBe(true);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});
