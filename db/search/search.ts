import type Database from 'better-sqlite3';
import type { Archive } from '../open';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { foldedMatch, literalMatch, markedMatch, ftsTerm, parseQuery, type ParsedQuery, type SearchColumn } from './query';
import { docMeta, type DocMeta } from './docMeta';
import { docFacets } from './docFacets';
import { SEARCH_COLUMNS } from './indexer';
import { buildSnippet, FIELD_WEIGHTS } from './snippets';
import type { SearchQuery, SearchResult } from '../../contract/contract';
import type { AbbreviationIndex } from './abbreviations';
// Statements kept per connection and SQL text (search builds a bounded set of query shapes).
import { cachedStatement as statement } from '../statementCache';

/** The request and response shapes are the contract's (contract/contract.ts). */
export type SearchRequest = SearchQuery;
export type SearchResponse = SearchResult;
type SearchHit = SearchResult['rows'][number];
type FacetCount = SearchResult['facets']['years'][number];

export const FACET_SAMPLE = 2000;
const BM25_WEIGHTS = SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ');

const yyyymmdd = (iso: string) => Number(iso.replace(/-/g, ''));

/** Internal knobs, for tests that must exercise every matching path on small data. */
export interface SearchTuning {
  /** Take the hit set from the marked index alone when the query allows it (see markedOnly). */
  markedOnly: boolean;
  /** Count the people and tag facets in the in-memory table once it is loaded (see docFacets.ts). */
  facetsInMemory: boolean;
}
const DEFAULT_TUNING: SearchTuning = { markedOnly: true, facetsInMemory: true };

/**
 * A set of docids as one byte per docid (1 = in the set), shared by JS and SQLite: bound as a blob,
 * `substr(?, rowid + 1, 1) = x'01'` tests membership inside SQLite's own loop, without a call into JS
 * per row (a JS function called for each of ~90 000 matches cost more than ranking them).
 */
class DocSet {
  readonly bytes: Uint8Array;
  constructor(maxDocid: number) {
    this.bytes = new Uint8Array(maxDocid + 1);
  }
  addAll(ids: ArrayLike<number>): this {
    const b = this.bytes;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < b.length) b[id] = 1;
    }
    return this;
  }
  get blob(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }
}
/** Is this row's docid in the DocSet bound to the `?`. */
const IN_DOCSET = "substr(?, rowid + 1, 1) = x'01'";

/**
 * True when every clause is one word typed with marks (no phrase, prefix, column, OR or dictionary
 * alternative) and nothing is excluded. Each such word's marked form is a word of the document, and the
 * document then holds its folded form too (both indexes split text into the same words): the marked
 * index alone gives the hit set, and the pass over the much larger folded index can be skipped.
 */
function markedOnly(q: ParsedQuery): boolean {
  return (
    q.excluded.length === 0 &&
    q.clauses.length > 0 &&
    q.clauses.every((c) => {
      const t = c.alternatives.length === 1 ? c.alternatives[0]! : null;
      return t !== null && !t.prefix && t.column === null && t.words.length === 1 && t.words[0]!.marked !== null;
    })
  );
}

type SearchIndex = 'search_fts' | 'search_marked';

/**
 * The docids matching an expression in one index, each expression asked once per search: a term typed
 * with marks is both a mark constraint and the exact-mark test ("quốc phòng" with its QP alternative,
 * a quoted phrase), and the marked index answers both with one pass.
 */
class IndexLookups {
  private readonly seen = new Map<string, Int32Array>();
  constructor(private readonly sqlite: Database.Database) {}
  rowids(index: SearchIndex, match: string): Int32Array {
    const key = `${index}\u0000${match}`;
    let ids = this.seen.get(key);
    if (!ids) {
      const list = statement(this.sqlite, `SELECT group_concat(rowid) FROM ${index} WHERE ${index} MATCH ?`).pluck().get(match) as string | null;
      this.seen.set(key, (ids = parseIdList(list)));
    }
    return ids;
  }
}

/**
 * "12,40,41" → its numbers. Matches come back as one text rather than one row each: at 100 000
 * meetings a broad word matches ~90 000 rows, and a JS number per row cost 5–10 ms more per lookup.
 */
