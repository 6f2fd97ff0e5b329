import type Database from 'better-sqlite3';
import { HosoError } from '../contract/errors';
import { literal } from '../contract/messages/message';

export interface Migration {
  tag: string;
  when: number;
  sql: string;
}

/**
 * The archive's schema version is `PRAGMA user_version`: the number of migrations applied. It is read
 * without touching anything, so a file written by a newer hoso is recognised and refused before any write.
 */
export function schemaVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies pending migrations, each in its own transaction together with its user_version bump, so a
 * crash leaves the archive at a whole version. Foreign keys are off during a migration (a table rebuild
 * would otherwise cascade) and `foreign_key_check` must come back empty before the commit.
 */
export function applyMigrations(sqlite: Database.Database, migrations: readonly Migration[]): number {
  const from = schemaVersion(sqlite);
  if (from > migrations.length) throw new HosoError('ARCHIVE_TOO_NEW');
  if (from === migrations.length) return 0;
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (let v = from; v < migrations.length; v++) {
      const migration = migrations[v]!;
      sqlite.transaction(() => {
        for (const statement of migration.sql.split('--> statement-breakpoint')) {
          if (statement.trim()) sqlite.exec(statement);
        }
        const violations = sqlite.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw new HosoError('MIGRATION_FAILED', literal(`${migration.tag}: ${violations.length} foreign key violations`));
        }
        sqlite.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return migrations.length - from;
}
