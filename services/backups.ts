import { writeGateOf } from './writeGate';
import { accessSync, constants, existsSync, mkdirSync, promises as fsp, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path, { basename, dirname, join, resolve, type PlatformPath } from 'node:path';
import type { Archive } from '../db/open';
import { inspectArchiveFile } from '../db/open';
import { backupStamp, backupTo } from '../db/backup';
import { getSettings } from '../db/settings';
import { errorPayload, HosoError, toErrorPayload, type ErrorCode } from '../contract/errors';
import { literal, msg } from '../contract/messages/message';
import type { BackupDirCheck, BackupEntry, BackupList } from '../contract/mergeContract';
import { bootSecond, ownerGone } from './processAlive';
import { bounded, CALL_TIMEOUT_MS, TimeoutError } from './archive/boundedCall';
import { freeBytesOf, neededFor } from './scratchCopy';
import { sizeInMb } from './messageParts';

/**
 * Backups of the archive (README.md, "Lưu trữ USB: nhập (merge) và sao lưu"). Every backup is a consistent snapshot by SQLite's
 * backup API, written under a temporary name, integrity-checked and opened as a hoso archive before it
 * gets its name (db/backup.ts). Kinds, told apart by name so a folder listing explains itself:
 *   archive-auto-20261122-063626.sqlite            daily automatic; only these rotate (the last N are kept)
 *   archive-20261122-063626.sqlite                 "Sao lưu ngay" / `hoso backup`: kept until the clerk removes them
 *   archive-before-restore-20261122-063626.sqlite  the archive as it was just before a restore
 * (for archive.sqlite: another archive's backups carry its own file name, backupNaming).
 * The folder is the clerk's choice in settings (e.g. a second disk), by default `backups` beside the archive.
 */

export const DEFAULT_BACKUP_KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

type Kind = BackupEntry['kind'];
const STAMP = '\\d{8}-\\d{6}(?:-\\d+)?';
/** Any backup hoso names, of any archive: `<stem>-[auto-|before-restore-]<stamp>.sqlite`. */
const ANY_BACKUP = new RegExp(`^.+-${STAMP}\\.sqlite$`, 'i');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The names of one archive's backups (issue 17: backups belong to their archive). Each carries the
 * archive file's own name, so two archives in one folder (`archive.sqlite`, `kho-2024.sqlite`) sharing
 * a backup folder keep two sets, listed, rotated and restored apart; `archive.sqlite`'s are named as
 * they always were (archive-auto-…).
 */
export interface BackupNaming {
  prefix: Record<Exclude<Kind, 'other'>, string>;
  /** The kind of one of this archive's backups; 'other' for a .sqlite the clerk put there; null for another archive's backup. */
  kindOf(name: string): Kind | null;
}

export function backupNaming(archiveFile: string): BackupNaming {
  const stem = basename(archiveFile).replace(/\.[^.]*$/, '') || 'archive';
  const prefix = { auto: `${stem}-auto-`, manual: `${stem}-`, 'before-restore': `${stem}-before-restore-` };
  const kinds: [Exclude<Kind, 'other'>, RegExp][] = (['auto', 'before-restore', 'manual'] as const).map((k) => [
    k,
    new RegExp(`^${escapeRegExp(prefix[k])}${STAMP}\\.sqlite$`, 'i'),
  ]);
  return {
    prefix,
    kindOf: (name) => kinds.find(([, re]) => re.test(name))?.[0] ?? (ANY_BACKUP.test(name) ? null : 'other'),
  };
}

/**
 * Opening a WAL-mode copy to check it leaves -wal/-shm files beside it; closing checkpointed them, so they
 * hold nothing and must not linger in the clerk's backup folder. A non-empty -wal is left alone.
 */
function removeEmptySidecars(file: string): void {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  rmSync(wal, { force: true });
  rmSync(`${file}-shm`, { force: true });
}

/**
 * A backup killed mid-way (power cut, Task Manager) leaves `<name>.sqlite.partial` (and its -journal,
 * written by the backup API while it copies, or the -wal/-shm of the check that follows): never listed,
 * never taken for a backup, but as large as the archive (4.6 GB seen), and nothing else would remove it.
 * So each backup first writes `<name>.sqlite.partial.owner` (this PC's name and the process id) and
 * removes it when done; a sweep (at start, before each backup) removes the partial files whose owner
 * process is gone, at once, whatever their age. A live owner's are kept: another hoso on the same
 * archive (the app's daily backup while `hoso backup` runs) is still writing them. Where the owner
 * cannot be told (another PC on a shared folder, a partial from a version without owner files), only
 * files untouched for an hour go.
 */
export const STALE_PARTIAL_MS = 60 * 60 * 1000;
const PARTIAL = /^(.+-\d{8}-\d{6}(?:-\d+)?\.sqlite)\.partial(?:-wal|-shm|-journal|\.owner)?$/;
const ownerFile = (partial: string) => `${partial}.owner`;

interface PartialOwner {
  host: string;
  pid: number;
  /** The boot the owner ran in (bootSecond); absent in owner files of older versions. */
  boot?: number;
}

function readOwner(file: string): PartialOwner | null {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<PartialOwner>;
    return typeof owner.host === 'string' && Number.isInteger(owner.pid) ? (owner as PartialOwner) : null;
  } catch {
    return null;
  }
}

