import type Database from 'better-sqlite3';
import { ByteReader, ByteWriter, keysOutOfStep } from './postings';
import { cachedStatement as statement } from '../statementCache';

/**
 * The marked index: for each marked form (tokens.ts markedForm: "hoa1", "quôc4"), the documents holding
 * it. It answers "these words with exactly these marks" (a query typed with marks, and the exact-first
 * ordering), so it records only which documents hold a form: no counts, no positions.
 *
 * Like the ranked index (rankedIndex.ts) it has a main segment, one row of search_marked_lists per form,
 * and the tail: each recent document's forms in its search_tail row (column `marked`). A merge appends
 * the tail's documents to each form's list; dead docids stay in a list until a rebuild and are skipped
 * by the readers (DocMeta.live).
 *
 *   docs blob   varint documents, varint last docid, then per document varint (docid − previous docid)
 */

type Sqlite = Database.Database;

/** Docids, ascending, as a list blob; `after`, the last docid of a list they will be appended to. */
class DocidWriter {
  private readonly body = new ByteWriter(16);
  count = 0;
  constructor(private last = 0) {}
  add(docid: number): void {
    this.body.varint(docid - this.last);
    this.last = docid;
    this.count++;
  }
  get lastDocid(): number {
    return this.last;
  }
  get bodyBytes(): Uint8Array {
    return this.body.bytes.subarray(0, this.body.length);
  }
  finish(): Buffer {
    const w = new ByteWriter(this.body.length + 12);
    w.varint(this.count);
    w.varint(this.last);
    w.append(this.bodyBytes);
    return w.done();
  }
}

function header(blob: Uint8Array): { count: number; last: number; body: number } {
  const r = new ByteReader(blob);
  const count = r.varint();
  const last = r.varint();
  return { count, last, body: r.pos };
}

export function decodeDocids(blob: Uint8Array): Int32Array {
  const r = new ByteReader(blob);
  const n = r.varint();
  r.varint();
  const out = new Int32Array(n);
  let d = 0;
  for (let i = 0; i < n; i++) {
    if (r.done) throw new Error('marked list shorter than its count');
    out[i] = d += r.varint();
  }
  return out;
}

/** A list with `added` (ascending, all above its last docid) at its end; its old body is copied, not decoded. */
function appendDocids(old: Uint8Array | undefined, added: readonly number[]): Buffer {
  const h = old ? header(old) : { count: 0, last: 0, body: 0 };
  const w = new DocidWriter(h.last);
  for (const d of added) w.add(d);
  const out = new ByteWriter((old?.length ?? 0) + w.bodyBytes.length + 12);
  out.varint(h.count + w.count);
  out.varint(w.lastDocid);
  if (old) out.append(old.subarray(h.body));
  out.append(w.bodyBytes);
  return out.done();
}

/** The main segment from scratch, fed every live document in ascending docid order. */
export class MarkedBuilder {
  private readonly forms = new Map<string, DocidWriter>();
  add(docid: number, forms: readonly string[]): void {
    for (const form of forms) {
      let w = this.forms.get(form);
      if (!w) this.forms.set(form, (w = new DocidWriter()));
      w.add(docid);
    }
  }
  /** Replaces the main segment (inside the caller's transaction). */
  write(sqlite: Sqlite): void {
    sqlite.exec('DELETE FROM search_marked_lists');
    const insert = sqlite.prepare('INSERT INTO search_marked_lists (form, docs) VALUES (?, ?)');
    for (const [form, w] of this.forms) insert.run(form, w.finish());
  }
}

/** Appends the tail's live documents, grouped by form, to the main segment's lists. */
export function appendToMarkedLists(sqlite: Sqlite, byForm: ReadonlyMap<string, readonly number[]>): void {
  const read = sqlite.prepare('SELECT docs FROM search_marked_lists WHERE form = ?').pluck();
  const upsert = sqlite.prepare('INSERT INTO search_marked_lists (form, docs) VALUES (?, ?) ON CONFLICT(form) DO UPDATE SET docs = excluded.docs');
  for (const [form, docids] of byForm) upsert.run(form, appendDocids(read.get(form) as Buffer | undefined, docids));
}

/** The main segment's documents holding `form` (dead ones included), ascending. */
export function mainMarkedDocids(sqlite: Sqlite, form: string): Int32Array {
  const blob = statement(sqlite, 'SELECT docs FROM search_marked_lists WHERE form = ?').pluck().get(form) as Buffer | undefined;
  return blob ? decodeDocids(blob) : new Int32Array(0);
}

/** The main segment's forms beginning with `prefix`, at most `limit` + 1 of them (the caller refuses more). */
export function mainMarkedFormsWithPrefix(sqlite: Sqlite, prefix: string, limit: number): string[] {
  return (statement(sqlite, 'SELECT form FROM search_marked_lists WHERE form >= ? ORDER BY form LIMIT ?').pluck().all(prefix, limit + 1) as string[]).filter((f) =>
    f.startsWith(prefix),
  );
}

/**
 * Per form, what its list must hold over the live documents (their count and the sum of their docids),
 * from the records; compared with the lists of both segments (hoso check).
 */
export class MarkedListsCheck {
  private readonly expected = new Map<string, [number, number]>();
  add(docid: number, forms: readonly string[]): void {
    for (const f of forms) {
      const e = this.expected.get(f);
      if (e) {
        e[0]++;
        e[1] += docid;
      } else this.expected.set(f, [1, docid]);
    }
  }

  /** The forms whose lists disagree with the records (up to `limit`); an undecodable list disagrees. */
  formsOutOfStep(sqlite: Sqlite, tail: ReadonlyMap<string, readonly number[]>, live: (docid: number) => boolean, limit = 50): { outOfStep: string[]; unreadable: string[] } {
    const actual = new Map<string, [number, number]>();
    const sum = (form: string, docids: ArrayLike<number>) => {
      let a = actual.get(form);
      if (!a) actual.set(form, (a = [0, 0]));
      for (let i = 0; i < docids.length; i++) {
        if (!live(docids[i]!)) continue;
        a[0]++;
        a[1] += docids[i]!;
      }
    };
    const unreadable: string[] = [];
    for (const row of sqlite.prepare('SELECT form, docs FROM search_marked_lists').iterate() as IterableIterator<{ form: string; docs: Buffer }>) {
      try {
        sum(row.form, decodeDocids(row.docs));
      } catch {
        unreadable.push(row.form);
      }
    }
    const bad = unreadable.slice(0, limit);
    for (const [form, docids] of tail) sum(form, docids);
    return { outOfStep: keysOutOfStep(this.expected, actual, bad, limit), unreadable };
  }
}

/** A list without the documents `live` refuses, or null when it holds none of them (nothing to write). */
export function withoutDead(blob: Uint8Array, live: (docid: number) => boolean): { docs: Buffer; documents: number } | null {
  const docids = decodeDocids(blob);
  const w = new DocidWriter();
  for (let i = 0; i < docids.length; i++) if (live(docids[i]!)) w.add(docids[i]!);
  return w.count === docids.length ? null : { docs: w.finish(), documents: w.count };
}
