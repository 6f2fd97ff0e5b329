import type { Archive, Connection } from '../open';
import { parseQuery, type ParsedQuery } from './query';
import { docMeta } from './docMeta';
import { docFacets } from './docFacets';
import { searchDocumentSql, type SearchDocument } from './document';
import { IndexLookups } from './docSet';
import { DEFAULT_TUNING, matchingDocids, type SearchTuning } from './matching';
import { pageDocids } from './ranking';
import { RankedQuery } from './rankedQuery';
import { RankedIndexReader } from './rankedIndex';
import { searchCache } from './searchCache';
import { buildSnippet, markTitle } from './snippets';
import type { SearchQuery, SearchResult } from '../../contract/contract';
import { msg, type Message } from '../../contract/messages/message';
import type { AbbreviationIndex } from './abbreviations';
// Statements kept per connection and SQL text (search builds a bounded set of query shapes).
import { cachedStatement as statement } from '../statementCache';

/** The request and response shapes are the contract's (contract/contract.ts). */
export type SearchRequest = SearchQuery;
export type SearchResponse = SearchResult;
type SearchHit = SearchResult['rows'][number];
type FacetCount = SearchResult['facets']['years'][number];

export const FACET_SAMPLE = 2000;
/**
 * The people and tag facets of `docids` counted in SQL: the 20 people attending most of them (ties by
 * name_sort, then id) and the 20 tags most given (ties by name). DocFacets gives the same lists from memory.
 */
export function peopleAndTagsSql(sqlite: Connection, docids: ArrayLike<number>): { people: FacetCount[]; tags: FacetCount[] } {
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

function emptyResponse(message: Message | null, notes: Message[]): SearchResponse {
  return { total: 0, rows: [], facets: { years: [], kinds: [], people: [], tags: [], sampledOver: null }, message, notes };
}

/** The page's meetings as the index sees them (document.ts): the snippets are cut from the indexed text. */
function loadFields(sqlite: Connection, ids: string[]): Map<string, SearchDocument> {
  if (ids.length === 0) return new Map();
  const marks = ids.map(() => '?').join(', ');
  const rows = sqlite.prepare(searchDocumentSql(`WHERE m.id IN (${marks})`)).all(...ids) as SearchDocument[];
  return new Map(rows.map((r) => [r.meetingId, r]));
}

/**
 * hoso's search call: ranked (bm25 with field weights, exact-mark hits first) or by date; one page of
 * hits with snippets; facets over the whole match set (people and tags over the best FACET_SAMPLE).
 * A query beyond the parser's limits, or a prefix standing for too many words, is refused
 * (SEARCH_QUERY_TOO_COMPLEX).
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
    return emptyResponse(msg(q.excluded.length ? 'searchNote.onlyExcluded' : 'searchNote.emptyQuery'), q.notes);
  }
  return answer(archive, req, q, tuning);
}

function answer(archive: Pick<Archive, 'sqlite'>, req: SearchRequest, q: ParsedQuery, tuning: SearchTuning): SearchResponse {
  const sqlite = archive.sqlite;
  const meta = docMeta(sqlite);
  const index = new RankedIndexReader(sqlite);
  const cache = searchCache(sqlite, index.generation);
  const lookups = new IndexLookups(index, cache.lookups);
  const ranked = new RankedQuery(index, meta, cache.terms);
  const matches = matchingDocids(sqlite, lookups, ranked, q, req, meta, tuning);
  const { hits } = matches;
  const total = hits.length;
  if (total === 0) return { ...emptyResponse(null, q.notes) };

  const page = pageDocids(lookups, ranked, q, req, meta, matches);
  const meetingOf = statement(sqlite, 'SELECT meeting_id FROM search_docs WHERE docid = ?').pluck();
  const pageIds = page.map((p) => ({ ...p, id: meetingOf.get(p.docid) as string | undefined }));
  const fields = loadFields(sqlite, pageIds.flatMap((p) => (p.id ? [p.id] : [])));
  const rows: SearchHit[] = pageIds.flatMap((p) => {
    const f = p.id ? fields.get(p.id) : undefined;
    if (!f) return [];
    return [
      {
        id: f.meetingId,
        title: f.title,
        titleHtml: markTitle(q, f.title),
        kind: f.kind,
        date: f.meetingDate,
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
