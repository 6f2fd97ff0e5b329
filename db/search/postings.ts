import { SEARCH_COLUMNS } from './document';

/**
 * The byte format of one term's postings (DESIGN.md §4, docs/ARCHITECTURE.md "Search index"): the
 * documents holding the term, in blocks of BLOCK documents, each block headed by the bound the ranking
 * uses to skip it; the term's positions in a second blob, read only for phrases.
 *
 *   docs blob      varint documents, then per block:
 *                    header  varint n, varint (last docid − previous block's last docid),
 *                            varint max weighted tf, varint min document length,
 *                            varint body bytes, varint position bytes
 *                    body    per document: varint docid delta, byte column mask, varint tf per column set
 *   positions blob per document, per column set (in column order): tf varints, each position's delta
 *                  from the previous one in that column (the first is absolute)
 *
 * The bound stores (max weighted tf, min length), not a score: idf and the average length change with
 * every write, and bm25 grows with tf and shrinks with length, so the pair bounds every document of the
 * block under any statistics.
 */

export const BLOCK = 128;
export const COLUMNS = SEARCH_COLUMNS.length;

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  constructor(capacity = 64) {
    this.bytes = new Uint8Array(capacity);
  }
  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }
  varint(v: number): void {
    this.room(10);
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.length++] = v;
  }
  byte(v: number): void {
    this.room(1);
    this.bytes[this.length++] = v;
  }
  append(src: Uint8Array): void {
    this.room(src.length);
    this.bytes.set(src, this.length);
    this.length += src.length;
  }
  done(): Buffer {
    return Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.length);
  }
  clear(): void {
    this.length = 0;
  }
}

export class ByteReader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  varint(): number {
    const b = this.bytes;
    let v = 0;
    let scale = 1;
    for (;;) {
      const c = b[this.pos++];
      // A list cut short (a damaged file) must fail, not read undefined for ever.
      if (c === undefined) throw new Error('index list ends inside a number');
      v += (c & 0x7f) * scale;
      if (c < 0x80) return v;
      scale *= 128;
    }
  }
  byte(): number {
    return this.bytes[this.pos++]!;
  }
  get done(): boolean {
    return this.pos >= this.bytes.length;
  }
}

/** One document's occurrences of one term: per column, its token positions (ascending). */
export interface Occurrences {
  /** Bit c set when column c holds the term. */
  mask: number;
  /** Per column c, the positions; read only where the mask's bit is set (elsewhere empty or absent). */
  positions: number[][];
}

/** A document's occurrences as a writer reads them: the positions may be arrays or views of a decoded pool. */
export interface PositionLists {
  mask: number;
  positions: readonly ArrayLike<number>[];
}

/** The column-weighted term frequency bm25 adds up: Σ weight(column) × occurrences in that column. */
export function weightedTf(occ: PositionLists, weights: readonly number[]): number {
  let w = 0;
  for (let c = 0; c < COLUMNS; c++) if (occ.mask & (1 << c)) w += weights[c]! * occ.positions[c]!.length;
  return w;
}

/** Appends documents (ascending docids) to one term's postings, block by block. */
export class TermWriter {
  readonly docs = new ByteWriter(32);
  readonly positions = new ByteWriter(32);
  private readonly body = new ByteWriter(64);
  private readonly blockPositions = new ByteWriter(64);
  private count = 0;
  private inBlock = 0;
  private lastDocid = 0;
  private lastBlockEnd = 0;
  private maxWtf = 0;
  private minLength = Infinity;

  /** `after`: the last docid of the postings these documents are appended to (mergeTail), or 0. */
  constructor(
    private readonly weights: readonly number[],
    after = 0,
  ) {
    this.lastDocid = after;
    this.lastBlockEnd = after;
  }

