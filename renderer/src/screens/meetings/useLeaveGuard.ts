import { useEffect } from 'react';
import { createCloseGuard } from './closeGuard';
import type { MeetingDraft } from './useMeetingDraft';

/**
 * The last values are not lost when the page itself goes away: the desktop window closing or the app
 * quitting (the first close waits for the save, closeGuard.ts), or the browser tab closing or reloading
 * under the web host (sendBeacon).
 */
export function useLeaveGuard({ flush, pending, unsaved, stopAutosave, reload }: MeetingDraft): void {
  useEffect(() => {
    if (!window.archive) return;
    const onBeforeUnload = createCloseGuard({
      pending: () => pending() !== null,
      save: async () => {
        await flush();
        return !unsaved();
      },
      close: () => window.close(),
    });
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [flush, pending, unsaved]);

  // In a browser served by the web host an in-page request may be cut off, so the last values go by
  // sendBeacon (same origin: the session cookie and the JSON content type pass the host's checks), with
  // the same version as any save, so a conflict still refuses it.
  useEffect(() => {
    if (window.archive) return;
    const onLeave = () => {
      const update = pending();
      if (!update) return;
      const json = JSON.stringify(update);
      navigator.sendBeacon('/api/meetings/update', new Blob([json], { type: 'application/json' }));
      // Sent once: the page is going away, and a second beacon would only meet VERSION_CONFLICT.
      stopAutosave();
    };
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) reload(); // back from the bfcache: take what the beacon stored
    };
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pageshow', onShow);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pageshow', onShow);
    };
  }, [pending, stopAutosave, reload]);
}
