import type { Archive } from '../db/open';
import { CHANNELS_OPEN_DURING_MERGE, type Channel } from '../contract/contract';
import { HosoError } from '../contract/errors';

/**
 * The archive held by one long write (a merge's apply), so that nothing else writes meanwhile.
 *
 * A merge is written in one SQLite transaction that stays open across turns of the event loop (it
 * yields between meetings so that progress and Hủy are answered, mergeApply.ts). All of this process's
 * calls share one connection, so a write sent meanwhile (a clerk saving a meeting in another window)
 * would land inside the merge's transaction: committed with it, or lost when a cancel rolls it back.
 * While the gate is held, the dispatcher answers every channel outside CHANNELS_OPEN_DURING_MERGE with
 * ARCHIVE_BUSY before its handler runs, and the automatic backup waits for its next turn. Reads go on.
 * The other way round, a merge does not start while writes are under way (a long import, a backup).
 * Another process (the CLI on the same file) is kept out by SQLite itself: the merge's transaction
 * starts with BEGIN IMMEDIATE, so its writes wait on the lock and time out with SQLITE_BUSY.
 *
 * One gate per open archive (`writeGateOf`): the handlers, the dispatcher and the backups share it
 * without being handed it.
 */
export class WriteGate {
  private held = false;
  /** Writes under way now (calls of write channels, an automatic backup): a merge does not start over them. */
  private writing = 0;

  /** Whether a long write holds the archive now. */
  get busy(): boolean {
    return this.held;
  }

  /**
   * Takes the archive for a long write; returns the release, safe to call twice. ARCHIVE_BUSY if another
   * long write holds it, or if other writes are under way: an import saving file after file, or a backup
   * copying pages, would otherwise go on inside the merge's transaction.
   */
  hold(): () => void {
    if (this.held || this.writing > 0) throw new HosoError('ARCHIVE_BUSY');
    this.held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held = false;
    };
  }

  /**
   * The dispatcher's question before a call: null when it must be refused (a long write holds the archive
   * and `channel` is not a read), else the function to call when the call has ended. Calls of channels
   * that may write are counted while they run (the merge's own channels hold the gate themselves).
   */
  enter(channel: Channel): (() => void) | null {
    if (OPEN.has(channel)) return () => undefined;
    if (this.held) return null;
    return SELF_HELD.has(channel) ? () => undefined : this.count();
  }

  /** Runs `write` (not a channel: the automatic backup) counted as a write under way. */
  async track<T>(write: () => Promise<T>): Promise<T> {
    const done = this.count();
    try {
      return await write();
    } finally {
      done();
    }
  }

  private count(): () => void {
    this.writing++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.writing--;
    };
  }
}

/** The merge's own channels: they take the gate themselves (hold), so they are not counted as writes under way. */
const SELF_HELD: ReadonlySet<Channel> = new Set<Channel>(['merge/apply', 'merge/apply-start']);

const OPEN: ReadonlySet<Channel> = new Set(CHANNELS_OPEN_DURING_MERGE);

const gates = new WeakMap<Archive, WriteGate>();

export function writeGateOf(archive: Archive): WriteGate {
  let gate = gates.get(archive);
  if (!gate) gates.set(archive, (gate = new WriteGate()));
  return gate;
}

/** Under this key the handlers carry their archive's gate to the dispatcher (like LOCK_GATE). */
export const WRITE_GATE = Symbol('hoso.writeGate');
