import type Database from 'better-sqlite3';
import type { TermHits } from './rankedQuery';

/**
 * What one search worked out about single terms, kept for the next searches on this connection while
 * the index stays as it was: a term's live documents and weighted counts (rankedQuery.ts) and the
 * marked lists' documents for a set of forms (docSet.ts). A clerk's searches repeat their terms — the
 * next page, a facet clicked, one more word — and a phrase of common words outside the dictionary, or a
 * short prefix, costs milliseconds to tens of milliseconds at 100 000 meetings. Like Lucene's query
 * cache, results are dropped on any change: a write through this connection (noteIndexWrite), a commit
 * by another (PRAGMA data_version), a merge or build (the ranked index's generation). Nothing is kept
 * from inside a transaction, which may yet be rolled back. (The decoded lists of rankedIndex.ts have a
 * key of their own on purpose: a save changes only the tail, so they stay valid across this
 * connection's writes, where these results do not.)
 */

const MAX_ENTRIES = 64;

interface Cache {
  version: string;
  terms: Map<string, TermHits>;
  lookups: Map<string, Int32Array>;
}

const caches = new WeakMap<Database.Database, Cache>();
const writes = new WeakMap<Database.Database, number>();

/** An index write on this connection: every cached result is stale. */
export function noteIndexWrite(sqlite: Database.Database): void {
  writes.set(sqlite, (writes.get(sqlite) ?? 0) + 1);
}

/** Bounded maps (oldest entry dropped first) that keep what is put in them while the index is unchanged. */
export class TermCache<T> {
  constructor(private readonly map: Map<string, T> | null) {}
  get(key: string): T | undefined {
    return this.map?.get(key);
  }
  set(key: string, value: T): void {
    if (!this.map) return;
    if (this.map.size >= MAX_ENTRIES) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, value);
  }
}

/** The caches for this connection at this state of the index (`generation`: the ranked index's). */
export function searchCache(sqlite: Database.Database, generation: number): { terms: TermCache<TermHits>; lookups: TermCache<Int32Array> } {
  if (sqlite.inTransaction) return { terms: new TermCache(null), lookups: new TermCache(null) };
  const version = `${generation}:${String(sqlite.pragma('data_version', { simple: true }))}:${writes.get(sqlite) ?? 0}`;
  let c = caches.get(sqlite);
  if (!c || c.version !== version) {
    c = { version, terms: new Map(), lookups: new Map() };
    caches.set(sqlite, c);
  }
  return { terms: new TermCache(c.terms), lookups: new TermCache(c.lookups) };
}

/** For the benchmark's first-search figures: forget every cached result. */
export function forgetSearchCache(sqlite: Database.Database): void {
  caches.delete(sqlite);
}
