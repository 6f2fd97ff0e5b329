import type Database from 'better-sqlite3';
import type { Archive } from '../open';
import { foldVietnamese } from './fold';
import { foldedMatch, literalMatch, markedMatch, ftsTerm, parseQuery, type ParsedQuery, type SearchColumn } from './query';
import { docMeta, type DocMeta } from './docMeta';
import { SEARCH_COLUMNS } from './indexer';
import { buildSnippet, FIELD_WEIGHTS } from './snippets';
import type { SearchQuery, SearchResult } from '../../electron/shared/contract';
import type { AbbreviationIndex } from './abbreviations';

/** The request and response shapes are the contract's (electron/shared/contract.ts). */
export type SearchRequest = SearchQuery;
export type SearchResponse = SearchResult;
type SearchHit = SearchResult['rows'][number];
type FacetCount = SearchResult['facets']['years'][number];

export const FACET_SAMPLE = 2000;
const BM25_WEIGHTS = SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ');

const yyyymmdd = (iso: string) => Number(iso.replace(/-/g, ''));

/**
 * The set of matching docids, as a sorted Int32Array. Words come from one MATCH on the folded index;
 * terms typed with marks intersect with the marked index (per clause, or the clause's dictionary
 * alternatives, which carry no marks); dates and kinds are array lookups in DocMeta; person and tag
 * narrowing come from SQL (small sets).
 */
function matchingDocids(sqlite: Database.Database, q: ParsedQuery, req: SearchRequest, meta: DocMeta): { hits: Int32Array; removed: number } {
  const folded = foldedMatch(q);
  const pluck = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).pluck().all(...params) as number[];
  let candidates: Iterable<number>;
  if (folded) {
    candidates = pluck('SELECT rowid FROM search_fts WHERE search_fts MATCH ?', folded);
  } else {
    const all: number[] = [];
    for (let d = 1; d <= meta.maxDocid; d++) if (meta.live[d]) all.push(d);
    candidates = all;
  }

  const keep: ((docid: number) => boolean)[] = [];
  const bitmapOf = (ids: number[], into = new Uint8Array(meta.maxDocid + 1)) => {
    for (const id of ids) if (id <= meta.maxDocid) into[id] = 1;
    return into;
  };
  // Clauses with a single term: all their marked words in one marked-index query.
  const single = q.clauses
    .filter((c) => c.alternatives.length === 1)
    .map((c) => markedMatch(c.alternatives[0]!))
    .filter((m): m is string => m !== null);
  if (single.length) {
    const allowed = bitmapOf(pluck('SELECT rowid FROM search_marked WHERE search_marked MATCH ?', single.map((m) => `(${m})`).join(' AND ')));
    keep.push((d) => allowed[d] === 1);
  }
  // Clauses with alternatives (OR, dictionary): a document passes through any one of them.
  for (const clause of q.clauses.filter((c) => c.alternatives.length > 1)) {
    const markedAlts = clause.alternatives.map(markedMatch);
    if (markedAlts.every((m) => m === null)) continue;
    const allowed = new Uint8Array(meta.maxDocid + 1);
    clause.alternatives.forEach((alt, i) => {
      const m = markedAlts[i];
      bitmapOf(
        m ? pluck('SELECT rowid FROM search_marked WHERE search_marked MATCH ?', m) : pluck('SELECT rowid FROM search_fts WHERE search_fts MATCH ?', ftsTerm(alt)),
        allowed,
      );
    });
    keep.push((d) => allowed[d] === 1);
  }
  const from = q.from ? yyyymmdd(q.from) : null;
  const to = q.to ? yyyymmdd(q.to) : null;
  if (from !== null) keep.push((d) => meta.date[d]! >= from);
  if (to !== null) keep.push((d) => meta.date[d]! !== 0 && meta.date[d]! <= to);
  if (q.kinds.length) {
    const kinds = new Set(q.kinds.map((k) => meta.kindOf(k)).filter((k): k is number => k !== undefined));
    keep.push((d) => kinds.has(meta.kind[d]!));
  }
  if (req.year !== null) {
    const [lo, hi] = [req.year * 10000 + 101, req.year * 10000 + 1231];
    keep.push((d) => meta.date[d]! >= lo && meta.date[d]! <= hi);
  }
  if (req.kind !== null) {
    const k = meta.kindOf(foldVietnamese(req.kind));
    keep.push((d) => meta.kind[d] === k);
  }
  if (req.personId !== null) {
    const set = new Set(pluck('SELECT d.docid FROM attendance a JOIN search_docs d ON d.meeting_id = a.meeting_id WHERE a.person_id = ?', req.personId));
    keep.push((d) => set.has(d));
  }
  if (req.tag !== null) {
    const set = new Set(
      pluck(
        'SELECT d.docid FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id JOIN search_docs d ON d.meeting_id = mt.meeting_id WHERE t.name_folded = ?',
        foldVietnamese(req.tag),
      ),
    );
    keep.push((d) => set.has(d));
  }

  const out: number[] = [];
  let removed = 0;
  for (const d of candidates) {
    let ok = meta.live[d] === 1;
    for (let i = 0; ok && i < keep.length; i++) ok = keep[i]!(d);
    if (ok) out.push(d);
    else removed++;
  }
  return { hits: Int32Array.from(out).sort(), removed };
}

