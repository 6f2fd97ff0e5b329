import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempArchive } from '../helpers/tempArchive';
import { generateDemo } from '../../services/demo';
import type { Archive } from '../../db/open';
import { startSearchMaintenance } from '../../services/searchMaintenance';
import { TAIL_MERGE, tailSize } from '../../db/search/rankedIndex';
import { searchMeetings } from '../../db/search/search';
import type { Logger } from '../../services/log';

/** The session's idle merge of the search index's tail: due at TAIL_MERGE, never inside another transaction. */

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
