
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import { openArchive, type Archive } from '../db/open';
import { searchMeetings } from '../db/search/search';
import { BASELINE, buildFtsBaseline, dropFtsBaseline, ftsTop20, rawFtsSearch } from './ftsBaseline';
import { RankedQuery } from '../db/search/rankedQuery';
import { RankedIndexReader } from '../db/search/rankedIndex';
import { docMeta } from '../db/search/docMeta';
import { indexMeeting, mergeSearchTail, rebuildSearchIndex } from '../db/search/indexer';
import { stateValue, tailSize } from '../db/search/rankedIndex';
import { compactSearchIndex } from '../db/search/compaction';
import { forgetSearchCache } from '../db/search/searchCache';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { docFacets, docFacetsReady } from '../db/search/docFacets';
import { foldedMatch, MAX_OR_ALTERNATIVES, parseQuery } from '../db/search/query';
import { percentile, timeMs } from './stats';

/** Wall and CPU milliseconds of one call. */
function timeBoth(fn: () => unknown): { wall: number; cpu: number } {
  const cpu = process.cpuUsage();
  const wall = timeMs(fn);
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/**
 * The fixed query mix: 1–4 terms, with and without marks, phrases, OR, exclusion, prefix, abbreviations
 * and filters, in the words the demo archive (and real minutes) use.
 */
export const QUERY_MIX = [
  'hội nghị',
  'hoi nghi',
  'quốc phòng',
  'quoc phong an ninh',
  'dai ta',
  'Đại tá',
  'diễn tập khu vực phòng thủ',
  '"khu vực phòng thủ"',
  '"kinh tế - xã hội"',
  'KT-XH',
  'UBND tinh',
  'tuyển quân',
  'tuyen quan nam',
  'ngân sách -tổng',
  'huấn luyện OR diễn tập',
  'phòng*',
  'chuyen doi so',
  'Nghị quyết',
  'ban chấp hành đảng bộ tỉnh',
  'giao ban tu:2024',
  'hội nghị loai:"Hội nghị" tu:01/2023 den:12/2023',
  'nguoi:nguyen',
  'thường vụ tỉnh ủy',
  'quang cảnh hội nghị',
];

/** Wall milliseconds of the search calls: median, tail and worst. */
interface Spread {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
const spread = (samples: number[]): Spread => ({
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
  p99: percentile(samples, 99),
  max: percentile(samples, 100),
});

export interface SearchBench {
  archive: string;
  meetings: number;
  queries: number;
  runsPerQuery: number;
  hoso: Spread;
  /**
   * The same calls with the cache of earlier searches' terms emptied before each (searchCache.ts): a
   * query typed for the first time since the last change, its words' lists already read.
   */
  hosoFirstSearch: Spread;
  rawFts: Spread;
  ratioP95: number;
  ratioP50: number;
  perQueryP95: Record<string, { hoso: number; raw: number; total: number }>;
  /**
   * The same samples as CPU time of this process (SQLite runs on its thread): on a machine shared with
   * other jobs, wall time also counts the time spent waiting for a core; CPU time counts only the work.
   */
  cpu: { hoso: { p50: number; p95: number }; rawFts: { p50: number; p95: number }; ratioP95: number; ratioP50: number };
  index: { bytes: number; textBytes: number; ratioToText: number };
  /**
   * The index's lists (search_postings and search_marked_lists with their keys, search_tail) against the
   * same text: `index` adds search_docs; `words` counts the word and phrase terms, `forms` the marked forms.
   */
  ranked: { bytes: number; ratioToText: number; words: number; forms: number };
  /**
   * Saves at this size: a meeting's title and minutes changed and re-indexed, one transaction each,
   * committed (ms); then the query mix with those meetings in the tail, and the merge that empties it.
   */
  save: { count: number; p50: number; p95: number; indexP95: number };
  withTail: { tail: number; p50: number; p95: number };
  merge: { documents: number; words: number; ms: number } | null;
  /**
   * Then a compaction pass forced over the whole main segment (db/search/compaction.ts; between requests
   * it runs one step per check): its steps, the longest step (what a request may wait behind), the
   * whole pass, the lists it rewrote.
   */
  compaction: { dead: number; steps: number; maxStepMs: number; totalMs: number; lists: number };
  /**
   * Each query of the mix without an exclusion (FTS5 3.53 drops phrase instances from bm25 under NOT):
   * the ranked index's 20 best by bm25 over the text match against FTS5's on the freshly built baseline.
   */
  exactTop20: { compared: number; same: number; differing: string[] };
  rebuildSeconds: number;
  /** Building the raw FTS5 baseline's table (bench/ftsBaseline.ts) of the same text, for comparison. */
  baselineBuildSeconds: number;
  /** CPU time of the rebuild; the rest of rebuildSeconds is waiting for the disk or for a core. */
  rebuildCpuSeconds: number;
  /**
   * Time to load the in-memory people/tag facet table after the rebuild (db/search/docFacets.ts), in
   * slices on the event loop; searches before it is loaded count those facets in SQL. The timed searches
   * run once it is loaded, as every search does a few seconds after the archive is opened.
   */
  facetsLoadSeconds: number;
  /** How long the event loop waited for one load slice (ms), and the table's typed arrays (bytes). */
  facetsLoad: { sliceWaitMs: { p50: number; p99: number; max: number }; bytes: number };
  archiveBytes: number;
  /** The hostile queries (HOSTILE_QUERIES) beside the one word they repeat: see benchHostile. */
  hostile: HostileRow[];
}

const base = { sort: 'relevance' as const, offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null };

export async function benchSearch(file: string, runs: number): Promise<SearchBench> {
  const archive = await openArchive({ file });
  try {
    const meetings = (archive.sqlite.prepare('SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL').get() as { n: number }).n;
    const rebuildCpu = process.cpuUsage();
    const rebuild = rebuildSearchIndex(archive);
    const rebuildCpuUsed = process.cpuUsage(rebuildCpu);
    const baseline = buildFtsBaseline(archive.sqlite);
    const exactTop20 = compareTop20(archive);
    const facetsStarted = Date.now();
    const loopDelay = monitorEventLoopDelay({ resolution: 1 });
    loopDelay.enable();
    await docFacetsReady(archive.sqlite);
    loopDelay.disable();
    const facetsLoadSeconds = Math.round((Date.now() - facetsStarted) / 100) / 10;
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    const facetsLoad = {
      sliceWaitMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
      bytes: docFacets(archive.sqlite)?.bytes ?? 0,
    };

    const hosoSamples: number[] = [];
    const firstSamples: number[] = [];
    const rawSamples: number[] = [];
    const hosoCpu: number[] = [];
    const rawCpu: number[] = [];
    const perQueryP95: SearchBench['perQueryP95'] = {};
    for (const query of QUERY_MIX) {
      // One warm-up each, as a clerk's second search is (pages cached by SQLite).
      searchMeetings(archive, { ...base, query });
      rawFtsSearch(archive.sqlite, query);
      const h: number[] = [];
      const r: number[] = [];
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const hoso = timeBoth(() => (total = searchMeetings(archive, { ...base, query }).total));
        const raw = timeBoth(() => rawFtsSearch(archive.sqlite, query));
        forgetSearchCache(archive.sqlite);
        firstSamples.push(timeMs(() => searchMeetings(archive, { ...base, query })));
        h.push(hoso.wall);
        r.push(raw.wall);
        hosoCpu.push(hoso.cpu);
        rawCpu.push(raw.cpu);
      }
      hosoSamples.push(...h);
      rawSamples.push(...r);
      perQueryP95[query] = { hoso: percentile(h, 95), raw: percentile(r, 95), total };
    }

    const indexBytes = (
      archive.sqlite
        .prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search_%' OR name LIKE 'sqlite_autoindex_search_docs%'")
        .get() as { n: number }
    ).n;
    const textBytes = (
      archive.sqlite
        .prepare(
          `SELECT
            (SELECT sum(length(CAST(title AS BLOB)) + length(CAST(minutes_text AS BLOB)) + length(CAST(location AS BLOB)) + length(CAST(organizer AS BLOB)) + length(CAST(kind AS BLOB)) + length(CAST(source AS BLOB))) FROM meetings WHERE deleted_at IS NULL)
          + (SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM conclusions)
          + (SELECT coalesce(sum(length(CAST(caption AS BLOB)) + length(CAST(credit AS BLOB))), 0) FROM photos)
          + (SELECT coalesce(sum(length(CAST(a.rank AS BLOB)) + length(CAST(p.full_name AS BLOB)) + length(CAST(a.titles AS BLOB)) + length(CAST(a.unit AS BLOB))), 0) FROM attendance a JOIN people p ON p.id = a.person_id)
          + (SELECT coalesce(sum(length(CAST(number AS BLOB)) + length(CAST(doc_type AS BLOB)) + length(CAST(issuer AS BLOB)) + length(CAST(summary AS BLOB))), 0) FROM document_refs)
          + (SELECT coalesce(sum(length(CAST(t.name AS BLOB))), 0) FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id) AS n`,
        )
        .get() as { n: number }
    ).n;
    const hoso = spread(hosoSamples);
    const rawFts = spread(rawSamples);
    return {
      archive: file,
      meetings,
      queries: QUERY_MIX.length,
      runsPerQuery: runs,
      hoso,
      hosoFirstSearch: spread(firstSamples),
      rawFts,
      ratioP95: Math.round((hoso.p95 / rawFts.p95) * 100) / 100,
      ratioP50: Math.round((hoso.p50 / rawFts.p50) * 100) / 100,
      perQueryP95,
      cpu: {
        hoso: { p50: percentile(hosoCpu, 50), p95: percentile(hosoCpu, 95) },
        rawFts: { p50: percentile(rawCpu, 50), p95: percentile(rawCpu, 95) },
        ratioP95: Math.round((percentile(hosoCpu, 95) / percentile(rawCpu, 95)) * 100) / 100,
        ratioP50: Math.round((percentile(hosoCpu, 50) / percentile(rawCpu, 50)) * 100) / 100,
      },
      index: { bytes: indexBytes, textBytes, ratioToText: Math.round((indexBytes / textBytes) * 1000) / 1000 },
      exactTop20,
      rebuildSeconds: Math.round(rebuild.ms / 100) / 10,
      baselineBuildSeconds: Math.round(baseline.ms / 100) / 10,
      rebuildCpuSeconds: Math.round((rebuildCpuUsed.user + rebuildCpuUsed.system) / 1e5) / 10,
      facetsLoadSeconds,
      facetsLoad,
      archiveBytes: statSync(file).size,
      ranked: rankedSize(archive, textBytes),
      ...saves(archive),
      hostile: await benchHostile(file, Math.min(runs, 3)),
    };
  } finally {
    dropFtsBaseline(archive.sqlite);
    archive.close();
  }
}


function compareTop20(archive: Archive): SearchBench['exactTop20'] {
  const out: SearchBench['exactTop20'] = { compared: 0, same: 0, differing: [] };
  for (const query of QUERY_MIX) {
    const q = parseQuery(query);
    if (q.excluded.length || q.clauses.length === 0) continue;
    const ranked = new RankedQuery(new RankedIndexReader(archive.sqlite), docMeta(archive.sqlite));
    const hits = ranked.matching(q);
    const scores = ranked.scores(q, hits);
    const ours = Array.from(hits.keys())
      .sort((a, b) => scores[b]! - scores[a]! || hits[b]! - hits[a]!)
      .slice(0, 20)
      .map((i) => hits[i]!);
    out.compared++;
    if (JSON.stringify(ours) === JSON.stringify(ftsTop20(archive.sqlite, q))) out.same++;
    else out.differing.push(query);
  }
  return out;
}

function rankedSize(archive: Archive, textBytes: number): SearchBench['ranked'] {
  const lists = ['search_postings', 'sqlite_autoindex_search_postings_1', 'search_marked_lists', 'sqlite_autoindex_search_marked_lists_1', 'search_tail'];
  const bytes = (archive.sqlite.prepare(`SELECT sum(pgsize) FROM dbstat WHERE name IN (${lists.map(() => '?').join(', ')})`).pluck().get(...lists) as number) ?? 0;
  const words = archive.sqlite.prepare('SELECT count(*) FROM search_postings').pluck().get() as number;
  const forms = archive.sqlite.prepare('SELECT count(*) FROM search_marked_lists').pluck().get() as number;
  return { bytes, ratioToText: Math.round((bytes / textBytes) * 1000) / 1000, words, forms };
}

const SAVES = 200;

/** SAVES edits of meetings spread over the archive, the mix searched with them in the tail, then the merge. */
function saves(archive: Archive): Pick<SearchBench, 'save' | 'withTail' | 'merge' | 'compaction'> {
  const ids = archive.sqlite.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY id').pluck().all() as string[];
  const edit = archive.sqlite.prepare("UPDATE meetings SET title = title || ' (sửa)', minutes_text = minutes_text || ' Bổ sung ý kiến chỉ đạo.' WHERE id = ?");
  const whole: number[] = [];
  const index: number[] = [];
  for (let i = 0; i < SAVES; i++) {
    const id = ids[Math.floor((i * ids.length) / SAVES)]!;
    whole.push(
      timeMs(() =>
        archive.sqlite.transaction(() => {
          edit.run(id);
          index.push(timeMs(() => indexMeeting(archive, id)));
        })(),
      ),
    );
  }
  const samples: number[] = [];
  for (const query of QUERY_MIX) {
    searchMeetings(archive, { ...base, query });
    for (let i = 0; i < 3; i++) samples.push(timeMs(() => searchMeetings(archive, { ...base, query })));
  }
  const tail = tailSize(archive.sqlite);
  const merge = mergeSearchTail(archive, true);
  const compaction = { dead: stateValue(archive.sqlite, 'dead_main'), steps: 0, maxStepMs: 0, totalMs: 0, lists: 0 };
  for (let done = false; !done; ) {
    const step = compactSearchIndex(archive, { force: true });
    if (!step) break;
    compaction.steps++;
    compaction.maxStepMs = Math.max(compaction.maxStepMs, step.ms);
    compaction.totalMs += step.ms;
    compaction.lists += step.words + step.forms;
    done = step.passDone;
  }
  return {
    save: { count: SAVES, p50: percentile(whole, 50), p95: percentile(whole, 95), indexP95: percentile(index, 95) },
    withTail: { tail, p50: percentile(samples, 50), p95: percentile(samples, 95) },
    merge,
    compaction,
  };
}

export interface RawBreakdownRow {
  query: string;
  matches: number;
  /** CPU ms, median of `runs`: the first 20 matches unranked; walking every match; bm25 of every match; raw FTS5; ORDER BY rank. */
  first20: number;
  count: number;
  scoreAll: number;
  raw: number;
  orderByRank: number;
}

/**
 * Where raw FTS5's own time goes, per query of the mix: the evidence for what an index on FTS5 can and
 * cannot reach. Walking the matches (count) against scoring every one of them (bm25 in a subquery that
 * SQLite cannot flatten away), and the configured `rank` column against calling bm25 directly.
 */
export async function rawBreakdown(file: string, runs = 5): Promise<RawBreakdownRow[]> {
  const archive = await openArchive({ file });
  try {
    const db = archive.sqlite;
    buildFtsBaseline(db);
    const cpuMs = (fn: () => unknown) => timeBoth(fn).cpu;
    const median = (xs: number[]) => Math.round(percentile(xs, 50));
    const statements = {
      first20: db.prepare(`SELECT rowid FROM ${BASELINE} WHERE ${BASELINE} MATCH ? LIMIT 20`).pluck(),
      count: db.prepare(`SELECT count(*) FROM ${BASELINE} WHERE ${BASELINE} MATCH ?`).pluck(),
      scoreAll: db.prepare(`SELECT max(r) FROM (SELECT bm25(${BASELINE}) AS r FROM ${BASELINE} WHERE ${BASELINE} MATCH ? LIMIT -1)`).pluck(),
      raw: db.prepare(`SELECT rowid FROM ${BASELINE} WHERE ${BASELINE} MATCH ? ORDER BY bm25(${BASELINE}) LIMIT 20`).pluck(),
      orderByRank: db.prepare(`SELECT rowid FROM ${BASELINE} WHERE ${BASELINE} MATCH ? ORDER BY rank LIMIT 20`).pluck(),
    };
    const rows: RawBreakdownRow[] = [];
    for (const query of QUERY_MIX) {
      const match = foldedMatch(parseQuery(query));
      if (!match) continue;
      statements.raw.all(match); // warm-up, as in benchSearch
      const t: Record<keyof typeof statements, number[]> = { first20: [], count: [], scoreAll: [], raw: [], orderByRank: [] };
      for (let i = 0; i < runs; i++) for (const [k, s] of Object.entries(statements)) t[k as keyof typeof statements].push(cpuMs(() => s.all(match)));
      rows.push({
        query,
        matches: statements.count.get(match) as number,
        first20: median(t.first20),
        count: median(t.count),
        scoreAll: median(t.scoreAll),
        raw: median(t.raw),
        orderByRank: median(t.orderByRank),
      });
    }
    return rows;
  } finally {
    dropFtsBaseline(archive.sqlite);
    archive.close();
  }
}

/** Which part of hoso's search call a statement belongs to, by its SQL text. */
function phaseOf(sql: string): string {
  if (sql.includes(`ORDER BY bm25(${BASELINE}) LIMIT 20`)) return 'raw';
  if (sql.includes('FROM search_marked')) return 'marked index lookups';
  if (sql.includes('FROM search_postings') || sql.includes('FROM search_tail')) return 'ranked index reads';
  if (sql.includes('minutes_text AS minutes')) return "the page's texts";
  if (sql.includes('json_each(?) j JOIN')) return 'people/tag facet labels';
  return 'other SQL';
}

/**
 * Where hoso's search call spends its time beyond raw FTS5, over the whole mix (facet table loaded):
 * CPU time of each statement, grouped by phase, and the rest of the call (JavaScript: matching,
 * facets, snippets), each as a share of raw FTS5's CPU time over the same queries.
 */
export async function searchPhases(file: string, runs = 3): Promise<{ ratio: number; shareOfRaw: Record<string, number> }> {
  const archive = await openArchive({ file });
  const proto = Object.getPrototypeOf(archive.sqlite.prepare('SELECT 1')) as Record<'all' | 'get', (...a: unknown[]) => unknown>;
  const originals = { all: proto.all, get: proto.get };
  const spent = new Map<string, number>();
  try {
    buildFtsBaseline(archive.sqlite);
    searchMeetings(archive, { ...base, query: QUERY_MIX[0]! });
    await docFacetsReady(archive.sqlite);
    for (const query of QUERY_MIX) searchMeetings(archive, { ...base, query });
    for (const method of ['all', 'get'] as const) {
      proto[method] = function (this: Database.Statement, ...args: unknown[]) {
        const t = process.cpuUsage();
        try {
          return originals[method].apply(this, args);
        } finally {
          const used = process.cpuUsage(t);
          const phase = phaseOf(this.source);
          spent.set(phase, (spent.get(phase) ?? 0) + (used.user + used.system) / 1000);
        }
      };
    }
    let hoso = 0;
    for (let i = 0; i < runs; i++) {
      for (const query of QUERY_MIX) {
        hoso += timeBoth(() => searchMeetings(archive, { ...base, query })).cpu;
        rawFtsSearch(archive.sqlite, query);
      }
    }
    const raw = spent.get('raw')!;
    spent.delete('raw');
    let sql = 0;
    for (const v of spent.values()) sql += v;
    spent.set('JavaScript (matching, facets, snippets)', hoso - sql);
    const shareOfRaw = Object.fromEntries([...spent].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round((v / raw) * 1000) / 10]));
    return { ratio: Math.round((hoso / raw) * 100) / 100, shareOfRaw };
  } finally {
    proto.all = originals.all;
    proto.get = originals.get;
    dropFtsBaseline(archive.sqlite);
    archive.close();
  }
}

