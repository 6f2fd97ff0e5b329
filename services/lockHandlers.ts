import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { lockChannels } from '../contract/lockContract';
import { LOCK_GATE, LockGate } from './lockState';
import { healthStatus, verifyArchive } from './health';

type LockChannel = keyof typeof lockChannels;
export type LockHandlers = { [C in LockChannel]: Handler<C> } & { [LOCK_GATE]: LockGate };

/**
 * Handlers of `lock/*` (the app lock) and `health/*` (Cài đặt → Tình trạng kho). The gate they share
 * with the dispatcher rides along under LOCK_GATE (see lockState.ts). `options.now`/`enforce` are for
 * tests; by default the lock is enforced wherever a screen or a browser tab can reach the archive.
 */
export function createLockHandlers(ctx: ServiceContext, options: { now?: () => number; enforce?: boolean } = {}): LockHandlers {
  const a = ctx.archive;
  const gate = new LockGate(a, { now: options.now, enforce: options.enforce ?? ctx.transport !== 'direct', actor: () => ctx.actor() });
  return {
    [LOCK_GATE]: gate,
    'lock/status': () => gate.status(),
    'lock/unlock': ({ password }) => gate.unlock(password),
    'lock/recover': ({ recoveryCode, newPassword }) => gate.recover(recoveryCode, newPassword),
    'lock/set': ({ currentPassword, newPassword, idleMinutes }) => gate.set(currentPassword, newPassword, idleMinutes),
    'lock/remove': ({ currentPassword }) => gate.remove(currentPassword),
    'lock/configure': ({ idleMinutes }) => gate.configure(idleMinutes),
    'lock/lock': () => gate.lockNow(),
    'health/status': () => healthStatus(a),
    'health/verify': ({ full }) => verifyArchive(a, full),
  };
}
