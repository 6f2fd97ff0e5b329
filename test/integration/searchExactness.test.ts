import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open';
import { searchMeetings } from '../../db/search/search';
import { rebuildSearchIndex } from '../../db/search/indexer';
import { DEFAULT_ABBREVIATIONS } from '../../db/search/abbreviations';
import { getMeeting, updateMeeting } from '../../db/meetings';
import { setMeetingTags } from '../../db/tags';
import { addConclusion } from '../../db/conclusions';
import { restoreMeeting, trashMeeting } from '../../db/trash';
import { MeetingFields, PersonFields, SearchQuery } from '../../contract/contract';
import { getPerson, updatePerson } from '../../db/people';
import { ConclusionFields } from '../../contract/recordPartsContract';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { tempArchive } from '../helpers/tempArchive';
import { addRecord, type RecordSpec } from '../helpers/meetingRecord';
import { seededRandom } from '../helpers/seededRandom';
import { bruteSearch, loadCorpus, type RefCorpus, type RefResult } from '../helpers/bruteBm25';
import { foldedMatch, type ParsedQuery } from '../../db/search/query';
import { SEARCH_COLUMNS } from '../../db/search/document';
import { FIELD_WEIGHTS } from '../../db/search/snippets';
import Database from 'better-sqlite3';

/**
 * Issue 18, item 5: whatever engine implements `searchMeetings` must give, for random queries over a few
 * thousand random meetings, the same total and the same top 20 in the same order as a brute-force
 * reference (test/helpers/bruteBm25.ts: DESIGN.md §4's matching, FTS5's bm25 with hoso's field weights,
 * exact-mark hits first, docid as the last tie-break) — on a freshly built index and again after hundreds
 * of edits, trashings and restores made through the real write path, when the ranking statistics
 * (N, nHit, avgdl over the live meetings) must still be exact.
 *
 * Three checks over one archive: the index as the write path left it (every record write re-indexes its
 * meeting), the same after rebuildSearchIndex, and after EDITS more writes. A last test checks the
 * reference itself against FTS5's own bm25.
 *
 * searchMeetings shows scores rounded to 3 decimals: they are compared within that rounding, and the order
 * of the page is what holds the engine to REL_TOLERANCE (two different scores closer than it may swap;
 * equal ones must follow the docid).
 *
 * On the FTS5 engine of issue 17 all three checks fail, and that is their point (report of issue 18): FTS5
 * with contentless_delete=1 never lowers its row count and token total on a delete, so every re-index
 * (each record write) inflates N and avgdl; and under NOT it drops some phrase instances from bm25.
 *
 * The meetings, the writes and the queries are seeded: a failure names its seed, phase and query, and the
 * same queries run again. Meeting ids are UUIDv7 (random within a millisecond) and a rebuild numbers the
 * docids in id order, so docid tie-breaks, and which rows FTS5 mis-scores under NOT, can move between
 * runs (HOSO_EXACTNESS_KEEP keeps a copy of the archive at each check, to replay a query against it).
 */

const SEED = 18_05;
/** Meetings written before the first check. */
const MEETINGS = 2000;
/** Random queries per check. */
const QUERIES = 200;
/**
 * Asked in every check besides the random ones: exclusions next to phrases and dictionary alternatives,
 * the shape under which FTS5 drops phrase instances from bm25 (see checkReferenceAgainstFts5).
 */
