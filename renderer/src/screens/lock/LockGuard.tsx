import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockStatus } from '../../../../contract/lockContract';
import { api, onAppLocked, reportUnlocked, waitForUnlock } from '../../api/client';
import { LockScreen } from './LockScreen';

/** How often an open app asks whether the service has locked it for idleness (lock/status is not activity). */
const POLL_MS = 15_000;

/**
 * Wraps the whole app (above the settings, which cannot be read while locked). The service decides:
 * the lock screen shows when lock/status says locked, when any call answers APP_LOCKED (api/client.ts),
 * or when polling finds the idle lock fell. The app underneath stays mounted but hidden and inert, so
 * unsaved typing is still there after the password, and the calls held meanwhile complete.
 */
export function LockGuard({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const [status, setStatus] = useState<LockStatus | null>(null);

  useEffect(() => {
    const refresh = () =>
      void api.invoke('lock/status', {}).then((reply) => {
        if (!reply.ok) return;
        setStatus(reply.data);
        // Hold every other call from now on, until the lock screen opens the app; opened elsewhere (another
        // tab of the web host), release what was held here.
        if (reply.data.locked) {
          void waitForUnlock();
          // The settings (and with them the language) load only after the password.
          if (i18n.language !== reply.data.language) void i18n.changeLanguage(reply.data.language);
        } else reportUnlocked();
      });
    refresh();
    const stop = onAppLocked(refresh);
    const timer = setInterval(refresh, POLL_MS);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [i18n]);

  const unlocked = useCallback(() => {
    setStatus((s) => (s ? { ...s, locked: false, failedAttempts: 0, retryAfterMs: 0 } : s));
    reportUnlocked();
  }, []);

  const locked = status?.locked ?? false;
  return (
    <>
      <div hidden={locked} inert={locked} aria-hidden={locked} data-testid="app-content">
        {children}
      </div>
      {locked && status && <LockScreen key="lock" status={status} onUnlocked={unlocked} />}
    </>
  );
}