/**
 * Hostile queries (issue 19): shapes a clerk never types but a paste or a script might, each beside the
 * one word it repeats. Each answers with a result or a clear refusal (SEARCH_QUERY_TOO_COMPLEX or
 * INVALID_INPUT); the figure is its cost beyond the one word, which the query limits keep small.
 */
/** 40 words of the demo archive's (and real minutes') most common vocabulary. */
const COMMON_WORDS = (
  'hội nghị quốc phòng quân sự tỉnh huấn luyện diễn tập kinh tế xã an ninh tổng kết công tác đảng ủy ban ' +
  'nhân dân chỉ huy kế hoạch năm tháng báo cáo triển khai nhiệm vụ tuyển chính trị'
).split(' ');

export const HOSTILE_QUERIES: Record<string, string> = {
  'one word': 'hội',
  '284 × "hội OR"': 'hội OR '.repeat(284),
  '100 × "hội OR"': 'hội OR '.repeat(100),
  [`${MAX_OR_ALTERNATIVES} common words ORed (the limit)`]: COMMON_WORDS.slice(0, MAX_OR_ALTERNATIVES).join(' OR '),
  '40 words ANDed (the limit)': COMMON_WORDS.join(' '),
  '400 distinct words': Array.from({ length: 400 }, (_, i) => `t${i}`).join(' '),
  'marks alone, then hội': '\u0303\u0303 hội',
  '100 000 characters': 'hội nghị '.repeat(11_112).slice(0, 100_000),
  'quotes and brackets': '"(hội OR" -) "*: nghị" OR OR -"'.repeat(20),
};

