import type { Connection } from '../open';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import type { SearchQuery } from '../../contract/contract';
import { markedMatch, type ParsedQuery } from './query';
import type { RankedQuery } from './rankedQuery';
import type { DocMeta } from './docMeta';
import { DocSet, type IndexLookups } from './docSet';
// Statements kept per connection and SQL text (search builds a bounded set of query shapes).
import { cachedStatement as statement } from '../statementCache';

const yyyymmdd = (iso: string) => Number(iso.replace(/-/g, ''));

/** Internal knobs, for tests that must exercise every matching path on small data. */
export interface SearchTuning {
  /** Take the hit set from the marked index alone when the query allows it (see markedOnly). */
  markedOnly: boolean;
  /** Count the people and tag facets in the in-memory table once it is loaded (see docFacets.ts). */
  facetsInMemory: boolean;
}
export const DEFAULT_TUNING: SearchTuning = { markedOnly: true, facetsInMemory: true };

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

export interface Matches {
  /** Matching docids, ascending. */
  hits: Int32Array;
  set: DocSet;
  /** Every match of the folded expression is a hit (nothing removed by marks, trash or filters). */
  unfiltered: boolean;
}

/**
 * The set of matching docids. Words, phrases and prefixes come from the ranked index (rankedQuery.ts; or
 * the marked index alone, see markedOnly); terms typed with marks intersect with the marked index (per clause, or the clause's
 * dictionary alternatives, which carry no marks); dates and kinds are array lookups in DocMeta; person
 * and tag narrowing come from SQL (small sets).
 */
export function matchingDocids(
  sqlite: Connection,
  lookups: IndexLookups,
  ranked: RankedQuery,
  q: ParsedQuery,
  req: SearchQuery,
  meta: DocMeta,
  tuning: SearchTuning,
): Matches {
  const pluck = (sql: string, ...params: unknown[]) => statement(sqlite, sql).pluck().all(...params) as number[];
  const allowedBy: Uint8Array[] = [];
  // Clauses with a single term: all their marked words in one marked-index lookup.
  const single = q.clauses.filter((c) => c.alternatives.length === 1).flatMap((c) => markedMatch(c.alternatives[0]!) ?? []);
  const markedSingles = single.length ? lookups.marked(single) : null;
  const fromMarkedIndex = tuning.markedOnly && markedSingles !== null && markedOnly(q);

  let candidates: ArrayLike<number>;
  if (fromMarkedIndex) {
    candidates = markedSingles!;
  } else {
    if (q.clauses.length) {
      candidates = ranked.matching(q);
    } else {
      // Filters alone (tu:, den:, loai:): every live meeting but those holding an excluded term.
      const excluded = new DocSet(meta.maxDocid);
      for (const t of q.excluded) excluded.addAll(ranked.hits(t).docids);
      const all: number[] = [];
      for (let d = 1; d <= meta.maxDocid; d++) if (meta.live[d] && !excluded.bytes[d]) all.push(d);
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
      allowed.addAll(m ? lookups.marked(m) : ranked.hits(alt).docids);
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
  if (!ascending) hits.sort(); // every list is in ascending docid order; this is only a safeguard
  return { hits, set, unfiltered: !fromMarkedIndex && n === candidates.length };
}

