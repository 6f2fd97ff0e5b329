import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statfsSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import * as schema from './schema';
import { applyMigrations, schemaVersion, type Migration } from './migrate';
import { MIGRATIONS } from './migrations/bundle.generated';
import { backupStamp, backupTo } from './backup';
import { HosoError } from '../contract/errors';
import { literal, msg, type Message } from '../contract/messages/message';
import { rebuildSearchIndex } from './search/indexer';
import { holdsCurrentPhrases, recordCurrentPhrases } from './search/rankedIndex';

/** PRAGMA application_id of every hoso archive: "hoso" in ASCII. */
export const HOSO_APPLICATION_ID = 0x686f736f;
export const SCHEMA_VERSION = MIGRATIONS.length;

export type HosoDb = BetterSQLite3Database<typeof schema>;
/**
 * A raw SQLite connection (better-sqlite3's), the handle db/ functions take: services hold one (an
 * archive's, an export snapshot's) and pass it on, without importing better-sqlite3 themselves.
 */
export type Connection = Database.Database;

export interface Archive {
  /** Absolute path of archive.sqlite. */
  readonly file: string;
  /** Drizzle over the connection, for typed queries. */
  readonly db: HosoDb;
  /** The raw better-sqlite3 connection, for pragmas, backups and hot loops. */
  readonly sqlite: Connection;
  /** Path of the backup taken before migrating, if this open migrated the file. */
  readonly migrationBackup: string | null;
  /**
   * The better_sqlite3.node this archive was opened with (Electron's build in a development run), for
   * anything that opens a second connection (backup checks, export snapshots); undefined: Node's own.
   */
  readonly nativeBinding: string | undefined;
  close(): void;
}