export interface HostileRow {
  query: string;
  /** Median wall ms of the search call, and its excess over the one word. */
  ms: number;
  overOneWord: number;
  /** Meetings found, or the code of the refusal. */
  outcome: number | string;
}

export async function benchHostile(file: string, runs = 3): Promise<HostileRow[]> {
  const archive = await openArchive({ file });
  try {
    await docFacetsReady(archive.sqlite);
    const rows: HostileRow[] = [];
    let oneWord = 0;
    for (const [name, query] of Object.entries(HOSTILE_QUERIES)) {
      const times: number[] = [];
      let outcome: number | string = 0;
      for (let i = 0; i <= runs; i++) {
        const t = timeMs(() => {
          try {
            outcome = searchMeetings(archive, { ...base, query }).total;
          } catch (e) {
            outcome = (e as { code?: string }).code ?? String(e);
          }
        });
        if (i > 0) times.push(t); // the first run warms the caches
      }
      const ms = Math.round(percentile(times, 50));
      if (name === 'one word') oneWord = ms;
      rows.push({ query: name, ms, overOneWord: ms - oneWord, outcome });
    }
    return rows;
  } finally {
    archive.close();
  }
}

// `npx tsx bench/search.ts breakdown|phases|hostile [archive] [runs]`: rawBreakdown's per-query table or searchPhases'
// shares, as JSON; benchHostile's table.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[3] ?? join(import.meta.dirname, '.data', 'demo-100000.sqlite');
  if (process.argv[2] === 'breakdown') console.log(JSON.stringify(await rawBreakdown(file), null, 2));
  else if (process.argv[2] === 'phases') console.log(JSON.stringify(await searchPhases(file), null, 2));
  else if (process.argv[2] === 'hostile') console.table(await benchHostile(file, Number(process.argv[4] ?? 3)));
}
