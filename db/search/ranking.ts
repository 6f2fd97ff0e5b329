import type { Connection } from '../open';
import type { SearchQuery } from '../../contract/contract';
import { foldedMatch, literalMatch, type ParsedQuery } from './query';
import type { DocMeta } from './docMeta';
import { SEARCH_COLUMNS } from './document';
import { DocSet, IN_DOCSET, type IndexLookups } from './docSet';
import type { Matches } from './matching';
import { FIELD_WEIGHTS } from './snippets';
// Statements kept per connection and SQL text (search builds a bounded set of query shapes).
import { cachedStatement as statement } from '../statementCache';

const BM25_WEIGHTS = SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ');

/**
 * One page of docids. By date: sorted here from DocMeta. By relevance: one FTS5 ranking pass (bm25 with
 * field weights, then newest docid), exact-mark hits first; when marks, the trash or filters removed
 * some matches, the hit set is bound as a blob and only its members are ranked.
 */
export function pageDocids(sqlite: Connection, lookups: IndexLookups, q: ParsedQuery, req: SearchQuery, meta: DocMeta, m: Matches): { docid: number; rank: number; exact: boolean }[] {
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

