import { useEffect, useRef } from 'react';
import { onCallSucceeded } from '../api/client';
import { confirmationOf } from '../api/confirmations';
import { useNotify } from '../api/useNotify';

/**
 * Listens once, for the whole app, to every successful call and answers the saves, deletes, restores
 * and finished long jobs of api/confirmations.ts with a toast. Renders nothing itself.
 */
export function Confirmations() {
  const notify = useNotify();
  const seenJobs = useRef(new Set<string>());
  useEffect(
    () =>
      onCallSucceeded((channel, data) => {
        const key = confirmationOf(channel, data, seenJobs.current);
        if (key) notify(key);
      }),
    [notify],
  );
  return null;
}
