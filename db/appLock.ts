import { z } from 'zod';
import type { Archive } from './open';
import { appendAudit } from './audit';
import { DEFAULT_IDLE_MINUTES } from '../contract/lockContract';

/**
 * The app lock's record, kept in the settings table under a key that is not part of the `Settings`
 * contract object: getSettings() reads only the keys it knows and updateSettings() writes only those,
 * so `settings/get` can never return it and `settings/update` can never overwrite it. A row rather
 * than a table: no migration, and it travels with backups and restores like the other settings (a
 * restored archive asks for the password it had).
 *
 * It holds only derived secrets (scrypt hashes with their salt and parameters) and the count of wrong
 * tries, so that restarting the app does not reset the wait after five wrong passwords.
 */
export const APP_LOCK_KEY = 'appLock';

const ScryptHash = z.object({
  /** base64 */
  salt: z.string(),
  /** base64 */
  hash: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
});
export type ScryptHash = z.output<typeof ScryptHash>;

const AppLockRecord = z.object({
  password: ScryptHash.nullable(),
  recovery: ScryptHash.nullable(),
  idleMinutes: z.number().int(),
  failedAttempts: z.number().int().min(0),
  /** ms epoch; no try is checked before it. */
  blockedUntil: z.number(),
});
export type AppLockRecord = z.output<typeof AppLockRecord>;

export const NO_LOCK: AppLockRecord = {
  password: null,
  recovery: null,
  idleMinutes: DEFAULT_IDLE_MINUTES,
  failedAttempts: 0,
  blockedUntil: 0,
};

/**
 * The stored record, or NO_LOCK when there is none. A row that no longer parses is not treated as "no
 * password" (that would be a back door: damage the row, get in) but as a lock nobody can open with a
 * password: the recovery code cannot match either, so the clerk is told to restore a backup.
 */
export function readAppLock(archive: Pick<Archive, 'sqlite'>): AppLockRecord & { damaged: boolean } {
  const row = archive.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(APP_LOCK_KEY) as { value: string } | undefined;
  if (!row) return { ...NO_LOCK, damaged: false };
  try {
    return { ...AppLockRecord.parse(JSON.parse(row.value)), damaged: false };
  } catch {
    return { ...NO_LOCK, password: { salt: '', hash: '', N: 0, r: 0, p: 0 }, damaged: true };
  }
}

export interface LockChange {
  actor: string;
  /** lock-set, lock-change, lock-remove, lock-recover, lock-configure: no secret goes into the log. */
  action: string;
}

/**
 * Writes the record, with its audit entry in the same transaction when `change` says what the clerk
 * did (a counted wrong try is bookkeeping, not a change of the archive's content, and is not logged).
 */
export function writeAppLock(archive: Archive, record: AppLockRecord, change: LockChange | null, now: number = Date.now()): void {
  archive.sqlite.transaction(() => {
    archive.sqlite
      .prepare(
        'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
      )
      .run(APP_LOCK_KEY, JSON.stringify(AppLockRecord.parse(record)), now);
    if (change) {
      appendAudit(
        archive,
        {
          actor: change.actor,
          action: change.action,
          entity: 'app-lock',
          entityId: 'app-lock',
          after: { enabled: record.password !== null, idleMinutes: record.idleMinutes },
        },
        now,
      );
    }
  })();
}