function parseIdList(list: string | null): Int32Array {
  if (!list) return new Int32Array(0);
  // Digits and commas only: read as bytes, which V8 scans faster than charCodeAt on a long string.
  const bytes = Buffer.from(list, 'latin1');
  let n = 1;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[k] = v;
  return out;
}

interface Matches {
  /** Matching docids, ascending. */
  hits: Int32Array;
  set: DocSet;
  /** Every match of the folded expression is a hit (nothing removed by marks, trash or filters). */
  unfiltered: boolean;
}

/**
 * The set of matching docids. Words come from one MATCH on the folded index (or the marked index alone,
 * see markedOnly); terms typed with marks intersect with the marked index (per clause, or the clause's
 * dictionary alternatives, which carry no marks); dates and kinds are array lookups in DocMeta; person
 * and tag narrowing come from SQL (small sets).
 */
function matchingDocids(sqlite: Database.Database, lookups: IndexLookups, q: ParsedQuery, req: SearchRequest, meta: DocMeta, tuning: SearchTuning): Matches {
  const pluck = (sql: string, ...params: unknown[]) => statement(sqlite, sql).pluck().all(...params) as number[];
  const matching = (index: SearchIndex, match: string) => lookups.rowids(index, match);
  const allowedBy: Uint8Array[] = [];
  // Clauses with a single term: all their marked words in one marked-index query.
  const single = q.clauses
    .filter((c) => c.alternatives.length === 1)
    .map((c) => markedMatch(c.alternatives[0]!))
    .filter((m): m is string => m !== null);
  const markedSingles = single.length ? matching('search_marked', single.map((m) => `(${m})`).join(' AND ')) : null;
  const fromMarkedIndex = tuning.markedOnly && markedSingles !== null && markedOnly(q);

  let candidates: ArrayLike<number>;
  if (fromMarkedIndex) {
    candidates = markedSingles!;
  } else {
    const folded = foldedMatch(q);
    if (folded) {
      candidates = matching('search_fts', folded);
    } else {
      const all: number[] = [];
      for (let d = 1; d <= meta.maxDocid; d++) if (meta.live[d]) all.push(d);
      candidates = all;
    }
    if (markedSingles) allowedBy.push(new DocSet(meta.maxDocid).addAll(markedSingles).bytes);
  }
  // Clauses with alternatives (OR, dictionary): a document passes through any one of them.
  for (const clause of q.clauses.filter((c) => c.alternatives.length > 1)) {
    const markedAlts = clause.alternatives.map(markedMatch);
    if (markedAlts.every((m) => m === null)) continue;
    const allowed = new DocSet(meta.maxDocid);
    clause.alternatives.forEach((alt, i) => {
      const m = markedAlts[i];
      allowed.addAll(
        m ? matching('search_marked', m) : matching('search_fts', ftsTerm(alt)),
      );
    });
    allowedBy.push(allowed.bytes);
  }
  if (req.personId !== null) {
    allowedBy.push(
      new DocSet(meta.maxDocid).addAll(
        pluck('SELECT d.docid FROM attendance a JOIN search_docs d ON d.meeting_id = a.meeting_id WHERE a.person_id = ?', req.personId),
      ).bytes,
    );
  }
  if (req.tag !== null) {
    allowedBy.push(
      new DocSet(meta.maxDocid).addAll(
        pluck(
          'SELECT d.docid FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id JOIN search_docs d ON d.meeting_id = mt.meeting_id WHERE t.name_folded = ?',
          foldVietnamese(req.tag),
        ),
      ).bytes,
    );
  }

  // Dates: every bound (tu:, den:, a year facet) narrows one inclusive yyyymmdd range; undated
  // meetings fall outside any range.
  let lo = 0;
  let hi = Infinity;
  const bound = (from: number, to: number) => ((lo = Math.max(lo, from)), (hi = Math.min(hi, to)));
  if (q.from) bound(yyyymmdd(q.from), Infinity);
  if (q.to) bound(1, yyyymmdd(q.to));
  if (req.year !== null) bound(req.year * 10000 + 101, req.year * 10000 + 1231);
  const dated = lo > 0 || hi !== Infinity;
  // Kinds: loai: (any of them) and the kind facet, as one allowed/not table over kind numbers.
  let kindAllowed: Uint8Array | null = null;
  const narrowKinds = (folded: string[]) => {
    const next = new Uint8Array(meta.kinds.length);
    for (const f of folded) {
      const k = meta.kindOf(f);
      if (k !== undefined && (kindAllowed === null || kindAllowed[k] === 1)) next[k] = 1;
    }
    kindAllowed = next;
  };
  if (q.kinds.length) narrowKinds(q.kinds);
  if (req.kind !== null) narrowKinds([foldVietnamese(req.kind)]);

  const set = new DocSet(meta.maxDocid);
  const out = new Int32Array(candidates.length);
  let n = 0;
  let ascending = true;
  const { live, date, kind } = meta;
  const allowedKinds = kindAllowed as Uint8Array | null;
  for (let i = 0; i < candidates.length; i++) {
    const d = candidates[i]!;
    if (d > meta.maxDocid || live[d] !== 1) continue;
    if (dated && (date[d] === 0 || date[d]! < lo || date[d]! > hi)) continue;
    if (allowedKinds !== null && allowedKinds[kind[d]!] !== 1) continue;
    let ok = true;
    for (let j = 0; ok && j < allowedBy.length; j++) ok = allowedBy[j]![d] === 1;
    if (!ok) continue;
    if (n > 0 && d < out[n - 1]!) ascending = false;
    out[n++] = d;
    set.bytes[d] = 1;
  }
  const hits = out.subarray(0, n);
  if (!ascending) hits.sort(); // FTS5 returns rowids in ascending order; this is only a safeguard
  return { hits, set, unfiltered: !fromMarkedIndex && n === candidates.length };
}