/** Up to this many matches removed by constraints, ranking over-fetches instead of filtering in SQLite. */
export const OVERFETCH_MAX = 5000;

/** Internal knobs, for tests that must exercise both ranking paths on small data. */
export interface SearchTuning {
  overfetchMax: number;
}

/**
 * One page of docids. By date: sorted here from DocMeta. By relevance: FTS5 ranks (bm25 with field
 * weights, exact-mark hits first); when constraints removed some matches, SQLite is told which docids
 * remain through a function looking into the hit set, so only those are ranked.
 */
function pageDocids(
  sqlite: Database.Database,
  q: ParsedQuery,
  req: SearchRequest,
  meta: DocMeta,
  hits: Int32Array,
  removed: number,
  tuning: SearchTuning,
): { docid: number; rank: number; exact: boolean }[] {
  const folded = foldedMatch(q);
  if (req.sort === 'date' || !folded) {
    const order = Array.from(hits).sort((a, b) => {
      const da = meta.date[a]!;
      const db = meta.date[b]!;
      if ((da === 0) !== (db === 0)) return da === 0 ? 1 : -1;
      return db - da || b - a;
    });
    return order.slice(req.offset, req.offset + req.limit).map((docid) => ({ docid, rank: 0, exact: false }));
  }
  const rank = `bm25(search_fts, ${BM25_WEIGHTS})`;
  const hitSet = new Uint8Array(meta.maxDocid + 1);
  for (const d of hits) hitSet[d] = 1;

  // Exact-mark hits (every typed word with exactly its typed marks) rank first. When all hits or none
  // are exact, that changes nothing and the plain ranking is used.
  // When every clause is one typed term (no OR, no dictionary alternative, no prefix) whose words all
  // carry marks, the mark constraints already made every hit exact: nothing to compute.
  const exactByConstruction = q.clauses.every(
    (c) => c.alternatives.length === 1 && !c.alternatives[0]!.prefix && c.alternatives[0]!.words.every((w) => w.marked !== null),
  );
  const literal = exactByConstruction ? null : literalMatch(q);
  let exactSet: Uint8Array | null = exactByConstruction ? hitSet : null;
  if (literal) {
    exactSet = new Uint8Array(meta.maxDocid + 1);
    let exactHits = 0;
    for (const d of sqlite.prepare('SELECT rowid FROM search_marked WHERE search_marked MATCH ?').pluck().all(literal) as number[]) {
      if (d <= meta.maxDocid && hitSet[d] === 1) {
        exactSet[d] = 1;
        exactHits++;
      }
    }
    if (exactHits > 0 && exactHits < hits.length) {
      const notExact = new Uint8Array(meta.maxDocid + 1);
      for (const d of hits) if (exactSet[d] !== 1) notExact[d] = 1;
      const first = rankedWithin(sqlite, folded, rank, exactSet, req.offset, req.limit);
      const skipped = Math.max(0, req.offset - exactHits);
      const rest = first.length < req.limit ? rankedWithin(sqlite, folded, rank, notExact, skipped, req.limit - first.length) : [];
      return [...first.map((r) => ({ ...r, exact: true })), ...rest.map((r) => ({ ...r, exact: false }))];
    }
    if (exactHits === 0) exactSet = null;
  }
  const allExact = exactSet !== null;
  if (removed <= tuning.overfetchMax) {
    // Few matches were removed (typed marks, a trash race…): rank as plain FTS5 does, ask for that many
    // more, and drop the removed ones here; the page is then exactly the filtered ranking's page.
    const rows = sqlite
      .prepare(`SELECT rowid AS docid, ${rank} AS rank FROM search_fts WHERE search_fts MATCH ? ORDER BY ${rank} ASC, rowid DESC LIMIT ?`)
      .all(folded, req.offset + req.limit + removed) as { docid: number; rank: number }[];
    return rows
      .filter((r) => hitSet[r.docid] === 1)
      .slice(req.offset, req.offset + req.limit)
      .map((r) => ({ ...r, exact: allExact }));
  }
  // Many removed (a year, a person, a date range): only the remaining matches are ranked.
  return rankedWithin(sqlite, folded, rank, hitSet, req.offset, req.limit).map((r) => ({ ...r, exact: allExact }));
}