  add(docid: number, length: number, occ: PositionLists): void {
    this.body.varint(docid - this.lastDocid);
    this.body.byte(occ.mask);
    for (let c = 0; c < COLUMNS; c++) {
      if (!(occ.mask & (1 << c))) continue;
      const ps = occ.positions[c]!;
      this.body.varint(ps.length);
      let prev = 0;
      for (let k = 0; k < ps.length; k++) {
        this.blockPositions.varint(ps[k]! - prev);
        prev = ps[k]!;
      }
    }
    this.lastDocid = docid;
    this.maxWtf = Math.max(this.maxWtf, weightedTf(occ, this.weights));
    this.minLength = Math.min(this.minLength, length);
    this.count++;
    if (++this.inBlock === BLOCK) this.flush();
  }

  /** Writes the pending block: its header (count, bound, sizes), then its body and positions. */
  private flush(): void {
    if (this.inBlock === 0) return;
    this.docs.varint(this.inBlock);
    this.docs.varint(this.lastDocid - this.lastBlockEnd);
    this.docs.varint(this.maxWtf);
    this.docs.varint(this.minLength);
    this.docs.varint(this.body.length);
    this.docs.varint(this.blockPositions.length);
    this.docs.append(this.body.bytes.subarray(0, this.body.length));
    this.positions.append(this.blockPositions.bytes.subarray(0, this.blockPositions.length));
    this.body.clear();
    this.blockPositions.clear();
    this.lastBlockEnd = this.lastDocid;
    this.inBlock = 0;
    this.maxWtf = 0;
    this.minLength = Infinity;
  }

  get documents(): number {
    return this.count;
  }

  /** The two blobs: the docs blob begins with the document count. */
  finish(): { docs: Buffer; positions: Buffer } {
    this.flush();
    const head = new ByteWriter(8 + this.docs.length);
    head.varint(this.count);
    head.append(this.docs.bytes.subarray(0, this.docs.length));
    return { docs: head.done(), positions: this.positions.done() };
  }
}

/**
 * Appends encoded documents to a term's postings without decoding it: the docs blob's block headers are
 * walked (their bodies skipped) for its count and last docid; the new blocks, encoded after that docid
 * (TermWriter's `after`), follow the old ones, and the positions likewise. The old blocks stay as they are.
 */
export function lastDocidOf(docs: Uint8Array): { documents: number; lastDocid: number } {
  const r = new ByteReader(docs);
  if (r.done) return { documents: 0, lastDocid: 0 };
  const documents = r.varint();
  let seen = 0;
  let lastDocid = 0;
  while (seen < documents) {
    seen += r.varint();
    lastDocid += r.varint();
    r.varint();
    r.varint();
    const body = r.varint();
    r.varint();
    r.pos += body;
  }
  return { documents, lastDocid };
}

export function appendPostings(
  old: { docs: Uint8Array; positions: Uint8Array },
  added: { docs: Uint8Array; positions: Uint8Array },
): { docs: Buffer; positions: Buffer } {
  const a = new ByteReader(old.docs);
  const oldCount = a.done ? 0 : a.varint();
  const b = new ByteReader(added.docs);
  const addedCount = b.varint();
  const docs = new ByteWriter(old.docs.length + added.docs.length + 8);
  docs.varint(oldCount + addedCount);
  docs.append(old.docs.subarray(a.pos));
  docs.append(added.docs.subarray(b.pos));
  return { docs: docs.done(), positions: Buffer.concat([old.positions, added.positions]) };
}

/** One term's postings, decoded into arrays (positions stay encoded until a phrase asks for them). */
export class TermPostings {
  readonly n: number;
  readonly docids: Int32Array;
  /** Column-weighted tf per document. */
  readonly wtf: Float64Array;
  readonly mask: Uint8Array;
  /** tf per document and column: tfs[i * COLUMNS + c]. */
  readonly tfs: Int32Array;
  /** Per block: index of its first document, its bound. */
  readonly blockStart: Int32Array;
  readonly blockMaxWtf: Float64Array;
  readonly blockMinLength: Float64Array;
  private decodedPositions: { start: Int32Array; pool: Int32Array } | null = null;

