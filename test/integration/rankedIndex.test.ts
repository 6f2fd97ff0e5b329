import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempArchive } from '../helpers/tempArchive';
import { generateDemo } from '../../services/demo';
import { openArchive, type Archive } from '../../db/open';
import { checkSearchIndex, indexMeeting, mergeSearchTail, rebuildSearchIndex } from '../../db/search/indexer';
import { foldedMatch, ftsClause, parseQuery } from '../../db/search/query';
import { RankedQuery } from '../../db/search/rankedQuery';
import { RankedIndexReader, tailSize } from '../../db/search/rankedIndex';
import { docMeta } from '../../db/search/docMeta';
import { SEARCH_COLUMNS } from '../../db/search/document';
import { FIELD_WEIGHTS } from '../../db/search/snippets';
import { BASELINE, buildFtsBaseline } from '../../bench/ftsBaseline';
import { seededRandom } from '../helpers/seededRandom';
import { addRecord } from '../helpers/meetingRecord';
import { oldMeeting } from '../helpers/oldArchive';
import { MIGRATIONS } from '../../db/migrations/bundle.generated';
import { searchMeetings } from '../../db/search/search';
import { SearchQuery } from '../../contract/contract';

/**
 * The ranked index against the engine it replaced: on a freshly built FTS5 table FTS5's bm25 is exact, so
 * every query must match the same meetings with the same scores; after edits, deletions and a merge,
 * the index kept up write by write must score every meeting as a fresh build does (where FTS5's own
 * contentless statistics drift).
 */

const NOW = Date.UTC(2026, 0, 15);
const QUERIES = [
  'hội nghị',
  'hoi nghi tinh',
  'quốc phòng',
  'quoc phong an ninh',
  'dai ta',
  '"khu vực phòng thủ"',
  '"kinh tế - xã hội"',
  'KT-XH',
  'UBND tinh',
  'tuyen quan nam',
  'ngân sách -tổng',
  'huấn luyện OR diễn tập',
  'phong*',
  'ng*',
  '"uy ban nh*"',
  'nguoi:nguyen',
  'nguoi:"nguyen van"',
  'the:quoc',
  'thường vụ tỉnh ủy',
  'quang cảnh hội nghị',
  'ban chấp hành đảng bộ tỉnh',
  '"hội nghị" OR "diễn tập" -"quốc phòng"',
  'dong chi OR dai ta OR thuong uy',
];

const WEIGHTS = SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ');

/** Every match of a query with its bm25 (positive, higher is better), by the ranked index. */
function rankedScores(archive: Archive, query: string): Map<number, number> {
  const q = parseQuery(query);
  const ranked = new RankedQuery(new RankedIndexReader(archive.sqlite), docMeta(archive.sqlite));
  const hits = ranked.matching(q);
  const scores = ranked.scores(q, hits);
  return new Map(Array.from(hits, (d, i) => [d, scores[i]!]));
}

/**
 * The same by FTS5 (only exact on a freshly built index). Scored on the positive part of the query:
 * FTS5 (3.53) drops some phrase instances from bm25 under NOT (an OR branch of an AND that a row's
 * NOT test cleared), so the exclusions only pick the rows.
 */
function ftsScores(archive: Archive, query: string): Map<number, number> {
  const q = parseQuery(query);
  const all = (match: string) =>
    archive.sqlite.prepare(`SELECT rowid AS d, bm25(${BASELINE}, ${WEIGHTS}) AS r FROM ${BASELINE} WHERE ${BASELINE} MATCH ?`).all(match) as { d: number; r: number }[];
  const matching = new Set(all(foldedMatch(q)!).map((r) => r.d));
  const positive = q.clauses.map(ftsClause).join(' AND ');
  return new Map(all(positive).flatMap((r) => (matching.has(r.d) ? [[r.d, -r.r] as const] : [])));
}

const byMeeting = (archive: Archive, scores: Map<number, number>) => {
  const meetingOf = archive.sqlite.prepare('SELECT meeting_id FROM search_docs WHERE docid = ?').pluck();
  return new Map([...scores].map(([d, s]) => [meetingOf.get(d) as string, s]));
};

function expectSameScores(actual: Map<string | number, number>, expected: Map<string | number, number>, query: string): void {
  expect([...actual.keys()].sort(), query).toEqual([...expected.keys()].sort());
  for (const [k, s] of expected) {
    const a = actual.get(k)!;
    if (Math.abs(a - s) > 1e-9 * Math.max(1, Math.abs(s))) expect(a, `${query}: ${String(k)}`).toBe(s);
  }
}

let archive: Archive;
let cleanup: () => void;

