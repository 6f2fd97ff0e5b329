import type Database from 'better-sqlite3';
// Statements kept per connection and SQL text (search builds a bounded set of query shapes).
import { cachedStatement as statement } from '../statementCache';

/**
 * The people and tags of each indexed meeting, in memory (docid → person numbers, docid → tag numbers),
 * so that the person and tag facets are counted in arrays instead of by a SQL join over the facet
 * sample: at 100 000 meetings that join cost ~20 % of a raw FTS5 ranking per search.
 *
 * Reading it takes 1–4 s at 100 000 meetings (1.1 M attendance rows), so it is never read in one go:
 * the first search schedules a load in slices of SLICE docids, run between other work on the event
 * loop (a few tens of ms each), and searches use the SQL facets until it is complete.
 *
 * Kept in step like DocMeta (docMeta.ts): an index write on this connection marks its docid as pending
 * (indexer.ts calls touchFacetDoc, on every indexMeeting, even one whose text did not change: replacing
 * an attendee by a namesake changes the people but not the indexed text) and the next search re-reads
 * those docids, so a write that was rolled back leaves no trace. A commit by another connection or
 * process changes PRAGMA data_version: the table is dropped and loaded again in the background.
 */

/** docid → a short list of small numbers, all lists in one pool (100 000 small typed arrays cost more). */
class DocLists {
  private start = new Int32Array(0);
  private length = new Int32Array(0);
  private pool = new Int32Array(1 << 16);
  private used = 0;

  set(docid: number, values: readonly number[]): void {
    if (docid >= this.start.length) {
      const size = Math.max(docid + 1, Math.ceil(this.start.length * 1.5), 1024);
      const start = new Int32Array(size);
      const length = new Int32Array(size);
      start.set(this.start);
      length.set(this.length);
      this.start = start;
      this.length = length;
    }
    if (values.length > this.length[docid]!) {
      // A longer list than before goes at the end of the pool; the old place is left unused.
      if (this.used + values.length > this.pool.length) this.grow(values.length);
      this.start[docid] = this.used;
      this.used += values.length;
    }
    this.pool.set(values, this.start[docid]!);
    this.length[docid] = values.length;
  }

  /** Room for `more` numbers: a new pool holding only the lists in use (rewritten lists leave gaps). */
  private grow(more: number): void {
    let live = 0;
    for (let d = 0; d < this.length.length; d++) live += this.length[d]!;
    const pool = new Int32Array(Math.max(1 << 16, (live + more) * 2));
    let at = 0;
    for (let d = 0; d < this.length.length; d++) {
      const n = this.length[d]!;
      if (n === 0) continue;
      pool.set(this.pool.subarray(this.start[d]!, this.start[d]! + n), at);
      this.start[d] = at;
      at += n;
    }
    this.pool = pool;
    this.used = at;
  }

  get bytes(): number {
    return this.start.byteLength + this.length.byteLength + this.pool.byteLength;
  }

  /** Adds 1 to counts[v] for every number v listed for each of `docids`; `seen` gets each v counted first. */
  countInto(docids: ArrayLike<number>, counts: Int32Array, seen: number[]): void {
    const { start, length, pool } = this;
    for (let i = 0; i < docids.length; i++) {
      const d = docids[i]!;
      if (d >= length.length) continue;
      for (let k = start[d]!, end = k + length[d]!; k < end; k++) {
        const v = pool[k]!;
        if (counts[v] === 0) seen.push(v);
        counts[v]!++;
      }
    }
  }
}

/** Text ids (people.id, tags.id) as small numbers. */
class Interner {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  of(id: string): number {
    let n = this.index.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.index.set(id, n);
    }
    return n;
  }
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

const FACET_SIZE = 20;

/** The in-memory table of one connection, once loaded and brought up to date. */
export class DocFacets {
  private readonly people = new DocLists();
  private readonly tags = new DocLists();
  private readonly personIds = new Interner();
  private readonly tagIds = new Interner();

  /** Memory held by the lists (typed arrays), for the benchmark. */
  get bytes(): number {
    return this.people.bytes + this.tags.bytes;
  }

