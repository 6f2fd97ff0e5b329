import type Database from 'better-sqlite3';
import { SEARCH_COLUMNS } from './document';
import { FIELD_WEIGHTS } from './snippets';
import { appendPostings, ByteReader, ByteWriter, COLUMNS, keysOutOfStep, lastDocidOf, TermPostings, TermWriter, type Occurrences } from './postings';
import type { DocTerms } from './docTerms';
import { isPhraseTerm, PHRASES_FINGERPRINT } from './indexedPhrases';
import { appendToMarkedLists, mainMarkedDocids, mainMarkedFormsWithPrefix, MarkedBuilder, MarkedListsCheck } from './markedLists';
import { cachedStatement as statement } from '../statementCache';

/**
 * hoso's ranked index (DESIGN.md §4; docs/ARCHITECTURE.md "Search index"): per folded word, its
 * postings (postings.ts) in two segments.
 *
 * - The main segment: one row of search_postings per word, written by a full build or a merge.
 * - The tail: each document written since the last merge, as one row of search_tail holding its own
 *   words (a forward list). A save writes one row, not one per word; a search reads the tail words it
 *   asks for from the in-memory copy. When the tail holds TAIL_MERGE documents, a merge moves them into
 *   the main segment (mergeTail), in the background or, past TAIL_MAX, within the write.
 *
 * A document is never changed in place: an edit removes the old docid and adds the text under a new
 * one (docids are never reused, search_index_state.next_docid), and a deleted docid stays in the main
 * segment until its words are rewritten, skipped by every read (DocMeta.live). Statistics (documents,
 * words, documents per word) are counted over live documents only, so ranking is exact after any edit.
 */

export const WEIGHTS: readonly number[] = SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]);
/** Tail size at which a merge is due (a few seconds after the last write), and past which a write merges. */
export const TAIL_MERGE = 200;
export const TAIL_MAX = 1000;

type Sqlite = Database.Database;

/**
 * search_index_state: next_docid, generation (bumped by every build and merge), main_documents,
 * phrases (indexedPhrases.ts), and the compaction's dead_main, compact_pass and cursors (compaction.ts).
 * A key never set reads 0.
 */
