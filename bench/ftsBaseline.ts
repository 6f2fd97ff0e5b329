import type Database from 'better-sqlite3';
import { SEARCH_COLUMNS, searchDocumentSql, type SearchDocument } from '../db/search/document';
import { foldedText } from '../db/search/tokens';
import { foldedMatch, parseQuery, type ParsedQuery } from '../db/search/query';
import { FIELD_WEIGHTS } from '../db/search/snippets';
import type { AbbreviationIndex } from '../db/search/abbreviations';

/**
 * FTS5's folded index of the archive's text, built beside hoso's own index as the baseline the search
 * benchmark and the ranking tests compare with: the table hoso searched with before its ranked index
 * (contentless, unicode61 on the folded text, one column per search column, rowid = hoso's docid).
 * Freshly built, FTS5's bm25 is exact; it is not kept in step with writes.
 */
export const BASELINE = 'baseline_fts';

export function buildFtsBaseline(sqlite: Database.Database): { documents: number; ms: number } {
  const started = Date.now();
  let documents = 0;
  sqlite.transaction(() => {
    sqlite.exec(`DROP TABLE IF EXISTS ${BASELINE};
      CREATE VIRTUAL TABLE ${BASELINE} USING fts5(${SEARCH_COLUMNS.join(', ')}, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', detail=full);`);
    // Merging only at the end, from big segments, as the archive's rebuild did when FTS5 held this index.
    sqlite.prepare(`INSERT INTO ${BASELINE} (${BASELINE}, rank) VALUES ('automerge', ?)`).run(0n);
    sqlite.prepare(`INSERT INTO ${BASELINE} (${BASELINE}, rank) VALUES ('hashsize', ?)`).run(BigInt(64 * 1024 * 1024));
    const docids = new Map((sqlite.prepare('SELECT meeting_id, docid FROM search_docs').raw().all() as [string, number][]).map(([m, d]) => [m, d]));
    const page = sqlite.prepare(searchDocumentSql('WHERE +m.deleted_at IS NULL AND m.id > ? ORDER BY m.id LIMIT 500'));
    const insert = sqlite.prepare(`INSERT INTO ${BASELINE} (rowid, ${SEARCH_COLUMNS.join(', ')}) VALUES (?, ${SEARCH_COLUMNS.map(() => '?').join(', ')})`);
    for (let after = ''; ; ) {
      const rows = page.all(after) as SearchDocument[];
      if (rows.length === 0) break;
      for (const doc of rows) {
        const docid = docids.get(doc.meetingId);
        if (docid === undefined) continue;
        insert.run(docid, ...SEARCH_COLUMNS.map((c) => foldedText(doc[c])));
        documents++;
      }
      after = rows[rows.length - 1]!.meetingId;
    }
    sqlite.exec(`INSERT INTO ${BASELINE} (${BASELINE}) VALUES ('optimize');`);
  })();
  return { documents, ms: Date.now() - started };
}

export function dropFtsBaseline(sqlite: Database.Database): void {
  sqlite.exec(`DROP TABLE IF EXISTS ${BASELINE}`);
}

/** The raw baseline of the benchmark: MATCH … ORDER BY bm25 LIMIT 20 on the folded expression, nothing else. */
export function rawFtsSearch(sqlite: Database.Database, query: string, abbreviations?: AbbreviationIndex): number[] {
  const match = foldedMatch(parseQuery(query, abbreviations));
  if (!match) return [];
  return sqlite.prepare(`SELECT rowid FROM ${BASELINE} WHERE ${BASELINE} MATCH ? ORDER BY bm25(${BASELINE}) LIMIT 20`).pluck().all(match) as number[];
}

/**
 * The 20 best docids by FTS5's bm25 with hoso's column weights (ties: newest docid), over the text
 * match alone: exact on the freshly built baseline, the order hoso's ranked index must give.
 */
export function ftsTop20(sqlite: Database.Database, q: ParsedQuery): number[] {
  const match = foldedMatch(q);
  if (!match) return [];
  const rank = `bm25(${BASELINE}, ${SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]).join(', ')})`;
  return sqlite.prepare(`SELECT rowid FROM ${BASELINE} WHERE ${BASELINE} MATCH ? ORDER BY ${rank}, rowid DESC LIMIT 20`).pluck().all(match) as number[];
}