const FIXED_QUERIES = [
  '-khai dbdv OR công bca dong',
  'dong hòa OR Mường -nhiệm "be cong"',
  '-"quan su" btv hoi nghi',
  'binh OR bàn giao -"bán đấu giá" QP',
  'the:Thủy-lợi -quả thang OR y',
  'quốc phòng OR "kinh tế" UBND -"hoa binh"',
  'ubnd OR hdnd "dong chi" -ket',
  '"hội nghị" ktxh OR qp -tinh',
  // Filters alone with exclusions: the exclusions apply (they were once dropped without a positive word).
  'loai:giao-ban -dong',
  'tu:2022 -tinh -"quoc phong"',
];
/** Writes between the checks: edits of fields, tags and conclusions, trashings, restores, renamed people, new meetings. */
const EDITS = 300;
/** The page compared with the reference. */
const TOP = 20;
/** Scores (bm25) equal within this, relative. */
const REL_TOLERANCE = 1e-9;
/** Queries of the reference's own check against FTS5's bm25, and the agreement asked of it (relative). */
const SELF_CHECK_QUERIES = 100;
const SELF_CHECK_TOLERANCE = 1e-12;
/** Meetings written per outer transaction while filling (one commit each, not one per meeting). */
const FILL_BATCH = 250;

