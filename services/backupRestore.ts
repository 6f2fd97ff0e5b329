import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Archive } from '../db/open';
import { inspectArchiveFile, openArchive } from '../db/open';
import { copyArchiveOnto } from '../db/backup';
import { schemaVersion } from '../db/migrate';
import { countMeetings } from '../db/meetings';
import { integrityCheck, quickCheck, withReadOnlyConnection } from '../db/integrity';
import { appendAudit } from '../db/audit';
import { errorAsMessage, HosoError, isHosoError } from '../contract/errors';
import { literal, msg, type Message } from '../contract/messages/message';
import type { BackupCheck, BackupEntry } from '../contract/mergeContract';
import { backupNow, backupSettings } from './backups';
import { copyToScratch, looksLikeSqlite, type ScratchCopy, type ScratchOptions } from './scratchCopy';

/*
 * Checking a backup before it is trusted, and restoring one (Lưu trữ USB → Sao lưu, Cài đặt → Tình
 * trạng kho): always on a local copy, never replacing the archive with something that failed a check.
 */

/**
 * Refuses a file that is not a backup to check before anything is copied: the open archive itself,
 * nothing at that path, or a file that is not SQLite at all (a video picked by mistake is not copied).
 */
function notABackup(archive: Archive, path: string): Message | null {
  if (path === resolve(archive.file)) return msg('backup.isTheArchive');
  if (!existsSync(path) || !statSync(path).isFile()) return msg('backup.notFound');
  try {
    if (!looksLikeSqlite(path)) return errorAsMessage(new HosoError('ARCHIVE_NOT_SQLITE', literal(basename(path))));
  } catch (e) {
    return unreadable(e);
  }
  return null;
}

const unreadable = (e: unknown): Message => msg('backup.unreadable', { error: (e as Error).message });

/**
 * The check itself, on a local copy (scratchCopy.ts) in `restore-tmp/` beside the archive: SQLite, hoso's,
 * a schema this build knows, full integrity_check. Working on a copy is what lets a backup on read-only
 * media be checked at all (a WAL-mode file needs its -shm beside it even to be read), leaves no -wal/-shm
 * in the clerk's backup folder, and makes what is restored exactly what was checked, even if the stick
 * is pulled or the file changes afterwards. On success the copy is handed back (restore uses it);
 * otherwise it is already removed.
 */
interface CheckedCopy {
  check: BackupCheck;
  /** The checked copy when the check passed. */
  copy: ScratchCopy | null;
  /** Why no copy could be made (SCRATCH_NO_SPACE): not a verdict on the backup, so restore says it as it is. */
  scratchError: HosoError | null;
}

function checkCopy(archive: Archive, path: string, options: ScratchOptions): CheckedCopy {
  const refuse = (message: Message, scratchError: HosoError | null = null): CheckedCopy => ({
    check: { file: path, ok: false, message, meetings: null, schemaVersion: null },
    copy: null,
    scratchError,
  });
  const wrong = notABackup(archive, path);
  if (wrong) return refuse(wrong);
  let copy: ScratchCopy;
  try {
    copy = copyToScratch(path, { archiveFile: archive.file, purpose: 'restore' }, options);
  } catch (e) {
    if (isHosoError(e)) return refuse(errorAsMessage(e), e);
    return refuse(unreadable(e));
  }
  const fail = (message: Message) => {
    copy.remove();
    return refuse(message);
  };
  try {
    inspectArchiveFile(copy.file, archive.nativeBinding);
  } catch (e) {
    return fail(isHosoError(e) ? errorAsMessage(e) : msg('detail.text', { text: String(e) }));
  }
  try {
    return withReadOnlyConnection(copy.file, archive.nativeBinding, (db): CheckedCopy => {
      const integrity = integrityCheck(db)[0];
      if (integrity !== 'ok') return fail(msg('backup.damaged', { result: String(integrity) }));
      const version = schemaVersion(db);
      const meetings = countMeetings({ sqlite: db });
      const message = msg('backup.good', { meetings });
      return { check: { file: path, ok: true, message, meetings, schemaVersion: version }, copy, scratchError: null };
    });
  } catch (e) {
    return fail(unreadable(e));
  }
}

/**
 * Whether a backup can be restored: a file that is SQLite, hoso's, of a schema this build knows (an
 * older one is upgraded on restore), and passes the full integrity check. Checked on a local copy, so it
 * works where the backup lies on read-only media; the file itself is never opened for writing, and
 * nothing is written beside it. Not enough room for the copy is a refusal that says so.
 */
export function checkBackup(archive: Archive, file: string, options: ScratchOptions = {}): BackupCheck {
  const { check, copy } = checkCopy(archive, resolve(file), options);
  copy?.remove();
  return check;
}

/**
 * Restores a backup into the open archive. In order, and stopping at the first failure with the current
 * archive as it was:
 * 1. copy the backup into `restore-tmp/` beside the archive and check the copy (checkBackup): a damaged
 *    or foreign file is refused (RESTORE_REFUSED), no room for the copy is SCRATCH_NO_SPACE;
 * 2. back up the current archive (archive-before-restore-…), verified;
 * 3. open the checked copy with openArchive (which upgrades an older schema, with all its safety rules),
 *    so what is restored is a current archive;
 * 4. copy it over the open archive with SQLite's backup API (one locked copy through SQLite: the app's
 *    connection stays valid and sees the restored content), check it, and log the restore in the audit.
 * The copy is removed in every case (one left by a killed restore goes with the next check or restore).
 * Photos are content-addressed files that restoring never removes.
 */
export async function restoreBackup(archive: Archive, file: string, actor: string, options: ScratchOptions = {}): Promise<{ restoredFrom: string; safetyBackup: string; meetings: number }> {
  const { check, copy, scratchError } = checkCopy(archive, resolve(file), options);
  if (scratchError) throw scratchError;
  if (!check.ok || !copy) throw new HosoError('RESTORE_REFUSED', msg('backup.refusedBecause', { reason: check.message }));
  let safety: BackupEntry & { path: string };
  try {
    const { dir } = backupSettings(archive);
    safety = await backupNow(archive, dir, { kind: 'before-restore' });
    // Upgrading the copy makes its own pre-migration backup: redundant (the backup file itself is never
    // changed), so it goes into the scratch folder, removed with the copy.
    const source = await openArchive({ file: copy.file, backupDir: join(dirname(copy.file), 'backups'), nativeBinding: archive.nativeBinding });
    try {
      await copyArchiveOnto(source, archive.file);
    } finally {
      source.close();
    }
  } catch (e) {
    throw isHosoError(e) ? e : new HosoError('RESTORE_REFUSED', literal((e as Error).message), { cause: e });
  } finally {
    copy.remove();
  }
  const quick = quickCheck(archive.sqlite)[0];
  if (quick !== 'ok')
    throw new HosoError('ARCHIVE_CORRUPT', msg('backup.damagedAfterRestore', { result: String(quick), safety: safety.path }));
  appendAudit(archive, { actor, action: 'restore', entity: 'archive', entityId: 'archive', after: { from: check.file, safetyBackup: safety.path } });
  const meetings = countMeetings(archive);
  return { restoredFrom: check.file, safetyBackup: safety.path, meetings };
}
