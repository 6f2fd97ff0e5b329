import type { Archive } from '../db/open';
import { readAppLock, writeAppLock, type AppLockRecord } from '../db/appLock';
import { getSettings } from '../db/settings';
import { CHANNELS_OPEN_WHILE_LOCKED, type LockStatus, type LockWithCode } from '../contract/lockContract';
import { HosoError } from '../contract/errors';
import { msg, type Message } from '../contract/messages/message';
import { hashSecret, newRecoveryCode, normalizeRecoveryCode, verifySecret } from './lockSecrets';

/** Wrong tries allowed before each further try has to wait. */
export const FREE_TRIES = 5;
/** The first wait, doubled after every further wrong try, up to the cap. */
export const FIRST_WAIT_MS = 30_000;
export const MAX_WAIT_MS = 15 * 60_000;

/** How long to wait after `failures` wrong tries in a row (0 while fewer than FREE_TRIES). */
export function waitAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return Math.min(FIRST_WAIT_MS * 2 ** (failures - FREE_TRIES), MAX_WAIT_MS);
}

function describeWait(ms: number): Message {
  const seconds = Math.ceil(ms / 1000);
  if (seconds <= 90) return msg('lockTries.waitSeconds', { n: seconds });
  return msg('lockTries.waitMinutes', { n: Math.ceil(seconds / 60) });
}

export interface LockGateOptions {
  /** The clock (tests move it forward instead of waiting). */
  now?: () => number;
  /**
   * Whether calls are refused while locked. The desktop app and the web host enforce it; direct calls
   * (the CLI run by whoever already holds the archive file) do not: the lock guards an unattended
   * screen and the web host, it is not encryption of the file.
   */
  enforce: boolean;
  /** Name written in the audit log. */
  actor: () => string;
}

/**
 * The lock's state in one process: locked or not, and the time of the last request. The password,
 * the recovery code and the count of wrong tries live in the archive (db/appLock.ts) and are read on
 * every call, so a backup restored over the archive brings its own lock with it.
 *
 * Checking a password is serialised: two tries sent at once are verified one after the other, so the
 * count of wrong tries and the wait cannot be outrun by sending many tries in parallel.
 */
export class LockGate {
  /** null until the first call: the app starts locked when a password is set. */
  private locked: boolean | null = null;
  private lastActivity: number;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  constructor(
    private readonly archive: Archive,
    private readonly options: LockGateOptions,
  ) {
    this.now = options.now ?? Date.now;
    // Nothing is read here: building the handlers must not touch the archive (the desktop app builds
    // them before its window exists, and tests build them over stand-ins).
    this.lastActivity = this.now();
  }

  private record() {
    return readAppLock(this.archive);
  }

  /** Locks at the first call when a password is set, and when the idle time has passed since the last request. */
  private applyIdle(record: AppLockRecord): boolean {
    if (record.password === null) this.locked = false;
    else if (this.locked === null) this.locked = true;
    else if (!this.locked && this.now() - this.lastActivity >= record.idleMinutes * 60_000) this.locked = true;
    return this.locked === true;
  }

  isLocked(): boolean {
    if (!this.options.enforce) return false;
    return this.applyIdle(this.record());
  }

  /**
   * The dispatcher asks before every call. False: refuse with APP_LOCKED. Every admitted call except
   * lock/status (which the UI polls to notice the idle lock) counts as the clerk being there.
   */
  admit(channel: string): boolean {
    if (!this.options.enforce) return true;
    const locked = this.applyIdle(this.record());
    if (locked && !(CHANNELS_OPEN_WHILE_LOCKED as readonly string[]).includes(channel)) return false;
    if (channel !== 'lock/status') this.lastActivity = this.now();
    return true;
  }