/** bm25 ranking of the matches whose docid is set in `within` (SQLite computes bm25 only for those). */
function rankedWithin(sqlite: Database.Database, folded: string, rank: string, within: Uint8Array, offset: number, limit: number): { docid: number; rank: number }[] {
  activeHits = within;
  ensureHitFunction(sqlite);
  try {
    return sqlite
      .prepare(`SELECT rowid AS docid, ${rank} AS rank FROM search_fts WHERE search_fts MATCH ? AND hoso_search_hit(rowid) ORDER BY ${rank} ASC, rowid DESC LIMIT ? OFFSET ?`)
      .all(folded, limit, offset) as { docid: number; rank: number }[];
  } finally {
    activeHits = null;
  }
}

let activeHits: Uint8Array | null = null;
const withHitFunction = new WeakSet<Database.Database>();
function ensureHitFunction(sqlite: Database.Database): void {
  if (withHitFunction.has(sqlite)) return;
  sqlite.function('hoso_search_hit', { deterministic: false, directOnly: true }, (rowid) => (activeHits?.[Number(rowid)] === 1 ? 1 : 0));
  withHitFunction.add(sqlite);
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
  tuning: SearchTuning = { overfetchMax: OVERFETCH_MAX },
): SearchResponse {
  const q = parseQuery(req.query, abbreviations);
  const hasFilters = q.from !== null || q.to !== null || q.kinds.length > 0;
  if (q.clauses.length === 0 && !hasFilters) {
    return emptyResponse(q.excluded.length ? ONLY_EXCLUDED_MESSAGE : EMPTY_QUERY_MESSAGE, q.notes);
  }
  const sqlite = archive.sqlite;
  const meta = docMeta(sqlite);
  const { hits, removed } = matchingDocids(sqlite, q, req, meta);
  const total = hits.length;
  if (total === 0) return { ...emptyResponse(null, q.notes) };

  const page = pageDocids(sqlite, q, req, meta, hits, removed, tuning);
  const meetingOf = sqlite.prepare('SELECT meeting_id FROM search_docs WHERE docid = ?').pluck();
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

  // Year and kind facets over every match, from the in-memory table.
  const byYear = new Map<number, number>();
  const byKind = new Map<number, number>();
  for (const d of hits) {
    const y = Math.floor(meta.date[d]! / 10000);
    if (y) byYear.set(y, (byYear.get(y) ?? 0) + 1);
    byKind.set(meta.kind[d]!, (byKind.get(meta.kind[d]!) ?? 0) + 1);
  }
  const years = [...byYear].sort((a, b) => b[0] - a[0]).map(([y, n]) => ({ value: String(y), label: String(y), count: n }));
  const kinds = [...byKind]
    .map(([k, n]) => ({ label: meta.kinds[k]!, count: n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'))
    .slice(0, 30)
    .map((k) => ({ value: k.label, label: k.label, count: k.count }));

  // People and tags: over every match when there are few, else over the FACET_SAMPLE most recently
  // recorded ones (the highest docids).
  const sample = JSON.stringify(Array.from(total > FACET_SAMPLE ? hits.subarray(total - FACET_SAMPLE) : hits));
  const sampleMeetings = 'SELECT d.meeting_id FROM search_docs d WHERE d.docid IN (SELECT value FROM json_each(?))';
  const people = sqlite
    .prepare(
      `SELECT x.person_id AS value, p.full_name AS label, x.n AS count FROM
         (SELECT a.person_id, count(*) AS n FROM attendance a WHERE a.meeting_id IN (${sampleMeetings}) GROUP BY a.person_id ORDER BY n DESC LIMIT 20) x
       JOIN people p ON p.id = x.person_id ORDER BY x.n DESC, p.name_sort`,
    )
    .all(sample) as FacetCount[];
  const tags = sqlite
    .prepare(
      `SELECT t.name AS value, t.name AS label, count(*) AS count FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id
       WHERE mt.meeting_id IN (${sampleMeetings}) GROUP BY t.id ORDER BY 3 DESC, t.name LIMIT 20`,
    )
    .all(sample) as FacetCount[];

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