  setDoc(docid: number, personIds: readonly string[], tagIds: readonly string[]): void {
    this.people.set(
      docid,
      personIds.map((p) => this.personIds.of(p)),
    );
    this.tags.set(
      docid,
      tagIds.map((t) => this.tagIds.of(t)),
    );
  }

  /**
   * The FACET_SIZE people attending most of `docids` (count, then people.name_sort, then id), as the
   * SQL facet gives them (searchFacetsSql in search.ts). Counting is done here; SQLite orders the
   * candidates that can make the list (those counted at least as often as the FACET_SIZE-th), so the
   * tie order is SQLite's collation of name_sort, not a JavaScript copy of it.
   */
  topPeople(sqlite: Database.Database, docids: ArrayLike<number>): FacetCount[] {
    const candidates = top(this.people, this.personIds, docids);
    if (candidates.length === 0) return [];
    return statement(
      sqlite,
      `SELECT p.id AS value, p.full_name AS label, j.value ->> 1 AS count FROM json_each(?) j JOIN people p ON p.id = j.value ->> 0
       ORDER BY 3 DESC, p.name_sort, p.id LIMIT ${FACET_SIZE}`,
    ).all(JSON.stringify(candidates)) as FacetCount[];
  }

  /** The FACET_SIZE tags most given to `docids` (count, then name), as the SQL facet gives them. */
  topTags(sqlite: Database.Database, docids: ArrayLike<number>): FacetCount[] {
    const candidates = top(this.tags, this.tagIds, docids);
    if (candidates.length === 0) return [];
    return statement(
      sqlite,
      `SELECT t.name AS value, t.name AS label, j.value ->> 1 AS count FROM json_each(?) j JOIN tags t ON t.id = j.value ->> 0
       ORDER BY 3 DESC, t.name, t.id LIMIT ${FACET_SIZE}`,
    ).all(JSON.stringify(candidates)) as FacetCount[];
  }
}

/** [id, count] of every value counted at least as often as the FACET_SIZE-th most counted one. */
function top(lists: DocLists, interner: Interner, docids: ArrayLike<number>): [string, number][] {
  const counts = new Int32Array(interner.ids.length);
  const seen: number[] = [];
  lists.countInto(docids, counts, seen);
  if (seen.length === 0) return [];
  let cutoff = 1;
  if (seen.length > FACET_SIZE) {
    const sorted = Int32Array.from(seen, (v) => counts[v]!).sort();
    cutoff = sorted[sorted.length - FACET_SIZE]!;
  }
  const out: [string, number][] = [];
  for (const v of seen) if (counts[v]! >= cutoff) out.push([interner.ids[v]!, counts[v]!]);
  return out;
}

/** Docids per load slice: ~10 ms each at 100 000 meetings (the event loop waits at most that long for it). */
const SLICE = 500;
/** More pending docids than this: load the whole table again (in the background) rather than one by one. */
const PENDING_RELOAD = 2000;

interface Load {
  facets: DocFacets;
  dataVersion: number;
  /** Docids written on this connection since the load began: re-read before the table is next used. */
  pending: Set<number>;
  /** The next docid to read, and the last one (the highest when the load began; later ones are pending). */
  next: number;
  last: number;
  ready: boolean;
}

const loads = new WeakMap<Database.Database, Load>();
const waiting = new WeakMap<Database.Database, (() => void)[]>();

const PEOPLE_SQL = 'SELECT d.docid, a.person_id FROM search_docs d JOIN attendance a ON a.meeting_id = d.meeting_id';
const TAGS_SQL = 'SELECT d.docid, mt.tag_id FROM search_docs d JOIN meeting_tags mt ON mt.meeting_id = d.meeting_id';

