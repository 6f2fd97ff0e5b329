import type { ServiceContext } from '../context';
import type { HandlersOf } from './types';
import { getSettings, updateSettings } from '../../db/settings';
import { LOCK_GATE, LockGate } from '../lockState';

export type LockHandlers = HandlersOf<'lock'> & { [LOCK_GATE]: LockGate };

/**
 * `lock/*`: the app lock. The gate these handlers share with the dispatcher rides along under LOCK_GATE
 * (see lockState.ts). `options.now`/`enforce` are for tests; by default the lock is enforced wherever a
 * screen or a browser tab can reach the archive, not for direct calls (the CLI, run by whoever already
 * holds the file).
 */
export function createLockHandlers(ctx: ServiceContext, options: { now?: () => number; enforce?: boolean } = {}): LockHandlers {
  const gate = new LockGate(ctx.archive, { now: options.now, enforce: options.enforce ?? ctx.transport !== 'direct', actor: () => ctx.actor() });
  return {
    [LOCK_GATE]: gate,
    'lock/status': () => gate.status(),
    'lock/unlock': ({ password }) => gate.unlock(password),
    'lock/recover': ({ recoveryCode, newPassword }) => gate.recover(recoveryCode, newPassword),
    'lock/set': ({ currentPassword, newPassword, idleMinutes }) => gate.set(currentPassword, newPassword, idleMinutes),
    'lock/remove': ({ currentPassword }) => gate.remove(currentPassword),
    'lock/configure': ({ idleMinutes }) => gate.configure(idleMinutes),
    'lock/lock': () => gate.lockNow(),
  };
}

/** `settings/*` and `lock/*` (Cài đặt). The lock's secrets live in a settings row these never return or write. */
export function settingsHandlers(ctx: ServiceContext): HandlersOf<'settings' | 'lock'> & { [LOCK_GATE]: LockGate } {
  const a = ctx.archive;
  return {
    'settings/get': () => getSettings(a),
    'settings/update': (patch) => updateSettings(a, patch, ctx.actor()),
    ...createLockHandlers(ctx),
  };
}