  constructor(
    docsBlob: Uint8Array,
    private readonly positionsBlob: Uint8Array,
    weights: readonly number[],
  ) {
    const r = new ByteReader(docsBlob);
    const n = r.done ? 0 : r.varint();
    this.n = n;
    this.docids = new Int32Array(n);
    this.wtf = new Float64Array(n);
    this.mask = new Uint8Array(n);
    this.tfs = new Int32Array(n * COLUMNS);
    // Blocks hold up to BLOCK documents; a merge appends blocks, so a short one may sit mid-list.
    const blockStart: number[] = [];
    const blockMaxWtf: number[] = [];
    const blockMinLength: number[] = [];
    let i = 0;
    let docid = 0;
    while (i < n) {
      const count = r.varint();
      r.varint(); // last docid delta: lets a reader skip a block without its body
      blockMaxWtf.push(r.varint());
      blockMinLength.push(r.varint());
      r.varint(); // body bytes
      r.varint(); // position bytes
      blockStart.push(i);
      for (let k = 0; k < count; k++, i++) {
        docid += r.varint();
        this.docids[i] = docid;
        const m = r.byte();
        this.mask[i] = m;
        let w = 0;
        for (let c = 0; c < COLUMNS; c++) {
          if (!(m & (1 << c))) continue;
          const tf = r.varint();
          this.tfs[i * COLUMNS + c] = tf;
          w += weights[c]! * tf;
        }
        this.wtf[i] = w;
      }
    }
    blockStart.push(n);
    this.blockStart = Int32Array.from(blockStart);
    this.blockMaxWtf = Float64Array.from(blockMaxWtf);
    this.blockMinLength = Float64Array.from(blockMinLength);
  }

  /** Positions of document i in column c (a view into the decoded pool). */
  positionsOf(i: number, c: number): Int32Array {
    const { start, pool } = this.positions();
    const s = start[i * COLUMNS + c]!;
    return pool.subarray(s, s + this.tfs[i * COLUMNS + c]!);
  }

  /**
   * Every position, decoded once: document i's positions in column c begin at `start[i * COLUMNS + c]`
   * of `pool` (tfs[i * COLUMNS + c] of them).
   */
  positions(): { start: Int32Array; pool: Int32Array } {
    if (this.decodedPositions) return this.decodedPositions;
    const cells = this.n * COLUMNS;
    const start = new Int32Array(cells);
    let total = 0;
    for (let k = 0; k < cells; k++) {
      start[k] = total;
      total += this.tfs[k]!;
    }
    const pool = new Int32Array(total);
    const r = new ByteReader(this.positionsBlob);
    let k = 0;
    for (let cell = 0; cell < cells; cell++) {
      const tf = this.tfs[cell]!;
      let p = 0;
      for (let j = 0; j < tf; j++) pool[k++] = p += r.varint();
    }
    return (this.decodedPositions = { start, pool });
  }

  /** Bytes held in memory (for the cache's budget). */
  get bytes(): number {
    return this.n * (4 + 8 + 1 + 4 * COLUMNS) + this.positionsBlob.length + (this.decodedPositions ? this.decodedPositions.pool.byteLength + this.decodedPositions.start.byteLength : 0);
  }
}

/**
 * The keys whose sums differ between what the records say (`expected`) and what the lists hold
 * (`actual`), a missing key counting as all zeros, appended to `bad` until it holds `limit`: the
 * comparison of the index checks (rankedIndex.ts words, markedLists.ts forms).
 */
export function keysOutOfStep(expected: ReadonlyMap<string, ArrayLike<number>>, actual: ReadonlyMap<string, ArrayLike<number>>, bad: string[], limit: number): string[] {
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if (bad.length >= limit) break;
    const e = expected.get(key);
    const a = actual.get(key);
    const width = Math.max(e?.length ?? 0, a?.length ?? 0);
    for (let i = 0; i < width; i++) {
      if ((e?.[i] ?? 0) !== (a?.[i] ?? 0)) {
        bad.push(key);
        break;
      }
    }
  }
  return bad;
}
