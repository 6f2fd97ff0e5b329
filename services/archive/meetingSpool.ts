import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * The meeting files of an encrypted bag as a merge unpacks them: appended one after another to ONE
 * scratch file (`meetings.spool` in the merge's private folder) instead of one file each. A bag of
 * 2 000 meetings was 2 000 files created, written and read back: creating them was most of the unpack's
 * time, and more on a clerk's PC where every new file is scanned. Each file's place (offset, length) is
 * kept; it is read back with one positional read, and the reader checks its bytes against the checksum
 * taken as it streamed by (mergeBag.ts), exactly as it did with separate files. Memory holds only the
 * places, never the records. The file is removed with the merge's folder; `close` first (Windows does not
 * delete an open file).
 */
export class MeetingSpool {
  private fd: number | null;
  private end = 0;
  private current: { offset: number; bytes: number } | null = null;
  private readonly places = new Map<string, { offset: number; bytes: number }>();

  constructor(path: string) {
    this.fd = openSync(path, 'wx+');
  }

  /** The bag's files kept here: the meeting JSON files (`data/meetings/…/*.json`, as the reader lists them). */
  wants(rel: string): boolean {
    return rel.startsWith('data/meetings/') && rel.toLowerCase().endsWith('.json');
  }

  /** Starts the file `rel` (bag-relative); its bytes follow with `write`. A path already here is refused. */
  begin(rel: string): void {
    if (this.places.has(rel)) throw new Error(`${rel.slice(0, 200)}: more than once in the bag`);
    this.current = { offset: this.end, bytes: 0 };
    this.places.set(rel, this.current);
  }

  write(chunk: Uint8Array): void {
    if (!this.current) throw new Error('MeetingSpool.write before begin');
    let done = 0;
    while (done < chunk.length) done += writeSync(this.open(), chunk, done, chunk.length - done, this.end + done);
    this.end += chunk.length;
    this.current.bytes += chunk.length;
  }

  /** The files kept, sorted (the order a folder bag's files are read in). */
  list(): string[] {
    return [...this.places.keys()].sort();
  }

  size(rel: string): number {
    return this.place(rel).bytes;
  }

  /** The bytes of `rel` as written (the caller checks them against their checksum). */
  read(rel: string): Buffer {
    const { offset, bytes } = this.place(rel);
    const out = Buffer.allocUnsafe(bytes);
    let done = 0;
    while (done < bytes) {
      const n = readSync(this.open(), out, done, bytes - done, offset + done);
      if (n === 0) throw new Error(`${rel.slice(0, 200)}: cut short in the scratch copy`);
      done += n;
    }
    return out;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private open(): number {
    if (this.fd === null) throw new Error('MeetingSpool is closed');
    return this.fd;
  }

  private place(rel: string): { offset: number; bytes: number } {
    const p = this.places.get(rel);
    if (!p) throw new Error(`${rel.slice(0, 200)}: not in the scratch copy`);
    return p;
  }
}
