import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readSync, rmdirSync, rmSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HosoError } from '../contract/errors';
import { literal, msg } from '../contract/messages/message';
import { sizeInMb } from './messageParts';
import { createWorkDirSync, type WorkPurpose } from './archive/workDir';

/**
 * A local copy of an SQLite file that lives somewhere hoso may not write: a backup on a write-protected
 * USB stick, a CD burnt for the agency archive, an archive folder without rights. SQLite cannot even read
 * such a file when it is in WAL mode (every hoso archive and backup is): a read-only connection still
 * creates the -shm index (and -wal) beside it, and fails when the folder refuses. A copy in scratch space
 * can be opened, checked, upgraded and restored from, and the original is never touched.
 *
 * The copy keeps the original's name (so messages about it name the clerk's file) inside a folder of
 * createWorkDirSync: one left by a killed process is removed by the next copy of the same purpose.
 */
export interface ScratchCopy {
  /** The copy, writable, with the original's name. */
  file: string;
  /** Removes the copy, its scratch folder, and the purpose's root when nothing else is in it. */
  remove(): void;
}

export interface ScratchOptions {
  /** Free bytes of the folder's file system; tests give a small disk without mounting one. */
  freeBytes?: (dir: string) => number;
}

const MB = 1024 * 1024;

/** The first 16 bytes of every SQLite file (db/open.ts looks at the same when it inspects one). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');

/**
 * Whether a file starts like SQLite: looked at before copying, so that a large file that is not an
 * archive at all (a video picked by mistake) is refused without being copied first.
 */
export function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** Free bytes for this user on the disk holding `dir` (statfs's bavail: what a copy may really use). */
export function freeBytesOf(dir: string): number {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize;
}

/** Room the copy needs: its bytes, plus what opening it adds (-shm, a little -wal) and headroom for the disk. */
export function neededFor(bytes: number): number {
  return bytes + Math.max(8 * MB, Math.ceil(bytes / 50));
}

/**
 * Copies `file` (and its -wal, which may hold committed transactions when the folder was copied from a
 * running app; the -shm is only an index SQLite rebuilds) into a fresh scratch folder. The free space is
 * looked at first: a copy that cannot fit is refused with SCRATCH_NO_SPACE before anything is written.
 * `root` defaults to `<purpose>-tmp/` beside `archiveFile` (the archive's own disk and folder).
 */
export function copyToScratch(file: string, where: { archiveFile: string; purpose: WorkPurpose; root?: string }, options: ScratchOptions = {}): ScratchCopy {
  const wal = `${file}-wal`;
  const bytes = statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
  const dir = createWorkDirSync(where.archiveFile, where.purpose, where.root);
  const root = dirname(dir);
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    // `restore-tmp/` beside the archive goes too once empty; a shared root (the system temp folder) is
    // never a purpose root of ours, and rmdir refuses a non-empty one (another process's copy in it).
    if (basename(root) === `${where.purpose}-tmp`) {
      try {
        rmdirSync(root);
      } catch {
        // Not empty (a concurrent copy) or already gone: leave it.
      }
    }
  };
  try {
    const free = (options.freeBytes ?? freeBytesOf)(dir);
    const needed = neededFor(bytes);
    if (free < needed)
      throw new HosoError('SCRATCH_NO_SPACE', msg('scratch.noSpace', { needed: sizeInMb(needed), free: sizeInMb(free), dir: root }));
    const copy = join(dir, basename(file));
    copyFileSync(file, copy);
    if (existsSync(wal)) copyFileSync(wal, `${copy}-wal`);
    // A copy keeps the original's permissions: a file from a CD is read-only, and SQLite would then
    // refuse to upgrade or even open the copy for writing.
    chmodSync(copy, 0o600);
    if (existsSync(`${copy}-wal`)) chmodSync(`${copy}-wal`, 0o600);
    return { file: copy, remove };
  } catch (e) {
    remove();
    if (e instanceof HosoError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // The disk filled during the copy (another program wrote meanwhile): the same clear message.
    if (code === 'ENOSPC') throw new HosoError('SCRATCH_NO_SPACE', literal(root), { cause: e });
    throw e;
  }
}