/** Whether process `pid` runs on this PC (EPERM: it does, under another user). */
/**
 * Removes what killed backups left in `dir` (see above); returns the names removed. Never throws: a
 * folder that cannot be read or a file already gone is left for the next sweep.
 */
export function removeDeadPartials(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const byBackup = new Map<string, string[]>();
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (m) byBackup.set(m[1]!, [...(byBackup.get(m[1]!) ?? []), name]);
  }
  for (const [backup, files] of byBackup) {
    const partial = join(dir, `${backup}.partial`);
    const owner = readOwner(ownerFile(partial));
    const dead =
      owner && owner.host === hostname()
        ? owner.pid !== process.pid && ownerGone(owner.pid, Number.isInteger(owner.boot) ? owner.boot! : null)
        : files.every((n) => {
            try {
              return now - statSync(join(dir, n)).mtimeMs > STALE_PARTIAL_MS;
            } catch {
              return true;
            }
          });
    if (!dead) continue;
    for (const name of files) {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** Whether this process may write in `dir` (access() answers EROFS on a read-only mount, even for root). */
export function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The folder itself or its nearest existing parent: where a backup folder that cannot be created would
 * have been made. (Node's recursive mkdir reports a read-only mount as ENOENT, so its code cannot tell.)
 */
export function nearestExisting(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** The backups folder: beside the archive unless the clerk chose another (e.g. a second disk). */
export function defaultBackupDir(archiveFile: string): string {
  return join(dirname(archiveFile), 'backups');
}

/**
 * The backup folder a setting names: '' (or none) is the default beside the archive; anything else must
 * be a full path of this platform. A relative one would be relative to wherever the app happens to run
 * (a `Sao luu` folder appearing in the program's folder), and the contract's own check cannot know the
 * platform: on Linux `D:\Sao luu` passes it yet is a relative name. `pathApi` is path.win32 / path.posix
 * in tests; the running platform's otherwise.
 */
export function backupDirFrom(stored: string | undefined, archiveFile: string, pathApi: PlatformPath = path): string {
  if (!stored) return pathApi.join(pathApi.dirname(archiveFile), 'backups');
  if (!pathApi.isAbsolute(stored)) throw new HosoError('BACKUP_DIR_RELATIVE', literal(stored));
  return pathApi.normalize(stored);
}

/**
 * Whether `stored` can take backups, before it is chosen (first-run setup): a full path, not the archive's
 * own folder (one failed disk or one deleted folder would take both), and writable, or creatable in a
 * writable parent, and not a file, with room for one backup of the archive as it is now
 * (BACKUP_DIR_NO_SPACE). Nothing is created: the folder is made by the first backup.
 * Asked as the clerk types (a stick's letter, a network share): every look at the disk is asynchronous
 * and bounded in time like the stick picker's (boundedCall.ts), so a drive that does not answer is
 * BACKUP_DIR_NOT_ANSWERING, never a host held up.
 */
export async function checkBackupDir(
  archiveFile: string,
  stored: string,
  pathApi: PlatformPath = path,
  options: { fs?: CheckDirFs; timeoutMs?: number; freeBytes?: (dir: string) => number } = {},
): Promise<BackupDirCheck> {
  let dir: string;
  try {
    dir = backupDirFrom(stored, archiveFile, pathApi);
  } catch (e) {
    return { dir: stored, problem: toErrorPayload(e) };
  }
  const problem = (code: ErrorCode): BackupDirCheck => ({ dir, problem: errorPayload(code, literal(dir)) });
  // Windows names are case-insensitive (C:\HoSo is c:\hoso); a trailing separator names the same folder.
  const key = (p: string) => {
    const n = pathApi.normalize(p).replace(/[\\/]+$/, '');
    return pathApi.sep === '\\' ? n.toLowerCase() : n;
  };
  if (key(dir) === key(pathApi.dirname(archiveFile))) return problem('BACKUP_DIR_IS_ARCHIVE_FOLDER');
  const fs = options.fs ?? nodeCheckDirFs;
  const ms = options.timeoutMs ?? CALL_TIMEOUT_MS;
  try {
    // The folder, else its nearest existing parent (where it would be made): a file is no folder.
    let d = dir;
    for (let s = await bounded(fs.stat(d), ms); ; s = await bounded(fs.stat(d), ms)) {
      if (s === 'missing') {
        if (pathApi.dirname(d) === d) return problem('BACKUP_DIR_UNWRITABLE');
        d = pathApi.dirname(d);
        continue;
      }
      if (s === 'file') return problem('BACKUP_DIR_UNWRITABLE');
      if (!(await bounded(fs.writable(d), ms))) return problem('BACKUP_DIR_UNWRITABLE');
      const needed = neededFor(archiveBytes(archiveFile));
      const free = freeOrNull(d, options.freeBytes ?? freeBytesOf);
      if (free !== null && free < needed)
        return { dir, problem: errorPayload('BACKUP_DIR_NO_SPACE', msg('scratch.noSpace', { needed: sizeInMb(needed), free: sizeInMb(free), dir })) };
      return { dir, problem: null };
    }
  } catch (e) {
    if (e instanceof TimeoutError) return problem('BACKUP_DIR_NOT_ANSWERING');
    return problem('BACKUP_DIR_UNWRITABLE');
  }
}

/** The looks at the disk checkBackupDir makes: injectable, so tests make a drive hang. */
export interface CheckDirFs {
  stat(path: string): Promise<'dir' | 'file' | 'missing'>;
  writable(dir: string): Promise<boolean>;
}

const nodeCheckDirFs: CheckDirFs = {
  stat: (p) =>
    fsp.stat(p).then(
      (s) => (s.isDirectory() ? 'dir' : 'file'),
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return 'missing';
        throw e;
      },
    ),
  writable: (dir) => fsp.access(dir, constants.W_OK).then(() => true, () => false),
};

/** The archive's bytes with its -wal (what a backup copies), 0 for a file not there. */
function archiveBytes(file: string): number {
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  return size(file) + size(`${file}-wal`);
}

/** The free space where the folder would be, or null when the system cannot tell (then not refused on it). */
function freeOrNull(dir: string, freeBytes: (dir: string) => number): number | null {
  try {
    return freeBytes(dir);
  } catch {
    return null;
  }
}

/** The backup settings with their defaults applied; a relative folder is refused (BACKUP_DIR_RELATIVE). */
export function backupSettings(archive: Archive): { dir: string; keep: number; daily: boolean } {
  const s = getSettings(archive);
  return {
    dir: backupDirFrom(s.backupDir, archive.file),
    keep: s.backupKeep ?? DEFAULT_BACKUP_KEEP,
    daily: s.backupDaily ?? true,
  };
}

/** A name not taken yet: two backups in the same second get -2, -3… */
function freshName(dir: string, prefix: string, now: Date): string {
  const stamp = backupStamp(now);
  for (let i = 1; ; i++) {
    const path = join(dir, `${prefix}${stamp}${i === 1 ? '' : `-${i}`}.sqlite`);
    if (!existsSync(path) && !existsSync(`${path}.partial`)) return path;
  }
}

function entry(path: string, kind: Kind): BackupEntry {
  const st = statSync(path);
  return { file: path, name: basename(path), bytes: st.size, createdAt: stampTime(basename(path)) ?? Math.round(st.mtimeMs), kind };
}

/**
 * A verified snapshot named by kind, date and time, in `dir` (default: the configured folder). After
 * db/backup.ts's integrity check the copy is also inspected as an archive (hoso's, a schema this build
 * knows), so a backup that exists is one that can be restored.
 */
export async function backupNow(archive: Archive, dir?: string, options: { kind?: Exclude<Kind, 'other'>; now?: Date } = {}): Promise<BackupEntry & { path: string }> {
  const target = dir ?? backupSettings(archive).dir;
  try {
    mkdirSync(target, { recursive: true });
  } catch (e) {
    throw new HosoError(writable(nearestExisting(target)) ? 'BACKUP_FAILED' : 'BACKUP_DIR_UNWRITABLE', literal(target), { cause: e });
  }
  // A write-protected stick or a CD as backup folder: say so before SQLite fails half-way with a
  // message about disk space.
  if (!writable(target)) throw new HosoError('BACKUP_DIR_UNWRITABLE', literal(target));
  removeDeadPartials(target);
  const kind = options.kind ?? 'manual';
  const dest = freshName(target, backupNaming(archive.file).prefix[kind], options.now ?? new Date());
  const owner = ownerFile(`${dest}.partial`);
  writeFileSync(owner, JSON.stringify({ host: hostname(), pid: process.pid, boot: bootSecond() } satisfies PartialOwner));
  let result: Awaited<ReturnType<typeof backupTo>>;
  try {
    result = await backupTo(archive.sqlite, dest, archive.nativeBinding);
  } finally {
    rmSync(owner, { force: true });
  }
  try {
    inspectArchiveFile(result.path);
  } catch (e) {
    rmSync(result.path, { force: true });
    throw new HosoError('BACKUP_FAILED', literal(basename(result.path)), { cause: e });
  } finally {
    removeEmptySidecars(result.path);
  }
  return { ...entry(result.path, kind), path: result.path };
}

/**
 * This archive's backups in the configured folder (every kind, and other .sqlite files a clerk put
 * there), newest first; another archive's backups in the same folder are not listed.
 */
export function listBackups(archive: Archive): BackupList {
  const { dir, keep, daily } = backupSettings(archive);
  const naming = backupNaming(archive.file);
  const rows = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.toLowerCase().endsWith('.sqlite') && resolve(join(dir, n)) !== resolve(archive.file))
        .flatMap((n) => {
          const kind = naming.kindOf(n);
          return kind ? [entry(join(dir, n), kind)] : [];
        })
        .sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1))
    : [];
  return { dir, keep, daily, rows };
}

