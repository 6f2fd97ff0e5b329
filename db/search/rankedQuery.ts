import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { SEARCH_COLUMNS } from './document';
import { COLUMNS, type TermPostings } from './postings';
import { WEIGHTS, type RankedIndexReader } from './rankedIndex';
import type { DocMeta } from './docMeta';
import type { ParsedQuery, Term } from './query';
import { TermCache } from './searchCache';
import { phraseTermKey } from './indexedPhrases';

/**
 * A query against the ranked index: which live documents hold each term (a word, a phrase, a prefix,
 * within a column or not) and how often, which documents the whole query matches, and their bm25.
 *
 * bm25 is FTS5's (fts5_aux.c, fts5Bm25Function) term for term, so the order is the one FTS5 gives on a
 * freshly built index: each phrase of the query's MATCH expression (every OR alternative, dictionary
 * alternative and exclusion, in that order) adds idf × f(k1 + 1) / (f + k1(1 − b + b·D/avgdl)), where f
 * is the phrase's occurrences in the document weighted by column, D the document's words, avgdl the
 * mean over live documents, idf = ln((N − n + 0.5)/(n + 0.5)) clamped to 1e-6, N the live documents and
 * n those holding the phrase. Unlike FTS5's contentless tables, N, n and avgdl count live documents only.
 */

const K1 = 1.2;
const B = 0.75;
/**
 * Words one prefix may stand for: "ng*" in a provincial archive is a few hundred; a single letter could
 * be thousands, each a list to read. Past this the query is refused (SEARCH_QUERY_TOO_COMPLEX).
 */
export const MAX_PREFIX_WORDS = 2000;

/** The words (or marked forms) a prefix stands for, refused past MAX_PREFIX_WORDS with a message naming it. */
export function boundedPrefix(prefix: string, words: string[]): string[] {
  if (words.length > MAX_PREFIX_WORDS) {
    throw new HosoError('SEARCH_QUERY_TOO_COMPLEX', msg('searchLimit.prefixTooBroad', { prefix, max: MAX_PREFIX_WORDS }));
  }
  return words;
}

/** The live documents holding a term, ascending, with the term's column-weighted occurrences in each. */
export interface TermHits {
  docids: Int32Array;
  freq: Float64Array;
}

const EMPTY: TermHits = { docids: new Int32Array(0), freq: new Float64Array(0) };

function termKey(t: Term): string {
  return `${t.column ?? ''}|${t.prefix ? '*' : ''}|${t.words.map((w) => w.folded).join(' ')}`;
}

export class RankedQuery {
  constructor(
    private readonly index: RankedIndexReader,
    private readonly meta: DocMeta,
    /** Terms worked out by earlier searches while the index is unchanged (searchCache.ts). */
    private readonly cache: TermCache<TermHits> = new TermCache(new Map()),
  ) {}

  /** The lists of one word of a term: its own, or every indexed word it begins when it is a prefix. */
  private lists(word: string, prefix: boolean): TermPostings[] {
    if (!prefix) return this.index.word(word).segments;
    return boundedPrefix(word, this.index.wordsWithPrefix(word, MAX_PREFIX_WORDS)).flatMap((w) => this.index.word(w).segments);
  }

  hits(term: Term): TermHits {
    const key = termKey(term);
    let h = this.cache.get(key);
    if (!h) this.cache.set(key, (h = this.compute(term)));
    return h;
  }

  private compute(term: Term): TermHits {
    const column = term.column === null ? -1 : SEARCH_COLUMNS.indexOf(term.column);
    const phrase = term.prefix || !this.index.holdsPhraseTerms ? null : phraseTermKey(term.words.map((w) => w.folded));
    if (phrase !== null) {
      // A phrase the index holds as a term: one list, counting what phraseHits would count.
      const lists = this.lists(phrase, false);
      return lists.length ? this.wordHits(lists, column) : EMPTY;
    }
    const last = term.words.length - 1;
    const lists = term.words.map((w, k) => this.lists(w.folded, term.prefix && k === last));
    if (lists.some((l) => l.length === 0)) return EMPTY;
    return term.words.length === 1 ? this.wordHits(lists[0]!, column) : this.phraseHits(lists, column);
  }