beforeAll(async () => {
  ({ archive, cleanup } = await tempArchive());
  await generateDemo(archive, { meetings: 300, seed: 7, now: () => NOW, batchSize: 150 });
  rebuildSearchIndex(archive);
  buildFtsBaseline(archive.sqlite);
}, 120_000);

afterAll(() => cleanup?.());

describe('the ranked index', () => {
  it('matches and scores as FTS5 does on a freshly built index', () => {
    let compared = 0;
    for (const query of QUERIES) {
      const fts = ftsScores(archive, query);
      expectSameScores(rankedScores(archive, query), fts, query);
      compared += fts.size;
    }
    // The mix must exercise the index: most queries match many meetings.
    expect(compared).toBeGreaterThan(2000);
  });

  it('after edits, deletions, new meetings and a merge, scores every meeting as a fresh build does', async () => {
    const random = seededRandom(11);
    const ids = archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
    const edit = archive.sqlite.prepare("UPDATE meetings SET title = title || ' ' || ?, minutes_text = ? || minutes_text WHERE id = ?");
    const trash = archive.sqlite.prepare('UPDATE meetings SET deleted_at = ? WHERE id = ?');
    const words = ['hội nghị', 'quốc phòng', 'Đại tá Nguyễn Văn An', 'khu vực phòng thủ', 'ủy ban nhân dân', 'tuyển quân'];
    archive.sqlite.transaction(() => {
      for (let i = 0; i < 150; i++) {
        const id = ids[Math.floor(random() * ids.length)]!;
        if (random() < 0.3) trash.run(NOW, id);
        else edit.run(words[Math.floor(random() * words.length)]!, `${words[Math.floor(random() * words.length)]!} `.repeat(1 + Math.floor(random() * 4)), id);
        indexMeeting(archive, id);
      }
    })();
    expect(tailSize(archive.sqlite)).toBeGreaterThan(0);
    // Half merged into the main segment, half still in the tail.
    expect(mergeSearchTail(archive, true)?.documents).toBeGreaterThan(0);
    expect(tailSize(archive.sqlite)).toBe(0);
    await generateDemo(archive, { meetings: 40, seed: 8, now: () => NOW });
    archive.sqlite.transaction(() => {
      for (const id of ids.slice(0, 30)) {
        edit.run('diễn tập', 'kinh tế - xã hội ', id);
        indexMeeting(archive, id);
      }
    })();
    expect(tailSize(archive.sqlite)).toBeGreaterThan(0);

    const incremental = QUERIES.map((query) => byMeeting(archive, rankedScores(archive, query)));
    rebuildSearchIndex(archive);
    buildFtsBaseline(archive.sqlite);
    QUERIES.forEach((query, i) => {
      const fresh = byMeeting(archive, ftsScores(archive, query));
      expectSameScores(incremental[i]!, fresh, query);
      expectSameScores(byMeeting(archive, rankedScores(archive, query)), fresh, query);
    });
  });

  it('hoso check finds a word list or a length that disagrees with the records, and a rebuild repairs it', () => {
    expect(checkSearchIndex(archive, { words: true })).toMatchObject({ ok: true, words: [], lengths: [] });
    const common = archive.sqlite.prepare("SELECT term FROM search_postings WHERE term = 'hoi'").pluck().get();
    expect(common).toBe('hoi');
    archive.sqlite.prepare("UPDATE search_postings SET docs = (SELECT docs FROM search_postings WHERE term = 'nghi') WHERE term = 'hoi'").run();
    archive.sqlite.prepare("DELETE FROM search_postings WHERE term = 'quoc'").run();
    archive.sqlite.prepare('UPDATE search_docs SET length = length + 1 WHERE docid = (SELECT min(docid) FROM search_docs)').run();
    // Marked forms too: a list swapped for another's, and one cut short (unreadable).
    archive.sqlite.prepare("UPDATE search_marked_lists SET docs = (SELECT docs FROM search_marked_lists WHERE form = 'nghi5') WHERE form = 'hôi5'").run();
    archive.sqlite.prepare("UPDATE search_marked_lists SET docs = substr(docs, 1, 3) WHERE form = 'quôc4'").run();
    const check = checkSearchIndex(archive, { words: true });
    expect(check.ok).toBe(false);
    expect(check.words).toEqual(expect.arrayContaining(['hoi', 'quoc', 'hôi5', 'quôc4']));
    expect(check.structureError).toBe('unreadable index list: quôc4');
    expect(check.lengths).toHaveLength(1);
    // The quick check (the health page) does not read every word.
    expect(checkSearchIndex(archive).words).toEqual([]);
    rebuildSearchIndex(archive);
    expect(checkSearchIndex(archive, { words: true }).ok).toBe(true);
  });
});

