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
 * Another process (the CLI on the same file) is kept out by SQLite itself: the merge's transaction
 * starts with BEGIN IMMEDIATE, so its writes wait on the lock and time out with SQLITE_BUSY.
 *
 * One gate per open archive (`writeGateOf`): the handlers, the dispatcher and the backups share it
 * without being handed it.
 */
export class WriteGate {
  private held = false;

  /** Whether a long write holds the archive now. */
  get busy(): boolean {
    return this.held;
  }

  /** Takes the archive for a long write (ARCHIVE_BUSY if one holds it already); returns the release, safe to call twice. */
  hold(): () => void {
    if (this.held) throw new HosoError('ARCHIVE_BUSY');
    this.held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held = false;
    };
  }

  /** Whether `channel` is answered now (always, unless a long write holds the archive and it is not a read). */
  admits(channel: Channel): boolean {
    return !this.held || OPEN.has(channel);
  }

  /** Runs `body` holding the archive, and releases it however `body` ends. */
  async withHold<T>(body: () => Promise<T>): Promise<T> {
    const release = this.hold();
    try {
      return await body();
    } finally {
      release();
    }
  }
}

const OPEN: ReadonlySet<Channel> = new Set(CHANNELS_OPEN_DURING_MERGE);

const gates = new WeakMap<Archive, WriteGate>();

export function writeGateOf(archive: Archive): WriteGate {
  let gate = gates.get(archive);
  if (!gate) gates.set(archive, (gate = new WriteGate()));
  return gate;
}

/** Under this key the handlers carry their archive's gate to the dispatcher (like LOCK_GATE). */
export const WRITE_GATE = Symbol('hoso.writeGate');
