import { useEffect, useLayoutEffect, useRef } from 'react';
import { useHotkeys } from '@mantine/hooks';
import type { MeetingDraft } from './useMeetingDraft';

const AUTOSAVE_DELAY_MS = 1500;

/**
 * When the meeting form writes without being asked: about 1.5 s after the last change, at once when the
 * clerk leaves the meeting inside the app, and Lưu on Ctrl+S. (A field left flushes too: the form's own
 * blur handler, see MeetingInfoForm.)
 */
export function useSaveTriggers(draft: MeetingDraft): void {
  const { form, readOnly, autosaveStopped, flush, save } = draft;

  // Debounced autosave of an existing meeting. A new meeting is only created by Lưu, so a half-typed
  // draft never becomes a record.
  const values = form?.values;
  const existing = form?.meeting != null;
  useEffect(() => {
    if (!existing || readOnly || autosaveStopped || values === undefined) return;
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [values, existing, readOnly, autosaveStopped, flush]);

  // Leaving the meeting inside the app (any hash change, including the nav links) and unmounting flush
  // at once; the save carries on after the screen is gone.
  useEffect(() => {
    const onHash = () => void flush();
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      void flush();
    };
  }, [flush]);

  // The hotkey is bound once; it calls the save of the latest render.
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });
  useHotkeys([['mod+S', () => void saveRef.current()]], []);
}