describe('an archive from before the ranked index', () => {
  it('is backed up, migrated and indexed as it opens, with progress, and searches as before', async () => {
    const { dir, cleanup: done } = await tempArchive();
    try {
      // Schema 5, as hoso left it before the ranked index: FTS5's folded and marked indexes, plain rows.
      const file = `${dir}/kho-cu.sqlite`;
      const old = await openArchive({ file, migrations: MIGRATIONS.slice(0, 5) });
      const titles = ['Hội nghị quân chính', 'Hội nghị Ủy ban nhân dân tỉnh', 'Hỏi đáp pháp luật quốc phòng', 'Họp UBND huyện'];
      for (let i = 0; i < 60; i++) {
        oldMeeting(old.sqlite, { id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`, title: `${titles[i % 4]!} số ${i}`, kind: 'Họp', meetingDate: '2024-01-01' });
      }
      expect(old.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('search_fts', 'search_marked')").pluck().get()).toBe(2);
      old.close();

      const progress: [number, number][] = [];
      const reopened = await openArchive({ file, backupDir: `${dir}/backups`, onIndexProgress: (d, t) => progress.push([d, t]) });
      try {
        expect(reopened.migrationBackup).toMatch(new RegExp(`archive-v5-before-v${MIGRATIONS.length}-`));
        // No FTS5 table is left in the archive.
        expect(reopened.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%USING fts5%'").pluck().get()).toBe(0);
        expect(progress).toEqual([[60, 60]]);
        expect(checkSearchIndex(reopened, { words: true }).ok).toBe(true);
        expect(byMeeting(reopened, rankedScores(reopened, 'hội nghị')).size).toBe(30);
        // UBND and its expansion find each other; typed with marks, "Hội" is told from "Hỏi" (both "hoi").
        expect(byMeeting(reopened, rankedScores(reopened, 'UBND')).size).toBe(30);
        expect(searchMeetings(reopened, SearchQuery.parse({ query: 'hoi', limit: 100 })).total).toBe(45);
        expect(searchMeetings(reopened, SearchQuery.parse({ query: 'Hội', limit: 100 })).total).toBe(30);
      } finally {
        reopened.close();
      }
    } finally {
      done();
    }
  });
});

describe("the dictionary's phrases as terms", () => {
  it('are read as one list and score as position matching does; an index holding another set is rebuilt as the archive opens', async () => {
    const { archive: a, dir, cleanup: done } = await tempArchive();
    try {
      await generateDemo(a, { meetings: 54, seed: 9, now: () => NOW });
      const minutes = [
        'Ủy ban nhân dân tỉnh họp thường kỳ; ủy ban nhân dân huyện báo cáo.',
        'UBND tỉnh chủ trì, các sở dự.',
        'Ủy ban MTTQ và nhân dân địa phương cùng tham gia.',
      ];
      for (let i = 0; i < 6; i++) addRecord(a, { title: `Phiên họp Ủy ban nhân dân số ${i + 1}`, minutes: minutes[i % 3]! });
      const query = '"ủy ban nhân dân" tỉnh OR UBND';
      const reader = new RankedIndexReader(a.sqlite);
      expect(reader.holdsPhraseTerms).toBe(true);
      expect(reader.word('uy ban nhan dan').segments.length).toBeGreaterThan(0);
      const byTerm = rankedScores(a, query);
      expect(byTerm.size).toBeGreaterThan(5);

      // Another program's set: the phrase terms are not read, positions answer the same.
      a.sqlite.prepare("UPDATE search_index_state SET value = 1 WHERE key = 'phrases'").run();
      expect(new RankedIndexReader(a.sqlite).holdsPhraseTerms).toBe(false);
      expect(rankedScores(a, query)).toEqual(byTerm);
      const before = byMeeting(a, byTerm);

      const file = a.file;
      a.close();
      const progress: [number, number][] = [];
      const reopened = await openArchive({ file, backupDir: `${dir}/backups`, onIndexProgress: (d, t) => progress.push([d, t]) });
      try {
        expect(progress).toEqual([[60, 60]]);
        expect(new RankedIndexReader(reopened.sqlite).holdsPhraseTerms).toBe(true);
        expect(checkSearchIndex(reopened, { words: true }).ok).toBe(true);
        expect(byMeeting(reopened, rankedScores(reopened, query))).toEqual(before);
        // A prefix never lists a phrase term as one of its words.
        expect(new RankedIndexReader(reopened.sqlite).wordsWithPrefix('uy', 100).some((w) => w.includes(' '))).toBe(false);
      } finally {
        reopened.close();
      }
    } finally {
      done();
    }
  });
});
