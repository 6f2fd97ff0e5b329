import type Database from 'better-sqlite3';

/**
 * A compact in-memory copy of search_docs (docid → date as yyyymmdd, kind), so that counting matches,
 * the year and kind facets and date/kind filters are array lookups instead of a join per match: at
 * 100 000 meetings a broad query matches ~90 000 of them, and the join cost as much as the ranking.
 *
 * One copy per connection. An index write through this connection marks its docid as pending
 * (indexer.ts calls touchDoc); the next search re-reads those rows from search_docs, so a write that
 * was rolled back leaves no trace here. A commit by another connection or process changes
 * PRAGMA data_version, and the copy is reloaded.
 */
export class DocMeta {
  date = new Int32Array(0);
  kind = new Int32Array(0);
  live = new Uint8Array(0);
  /** Words of each document over all columns (bm25's D), and their sum and count over live documents. */
  length = new Int32Array(0);
  liveDocuments = 0;
  liveWords = 0;
  kinds: string[] = [];
  kindsFolded: string[] = [];
  private kindIndex = new Map<string, number>();
  maxDocid = 0;

  private ensure(docid: number): void {
    if (docid < this.live.length) return;
    const size = Math.max(docid + 1, Math.ceil(this.live.length * 1.5), 1024);
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.date = grow(this.date, (n) => new Int32Array(n));
    this.kind = grow(this.kind, (n) => new Int32Array(n));
    this.live = grow(this.live, (n) => new Uint8Array(n));
    this.length = grow(this.length, (n) => new Int32Array(n));
  }

  set(docid: number, meetingDate: string | null, kind: string, kindFolded: string, length: number): void {
    this.ensure(docid);
    this.drop(docid);
    let k = this.kindIndex.get(kindFolded);
    if (k === undefined) {
      k = this.kinds.length;
      this.kinds.push(kind);
      this.kindsFolded.push(kindFolded);
      this.kindIndex.set(kindFolded, k);
    }
    this.date[docid] = meetingDate ? Number(meetingDate.replace(/-/g, '')) : 0;
    this.kind[docid] = k;
    this.live[docid] = 1;
    this.length[docid] = length;
    this.liveDocuments++;
    this.liveWords += length;
    if (docid > this.maxDocid) this.maxDocid = docid;
  }

  drop(docid: number): void {
    if (docid < this.live.length && this.live[docid] === 1) {
      this.live[docid] = 0;
      this.liveDocuments--;
      this.liveWords -= this.length[docid]!;
    }
  }

  kindOf(folded: string): number | undefined {
    return this.kindIndex.get(folded);
  }
}

interface Cached {
  meta: DocMeta;
  dataVersion: number;
  pending: Set<number>;
}

const cache = new WeakMap<Database.Database, Cached>();

function load(sqlite: Database.Database): DocMeta {
  const meta = new DocMeta();
  const rows = sqlite.prepare('SELECT docid, meeting_date, kind, kind_folded, length FROM search_docs').raw().all() as [number, string | null, string, string, number][];
  for (const [docid, date, kind, folded, length] of rows) meta.set(docid, date, kind, folded, length);
  return meta;
}

const PENDING_RELOAD = 2000;

export function docMeta(sqlite: Database.Database): DocMeta {
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  const hit = cache.get(sqlite);
  if (hit && hit.dataVersion === dataVersion && hit.pending.size <= PENDING_RELOAD) {
    if (hit.pending.size > 0) {
      const one = sqlite.prepare('SELECT meeting_date, kind, kind_folded, length FROM search_docs WHERE docid = ?').raw();
      for (const docid of hit.pending) {
        const row = one.get(docid) as [string | null, string, string, number] | undefined;
        if (row) hit.meta.set(docid, row[0], row[1], row[2], row[3]);
        else hit.meta.drop(docid);
      }
      // Inside a transaction these rows may yet be rolled back: read them again after it ends.
      if (!sqlite.inTransaction) hit.pending.clear();
    }
    return hit.meta;
  }
  const meta = load(sqlite);
  cache.set(sqlite, { meta, dataVersion, pending: new Set() });
  return meta;
}

/** An index write on this connection touched `docid`: re-read it before the copy is next used. */
export function touchDoc(sqlite: Database.Database, docid: number): void {
  cache.get(sqlite)?.pending.add(docid);
}

/** After a rebuild every docid changes: forget the copy. */
export function forgetDocMeta(sqlite: Database.Database): void {
  cache.delete(sqlite);
}