export function stateValue(sqlite: Sqlite, key: string): number {
  return (statement(sqlite, 'SELECT value FROM search_index_state WHERE key = ?').pluck().get(key) as number | undefined) ?? 0;
}
export function setState(sqlite: Sqlite, key: string, value: number): void {
  statement(sqlite, 'INSERT INTO search_index_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Every document indexed since the last build holds this program's phrase terms (indexedPhrases.ts). */
export function holdsCurrentPhrases(sqlite: Sqlite): boolean {
  return stateValue(sqlite, 'phrases') === PHRASES_FINGERPRINT;
}

/** An index of no live document holds the current phrase terms as it is: only the record is missing. */
export function recordCurrentPhrases(sqlite: Sqlite): void {
  setState(sqlite, 'phrases', PHRASES_FINGERPRINT);
}

/** A docid never used before (an edited or deleted document's docid may still be in the main segment). */
export function allocateDocid(sqlite: Sqlite): number {
  const max = statement(sqlite, 'SELECT coalesce(max(docid), 0) FROM search_docs').pluck().get() as number;
  const docid = Math.max(stateValue(sqlite, 'next_docid'), max + 1);
  setState(sqlite, 'next_docid', docid + 1);
  return docid;
}

// ---------- the tail: forward lists ----------

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeForward(doc: DocTerms): Buffer {
  const w = new ByteWriter(1024);
  w.varint(doc.terms.size);
  for (const [term, occ] of doc.terms) {
    const bytes = encoder.encode(term);
    w.varint(bytes.length);
    w.append(bytes);
    w.byte(occ.mask);
    for (let c = 0; c < COLUMNS; c++) {
      if (!(occ.mask & (1 << c))) continue;
      const ps = occ.positions[c]!;
      w.varint(ps.length);
      let prev = 0;
      for (const p of ps) {
        w.varint(p - prev);
        prev = p;
      }
    }
  }
  return w.done();
}

export function decodeForward(blob: Uint8Array): Map<string, Occurrences> {
  const r = new ByteReader(blob);
  const n = r.varint();
  const out = new Map<string, Occurrences>();
  for (let t = 0; t < n; t++) {
    const len = r.varint();
    const term = decoder.decode(blob.subarray(r.pos, r.pos + len));
    r.pos += len;
    const mask = r.byte();
    const positions: number[][] = [];
    for (let c = 0; c < COLUMNS; c++) {
      const ps: number[] = [];
      if (mask & (1 << c)) {
        const tf = r.varint();
        let p = 0;
        for (let k = 0; k < tf; k++) ps.push((p += r.varint()));
      }
      positions.push(ps);
    }
    out.set(term, { mask, positions });
  }
  return out;
}

interface TailDoc {
  length: number;
  terms: Map<string, Occurrences>;
  /** Its marked forms (markedLists.ts). */
  marked: Set<string>;
}

interface TailRow {
  docid: number;
  length: number;
  terms: Buffer;
  marked: string;
}
const tailDoc = (row: TailRow): TailDoc => ({ length: row.length, terms: decodeForward(row.terms), marked: new Set(row.marked ? row.marked.split(' ') : []) });

// ---------- reading, with a per-connection cache ----------

/**
 * Decoded main-segment postings kept per connection, up to CACHE_BYTES: the words a clerk searches
 * are few and repeat ("hội nghị", the province's name), and decoding a word held by every meeting is
 * most of a search's cost. Valid while the main segment's generation (bumped by every merge and build)
 * and the tail (PRAGMA data_version for other connections' commits, pending docids for this one's) stay.
 */
const CACHE_BYTES = 96 * 1024 * 1024;

interface Reader {
  generation: number;
  dataVersion: number;
  main: Map<string, TermPostings | null>;
  bytes: number;
  tail: Map<number, TailDoc> | null;
  pendingTail: Set<number>;
}
const readers = new WeakMap<Sqlite, Reader>();

function reader(sqlite: Sqlite): Reader {
  const generation = stateValue(sqlite, 'generation');
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  let r = readers.get(sqlite);
  if (!r || r.generation !== generation || r.dataVersion !== dataVersion) {
    r = { generation, dataVersion, main: new Map(), bytes: 0, tail: null, pendingTail: new Set() };
    readers.set(sqlite, r);
  }
  return r;
}

/** This connection wrote `docid` into or out of the tail: re-read it before the next search. */
function touchTail(sqlite: Sqlite, docid: number): void {
  readers.get(sqlite)?.pendingTail.add(docid);
}

/** After a build or merge on this connection: every cached word is stale. */
export function forgetRankedIndex(sqlite: Sqlite): void {
  readers.delete(sqlite);
}

function tailDocs(sqlite: Sqlite, r: Reader): Map<number, TailDoc> {
  const read = (docid: number) => statement(sqlite, 'SELECT docid, length, terms, marked FROM search_tail WHERE docid = ?').get(docid) as TailRow | undefined;
  if (!r.tail) {
    r.tail = new Map();
    for (const row of statement(sqlite, 'SELECT docid, length, terms, marked FROM search_tail ORDER BY docid').all() as TailRow[]) r.tail.set(row.docid, tailDoc(row));
    r.pendingTail.clear();
  } else if (r.pendingTail.size) {
    for (const docid of r.pendingTail) {
      const row = read(docid);
      if (row) r.tail.set(docid, tailDoc(row));
      else r.tail.delete(docid);
    }
    // Inside a transaction these rows may yet be rolled back: read them again after it ends.
    if (!sqlite.inTransaction) r.pendingTail.clear();
  }
  return r.tail;
}

function mainPostings(sqlite: Sqlite, r: Reader, term: string): TermPostings | null {
  if (r.main.has(term)) {
    const hit = r.main.get(term)!;
    // Most recently used last: the cache drops from the front.
    r.main.delete(term);
    r.main.set(term, hit);
    return hit;
  }
  const row = statement(sqlite, 'SELECT docs, positions FROM search_postings WHERE term = ?').get(term) as { docs: Buffer; positions: Buffer } | undefined;
  const postings = row ? new TermPostings(row.docs, row.positions, WEIGHTS) : null;
  r.main.set(term, postings);
  r.bytes += postings ? postings.bytes : 64;
  for (const [k, v] of r.main) {
    if (r.bytes <= CACHE_BYTES) break;
    r.main.delete(k);
    r.bytes -= v ? v.bytes : 64;
  }
  return postings;
}

/** One word's postings over both segments: the main segment's, then the tail's (higher docids). */
export interface WordPostings {
  segments: TermPostings[];
}

export class RankedIndexReader {
  private readonly r: Reader;
  private readonly tail: Map<number, TailDoc>;
  private readonly seen = new Map<string, WordPostings>();
  /** The index holds this program's phrase terms (indexedPhrases.ts): a phrase among them is one list to read. */
  readonly holdsPhraseTerms: boolean;
  constructor(private readonly sqlite: Sqlite) {
    this.r = reader(sqlite);
    this.tail = tailDocs(sqlite, this.r);
    this.holdsPhraseTerms = holdsCurrentPhrases(sqlite);
  }

  /** The main segment's generation (bumped by every build and merge). */
  get generation(): number {
    return this.r.generation;
  }


  word(term: string): WordPostings {
    let w = this.seen.get(term);
    if (w) return w;
    const segments: TermPostings[] = [];
    const main = mainPostings(this.sqlite, this.r, term);
    if (main && main.n) segments.push(main);
    if (this.tail.size) {
      const writer = new TermWriter(WEIGHTS);
      for (const [docid, doc] of this.tail) {
        const occ = doc.terms.get(term);
        if (occ) writer.add(docid, doc.length, occ);
      }
      if (writer.documents) {
        const { docs, positions } = writer.finish();
        segments.push(new TermPostings(docs, positions, WEIGHTS));
      }
    }
    this.seen.set(term, (w = { segments }));
    return w;
  }

  /** The documents holding a marked form (markedLists.ts), ascending; dead ones of the main segment included. */
  markedDocids(form: string): Int32Array {
    const main = mainMarkedDocids(this.sqlite, form);
    const tail: number[] = [];
    for (const [docid, doc] of this.tail) if (doc.marked.has(form)) tail.push(docid);
    if (!tail.length) return main;
    const out = new Int32Array(main.length + tail.length);
    out.set(main);
    out.set(tail, main.length);
    return out;
  }

  /** The marked forms beginning with `prefix`, at most `limit` + 1 of them (the caller refuses more). */
  markedFormsWithPrefix(prefix: string, limit: number): string[] {
    const out = new Set(mainMarkedFormsWithPrefix(this.sqlite, prefix, limit));
    for (const doc of this.tail.values()) {
      for (const f of doc.marked) if (f.startsWith(prefix)) out.add(f);
      if (out.size > limit) break;
    }
    return [...out];
  }

  /** The indexed words beginning with `prefix`, at most `limit` + 1 of them (the caller refuses more). */
  wordsWithPrefix(prefix: string, limit: number): string[] {
    const out = new Set<string>(
      // Phrase terms are left out before the LIMIT, so they never take a word's place in the count.
      statement(this.sqlite, "SELECT term FROM search_postings WHERE term >= ? AND instr(term, ' ') = 0 ORDER BY term LIMIT ?")
        .pluck()
        .all(prefix, limit + 1)
        .filter((t) => (t as string).startsWith(prefix)) as string[],
    );
    for (const doc of this.tail.values()) {
      for (const t of doc.terms.keys()) if (t.startsWith(prefix) && !isPhraseTerm(t)) out.add(t);
      if (out.size > limit) break;
    }
    return [...out];
  }
}

// ---------- writing ----------

/** Adds a document (a new docid) to the tail. */
export function addToTail(sqlite: Sqlite, docid: number, doc: DocTerms): void {
  statement(sqlite, 'INSERT INTO search_tail (docid, length, terms, marked) VALUES (?, ?, ?, ?)').run(docid, doc.length, encodeForward(doc), doc.marked.join(' '));
  touchTail(sqlite, docid);
}

/**
 * Retires a docid from the ranked index (an edit or a trashing): out of the tail when it is there;
 * otherwise it is in the main segment, skipped as dead from now on and counted (dead_main) until
 * compaction.ts rewrites the lists without it.
 */
export function retireDocid(sqlite: Sqlite, docid: number): void {
  if (statement(sqlite, 'DELETE FROM search_tail WHERE docid = ?').run(docid).changes) touchTail(sqlite, docid);
  else setState(sqlite, 'dead_main', stateValue(sqlite, 'dead_main') + 1);
}

export function tailSize(sqlite: Sqlite): number {
  return statement(sqlite, 'SELECT count(*) FROM search_tail').pluck().get() as number;
}

/** Builds the main segment from scratch: call with every live document in ascending docid order. */
export class MainBuilder {
  private readonly words = new Map<string, TermWriter>();
  private readonly marked = new MarkedBuilder();
  documents = 0;
  add(docid: number, doc: DocTerms): void {
    for (const [term, occ] of doc.terms) {
      let w = this.words.get(term);
      if (!w) this.words.set(term, (w = new TermWriter(WEIGHTS)));
      w.add(docid, doc.length, occ);
    }
    this.marked.add(docid, doc.marked);
    this.documents++;
  }
  /** Replaces the main segment (words and marked forms) and empties the tail (inside the caller's transaction). */
  write(sqlite: Sqlite, nextDocid: number): void {
    sqlite.exec('DELETE FROM search_postings; DELETE FROM search_tail;');
    const insert = sqlite.prepare('INSERT INTO search_postings (term, docs, positions) VALUES (?, ?, ?)');
    for (const [term, w] of this.words) {
      const { docs, positions } = w.finish();
      insert.run(term, docs, positions);
    }
    this.marked.write(sqlite);
    setState(sqlite, 'next_docid', nextDocid);
    setState(sqlite, 'generation', stateValue(sqlite, 'generation') + 1);
    setState(sqlite, 'main_documents', this.documents);
    setState(sqlite, 'phrases', PHRASES_FINGERPRINT);
    for (const key of ['dead_main', 'compact_pass', 'compact_words', 'compact_forms']) setState(sqlite, key, 0);
    forgetRankedIndex(sqlite);
  }
}

/** Tail entry of one word: a document of the tail holding it. */
interface TailEntry {
  docid: number;
  length: number;
  occ: Occurrences;
}

/**
 * The tail's documents kept by `keep`, grouped by word and by marked form in docid order (each list is
 * ready for a TermWriter, or to append to a marked list): what a merge appends and what the check sums.
 */
function tailByWord(sqlite: Sqlite, keep: (docid: number) => boolean): { documents: number; byWord: Map<string, TailEntry[]>; byForm: Map<string, number[]> } {
  const rows = sqlite.prepare('SELECT docid, length, terms, marked FROM search_tail ORDER BY docid').all() as TailRow[];
  const byWord = new Map<string, TailEntry[]>();
  const byForm = new Map<string, number[]>();
  let documents = 0;
  for (const row of rows) {
    if (!keep(row.docid)) continue;
    documents++;
    const doc = tailDoc(row);
    for (const [term, occ] of doc.terms) {
      let list = byWord.get(term);
      if (!list) byWord.set(term, (list = []));
      list.push({ docid: row.docid, length: row.length, occ });
    }
    for (const form of doc.marked) {
      let list = byForm.get(form);
      if (!list) byForm.set(form, (list = []));
      list.push(row.docid);
    }
  }
  return { documents, byWord, byForm };
}

/**
 * Moves the tail into the main segment: for every word of a live tail document, the tail's documents
 * are encoded as blocks appended to the word's postings (postings.ts appendPostings): the main
 * segment's blocks are neither decoded nor rewritten, so a merge costs the tail's size, not the
 * archive's. The marked forms' lists are appended to likewise (markedLists.ts). Dead documents stay in
 * the main segment, skipped by every read, until a rebuild. Inside the caller's transaction.
 * `live(docid)` answers for the live documents (DocMeta).
 */
export function mergeTail(sqlite: Sqlite, live: (docid: number) => boolean): { documents: number; words: number } {
  const { documents, byWord, byForm } = tailByWord(sqlite, live);
  const read = sqlite.prepare('SELECT docs, positions FROM search_postings WHERE term = ?');
  const upsert = sqlite.prepare('INSERT INTO search_postings (term, docs, positions) VALUES (?, ?, ?) ON CONFLICT(term) DO UPDATE SET docs = excluded.docs, positions = excluded.positions');
  for (const [term, added] of byWord) {
    const row = read.get(term) as { docs: Buffer; positions: Buffer } | undefined;
    const w = new TermWriter(WEIGHTS, row ? lastDocidOf(row.docs).lastDocid : 0);
    for (const a of added) w.add(a.docid, a.length, a.occ);
    const tail = w.finish();
    const { docs, positions } = row ? appendPostings(row, tail) : tail;
    upsert.run(term, docs, positions);
  }
  appendToMarkedLists(sqlite, byForm);
  sqlite.exec('DELETE FROM search_tail');
  setState(sqlite, 'generation', stateValue(sqlite, 'generation') + 1);
  setState(sqlite, 'main_documents', stateValue(sqlite, 'main_documents') + documents);
  forgetRankedIndex(sqlite);
  return { documents, words: byWord.size };
}

// ---------- checking ----------

/** Per word, what its postings must sum to over the live documents: documents, then per column tf and Σ positions. */
const CHECK_FIELDS = 1 + 2 * COLUMNS;

export class RankedIndexCheck {
  private readonly expected = new Map<string, Float64Array>();
  private readonly marked = new MarkedListsCheck();

  /** A live document as the records say it is. */
  add(docid: number, doc: DocTerms): void {
    this.marked.add(docid, doc.marked);
    for (const [term, occ] of doc.terms) {
      let e = this.expected.get(term);
      if (!e) this.expected.set(term, (e = new Float64Array(CHECK_FIELDS)));
      e[0]!++;
      for (let c = 0; c < COLUMNS; c++) {
        if (!(occ.mask & (1 << c))) continue;
        e[1 + c]! += occ.positions[c]!.length;
        for (const p of occ.positions[c]!) e[1 + COLUMNS + c]! += p;
      }
    }
  }

  /**
   * The words whose postings, and the marked forms whose lists (main segment and tail, live documents
   * only), disagree with the records, up to `limit` of each; an undecodable list counts as disagreeing.
   */
  wordsOutOfStep(sqlite: Sqlite, live: (docid: number) => boolean, limit = 50): { outOfStep: string[]; unreadable: string[] } {
    const actual = new Map<string, Float64Array>();
    const sum = (term: string, p: TermPostings) => {
      let a = actual.get(term);
      if (!a) actual.set(term, (a = new Float64Array(CHECK_FIELDS)));
      for (let i = 0; i < p.n; i++) {
        if (!live(p.docids[i]!)) continue;
        a[0]!++;
        for (let c = 0; c < COLUMNS; c++) {
          if (!(p.mask[i]! & (1 << c))) continue;
          a[1 + c]! += p.tfs[i * COLUMNS + c]!;
          for (const pos of p.positionsOf(i, c)) a[1 + COLUMNS + c]! += pos;
        }
      }
    };
    const unreadable: string[] = [];
    for (const row of sqlite.prepare('SELECT term, docs, positions FROM search_postings').iterate() as IterableIterator<{ term: string; docs: Buffer; positions: Buffer }>) {
      try {
        sum(row.term, new TermPostings(row.docs, row.positions, WEIGHTS));
      } catch {
        unreadable.push(row.term);
      }
    }
    // Every tail document, live or not: `sum` counts the live ones, as for the main segment.
    const tail = tailByWord(sqlite, () => true);
    for (const [term, entries] of tail.byWord) {
      const w = new TermWriter(WEIGHTS);
      for (const e of entries) w.add(e.docid, e.length, e.occ);
      const { docs, positions } = w.finish();
      sum(term, new TermPostings(docs, positions, WEIGHTS));
    }
    const bad = keysOutOfStep(this.expected, actual, unreadable.slice(0, limit), limit);
    const forms = this.marked.formsOutOfStep(sqlite, tail.byForm, live, limit);
    return { outOfStep: [...bad, ...forms.outOfStep], unreadable: [...unreadable, ...forms.unreadable] };
  }
}
