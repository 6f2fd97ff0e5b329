import Database from 'better-sqlite3';
import type { Archive, Connection } from './open';
import { rebuildSearchIndex } from './search/indexer';

/**
 * The SQLite copy that goes into a bag: a consistent snapshot through SQLite's online backup API (taken
 * while the app may be writing), switched out of WAL so it is one self-contained file. Everything else
 * in the bag (meeting JSON, pages, the photo list) is read from this copy, not from the live archive,
 * so the whole bag describes one moment even if a clerk saves a change during the export.
 */
export async function takeSnapshot(
  archive: Archive,
  dest: string,
  nativeBinding?: string,
): Promise<Connection> {
  // 4096 pages (16 MB) per step rather than better-sqlite3's 100: a 1.7 GB archive in 400 steps, not
  // 17 000, each still short enough for the event loop (progress, cancel) to keep its turn.
  await archive.sqlite.backup(dest, { progress: () => 4096 });
  // A second connection needs the addon built for this runtime: Node's own by default (CLI, web host,
  // tests); the desktop app passes its Electron build (the same path openArchive was given).
  const db = new Database(dest, { fileMustExist: true, nativeBinding });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Cuts a snapshot down to the meetings `keepIds` when only part of the archive is exported: the other
 * meetings (their attendance, photos, conclusions, documents and tags go with them by cascade), their
 * notices and their audit entries are deleted, the search index is rebuilt, and VACUUM rewrites the file
 * so no deleted text lingers in free pages: a stick carrying "the 2024 meetings" must not also carry a
 * secret 2023 record in its slack space. The audit chain of such a copy is shortened (its hashes no
 * longer link); bag-info.txt says so.
 */
export function pruneSnapshot(db: Connection, keepIds: readonly string[]): void {
  db.transaction(() => {
    db.exec('CREATE TEMP TABLE keep_meetings (id TEXT PRIMARY KEY)');
    const ins = db.prepare('INSERT OR IGNORE INTO keep_meetings (id) VALUES (?)');
    for (const id of keepIds) ins.run(id);
    db.exec(`
      DELETE FROM notices WHERE meeting_id IS NOT NULL AND meeting_id NOT IN (SELECT id FROM keep_meetings);
      DELETE FROM meetings WHERE id NOT IN (SELECT id FROM keep_meetings);
      DELETE FROM audit_log WHERE (entity = 'meeting' AND entity_id NOT IN (SELECT id FROM keep_meetings))
                               OR (entity = 'photo' AND entity_id NOT IN (SELECT id FROM photos));
      DROP TABLE keep_meetings;
    `);
    rebuildSearchIndex({ sqlite: db });
  })();
  db.exec('VACUUM');
}

/** integrity_check of the finished copy; a copy that fails is never put in a bag. */
export function checkSnapshot(db: Connection): void {
  const check = db.pragma('integrity_check', { simple: true });
  if (check !== 'ok') throw new Error(`snapshot integrity_check: ${String(check)}`);
}

/**
 * The snapshot as an export's worker thread reads it (services/archive/meetingFilesWorker.ts): its own
 * read-only connection. The snapshot is a private copy on the local disk that nothing writes to while
 * workers read it: mapping it saves a system call per page read (about a third of the reading time at
 * 100 000 meetings).
 */
export function openSnapshotForReading(file: string, nativeBinding?: string): Connection {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  db.pragma('mmap_size = 4294967296');
  return db;
}