  /** One word (or one prefix's words): its weighted occurrences summed per live document. */
  private wordHits(lists: TermPostings[], column: number): TermHits {
    const live = this.meta.live;
    if (lists.length === 1 || lists.every((l, i) => i === 0 || l.docids[0]! > lists[i - 1]!.docids[lists[i - 1]!.n - 1]!)) {
      // One word: its segments are in docid order already.
      let n = 0;
      for (const l of lists) n += l.n;
      const docids = new Int32Array(n);
      const freq = new Float64Array(n);
      let k = 0;
      for (const l of lists) {
        for (let i = 0; i < l.n; i++) {
          const d = l.docids[i]!;
          if (live[d] !== 1) continue;
          const f = column < 0 ? l.wtf[i]! : l.mask[i]! & (1 << column) ? WEIGHTS[column]! * l.tfs[i * COLUMNS + column]! : 0;
          if (f === 0) continue;
          docids[k] = d;
          freq[k++] = f;
        }
      }
      return { docids: docids.subarray(0, k), freq: freq.subarray(0, k) };
    }
    // A prefix: many words, each adding its occurrences to the documents it is in.
    const acc = new Float64Array(this.meta.maxDocid + 1);
    for (const l of lists) {
      for (let i = 0; i < l.n; i++) {
        const d = l.docids[i]!;
        if (d >= acc.length || live[d] !== 1) continue;
        acc[d]! += column < 0 ? l.wtf[i]! : l.mask[i]! & (1 << column) ? WEIGHTS[column]! * l.tfs[i * COLUMNS + column]! : 0;
      }
    }
    return compact(acc);
  }

  /**
   * A phrase: documents holding every word (a stamp per document counts the words found so far), then
   * in each column the positions where word k stands k places after the first: each is one occurrence,
   * as FTS5 counts phrase instances (overlapping ones too). A tight loop without allocation per
   * document: phrases of common words ("quốc phòng", the dictionary's "ủy ban nhân dân") hold most of
   * the archive.
   */
  private phraseHits(lists: TermPostings[][], column: number): TermHits {
    const live = this.meta.live;
    const size = this.meta.maxDocid + 1;
    const stamp = new Uint8Array(size);
    lists.forEach((wordLists, k) => {
      for (const l of wordLists) {
        for (let i = 0; i < l.n; i++) {
          const d = l.docids[i]!;
          if (d < size && stamp[d] === k && live[d] === 1) stamp[d] = k + 1;
        }
      }
    });
    const words = lists.length;
    const acc = new Float64Array(size);
    // Per word and list: the walk's place; per word: the list holding the document and its entry.
    const place = lists.map((wordLists) => new Int32Array(wordLists.length));
    const held: (TermPostings | null)[] = new Array<TermPostings | null>(words).fill(null);
    const entry = new Int32Array(words);
    const from = new Int32Array(words);
    const to = new Int32Array(words);
    const at = new Int32Array(words);
    const pools: Int32Array[] = lists.map(() => new Int32Array(0));
    const allColumns = column < 0 ? (1 << COLUMNS) - 1 : 1 << column;
    for (let d = 1; d < size; d++) {
      if (stamp[d] !== words) continue;
      let columns = allColumns;
      let several = false;
      for (let k = 0; k < words; k++) {
        const wordLists = lists[k]!;
        held[k] = null;
        let mask = 0;
        for (let j = 0; j < wordLists.length; j++) {
          const l = wordLists[j]!;
          let i = place[k]![j]!;
          while (i < l.n && l.docids[i]! < d) i++;
          place[k]![j] = i;
          if (i < l.n && l.docids[i] === d) {
            if (held[k] !== null) several = true;
            held[k] = l;
            entry[k] = i;
            mask |= l.mask[i]!;
          }
        }
        columns &= mask;
      }
      if (!columns) continue;
      if (several) {
        acc[d] = this.phraseInDocument(lists, place, d, columns);
        continue;
      }
      let f = 0;
      for (let c = 0; c < COLUMNS; c++) {
        if (!(columns & (1 << c))) continue;
        for (let k = 0; k < words; k++) {
          const l = held[k]!;
          const i = entry[k]!;
          const { start, pool } = l.positions();
          const s = start[i * COLUMNS + c]!;
          from[k] = s;
          at[k] = s;
          to[k] = s + l.tfs[i * COLUMNS + c]!;
          pools[k] = pool;
        }
        let count = 0;
        const first = pools[0]!;
        for (let a = from[0]!; a < to[0]!; a++) {
          const p = first[a]!;
          let ok = true;
          for (let k = 1; ok && k < words; k++) {
            const pool = pools[k]!;
            let x = at[k]!;
            const end = to[k]!;
            while (x < end && pool[x]! < p + k) x++;
            at[k] = x;
            ok = x < end && pool[x] === p + k;
          }
          if (ok) count++;
        }
        f += WEIGHTS[c]! * count;
      }
      if (f > 0) acc[d] = f;
    }
    return compact(acc);
  }

