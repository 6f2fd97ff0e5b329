import type Database from 'better-sqlite3';
import type { Archive } from '../open';
import { foldVietnamese } from './fold';
import { foldedMatch, literalMatch, markedMatch, ftsTerm, parseQuery, type ParsedQuery, type SearchColumn } from './query';
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

interface Compiled {
  from: string;
  where: string[];
  params: unknown[];
  rank: string | null;
  exact: string;
}

/**
 * Turns a parsed query into SQL over search_docs (d) and, when there are words, search_fts (f).
 * Terms typed with marks add a marked-index constraint per clause (or the clause's dictionary
 * alternatives, which carry no marks of their own).
 */
function compile(q: ParsedQuery, req: SearchRequest): Compiled {
  const where: string[] = [];
  const params: unknown[] = [];
  const folded = foldedMatch(q);
  let from = 'search_docs d';
  let rank: string | null = null;
  let exact = '0';
  if (folded) {
    from = 'search_fts f JOIN search_docs d ON d.docid = f.rowid';
    where.push('search_fts MATCH ?');
    params.push(folded);
    rank = `bm25(search_fts, ${BM25_WEIGHTS})`;
    for (const clause of q.clauses) {
      const markedAlts = clause.alternatives.map(markedMatch);
      if (markedAlts.every((m) => m === null)) continue;
      const ors = clause.alternatives.map((alt, i) => {
        const m = markedAlts[i];
        if (m) {
          params.push(m);
          return 'd.docid IN (SELECT rowid FROM search_marked WHERE search_marked MATCH ?)';
        }
        params.push(ftsTerm(alt));
        return 'd.docid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)';
      });
      where.push(`(${ors.join(' OR ')})`);
    }
    const literal = literalMatch(q);
    if (literal) exact = `(d.docid IN (SELECT rowid FROM search_marked WHERE search_marked MATCH ${quoteSql(literal)}))`;
  }
  const from_ = q.from;
  const to = q.to;
  if (from_) {
    where.push('d.meeting_date >= ?');
    params.push(from_);
  }
  if (to) {
    where.push('d.meeting_date <= ?');
    params.push(to);
  }
  if (q.kinds.length) {
    where.push(`d.kind_folded IN (${q.kinds.map(() => '?').join(', ')})`);
    params.push(...q.kinds);
  }
  if (req.year !== null) {
    where.push('d.meeting_date >= ? AND d.meeting_date <= ?');
    params.push(`${req.year}-01-01`, `${req.year}-12-31`);
  }
  if (req.kind !== null) {
    where.push('d.kind_folded = ?');
    params.push(foldVietnamese(req.kind));
  }
  if (req.personId !== null) {
    where.push('d.meeting_id IN (SELECT meeting_id FROM attendance WHERE person_id = ?)');
    params.push(req.personId);
  }
  if (req.tag !== null) {
    where.push('d.meeting_id IN (SELECT mt.meeting_id FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE t.name_folded = ?)');
    params.push(foldVietnamese(req.tag));
  }
  return { from, where, params, rank, exact };
}

/** The literal marked query goes inline (it is built only from escaped FTS strings) so it can sit in ORDER BY. */
function quoteSql(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
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
export function searchMeetings(archive: Pick<Archive, 'sqlite'>, req: SearchRequest, abbreviations?: AbbreviationIndex): SearchResponse {
  const q = parseQuery(req.query, abbreviations);
  const hasFilters = q.from !== null || q.to !== null || q.kinds.length > 0;
  if (q.clauses.length === 0 && !hasFilters) {
    return emptyResponse(q.excluded.length ? ONLY_EXCLUDED_MESSAGE : EMPTY_QUERY_MESSAGE, q.notes);
  }
  const c = compile(q, req);
  const sqlite = archive.sqlite;
  const where = c.where.length ? `WHERE ${c.where.join(' AND ')}` : '';
  const order =
    req.sort === 'date' || !c.rank
      ? 'd.meeting_date IS NULL, d.meeting_date DESC, d.docid DESC'
      : `${c.exact === '0' ? '' : `${c.exact} DESC, `}${c.rank} ASC, d.docid DESC`;
  const rankExpr = c.rank ?? '0';

  // One grouped pass over the matches gives the total and the year and kind facets together.
  const groups = sqlite
    .prepare(`SELECT substr(d.meeting_date, 1, 4) AS year, d.kind_folded AS kindKey, min(d.kind) AS kind, count(*) AS n FROM ${c.from} ${where} GROUP BY 1, 2`)
    .all(...c.params) as { year: string | null; kindKey: string; kind: string; n: number }[];
  const total = groups.reduce((n, g) => n + g.n, 0);
  if (total === 0) return { ...emptyResponse(null, q.notes) };

  const page = sqlite
    .prepare(
      `SELECT d.meeting_id AS id, ${rankExpr} AS rank, ${c.exact} AS exact FROM ${c.from} ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    )
    .all(...c.params, req.limit, req.offset) as { id: string; rank: number; exact: number }[];
  const fields = loadFields(sqlite, page.map((p) => p.id));
  const rows: SearchHit[] = page.flatMap((p) => {
    const f = fields.get(p.id);
    if (!f) return [];
    return [
      {
        id: p.id,
        title: f.title,
        kind: f.kind,
        date: f.date,
        score: Math.round((-p.rank + (p.exact ? 1000 : 0)) * 1000) / 1000,
        exact: p.exact === 1,
        snippet: buildSnippet(q, f),
      },
    ];
  });

  const byYear = new Map<string, number>();
  const byKind = new Map<string, { label: string; count: number }>();
  for (const g of groups) {
    if (g.year) byYear.set(g.year, (byYear.get(g.year) ?? 0) + g.n);
    const k = byKind.get(g.kindKey) ?? { label: g.kind, count: 0 };
    k.count += g.n;
    byKind.set(g.kindKey, k);
  }
  const years = [...byYear].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([y, n]) => ({ value: y, label: y, count: n }));
  const kinds = [...byKind.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'))
    .slice(0, 30)
    .map((k) => ({ value: k.label, label: k.label, count: k.count }));

  // People and tags: over every match when there are few, else over the FACET_SAMPLE most recently
  // recorded ones (a rowid walk that stops early; ranking them all again would double the cost).
  const sample =
    total > FACET_SAMPLE
      ? `SELECT d.meeting_id FROM ${c.from} ${where} ORDER BY d.docid DESC LIMIT ${FACET_SAMPLE}`
      : `SELECT d.meeting_id FROM ${c.from} ${where}`;
  const people = sqlite
    .prepare(
      `SELECT x.person_id AS value, p.full_name AS label, x.n AS count FROM
         (SELECT a.person_id, count(*) AS n FROM attendance a WHERE a.meeting_id IN (${sample}) GROUP BY a.person_id ORDER BY n DESC LIMIT 20) x
       JOIN people p ON p.id = x.person_id ORDER BY x.n DESC, p.name_sort`,
    )
    .all(...c.params) as FacetCount[];
  const tags = sqlite
    .prepare(
      `SELECT t.name AS value, t.name AS label, count(*) AS count FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id
       WHERE mt.meeting_id IN (${sample}) GROUP BY t.id ORDER BY 3 DESC, t.name LIMIT 20`,
    )
    .all(...c.params) as FacetCount[];

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
