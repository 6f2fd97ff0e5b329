import { TermCache } from './searchCache';
import type { MarkedWant } from './query';
import type { RankedIndexReader } from './rankedIndex';
import { boundedPrefix, MAX_PREFIX_WORDS } from './rankedQuery';

/** A set of docids as one byte per docid (1 = in the set): a test per document without hashing. */
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
}

/**
 * The docids holding marked forms (markedLists.ts), each set of forms asked once per search: a term
 * typed with marks is both a mark constraint and the exact-mark test ("quốc phòng" with its QP
 * alternative, a quoted phrase), and one lookup answers both.
 */
export class IndexLookups {
  constructor(
    private readonly index: RankedIndexReader,
    /** Lookups of earlier searches while the index is unchanged (searchCache.ts). */
    private readonly seen: TermCache<Int32Array> = new TermCache(new Map()),
  ) {}

  /** The documents holding every one of `wants` (dead ones of the main segment included), ascending. */
  marked(wants: readonly MarkedWant[]): Int32Array {
    const key = wants.map((w) => (w.prefix ? `${w.form}*` : w.form)).join(' ');
    let ids = this.seen.get(key);
    if (!ids) {
      ids = wants.map((w) => this.holding(w)).reduce(intersect);
      this.seen.set(key, ids);
    }
    return ids;
  }

  private holding(want: MarkedWant): Int32Array {
    if (!want.prefix) return this.index.markedDocids(want.form);
    const forms = boundedPrefix(want.form, this.index.markedFormsWithPrefix(want.form, MAX_PREFIX_WORDS));
    const lists = forms.map((f) => this.index.markedDocids(f));
    let max = 0;
    for (const l of lists) if (l.length) max = Math.max(max, l[l.length - 1]!);
    const union = new DocSet(max);
    for (const l of lists) union.addAll(l);
    const out: number[] = [];
    for (let d = 1; d <= max; d++) if (union.bytes[d]) out.push(d);
    return Int32Array.from(out);
  }
}

/** The docids in both ascending lists. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out[n++] = a[i]!;
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}
