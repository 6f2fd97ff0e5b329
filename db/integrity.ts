import Database from 'better-sqlite3';
import type { Connection } from './open';
import { checkSearchIndex, type IndexCheck } from './search/indexer';

/**
 * SQLite's own checks of an archive file, for `hoso check`, the health page and backups: on the open
 * connection or on one of their own to a file (a backup's copy, an archive that is not open).
 */

/** Opens `file` read-only for `use` and closes it after, whatever happens. */
export function withReadOnlyConnection<T>(file: string, nativeBinding: string | undefined, use: (db: Connection) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** quick_check's lines: ['ok'] for a sound file, otherwise one line per problem. Seconds even for a large archive. */
export function quickCheck(sqlite: Connection): string[] {
  return (sqlite.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
}

/** integrity_check's lines: ['ok'] for a sound file, otherwise one line per problem (indexes included). */
export function integrityCheck(sqlite: Connection): string[] {
  return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}

/** Rows whose foreign key names a row that does not exist. */
export function foreignKeyCheck(sqlite: Connection): { table: string; rowid: number; parent: string }[] {
  return sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
}

/**
 * The search index check (db/search/indexer.ts) of an archive file. FTS5's structure check is issued as
 * an INSERT, which a read-only connection refuses although it changes nothing; it runs on its own
 * connection inside a transaction that is always rolled back.
 */
export function checkSearchIndexOfFile(file: string): IndexCheck {
  const rw = new Database(file, { fileMustExist: true });
  try {
    rw.pragma('busy_timeout = 5000');
    rw.exec('BEGIN');
    try {
      return checkSearchIndex({ sqlite: rw }, { words: true });
    } finally {
      rw.exec('ROLLBACK');
    }
  } finally {
    rw.close();
  }
}
