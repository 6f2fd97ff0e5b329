import type { Connection } from '../open';
import { TermCache } from './searchCache';
// Statements kept per connection and SQL text (search builds a bounded set of query shapes).
import { cachedStatement as statement } from '../statementCache';

/** Docid sets as a search builds them: in JS arrays, and bound to SQLite as one blob. */

/**
 * A set of docids as one byte per docid (1 = in the set), shared by JS and SQLite: bound as a blob,
 * `substr(?, rowid + 1, 1) = x'01'` tests membership inside SQLite's own loop, without a call into JS
 * per row (a JS function called for each of ~90 000 matches cost more than ranking them).
 */
export class DocSet {
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
export const IN_DOCSET = "substr(?, rowid + 1, 1) = x'01'";

/** The FTS5 table the lookups read: the marked index (every word with its marks). */
export type SearchIndex = 'search_marked';

/**
 * The docids matching an expression in one index, each expression asked once per search: a term typed
 * with marks is both a mark constraint and the exact-mark test ("quốc phòng" with its QP alternative,
 * a quoted phrase), and the marked index answers both with one pass.
 */
export class IndexLookups {
  constructor(
    private readonly sqlite: Connection,
    /** Lookups of earlier searches while the index is unchanged (searchCache.ts). */
    private readonly seen: TermCache<Int32Array> = new TermCache(new Map()),
  ) {}
  rowids(index: SearchIndex, match: string): Int32Array {
    const key = `${index}\u0000${match}`;
    let ids = this.seen.get(key);
    if (!ids) {
      const list = statement(this.sqlite, `SELECT group_concat(rowid) FROM ${index} WHERE ${index} MATCH ?`).pluck().get(match) as string | null;
      ids = parseIdList(list);
      this.seen.set(key, ids);
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