const rnd = seededRandom(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
const chance = (p: number) => rnd() < p;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const some = <T>(list: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(list));

// ---------------------------------------------------------------------------------------------------
// Vocabulary: our own words. Common ones (hội nghị, đồng chí, tỉnh) land in nearly every meeting; words
// that differ only by their marks (đồng/động/đông/dong, bàn/bán/bạn/ban/bản, hòa/hoà, thủy/thuỷ, Ủy/Uỷ)
// test both matching modes; the dictionary's abbreviations and their expansions both occur.

const COMMON = ['hội nghị', 'đồng chí', 'tỉnh', 'công tác', 'nhiệm vụ', 'triển khai', 'thực hiện', 'kết quả'];
const MARKED_VARIANTS = [
  'đồng bào',
  'đồng ý',
  'hoạt động',
  'lao động',
  'động viên',
  'mùa đông',
  'đóng góp',
  'cánh đồng',
  'bàn bạc',
  'bàn giao',
  'bán đấu giá',
  'bạn bè',
  'Ban Thường vụ',
  'văn bản',
  'hòa bình',
  'hoà bình',
  'hòa giải',
  'thủy lợi',
  'thuỷ lợi',
  'thủy sản',
  'Ủy ban',
  'Uỷ ban',
  'quân sự',
  'quân đội',
];
/** Typed without marks by a hurried clerk: the literal forms "dong", "ban", "hoa" exist in a few meetings. */
const UNMARKED = ['dong chi', 'ban giao', 'hoa binh', 'cong tac', 'dong bao', 'to chuc'];
const FILLER = [
  'phát triển',
  'xây dựng',
  'chương trình',
  'kế hoạch',
  'đánh giá',
  'tình hình',
  'địa bàn',
  'huyện',
  'xã',
  'nhân dân',
  'cán bộ',
  'đảng viên',
  'chính trị',
  'an ninh',
  'trật tự',
  'diễn tập',
  'phòng thủ',
  'biên giới',
  'ngân sách',
  'đầu tư',
  'giáo dục',
  'y tế',
  'thiên tai',
  'lũ lụt',
  'chuyển đổi số',
  'cải cách hành chính',
  'tuyển quân',
  'huấn luyện',
  'sẵn sàng chiến đấu',
  'thi đua',
  'khen thưởng',
  'tổng kết',
  'sơ kết',
  'quý',
  'tháng',
  'năm',
  'báo cáo',
  'đề xuất',
  'thống nhất',
  'chỉ đạo',
  'lãnh đạo',
  'tham mưu',
  'giải pháp',
  'khó khăn',
  'hạn chế',
  'tồn tại',
];
/** Dictionary entries on both sides (db/search/abbreviations.ts), plus a few pieces of them. */
const ABBREVIATED = DEFAULT_ABBREVIATIONS.flatMap(([a, full]) => [a, full]).filter((_, i) => i < 44);
const RARE = ['Trường Sa', 'Côn Đảo', 'Điện Biên', 'Tây Nguyên', 'Mường Lát', 'Sìn Hồ', 'Ia Grai', 'Hà Giang', 'Cà Mau', 'Quảng Trị', 'Đắk Lắk', 'Lạng Sơn'];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Hồng'];
const GIVEN = ['Hùng', 'Hưng', 'Dũng', 'Đông', 'Đồng', 'Bình', 'Hòa', 'Thủy', 'Lan', 'Hương', 'Tuấn', 'Tú', 'Nam', 'Long', 'Sơn', 'Hải', 'Hà', 'Phương', 'Giang', 'Thắng', 'Vinh', 'Tuyến', 'Bàn', 'Bản'];
const RANKS = ['', '', 'Đại tá', 'Thượng tá', 'Trung tá', 'Thiếu tá', 'Đại úy', 'Thiếu tướng', 'Trung tướng', 'Đại tướng'];
const TITLES = [
  'Bí thư Tỉnh ủy',
  'Phó Bí thư Thường trực Tỉnh ủy',
  'Chủ tịch UBND tỉnh',
  'Phó Chủ tịch Ủy ban nhân dân tỉnh',
  'Chủ tịch HĐND tỉnh',
  'Chỉ huy trưởng Bộ CHQS tỉnh',
  'Chính ủy Bộ Chỉ huy Quân sự tỉnh',
  'Giám đốc Công an tỉnh',
  'Trưởng ban Tuyên giáo',
  'Chánh Văn phòng',
  'Ủy viên BTV Tỉnh ủy',
  'Ủy viên Ban Chấp hành',
];
const PEOPLE = Array.from({ length: 90 }, () => ({
  name: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`,
  rank: pick(RANKS),
  titles: pick(TITLES),
}));
const TAGS = ['Quốc phòng', 'Xây dựng', 'Kinh tế', 'An ninh', 'Đối ngoại', 'Thủy lợi', 'Thuỷ sản', 'Hòa giải', 'Chuyển đổi số', 'Bàn giao'];
const KINDS = ['Hội nghị', 'Hội nghị', 'Hội nghị', 'Cuộc họp', 'Làm việc', 'Giao ban', 'Tọa đàm', 'Sơ kết', 'Tổng kết'];
const PLACES = ['Hội trường UBND tỉnh', 'Hội trường Bộ Chỉ huy Quân sự tỉnh', 'Phòng họp số 2', 'Nhà văn hóa huyện', 'Trụ sở Tỉnh ủy', 'Đồn Biên phòng Trường Sa'];
const DOC_TYPES = ['Nghị quyết', 'Kế hoạch', 'Quyết định', 'Thông báo', 'Chỉ thị', 'Quy chế'];
const ISSUERS = ['UBND', 'HĐND', 'TU', 'QUTW', 'BCH', 'BQP', 'CAT'];

function phraseWords(n: number): string[] {
  return Array.from({ length: n }, () => {
    const r = rnd();
    if (r < 0.3) return pick(COMMON);
    if (r < 0.5) return pick(MARKED_VARIANTS);
    if (r < 0.55) return pick(ABBREVIATED);
    if (r < 0.57) return pick(RARE);
    if (r < 0.58) return pick(UNMARKED);
    return pick(FILLER);
  });
}
const sentence = (n: number) => {
  const s = phraseWords(n).join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
};
const date = () => (chance(0.04) ? null : `${int(2018, 2025)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`);

function randomRecord(): RecordSpec {
  const kind = pick(KINDS);
  const attendees = [...new Map(some(PEOPLE, int(0, 6)).map((p) => [p.name, p])).values()];
  return {
    title: `${chance(0.85) ? `${kind} ` : ''}${phraseWords(int(2, 6)).join(' ')}${chance(0.1) ? ` ${pick(RARE)}` : ''}`,
    kind,
    date: date(),
    location: chance(0.7) ? pick(PLACES) : '',
    organizer: chance(0.5) ? pick(['Tỉnh ủy', 'UBND tỉnh', 'Bộ CHQS tỉnh', 'Ủy ban MTTQ tỉnh']) : '',
    minutes: Array.from({ length: int(1, 6) }, () => sentence(int(4, 14))).join(' ') + (chance(0.9) ? ' Đồng chí chủ trì kết luận hội nghị.' : ''),
    attendees,
    conclusions: Array.from({ length: int(0, 3) }, () => sentence(int(3, 9))),
    captions: Array.from({ length: int(0, 2) }, () => `Đồng chí ${pick(PEOPLE).name} ${pick(['phát biểu', 'trao tặng bằng khen', 'kiểm tra'])} tại ${pick(PLACES)}.`),
    docs: chance(0.4)
      ? Array.from({ length: int(1, 2) }, () => ({ number: `${int(1, 1500)}/${pick(DOC_TYPES) === 'Kế hoạch' ? 'KH' : 'NQ'}-${pick(ISSUERS)}`, type: pick(DOC_TYPES), date: date() }))
      : [],
    tags: [...new Set(some(TAGS, int(0, 2)))],
  };
}

// ---------------------------------------------------------------------------------------------------
// Queries: 1–4 words (common and rare, with and without marks), phrases, OR, exclusions, prefixes, the
// field filters, and the request's own filters and sort.

const stripMarks = (s: string) => (chance(0.5) ? foldVietnamese(s) : s);
const aWord = (): string => {
  const r = rnd();
  const source = r < 0.3 ? pick(COMMON) : r < 0.6 ? pick(MARKED_VARIANTS) : r < 0.7 ? pick(ABBREVIATED) : r < 0.78 ? pick(RARE) : r < 0.82 ? pick(GIVEN) : pick(FILLER);
  const ws = source.split(' ');
  // Usually one word of it, sometimes the whole thing (two dictionary words spell an entry)
  return chance(0.3) ? source : ws[Math.floor(rnd() * ws.length)]!;
};

/**
 * The live meetings in the order the test wrote them: meeting ids (UUIDv7) and docids after a rebuild
 * depend on the clock, so picking from them would make the queries differ from run to run.
 */
const liveDocs = (corpus: RefCorpus) => live.map((id) => corpus.byMeeting.get(id)!);

function randomQuery(corpus: RefCorpus): { query: string; req: Partial<SearchQuery> } {
  const parts: string[] = [];
  const nWords = int(1, 4);
  for (let i = 0; i < nWords; i++) {
    const r = rnd();
    if (r < 0.55) parts.push(stripMarks(aWord()));
    else if (r < 0.65) {
      // A phrase taken from a meeting's own text, so that phrases do hit.
      const doc = pick(liveDocs(corpus));
      const ws = doc.title.split(/\s+/);
      const at = int(0, Math.max(0, ws.length - 2));
      parts.push(`"${stripMarks(ws.slice(at, at + int(2, 3)).join(' '))}"`);
    } else if (r < 0.73) parts.push(`${stripMarks(aWord())} OR ${stripMarks(aWord())}`);
    else if (r < 0.8) {
      const w = stripMarks(aWord()).split(' ')[0]!;
      parts.push(`${w.slice(0, Math.max(2, Math.min(w.length, int(2, 4))))}*`);
    } else if (r < 0.86) parts.push(`-${chance(0.7) ? stripMarks(aWord()).split(' ')[0] : `"${stripMarks(pick(MARKED_VARIANTS))}"`}`);
    else if (r < 0.91) {
      const p = pick(PEOPLE);
      const name = chance(0.5) ? p.name.split(' ').slice(-1)[0]! : `"${p.name}"`;
      parts.push(`nguoi:${stripMarks(name)}`);
    } else if (r < 0.95) parts.push(`the:${stripMarks(pick(TAGS)).replace(/ /g, '-')}`);
    else if (r < 0.97) parts.push(`loai:${stripMarks(pick(KINDS)).replace(/ /g, '-')}`);
    else parts.push(chance(0.5) ? `tu:${pick(['2020', '06/2021', '15/03/2022'])}` : `den:${pick(['2023', '12/2022', '30/06/2024'])}`);
  }
  const req: Partial<SearchQuery> = {};
  if (chance(0.1)) req.sort = 'date';
  if (chance(0.08)) req.year = int(2018, 2025);
  if (chance(0.06)) req.kind = pick(KINDS);
  if (chance(0.05)) req.tag = pick(TAGS);
  if (chance(0.05)) {
    const withPeople = liveDocs(corpus).filter((d) => d.personIds.size > 0);
    req.personId = [...pick(withPeople).personIds][0]!;
  }
  return { query: parts.join(' '), req };
}

// ---------------------------------------------------------------------------------------------------

let archive: Archive;
let cleanup: () => void;
const live: string[] = [];
const trashed: string[] = [];

function fill(n: number): void {
  for (let done = 0; done < n; done += FILL_BATCH) {
    archive.sqlite.transaction(() => {
      for (let i = done; i < Math.min(n, done + FILL_BATCH); i++) live.push(addRecord(archive, randomRecord()));
    })();
  }
}

const short = (id: string) => id.slice(-6);
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(6) : String(x));

interface Failure {
  query: string;
  req: Partial<SearchQuery>;
  features: string[];
  /** What differs: total, rows, order, exact, score. */
  kinds: string[];
  problems: string[];
  expected: string;
  actual: string;
  stats: RefResult['stats'];
}

/** Compares one query's answer with the reference; an empty list when they agree. */
function compare(corpus: RefCorpus, query: string, over: Partial<SearchQuery>): { failure: Failure | null; ref: RefResult } {
  const req = SearchQuery.parse({ query, limit: TOP, ...over });
  const ref = bruteSearch(corpus, req);
  const got = searchMeetings(archive, req);
  const problems: string[] = [];
  if (got.total !== ref.total) problems.push(`total ${got.total}, expected ${ref.total}`);
  const want = ref.ordered.slice(0, TOP);
  if (got.rows.length !== want.length) problems.push(`${got.rows.length} rows, expected ${want.length}`);
  const key = (h: (typeof want)[number]) => h.rank - (h.exact ? 1000 : 0);
  const byMeeting = new Map(ref.ordered.map((h) => [h.doc.meetingId, h]));
  got.rows.forEach((row, i) => {
    const exp = want[i];
    if (!exp) return;
    const mine = byMeeting.get(row.id);
    if (!mine) {
      problems.push(`#${i + 1}: ${short(row.id)} is no hit of the reference`);
      return;
    }
    if (row.id !== exp.doc.meetingId) {
      // Two different scores closer than the tolerance may come out in either order; equal ones may not.
      const a = key(mine);
      const e = key(exp);
      const near = a !== e && Math.abs(a - e) <= REL_TOLERANCE * Math.max(1, Math.abs(e)) && mine.exact === exp.exact;
      if (!near) problems.push(`#${i + 1}: ${short(row.id)} (docid ${mine.doc.docid}), expected ${short(exp.doc.meetingId)} (docid ${exp.doc.docid})`);
    }
    if (row.exact !== mine.exact) problems.push(`#${i + 1}: exact ${row.exact}, expected ${mine.exact}`);
    const x = -mine.rank + (mine.exact ? 1000 : 0);
    // The shown score is rounded to 3 decimals: equal to the reference's within that rounding.
    if (Math.abs(row.score - x) > 0.0005 + REL_TOLERANCE * Math.max(1, Math.abs(x))) problems.push(`#${i + 1}: score ${row.score}, expected ${fmt(x)}`);
  });
  if (problems.length === 0) return { failure: null, ref };
  const docid = (id: string) => corpus.byMeeting.get(id)?.docid ?? '?';
  const failure: Failure = {
    query,
    req: over,
    features: features(ref.parsed, over),
    kinds: [...new Set(problems.map(problemKind))],
    problems: problems.slice(0, 6),
    expected: want.map((h) => `${h.doc.docid}${h.exact ? '!' : ''}:${fmt(h.rank)}`).join(' '),
    actual: got.rows.map((r) => `${docid(r.id)}${r.exact ? '!' : ''}:${fmt(r.exact ? 1000 - r.score : -r.score)}`).join(' '),
    stats: ref.stats,
  };
  return { failure, ref };
}

function problemKind(p: string): string {
  if (p.startsWith('total')) return 'total';
  if (/^\d+ rows/.test(p)) return 'rows';
  if (/: exact /.test(p)) return 'exact';
  if (/: score /.test(p)) return 'score';
  return 'order';
}

/** What a query exercises, to see at a glance what the disagreeing queries have in common. */
function features(q: ParsedQuery, req: Partial<SearchQuery>): string[] {
  const terms = q.clauses.flatMap((c) => c.alternatives);
  const f: string[] = [];
  if (q.excluded.length) f.push('exclusion');
  if (terms.some((t) => t.words.length > 1)) f.push('phrase');
  if (q.clauses.some((c) => c.alternatives.filter((a) => !a.expanded).length > 1)) f.push('OR');
  if (terms.some((t) => t.expanded)) f.push('dictionary');
  if (terms.some((t) => t.prefix)) f.push('prefix');
  if (terms.some((t) => t.column)) f.push('column');
  if (terms.some((t) => t.words.some((w) => w.marked))) f.push('marks');
  if (q.from || q.to || q.kinds.length || req.year || req.kind || req.tag || req.personId) f.push('filter');
  if (req.sort === 'date' || q.clauses.length === 0) f.push('by date');
  return f;
}

/**
 * HOSO_EXACTNESS_KEEP=<folder>: a copy of the archive is kept there at each check (VACUUM INTO copies the
 * index's shadow tables as they are, drifted statistics included), to replay a failing query against it.
 */
const KEEP = process.env.HOSO_EXACTNESS_KEEP ?? null;

/** Runs QUERIES random queries (seeded per phase) and returns a readable report of the disagreements. */
/** How much of the rules the random queries reached: a check whose queries all find nothing proves nothing. */
interface Coverage {
  answered: number;
  moreThanAPage: number;
  exactAndFolded: number;
  byDate: number;
  excluded: number;
  phrases: number;
  prefixes: number;
  dictionary: number;
}

function check(phase: string): { failures: Failure[]; report: string; queries: number; coverage: Coverage } {
  if (KEEP) archive.sqlite.exec(`VACUUM INTO '${join(KEEP, `${phase.replace(/\W+/g, '-')}.sqlite`).replace(/'/g, "''")}'`);
  const corpus = loadCorpus(archive.sqlite);
  const failures: Failure[] = [];
  const coverage: Coverage = { answered: 0, moreThanAPage: 0, exactAndFolded: 0, byDate: 0, excluded: 0, phrases: 0, prefixes: 0, dictionary: 0 };
  let queries = 0;
  const fixed = FIXED_QUERIES.map((query) => ({ query, req: {} }));
  for (let i = 0; i < QUERIES + fixed.length; i++) {
    // The random queries first, so that a report shows them before the fixed ones.
    const { query, req } = i < QUERIES ? randomQuery(corpus) : fixed[i - QUERIES]!;
    queries++;
    let f: Failure | null;
    try {
      const { failure, ref } = compare(corpus, query, req);
      f = failure;
      if (ref.total > 0) {
        coverage.answered++;
        const fs = features(ref.parsed, req);
        if (ref.total > TOP) coverage.moreThanAPage++;
        if (ref.ordered.some((h) => h.exact) && ref.ordered.some((h) => !h.exact)) coverage.exactAndFolded++;
        if (fs.includes('by date')) coverage.byDate++;
        if (fs.includes('exclusion')) coverage.excluded++;
        if (fs.includes('phrase')) coverage.phrases++;
        if (fs.includes('prefix')) coverage.prefixes++;
        if (fs.includes('dictionary')) coverage.dictionary++;
      }
    } catch (e) {
      f = { query, req, features: [], kinds: ['threw'], problems: [`threw ${(e as Error).message}`], expected: '', actual: '', stats: { rows: corpus.rows, avgdl: NaN, phrases: [] } };
    }
    if (f) failures.push(f);
  }
  const common = new Map<string, number>();
  const differ = new Map<string, number>();
  for (const f of failures) {
    for (const x of f.features) common.set(x, (common.get(x) ?? 0) + 1);
    for (const x of f.kinds) differ.set(x, (differ.get(x) ?? 0) + 1);
  }
  const lines = failures.slice(0, 8).map((f) =>
    [
      `  query ${JSON.stringify(f.query)} ${JSON.stringify(f.req)} [${f.features.join(', ')}]`,
      `    ${f.problems.join('; ')}`,
      `    expected (docid[!exact]:bm25) ${f.expected}`,
      `    actual                        ${f.actual}`,
      `    reference N=${f.stats.rows} avgdl=${fmt(f.stats.avgdl)} phrases ${f.stats.phrases.map((p) => `${p.term} nHit=${p.nHit} idf=${fmt(p.idf)}`).join(', ')}`,
    ].join('\n'),
  );
  const shared = [...common].map(([x, n]) => `${x} ${n}`).join(', ');
  const report = `${phase} (seed ${SEED}): ${failures.length} of ${queries} queries disagree with the brute-force reference over ${corpus.rows} live meetings (reference N=${corpus.rows}, avgdl=${fmt(corpus.tokens / corpus.rows)}); the disagreeing queries have: ${shared || '-'}; they differ in: ${[...differ].map(([x, n]) => `${x} ${n}`).join(', ') || '-'}\n${lines.join('\n')}`;
  return { failures, report, queries, coverage };
}

const W = { actor: 'kiểm thử' };
const version = (id: string) => getMeeting(archive, id).version;

/** EDITS writes through the repositories, each in its own transaction as the app makes them. */
function edit(): void {
  for (let i = 0; i < EDITS; i++) {
    const r = rnd();
    if (r < 0.4) {
      const id = pick(live);
      const m = getMeeting(archive, id);
      const next = randomRecord();
      const fields = MeetingFields.parse({
        title: chance(0.5) ? next.title : m.title,
        kind: chance(0.2) ? next.kind : m.kind,
        meetingDate: chance(0.2) ? next.date : m.meetingDate,
        startTime: null,
        endTime: null,
        location: m.location,
        organizer: m.organizer,
        minutesText: chance(0.7) ? next.minutes : m.minutesText + ' ' + sentence(int(3, 8)),
      });
      updateMeeting(archive, id, m.version, fields, W.actor);
    } else if (r < 0.55) {
      const id = pick(live);
      setMeetingTags(archive, id, version(id), [...new Set(some(TAGS, int(0, 3)))], W);
    } else if (r < 0.65) {
      const id = pick(live);
      addConclusion(archive, id, version(id), ConclusionFields.parse({ text: sentence(int(3, 10)) }), W);
    } else if (r < 0.88) {
      const at = Math.floor(rnd() * live.length);
      const id = live[at]!;
      trashMeeting(archive, id, version(id), W);
      live.splice(at, 1);
      trashed.push(id);
    } else if (r < 0.94 && trashed.length > 0) {
      const at = Math.floor(rnd() * trashed.length);
      const id = trashed[at]!;
      restoreMeeting(archive, id, W.actor);
      trashed.splice(at, 1);
      live.push(id);
    } else if (r < 0.97) {
      // A person renamed in the directory: every meeting they attended is indexed again.
      const ids = archive.sqlite.prepare('SELECT id FROM people WHERE deleted_at IS NULL ORDER BY full_name, id').pluck().all() as string[];
      const person = getPerson(archive, pick(ids));
      updatePerson(archive, person.id, person.version, PersonFields.parse({ ...person, fullName: `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}` }), W.actor);
    } else {
      live.push(addRecord(archive, randomRecord()));
    }
  }
}

/** The random queries reached every part of the rules (counts of queries with at least one hit). */
function expectCoverage(c: Coverage): void {
  const at = (share: number) => Math.ceil(QUERIES * share);
  expect(c.answered, JSON.stringify(c)).toBeGreaterThanOrEqual(at(0.5));
  expect(c.moreThanAPage, JSON.stringify(c)).toBeGreaterThanOrEqual(at(0.2));
  for (const n of [c.exactAndFolded, c.byDate, c.excluded, c.phrases, c.prefixes, c.dictionary]) expect(n, JSON.stringify(c)).toBeGreaterThanOrEqual(at(0.02));
}

beforeAll(async () => {
  ({ archive, cleanup } = await tempArchive());
  fill(MEETINGS);
}, 120_000);
afterAll(() => cleanup?.());

/**
 * The reference's bm25 against FTS5's own fts5Bm25Function, on an FTS5 table of the reference's folded text
 * in a database of its own (not hoso's index, so this holds whatever engine hoso has): for every row the
 * positive clauses match, the same score within SELF_CHECK_TOLERANCE, and the same rows. Rows holding an
 * excluded term are left out (their excluded phrases count in the reference's bm25 but are not part of the
 * positive expression asked of FTS5), and the NOT itself is not asked: FTS5 mis-scores some rows under NOT
 * (see the report of issue 18), which is a fault of FTS5's, not a rule to copy.
 */
function checkReferenceAgainstFts5(): string[] {
  const corpus = loadCorpus(archive.sqlite);
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(${SEARCH_COLUMNS.join(', ')}, tokenize='unicode61 remove_diacritics 0', detail=full)`);
    const insert = db.prepare(`INSERT INTO t (rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (const d of corpus.docs) insert.run(d.docid, ...d.folded);
    })();
    const ranked = db.prepare(`SELECT rowid AS docid, bm25(t, ${SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ')}) AS rank FROM t WHERE t MATCH ?`);
    const problems: string[] = [];
    let compared = 0;
    for (let i = 0; i < SELF_CHECK_QUERIES && problems.length < 10; i++) {
      const { query } = randomQuery(corpus);
      const ref = bruteSearch(corpus, SearchQuery.parse({ query }));
      const positive = foldedMatch({ ...ref.parsed, excluded: [] });
      if (!positive) continue;
      const rows = ranked.all(positive) as { docid: number; rank: number }[];
      const want = corpus.docs.filter((d) => ref.matchesFolded(d));
      if (rows.length !== want.length) problems.push(`${JSON.stringify(query)}: FTS5 matches ${rows.length} rows, the reference ${want.length}`);
      for (const r of rows) {
        const doc = corpus.byDocid.get(r.docid)!;
        if (ref.holdsExcluded(doc)) continue;
        compared++;
        const mine = ref.bm25(doc);
        if (Math.abs(mine - r.rank) > SELF_CHECK_TOLERANCE * Math.max(1, Math.abs(r.rank))) {
          problems.push(`${JSON.stringify(query)}: docid ${r.docid} FTS5 bm25 ${r.rank}, reference ${mine}`);
          break;
        }
      }
    }
    if (compared < 10_000) problems.push(`only ${compared} rows compared`);
    return problems;
  } finally {
    db.close();
  }
}

describe('search exactness: searchMeetings against a brute-force bm25 reference (issue 18)', () => {
  it('agrees on the index as the write path left it', () => {
    const { failures, report, coverage } = check('as written');
    expectCoverage(coverage);
    expect(failures.length, report).toBe(0);
  }, 120_000);

  it('agrees after a rebuild of the index', () => {
    rebuildSearchIndex(archive);
    const { failures, report, coverage } = check('rebuilt');
    expectCoverage(coverage);
    expect(failures.length, report).toBe(0);
  }, 120_000);

  it('still agrees after edits, trashings and restores (statistics of the live meetings only)', () => {
    edit();
    const { failures, report, coverage } = check(`after ${EDITS} writes`);
    expectCoverage(coverage);
    expect(failures.length, report).toBe(0);
  }, 120_000);

  it("the reference's bm25 is FTS5's own (on an FTS5 table of the reference's text, not hoso's index)", () => {
    expect(checkReferenceAgainstFts5()).toEqual([]);
  }, 120_000);
});