  status(): LockStatus {
    const record = this.record();
    const locked = this.applyIdle(record);
    return {
      enabled: record.password !== null,
      locked: this.options.enforce && locked,
      idleMinutes: record.idleMinutes,
      failedAttempts: record.failedAttempts,
      retryAfterMs: Math.max(0, record.blockedUntil - this.now()),
      language: getSettings(this.archive).language,
    };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Checks a secret with the wait after wrong tries enforced here, not in the UI: during the wait the
   * secret is not even looked at. A wrong one is counted (and may start or lengthen the wait); a right
   * one clears the count.
   */
  private async checkSecret(kind: 'password' | 'recovery', secret: string): Promise<AppLockRecord> {
    const before = this.record();
    if (before.password === null) throw new HosoError('LOCK_NOT_SET');
    const waitMs = before.blockedUntil - this.now();
    if (waitMs > 0) throw new HosoError('LOCK_WAIT', describeWait(waitMs));
    const stored = kind === 'password' ? before.password : before.recovery;
    const given = kind === 'password' ? secret : normalizeRecoveryCode(secret);
    const right = stored !== null && (await verifySecret(given, stored));
    const record = this.record();
    if (right) {
      if (record.failedAttempts === 0 && record.blockedUntil === 0) return record;
      const cleared = { ...record, failedAttempts: 0, blockedUntil: 0 };
      writeAppLock(this.archive, cleared, null, this.now());
      return cleared;
    }
    const failures = record.failedAttempts + 1;
    const wait = waitAfter(failures);
    writeAppLock(this.archive, { ...record, failedAttempts: failures, blockedUntil: wait ? this.now() + wait : 0 }, null, this.now());
    const code = kind === 'password' ? 'LOCK_WRONG_PASSWORD' : 'LOCK_WRONG_RECOVERY_CODE';
    if (wait) throw new HosoError(code, msg('lockTries.failedWait', { n: failures, wait: describeWait(wait) }));
    throw new HosoError(code, failures >= 2 ? msg('lockTries.failed', { n: failures, free: FREE_TRIES }) : undefined);
  }

  private opened(): LockStatus {
    this.locked = false;
    this.lastActivity = this.now();
    return this.status();
  }

  unlock(password: string): Promise<LockStatus> {
    return this.serial(async () => {
      await this.checkSecret('password', password);
      return this.opened();
    });
  }

  /** A new password and a new recovery code: the code used here stops working. */
  private async replacePassword(record: AppLockRecord, newPassword: string, action: string, idleMinutes?: number): Promise<LockWithCode> {
    const recoveryCode = newRecoveryCode();
    const [password, recovery] = await Promise.all([hashSecret(newPassword), hashSecret(normalizeRecoveryCode(recoveryCode))]);
    const next = { ...record, password, recovery, idleMinutes: idleMinutes ?? record.idleMinutes, failedAttempts: 0, blockedUntil: 0 };
    writeAppLock(this.archive, next, { actor: this.options.actor(), action }, this.now());
    return { status: this.opened(), recoveryCode };
  }

  recover(recoveryCode: string, newPassword: string): Promise<LockWithCode> {
    return this.serial(async () => {
      const record = await this.checkSecret('recovery', recoveryCode);
      return this.replacePassword(record, newPassword, 'lock-recover');
    });
  }

  /** The first password (nothing to check), or a change (the current password must be right). */
  set(currentPassword: string, newPassword: string, idleMinutes?: number): Promise<LockWithCode> {
    return this.serial(async () => {
      const existing = this.record();
      if (existing.password === null) return this.replacePassword(existing, newPassword, 'lock-set', idleMinutes);
      const record = await this.checkSecret('password', currentPassword);
      return this.replacePassword(record, newPassword, 'lock-change', idleMinutes);
    });
  }

  remove(currentPassword: string): Promise<LockStatus> {
    return this.serial(async () => {
      const record = await this.checkSecret('password', currentPassword);
      writeAppLock(
        this.archive,
        { ...record, password: null, recovery: null, failedAttempts: 0, blockedUntil: 0 },
        { actor: this.options.actor(), action: 'lock-remove' },
        this.now(),
      );
      return this.opened();
    });
  }

  configure(idleMinutes: number): LockStatus {
    const record = this.record();
    if (record.idleMinutes !== idleMinutes) {
      writeAppLock(this.archive, { ...record, idleMinutes }, { actor: this.options.actor(), action: 'lock-configure' }, this.now());
    }
    return this.status();
  }

  lockNow(): LockStatus {
    if (this.record().password === null) throw new HosoError('LOCK_NOT_SET');
    this.locked = true;
    return this.status();
  }
}

/**
 * How the dispatcher finds the gate among the handlers: createLockHandlers puts it under this symbol,
 * and object spread (`...createLockHandlers(ctx)` in handlers.ts) carries symbol keys along. The
 * desktop app, the web host and the tests thus get enforcement from the same createHandlers() they
 * already call, without another parameter to forget.
 */
export const LOCK_GATE = Symbol('hoso.lockGate');