export interface OpenArchiveOptions {
  file: string;
  /** Path of a better_sqlite3.node built for another runtime (Electron); Node's own build otherwise. */
  nativeBinding?: string;
  /** Where pre-migration backups go; default: a `backups` folder beside the archive. */
  backupDir?: string;
  /** The migrations this build knows; tests pass their own to exercise upgrades. */
  migrations?: readonly Migration[];
  /**
   * How far the search index build has come when opening needs one (an archive from before the ranked
   * index, migration 0005): meetings indexed of the total, every 5 000.
   */
  onIndexProgress?: (done: number, total: number) => void;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** Archives up to this size are fully page-checked (quick_check) every time they are opened. */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function sqliteCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/** SQLite's ways of saying "this file or its folder cannot be written" (SQLITE_READONLY_DIRECTORY, …). */
function isUnwritableCode(code: string): boolean {
  return code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN');
}

/**
 * Opening needs a little room even to read: WAL mode creates the -shm index beside the archive. On a
 * full disk SQLite then fails with SQLITE_IOERR_SHMSIZE (or SQLITE_FULL), which must not be reported as a
 * damaged archive (that advice sends a clerk to restore a backup over a sound file). An I/O error counts
 * as "disk full" only when the folder's file system really has (almost) no free space left.
 */
const NEARLY_FULL_BYTES = 1024 * 1024;
function isDiskFull(code: string, file: string): boolean {
  if (code === 'SQLITE_FULL') return true;
  if (!code.startsWith('SQLITE_IOERR')) return false;
  try {
    const fs = statfsSync(dirname(file));
    return fs.bavail * fs.bsize < NEARLY_FULL_BYTES;
  } catch {
    return false;
  }
}

/** What a clerk needs to hear about an archive in a folder they cannot write: where, that nothing changed, what to do. */
function unwritableDetail(file: string): Message {
  return msg('archive.folderUnwritable', { dir: dirname(file) });
}

/**
 * An archive needs its folder writable, not only its file: WAL mode keeps -wal and -shm files beside it
 * and backups go there. Without this look first, SQLite's read-only refusal (SQLITE_READONLY_DIRECTORY)
 * surfaced as "the archive is damaged", which sends a clerk to restore a backup over a sound archive.
 * access() also answers EROFS on a read-only mount (a write-protected USB stick, a CD), even for root.
 */
function assertWritable(file: string): void {
  try {
    accessSync(dirname(file), constants.W_OK);
  } catch (e) {
    throw new HosoError('ARCHIVE_UNWRITABLE', unwritableDetail(file), { cause: e });
  }
  try {
    accessSync(file, constants.W_OK);
  } catch (e) {
    // A file copied from a CD keeps its read-only attribute on Windows: copying the folder again would not help.
    throw new HosoError(
      'ARCHIVE_UNWRITABLE',
      msg('archive.fileReadOnly', { file: basename(file) }),
      { cause: e },
    );
  }
}

/**
 * Looks at an existing file through a read-only connection before anything may write to it: is it
 * SQLite, is it hoso's, is it intact, is its schema one this build knows. Any "no" leaves the file as it was.
 */
export function inspectArchiveFile(file: string, nativeBinding?: string, knownVersion: number = SCHEMA_VERSION): void {
  if (readHeader(file) !== SQLITE_HEADER) throw new HosoError('ARCHIVE_NOT_SQLITE', literal(basename(file)));
  let ro: Database.Database | undefined;
  try {
    ro = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const tables = ro.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
    if (appId !== HOSO_APPLICATION_ID && (appId !== 0 || tables.n > 0)) throw new HosoError('ARCHIVE_NOT_HOSO');
    if (schemaVersion(ro) > knownVersion) throw new HosoError('ARCHIVE_TOO_NEW');
    // quick_check reads every page: instant on a normal archive, but ~14 s on a 1.7 GB one at every start.
    // Large archives get the schema read above at open and the full check from `hoso check`.
    if (statSync(file).size <= QUICK_CHECK_MAX_BYTES) {
      const check = ro.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new HosoError('ARCHIVE_CORRUPT', literal(`quick_check: ${String(check)}`));
    }
  } catch (e) {
    if (e instanceof HosoError) throw e;
    const code = sqliteCode(e);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new HosoError('ARCHIVE_LOCKED', undefined, { cause: e });
    if (isUnwritableCode(code)) throw new HosoError('ARCHIVE_UNWRITABLE', unwritableDetail(file), { cause: e });
    if (isDiskFull(code, file)) throw new HosoError('ARCHIVE_DISK_FULL', literal(dirname(file)), { cause: e });
    throw new HosoError('ARCHIVE_CORRUPT', code ? literal(code) : undefined, { cause: e });
  } finally {
    ro?.close();
  }
}

function applyPragmas(sqlite: Database.Database): void {
  const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new HosoError('ARCHIVE_UNWRITABLE', literal(`journal_mode=${String(mode)}`));
  // better-sqlite3 defaults to NORMAL, which can lose a committed transaction on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/**
 * An archive upgraded from before the search index (or one whose index was dropped) has meetings but
 * no index entries, and one indexed by a program with other phrase terms (db/search/indexedPhrases.ts)
 * holds the wrong ones: build the index once, now, so search works right after the upgrade. (Only the
 * derived index is rewritten, in one transaction; the records are not touched.)
 */
function bringSearchIndexUpToDate(sqlite: Database.Database, onProgress?: (done: number, total: number) => void): void {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'search_index_state'").get();
  if (!hasTable) return;
  const indexed = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM search_docs) AS n').get() as { n: number };
  const live = sqlite.prepare('SELECT EXISTS (SELECT 1 FROM meetings WHERE deleted_at IS NULL) AS n').get() as { n: number };
  if (live.n === 1 && (indexed.n === 0 || !holdsCurrentPhrases(sqlite))) rebuildSearchIndex({ sqlite }, onProgress);
  else if (live.n === 0 && !holdsCurrentPhrases(sqlite)) recordCurrentPhrases(sqlite);
}

/**
 * Opens (or, only when no file exists at that path, creates) an archive with every safety rule of
 * README.md ("Where the data lives"): inspect read-only first, WAL + synchronous=FULL + foreign keys, a verified backup
 * before any migration, refuse newer schemas. A file that fails to open is never replaced.
 */
export async function openArchive(options: OpenArchiveOptions): Promise<Archive> {
  const file = options.file;
  const migrations = options.migrations ?? MIGRATIONS;
  const exists = existsSync(file);
  if (exists) {
    if (!statSync(file).isFile()) throw new HosoError('ARCHIVE_NOT_SQLITE', literal(file));
    assertWritable(file);
    if (statSync(file).size > 0) inspectArchiveFile(file, options.nativeBinding, migrations.length);
  } else {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (e) {
      throw new HosoError('ARCHIVE_UNWRITABLE', literal(dirname(file)), { cause: e });
    }
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (e) {
    throw new HosoError('ARCHIVE_UNWRITABLE', literal(file), { cause: e });
  }

  let migrationBackup: string | null = null;
  try {
    applyPragmas(sqlite);
    const from = schemaVersion(sqlite);
    if (from > 0 && from < migrations.length) {
      const dir = options.backupDir ?? join(dirname(file), 'backups');
      migrationBackup = join(dir, `archive-v${from}-before-v${migrations.length}-${backupStamp()}.sqlite`);
      await backupTo(sqlite, migrationBackup, options.nativeBinding);
    }
    try {
      applyMigrations(sqlite, migrations);
    } catch (e) {
      if (e instanceof HosoError) throw e;
      throw new HosoError('MIGRATION_FAILED', migrationBackup ? literal(migrationBackup) : undefined, { cause: e });
    }
    bringSearchIndexUpToDate(sqlite, options.onIndexProgress);
    if ((sqlite.pragma('application_id', { simple: true }) as number) !== HOSO_APPLICATION_ID) {
      sqlite.pragma(`application_id = ${HOSO_APPLICATION_ID}`);
    }
  } catch (e) {
    sqlite.close();
    if (e instanceof HosoError) throw e;
    const code = sqliteCode(e);
    if (isUnwritableCode(code)) throw new HosoError('ARCHIVE_UNWRITABLE', unwritableDetail(file), { cause: e });
    if (isDiskFull(code, file)) throw new HosoError('ARCHIVE_DISK_FULL', literal(dirname(file)), { cause: e });
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new HosoError('ARCHIVE_LOCKED', undefined, { cause: e });
    throw new HosoError('ARCHIVE_CORRUPT', code ? literal(code) : undefined, { cause: e });
  }

  const db = drizzle(sqlite, { schema });
  return {
    file,
    db,
    sqlite,
    migrationBackup,
    nativeBinding: options.nativeBinding,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
