import Database from 'better-sqlite3';
import type { Archive } from './open';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { HosoError } from '../contract/errors';
import { literal } from '../contract/messages/message';

/**
 * Copies a live archive to `dest` with SQLite's online backup API (a consistent snapshot even while the
 * app writes), under a temporary name first, then checks the copy with `integrity_check` before giving
 * it its final name. A backup that does not pass the check is removed and reported, never kept as if good.
 */
export async function backupTo(sqlite: Database.Database, dest: string, nativeBinding?: string): Promise<{ path: string; bytes: number }> {
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  try {
    await sqlite.backup(partial);
    const copy = new Database(partial, { readonly: true, fileMustExist: true, nativeBinding });
    try {
      const result = copy.pragma('integrity_check', { simple: true });
      if (result !== 'ok') throw new HosoError('BACKUP_FAILED', literal(`integrity_check: ${String(result)}`));
    } finally {
      copy.close();
      // The copy is in WAL mode like its source: opening it to check it left -wal/-shm files beside the
      // temporary name. Closing checkpointed them, so they hold nothing; they must not linger.
      removeSidecars(partial);
    }
    renameSync(partial, dest);
    return { path: dest, bytes: statSync(dest).size };
  } catch (e) {
    rmSync(partial, { force: true });
    removeSidecars(partial);
    if (e instanceof HosoError) throw e;
    throw new HosoError('BACKUP_FAILED', undefined, { cause: e });
  }
}

/**
 * Copies `source` over the archive file `dest` with the backup API (a restore): one locked copy through
 * SQLite, so a connection open on `dest` stays valid and sees the restored content.
 */
export async function copyArchiveOnto(source: Pick<Archive, 'sqlite'>, dest: string): Promise<void> {
  await source.sqlite.backup(dest);
}

/** The files SQLite keeps beside a database: the backup API's rollback journal, the check's WAL index. */
function removeSidecars(file: string): void {
  rmSync(`${file}-journal`, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

/** A file-name-safe local timestamp: 20261122-063626. */
export function backupStamp(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}