/**
 * One page of docids. By date: sorted here from DocMeta. By relevance: one FTS5 ranking pass (bm25 with
 * field weights, then newest docid), exact-mark hits first; when marks, the trash or filters removed
 * some matches, the hit set is bound as a blob and only its members are ranked.
 */
function pageDocids(sqlite: Database.Database, lookups: IndexLookups, q: ParsedQuery, req: SearchRequest, meta: DocMeta, m: Matches): { docid: number; rank: number; exact: boolean }[] {
  const folded = foldedMatch(q);
  if (req.sort === 'date' || !folded) {
    const order = Array.from(m.hits).sort((a, b) => {
      const da = meta.date[a]!;
      const db = meta.date[b]!;
      if ((da === 0) !== (db === 0)) return da === 0 ? 1 : -1;
      return db - da || b - a;
    });
    return order.slice(req.offset, req.offset + req.limit).map((docid) => ({ docid, rank: 0, exact: false }));
  }

  // Exact-mark hits (every typed word with exactly its typed marks) rank first. When all hits or none
  // are exact, that changes nothing and the plain ranking is used.
  // When every clause is one typed term (no OR, no dictionary alternative, no prefix) whose words all
  // carry marks, the mark constraints already made every hit exact: nothing to compute.
  const exactByConstruction = q.clauses.every(
    (c) => c.alternatives.length === 1 && !c.alternatives[0]!.prefix && c.alternatives[0]!.words.every((w) => w.marked !== null),
  );
  const literal = exactByConstruction ? null : literalMatch(q);
  let exact: DocSet | null = null;
  let allExact = exactByConstruction;
  if (literal) {
    exact = new DocSet(meta.maxDocid);
    let exactHits = 0;
    for (const d of lookups.rowids('search_marked', literal)) {
      if (d <= meta.maxDocid && m.set.bytes[d] === 1) {
        exact.bytes[d] = 1;
        exactHits++;
      }
    }
    if (exactHits === 0 || exactHits === m.hits.length) {
      allExact = exactHits > 0;
      exact = null;
    }
  }
  const rank = `bm25(search_fts, ${BM25_WEIGHTS})`;
  const params: unknown[] = [];
  let exactColumn = allExact ? '1' : '0';
  if (exact) {
    exactColumn = IN_DOCSET;
    params.push(exact.blob);
  }
  params.push(folded);
  let where = 'search_fts MATCH ?';
  if (!m.unfiltered) {
    where += ` AND ${IN_DOCSET}`;
    params.push(m.set.blob);
  }
  const order = exact ? `exact DESC, ${rank} ASC, rowid DESC` : `${rank} ASC, rowid DESC`;
  const rows = statement(sqlite, `SELECT rowid AS docid, ${rank} AS rank, ${exactColumn} AS exact FROM search_fts WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).all(
    ...params,
    req.limit,
    req.offset,
  ) as { docid: number; rank: number; exact: number }[];
  return rows.map((r) => ({ docid: r.docid, rank: r.rank, exact: r.exact === 1 }));
}

/**
 * The people and tag facets of `docids` counted in SQL: the 20 people attending most of them (ties by
 * name_sort, then id) and the 20 tags most given (ties by name). DocFacets gives the same lists from memory.
 */
export function peopleAndTagsSql(sqlite: Database.Database, docids: ArrayLike<number>): { people: FacetCount[]; tags: FacetCount[] } {
  const sample = JSON.stringify(Array.from(docids));
  const sampleMeetings = 'SELECT d.meeting_id FROM search_docs d WHERE d.docid IN (SELECT value FROM json_each(?))';
  const people = statement(
    sqlite,
    `SELECT p.id AS value, p.full_name AS label, x.n AS count FROM
         (SELECT a.person_id, count(*) AS n FROM attendance a WHERE a.meeting_id IN (${sampleMeetings}) GROUP BY a.person_id) x
       JOIN people p ON p.id = x.person_id ORDER BY x.n DESC, p.name_sort, p.id LIMIT 20`,
  ).all(sample) as FacetCount[];
  const tags = statement(
    sqlite,
    `SELECT t.name AS value, t.name AS label, count(*) AS count FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id
       WHERE mt.meeting_id IN (${sampleMeetings}) GROUP BY t.id ORDER BY 3 DESC, t.name, t.id LIMIT 20`,
  ).all(sample) as FacetCount[];
  return { people, tags };
}

function emptyResponse(message: string | null, notes: string[]): SearchResponse {
  return { total: 0, rows: [], facets: { years: [], kinds: [], people: [], tags: [], sampledOver: null }, message, notes };
}

interface FieldRow extends Record<SearchColumn, string> {
  id: string;
  title: string;
  kind: string;
  date: string | null;
}

function loadFields(sqlite: Database.Database, ids: string[]): Map<string, FieldRow> {
  if (ids.length === 0) return new Map();
  const marks = ids.map(() => '?').join(', ');
  const rows = sqlite
    .prepare(
      `SELECT m.id, m.title, m.kind, m.meeting_date AS date, m.minutes_text AS minutes,
        trim(m.location || char(10) || m.organizer || char(10) || m.kind || char(10) || m.source) AS place,
        coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM conclusions WHERE meeting_id = m.id ORDER BY position)), '') AS conclusions,
        coalesce((SELECT group_concat(caption || CASE WHEN credit <> '' THEN ' (' || credit || ')' ELSE '' END, char(10)) FROM (SELECT caption, credit FROM photos WHERE meeting_id = m.id ORDER BY position)), '') AS captions,
        coalesce((SELECT group_concat(trim(a.rank || ' ' || p.full_name || ', ' || a.titles || ', ' || a.unit, ', '), char(10)) FROM (SELECT * FROM attendance WHERE meeting_id = m.id ORDER BY position) a JOIN people p ON p.id = a.person_id), '') AS people,
        coalesce((SELECT group_concat(trim(doc_type || ' ' || number || ' ' || issuer || ' ' || summary), char(10)) FROM (SELECT * FROM document_refs WHERE meeting_id = m.id ORDER BY position)), '') AS docs,
        coalesce((SELECT group_concat(t.name, char(10)) FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = m.id), '') AS tags
       FROM meetings m WHERE m.id IN (${marks})`,
    )
    .all(...ids) as FieldRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

const EMPTY_QUERY_MESSAGE =
  'Hãy nhập ít nhất một từ cần tìm (ví dụ: dai tuong, "quốc phòng toàn dân", nguoi:"Phan Văn Giang", tu:01/2024).';
const ONLY_EXCLUDED_MESSAGE = 'Hãy nhập ít nhất một từ cần tìm ngoài các từ loại trừ (bắt đầu bằng dấu trừ).';

/**
 * hoso's search call: ranked (bm25 with field weights, exact-mark hits first) or by date; one page of
 * hits with snippets; facets over the whole match set (people and tags over the best FACET_SAMPLE).
 */
export function searchMeetings(
  archive: Pick<Archive, 'sqlite'>,
  req: SearchRequest,
  abbreviations?: AbbreviationIndex,
  knobs: Partial<SearchTuning> = {},
): SearchResponse {
  const tuning: SearchTuning = { ...DEFAULT_TUNING, ...knobs };
  const q = parseQuery(req.query, abbreviations);
  const hasFilters = q.from !== null || q.to !== null || q.kinds.length > 0;
  if (q.clauses.length === 0 && !hasFilters) {
    return emptyResponse(q.excluded.length ? ONLY_EXCLUDED_MESSAGE : EMPTY_QUERY_MESSAGE, q.notes);
  }
  const sqlite = archive.sqlite;
  const meta = docMeta(sqlite);
  const lookups = new IndexLookups(sqlite);
  const matches = matchingDocids(sqlite, lookups, q, req, meta, tuning);
  const { hits } = matches;
  const total = hits.length;
  if (total === 0) return { ...emptyResponse(null, q.notes) };

  const page = pageDocids(sqlite, lookups, q, req, meta, matches);
  const meetingOf = statement(sqlite, 'SELECT meeting_id FROM search_docs WHERE docid = ?').pluck();
  const pageIds = page.map((p) => ({ ...p, id: meetingOf.get(p.docid) as string | undefined }));
  const fields = loadFields(sqlite, pageIds.flatMap((p) => (p.id ? [p.id] : [])));
  const rows: SearchHit[] = pageIds.flatMap((p) => {
    const f = p.id ? fields.get(p.id) : undefined;
    if (!f) return [];
    return [
      {
        id: f.id,
        title: f.title,
        kind: f.kind,
        date: f.date,
        score: Math.round((-p.rank + (p.exact ? 1000 : 0)) * 1000) / 1000,
        exact: p.exact,
        snippet: buildSnippet(q, f),
      },
    ];
  });

  // Year and kind facets over every match, counted in arrays from the in-memory table.
  const byYear = new Int32Array(10000);
  const byKind = new Int32Array(meta.kinds.length);
  for (let i = 0; i < total; i++) {
    const d = hits[i]!;
    byYear[Math.floor(meta.date[d]! / 10000)]!++;
    byKind[meta.kind[d]!]!++;
  }
  const years: FacetCount[] = [];
  for (let y = byYear.length - 1; y > 0; y--) if (byYear[y]) years.push({ value: String(y), label: String(y), count: byYear[y]! });
  const kinds = Array.from(byKind, (count, k) => ({ label: meta.kinds[k]!, count }))
    .filter((k) => k.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'))
    .slice(0, 30)
    .map((k) => ({ value: k.label, label: k.label, count: k.count }));

  // People and tags: over every match when there are few, else over the FACET_SAMPLE most recently
  // recorded ones (the highest docids). In memory once the table is loaded, else in SQL.
  const sample = total > FACET_SAMPLE ? hits.subarray(total - FACET_SAMPLE) : hits;
  const inMemory = tuning.facetsInMemory ? docFacets(sqlite) : null;
  const { people, tags } = inMemory
    ? { people: inMemory.topPeople(sqlite, sample), tags: inMemory.topTags(sqlite, sample) }
    : peopleAndTagsSql(sqlite, sample);

  return {
    total,
    rows,
    facets: {
      years,
      kinds,
      people,
      tags,
      sampledOver: total > FACET_SAMPLE ? FACET_SAMPLE : null,
    },
    message: null,
    notes: q.notes,
  };
}

/** The raw FTS5 baseline the benchmark compares against: MATCH … ORDER BY bm25 LIMIT 20, nothing else. */
export function rawFtsSearch(archive: Pick<Archive, 'sqlite'>, query: string, abbreviations?: AbbreviationIndex): number[] {
  const match = foldedMatch(parseQuery(query, abbreviations));
  if (!match) return [];
  return (
    archive.sqlite.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts) LIMIT 20').all(match) as { rowid: number }[]
  ).map((r) => r.rowid);
}
