import { existsSync, statSync } from 'node:fs';
import type { Archive } from '../db/open';
import { verifyAuditChain } from '../db/audit';
import { checkSearchIndex } from '../db/search/indexer';
import { liveArchiveStats } from '../db/archiveStats';
import { quickCheck } from '../db/integrity';
import type { HealthStatus, IntegrityReport } from '../contract/lockContract';
import type { BackupCheck } from '../contract/mergeContract';
import { listBackups } from './backups';
import { checkBackup } from './backupRestore';
import { msg } from '../contract/messages/message';
import { HosoError, toErrorPayload, type ErrorPayload } from '../contract/errors';
import { getSettings } from '../db/settings';
import { checkArchiveFile } from './check';

function fileBytes(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

/**
 * Verdicts of backups already checked, by path, size and time: a backup file is written once and never
 * changed, so opening Cài đặt again does not re-read a large copy. A file changed since is checked anew.
 */
const checkedBackups = new Map<string, { stamp: string; check: BackupCheck }>();

function checkBackupOnce(archive: Archive, file: string): BackupCheck {
  const st = existsSync(file) ? statSync(file) : null;
  const stamp = st ? `${st.size}:${st.mtimeMs}` : 'missing';
  const known = checkedBackups.get(file);
  if (known?.stamp === stamp) return known.check;
  const check = checkBackup(archive, file);
  checkedBackups.set(file, { stamp, check });
  return check;
}

/**
 * The backups, or why their folder cannot be used: a folder the settings hold but this PC cannot use
 * (a relative path stored by an older version, a Windows path on Linux) is one line of the page, not a
 * page that fails to open.
 */
function backupsOrProblem(archive: Archive): Pick<ReturnType<typeof listBackups>, 'dir' | 'rows'> & { problem: ErrorPayload | null } {
  try {
    const { dir, rows } = listBackups(archive);
    return { dir, rows, problem: null };
  } catch (e) {
    if (!(e instanceof HosoError)) throw e;
    return { dir: getSettings(archive).backupDir ?? '', rows: [], problem: toErrorPayload(e) };
  }
}

/**
 * What the health page (Cài đặt → Tình trạng kho) shows, read from the open archive: its size, the
 * newest backup checked (a backup nobody can restore is worse than none; once per backup file), the search index
 * compared with the content, and the audit chain walked from its first entry. Read-only.
 */
export function healthStatus(archive: Archive, now: number = Date.now()): HealthStatus {
  const backups = backupsOrProblem(archive);
  const newest = backups.rows[0];
  const backupCheck = newest ? checkBackupOnce(archive, newest.file) : null;
  const index = checkSearchIndex(archive);
  const audit = verifyAuditChain(archive);
  const { meetings, photoBytes } = liveArchiveStats(archive);
  return {
    archiveFile: archive.file,
    archiveBytes: fileBytes(archive.file) + fileBytes(`${archive.file}-wal`) + fileBytes(`${archive.file}-shm`),
    photoBytes,
    meetings,
    backupDir: backups.dir,
    backupProblem: backups.problem,
    backupCount: backups.rows.length,
    lastBackup:
      newest && backupCheck
        ? { file: newest.file, name: newest.name, bytes: newest.bytes, createdAt: newest.createdAt, ok: backupCheck.ok, message: backupCheck.message }
        : null,
    index: {
      ok: index.ok,
      documents: index.documents,
      mismatched: index.missing.length + index.orphaned.length + index.stale.length,
      structureError: index.structureError,
    },
    audit: { ok: audit.ok, entries: audit.entries, firstBrokenSeq: audit.firstBrokenSeq },
    checkedAt: now,
  };
}

/**
 * Kiểm tra toàn vẹn. Quick: SQLite's quick_check on the open connection (seconds even for a large
 * archive). Full: the same complete check as `hoso check` (integrity_check, foreign keys, audit chain,
 * search index, every seal with its photo files), on its own read-only connection.
 */
export function verifyArchive(archive: Archive, full: boolean, now: () => number = Date.now): IntegrityReport {
  const started = now();
  if (full) {
    const report = checkArchiveFile(archive.file);
    return { kind: 'full', ok: report.ok, problems: report.problems, notes: report.notes, ms: now() - started, checkedAt: started };
  }
  const problems = quickCheck(archive.sqlite)
    .filter((line) => line !== 'ok')
    .map((line) => msg('check.integrity', { line }));
  return { kind: 'quick', ok: problems.length === 0, problems, notes: [], ms: now() - started, checkedAt: started };
}