/** Removes this archive's automatic backups beyond the newest `keep`; other kinds are the clerk's and stay. Returns the removed names. */
export function rotateBackups(dir: string, keep: number, naming: BackupNaming): string[] {
  if (!existsSync(dir)) return [];
  const autos = readdirSync(dir)
    .filter((n) => naming.kindOf(n) === 'auto')
    .sort()
    .reverse(); // names carry the time: newest first
  const removed = autos.slice(Math.max(1, keep));
  for (const n of removed) rmSync(join(dir, n), { force: true });
  return removed;
}

/** The local time written in a backup's name (archive-auto-20261122-063626.sqlite), or null. */
function stampTime(name: string): number | null {
  const m = /(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(name);
  return m ? new Date(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!).getTime() : null;
}

/** The time of the newest automatic backup in `dir` (by its name, which survives copying), or null. */
function lastAutomatic(dir: string, naming: BackupNaming): number | null {
  if (!existsSync(dir)) return null;
  const times = readdirSync(dir)
    .filter((n) => naming.kindOf(n) === 'auto')
    .map((n) => stampTime(n) ?? statSync(join(dir, n)).mtimeMs);
  return times.length ? Math.max(...times) : null;
}

/**
 * The daily backup: when enabled and the newest automatic backup is a day old (or there is none), writes
 * one, verifies it, then rotates. Returns the new backup or null when none was due.
 */
export async function automaticBackupIfDue(archive: Archive, now: Date = new Date()): Promise<(BackupEntry & { path: string }) | null> {
  const { dir, keep, daily } = backupSettings(archive);
  if (!daily) return null;
  const naming = backupNaming(archive.file);
  const last = lastAutomatic(dir, naming);
  if (last !== null && now.getTime() - last < DAY_MS) return null;
  const made = await backupNow(archive, dir, { kind: 'auto', now });
  // Rotate only after the new one checked: a failed backup never costs an older good one.
  rotateBackups(dir, keep, naming);
  return made;
}

/**
 * Runs the daily backup in a long-running process (desktop app, web host): once shortly after start,
 * then every hour it checks whether a day has passed. At once, it removes what backups killed in an
 * earlier run left in the folder (removeDeadPartials). Failures go to `onError` (logged), never thrown.
 * Started by the hosts themselves (electron/main/index.ts, `hoso serve`); returns the stop function.
 */
export function startAutomaticBackups(archive: Archive, onError: (e: unknown) => void, firstDelayMs = 60_000): () => void {
  // What a backup killed in an earlier run left (a dead process's partial copy) goes now, not an hour later.
  try {
    removeDeadPartials(backupSettings(archive).dir);
  } catch (e) {
    onError(e);
  }
  let running = false;
  const tick = () => {
    // A merge being written holds the connection's transaction: a copy now would hold half of it.
    if (running || !archive.sqlite.open || writeGateOf(archive).busy) return;
    running = true;
    writeGateOf(archive)
      .track(() => automaticBackupIfDue(archive))
      .catch(onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, firstDelayMs);
  const hourly = setInterval(tick, 60 * 60 * 1000);
  first.unref();
  hourly.unref();
  return () => {
    clearTimeout(first);
    clearInterval(hourly);
  };
}