  /** The phrase's weighted occurrences in one document where a prefix's several words hold it. */
  private phraseInDocument(lists: TermPostings[][], place: Int32Array[], d: number, columns: number): number {
    let f = 0;
    for (let c = 0; c < COLUMNS; c++) {
      if (!(columns & (1 << c))) continue;
      const positions = lists.map((wordLists, k) =>
        wordLists.flatMap((l, j) => {
          const i = place[k]![j]!;
          return i < l.n && l.docids[i] === d && l.mask[i]! & (1 << c) ? [l.positionsOf(i, c)] : [];
        }),
      );
      f += WEIGHTS[c]! * countInstances(positions);
    }
    return f;
  }

  /** The documents the whole query matches (before marks, dates, kinds and the other filters). */
  matching(q: ParsedQuery): Int32Array {
    const size = this.meta.maxDocid + 1;
    const passed = new Uint8Array(size);
    q.clauses.forEach((clause, ci) => {
      for (const alt of clause.alternatives) {
        const { docids } = this.hits(alt);
        for (let i = 0; i < docids.length; i++) if (passed[docids[i]!] === ci) passed[docids[i]!] = ci + 1;
      }
    });
    for (const ex of q.excluded) {
      const { docids } = this.hits(ex);
      for (let i = 0; i < docids.length; i++) passed[docids[i]!] = 0;
    }
    const need = q.clauses.length;
    let n = 0;
    for (let d = 1; d < size; d++) if (passed[d] === need) n++;
    const out = new Int32Array(n);
    let k = 0;
    for (let d = 1; d < size; d++) if (passed[d] === need) out[k++] = d;
    return out;
  }

  /**
   * bm25 of each of `docids` (ascending), FTS5's sum over the phrases of the MATCH expression in its
   * order. Excluded phrases are absent from every match (f = 0) and add nothing.
   */
  scores(q: ParsedQuery, docids: Int32Array): Float64Array {
    const n = this.meta.liveDocuments;
    const avgdl = this.meta.liveWords / n;
    const length = this.meta.length;
    const phrases = q.clauses.flatMap((c) => c.alternatives);
    const out = new Float64Array(docids.length);
    for (const p of phrases) {
      const h = this.hits(p);
      let idf = Math.log((n - h.docids.length + 0.5) / (h.docids.length + 0.5));
      if (idf <= 0.0) idf = 1e-6;
      let j = 0;
      for (let i = 0; i < docids.length; i++) {
        const d = docids[i]!;
        while (j < h.docids.length && h.docids[j]! < d) j++;
        const f = j < h.docids.length && h.docids[j] === d ? h.freq[j]! : 0;
        const D = length[d]!;
        out[i] = out[i]! + idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + (B * D) / avgdl)));
      }
    }
    return out;
  }
}

/** The non-zero entries of a per-docid array, as ascending lists. */
function compact(acc: Float64Array): TermHits {
  let n = 0;
  for (let d = 0; d < acc.length; d++) if (acc[d]! > 0) n++;
  const docids = new Int32Array(n);
  const freq = new Float64Array(n);
  let k = 0;
  for (let d = 0; d < acc.length; d++) {
    if (acc[d]! > 0) {
      docids[k] = d;
      freq[k++] = acc[d]!;
    }
  }
  return { docids, freq };
}

/**
 * Occurrences of a phrase in one column: positions p of the first word such that word k stands at p + k.
 * `positions[k]` holds the sorted position lists of word k (several when it is a prefix's words).
 */
function countInstances(positions: Int32Array[][]): number {
  const sets = positions.map((parts) => {
    if (parts.length === 1) return parts[0]!;
    const all = new Int32Array(parts.reduce((s, p) => s + p.length, 0));
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    return all.sort();
  });
  const first = sets[0]!;
  const ptr = sets.map(() => 0);
  let count = 0;
  for (let a = 0; a < first.length; a++) {
    const p = first[a]!;
    let ok = true;
    for (let k = 1; ok && k < sets.length; k++) {
      const s = sets[k]!;
      let i = ptr[k]!;
      while (i < s.length && s[i]! < p + k) i++;
      ptr[k] = i;
      ok = i < s.length && s[i] === p + k;
    }
    if (ok) count++;
  }
  return count;
}
