import type { SearchQuery } from '../../contract/contract';
import { literalMatch, type ParsedQuery } from './query';
import type { DocMeta } from './docMeta';
import type { IndexLookups } from './docSet';
import type { Matches } from './matching';
import type { RankedQuery } from './rankedQuery';

export interface PageRow {
  docid: number;
  /** FTS5's sign: −bm25, lower is better. */
  rank: number;
  exact: boolean;
}

/**
 * One page of docids. By date: sorted here from DocMeta. By relevance: exact-mark hits first, then
 * bm25 (rankedQuery.ts) best first, then the newest docid, as FTS5's `ORDER BY rank, rowid DESC` did;
 * only the page's end is kept while scanning (a bounded heap), never a sort of every match.
 */
export function pageDocids(lookups: IndexLookups, ranked: RankedQuery, q: ParsedQuery, req: SearchQuery, meta: DocMeta, m: Matches): PageRow[] {
  if (req.sort === 'date' || q.clauses.length === 0) {
    const order = Array.from(m.hits).sort((a, b) => {
      const da = meta.date[a]!;
      const db = meta.date[b]!;
      if ((da === 0) !== (db === 0)) return da === 0 ? 1 : -1;
      return db - da || b - a;
    });
    return order.slice(req.offset, req.offset + req.limit).map((docid) => ({ docid, rank: 0, exact: false }));
  }

  // Exact-mark hits (every typed word with exactly its typed marks) rank first. When every clause is
  // one typed term whose words all carry marks, the mark constraints already made every hit exact.
  const exactByConstruction = q.clauses.every(
    (c) => c.alternatives.length === 1 && !c.alternatives[0]!.prefix && c.alternatives[0]!.words.every((w) => w.marked !== null),
  );
  const literal = exactByConstruction ? null : literalMatch(q);
  const exact = new Uint8Array(meta.maxDocid + 1);
  if (exactByConstruction) exact.fill(1);
  else if (literal) {
    const ids = lookups.marked(literal);
    for (let i = 0; i < ids.length; i++) if (ids[i]! < exact.length) exact[ids[i]!] = 1;
  }

  const scores = ranked.scores(q, m.hits);
  const keep = req.offset + req.limit;
  const top = new TopK(keep, (a, b) => {
    const ea = exact[m.hits[a]!]!;
    const eb = exact[m.hits[b]!]!;
    if (ea !== eb) return ea - eb;
    return scores[a]! - scores[b]! || m.hits[a]! - m.hits[b]!;
  });
  for (let i = 0; i < m.hits.length; i++) top.offer(i);
  return top
    .best()
    .slice(req.offset)
    .map((i) => ({ docid: m.hits[i]!, rank: -scores[i]!, exact: exact[m.hits[i]!] === 1 }));
}

/**
 * The k best items under `better` (positive when a beats b), as a min-heap of the k kept: each offer
 * costs one comparison unless it enters the heap.
 */
class TopK {
  private readonly heap: number[] = [];
  constructor(
    private readonly k: number,
    private readonly better: (a: number, b: number) => number,
  ) {}

  offer(item: number): void {
    const h = this.heap;
    if (this.k <= 0) return;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.better(item, h[0]!) > 0) {
      h[0] = item;
      this.down(0);
    }
  }

  best(): number[] {
    return [...this.heap].sort((a, b) => this.better(b, a));
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.better(h[p]!, h[i]!) <= 0) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.better(h[worst]!, h[l]!) > 0) worst = l;
      if (r < h.length && this.better(h[worst]!, h[r]!) > 0) worst = r;
      if (worst === i) return;
      [h[worst], h[i]] = [h[i]!, h[worst]!];
      i = worst;
    }
  }
}