/** Reads the people and tags of docids from..to (inclusive) into the table; docids without any get empty lists. */
function readDocs(sqlite: Database.Database, facets: DocFacets, from: number, to: number): void {
  const byDoc = new Map<number, { people: string[]; tags: string[] }>();
  const entry = (docid: number) => {
    let e = byDoc.get(docid);
    if (!e) byDoc.set(docid, (e = { people: [], tags: [] }));
    return e;
  };
  for (const [docid, id] of statement(sqlite, `${PEOPLE_SQL} WHERE d.docid BETWEEN ? AND ?`).raw().all(from, to) as [number, string][]) entry(docid).people.push(id);
  for (const [docid, id] of statement(sqlite, `${TAGS_SQL} WHERE d.docid BETWEEN ? AND ?`).raw().all(from, to) as [number, string][]) entry(docid).tags.push(id);
  if (from === to && !byDoc.has(from)) entry(from);
  for (const [docid, e] of byDoc) facets.setDoc(docid, e.people, e.tags);
}

function dataVersion(sqlite: Database.Database): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

function startLoad(sqlite: Database.Database): void {
  const last = (sqlite.prepare('SELECT coalesce(max(docid), 0) FROM search_docs').pluck().get() as number) ?? 0;
  const load: Load = { facets: new DocFacets(), dataVersion: dataVersion(sqlite), pending: new Set(), next: 1, last, ready: false };
  loads.set(sqlite, load);
  schedule(sqlite, load);
}

function schedule(sqlite: Database.Database, load: Load): void {
  // Unreferenced unless someone awaits the table: a CLI command that searched once exits without waiting.
  const next = setImmediate(() => loadSlice(sqlite, load));
  if (!waiting.has(sqlite)) next.unref();
}

function loadSlice(sqlite: Database.Database, load: Load): void {
  if (!sqlite.open) return;
  if (loads.get(sqlite) !== load) {
    // Forgotten by a rebuild: whoever waits for the table gets the one of the rebuilt index.
    if (!loads.has(sqlite) && waiting.has(sqlite)) startLoad(sqlite);
    return;
  }
  try {
    if (dataVersion(sqlite) !== load.dataVersion) {
      startLoad(sqlite); // another process committed meanwhile: begin again from its state
      return;
    }
    const to = Math.min(load.next + SLICE - 1, load.last);
    if (load.next <= to) readDocs(sqlite, load.facets, load.next, to);
    load.next = to + 1;
    if (load.next <= load.last) {
      schedule(sqlite, load);
      return;
    }
    load.ready = true;
    const waiters = waiting.get(sqlite) ?? [];
    waiting.delete(sqlite);
    for (const w of waiters) w();
  } catch {
    // A failed read (the archive closed under it, a locked file) leaves searches on the SQL facets;
    // the next search starts another load.
    if (loads.get(sqlite) === load) loads.delete(sqlite);
  }
}

/**
 * The up-to-date table of this connection, or null while it is loading (the caller counts facets in
 * SQL then). Starts the load on first use.
 */
export function docFacets(sqlite: Database.Database): DocFacets | null {
  const load = loads.get(sqlite);
  if (!load) {
    startLoad(sqlite);
    return null;
  }
  if (!load.ready) return null;
  if (dataVersion(sqlite) !== load.dataVersion || load.pending.size > PENDING_RELOAD) {
    startLoad(sqlite);
    return null;
  }
  for (const docid of load.pending) readDocs(sqlite, load.facets, docid, docid);
  // Inside a transaction these rows may yet be rolled back: read them again after it ends.
  if (!sqlite.inTransaction) load.pending.clear();
  return load.facets;
}

/** Resolves once this connection's table is loaded (starting the load if needed): for the benchmark and tests. */
export function docFacetsReady(sqlite: Database.Database): Promise<void> {
  if (docFacets(sqlite)) return Promise.resolve();
  return new Promise((resolve) => {
    const list = waiting.get(sqlite) ?? [];
    list.push(resolve);
    waiting.set(sqlite, list);
    // The slice already scheduled may be unreferenced: one referenced wake-up keeps the process alive.
    setImmediate(() => undefined);
  });
}

/** An index write on this connection touched `docid`: re-read its people and tags before the table is next used. */
export function touchFacetDoc(sqlite: Database.Database, docid: number): void {
  loads.get(sqlite)?.pending.add(docid);
}

/** After a rebuild every docid changes: forget the table (the next search loads it again). */
export function forgetDocFacets(sqlite: Database.Database): void {
  loads.delete(sqlite);
}
