import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Meeting, MeetingFieldsInput } from '../../../../contract/contract';
import type { ErrorPayload } from '../../../../contract/errors';
import { call, toErrorPayload } from '../../api/client';
import { hrefOf } from '../../router/route';
import { navigate } from '../../router/useRoute';
import {
  blankMeeting,
  hasErrors,
  isMeetingDirty,
  toFields,
  validateMeeting,
  valuesOf,
  type MeetingFormErrors,
  type MeetingFormValues,
} from './meetingForm';
import { canonicalMinutesHtml } from './minutes/minutesSchema';
import { clearHandoff, handOver, peekHandoff } from './savedHandoff';

/** A stored meeting as form values, its minutes in the editor's own spelling (see canonicalMinutesHtml). */
const formValues = (meeting: Meeting) => valuesOf(meeting, canonicalMinutesHtml);

export interface DraftForm {
  /** The stored meeting; null while creating a new one. */
  meeting: Meeting | null;
  values: MeetingFormValues;
  /** What is stored, to tell whether the form holds unsaved changes. */
  baseline: MeetingFormValues;
}

const loaded = (meeting: Meeting): DraftForm => ({
  meeting,
  values: formValues(meeting),
  baseline: formValues(meeting),
});

/** What a save of an existing meeting sends. */
export interface PendingUpdate {
  id: string;
  version: number;
  fields: MeetingFieldsInput;
}

/**
 * The update a save would send now, or null when there is nothing to send: a new meeting (only Lưu
 * creates one), a finalized one, autosave stopped, nothing changed, or values the server would refuse.
 */
function pendingUpdate(cur: DraftForm | null, stopped: boolean): PendingUpdate | null {
  if (!cur?.meeting || cur.meeting.status === 'finalized' || stopped) return null;
  if (!isMeetingDirty(cur.values, cur.baseline) || hasErrors(validateMeeting(cur.values))) return null;
  return { id: cur.meeting.id, version: cur.meeting.version, fields: toFields(cur.values) };
}

export interface MeetingDraft {
  /** Null until the meeting has loaded. */
  form: DraftForm | null;
  readOnly: boolean;
  dirty: boolean;
  /** Every problem of the values as they are. */
  allErrors: MeetingFormErrors;
  /** The problems shown under the fields (before the first Lưu only a wrong time order). */
  errors: MeetingFormErrors;
  /** Lưu was pressed at least once. */
  submitted: boolean;
  saving: boolean;
  savedAt: number | null;
  /** Autosave stopped after VERSION_CONFLICT (or a finalized meeting): never retried until "Tải lại". */
  autosaveStopped: boolean;
  loadError: ErrorPayload | null;
  clearLoadError: () => void;
  saveError: ErrorPayload | null;
  clearSaveError: () => void;
  /** How many times the meeting was fetched again; the record tabs start afresh on each. */
  reloads: number;
  reload: () => void;
  change: (patch: Partial<MeetingFormValues>) => void;
  /** Lưu: creates a new meeting, or writes an existing one even after autosave stopped. */
  save: () => Promise<void>;
  /** Autosave: writes the latest values of an existing meeting when there is something to write. */
  flush: () => Promise<void>;
  /** A record tab wrote and the meeting's version moved on (see the comment at the function). */
  onVersion: (version: number) => void;
  /** For listeners outside React's render cycle: what a save would send now. */
  pending: () => PendingUpdate | null;
  /** Whether the form still holds changes that are not stored. */
  unsaved: () => boolean;
  /** The page is going away and the last values were sent another way: never send them again. */
  stopAutosave: () => void;
}

/**
 * The meeting form's data: loading, the values and what is stored, validation, and the writes. Saving an
 * existing meeting sends the version it was loaded at: if someone saved in between, the server answers
 * VERSION_CONFLICT and the clerk reloads instead of overwriting.
 */
export function useMeetingDraft(id: string | null, defaultKind: string): MeetingDraft {
  const [handedOver] = useState(() => peekHandoff(id));
  const [form, setForm] = useState<DraftForm | null>(() => {
    if (handedOver) return loaded(handedOver);
    if (id === null) {
      const blank = blankMeeting(defaultKind);
      return { meeting: null, values: blank, baseline: blank };
    }
    return null;
  });
  const [savedAt, setSavedAt] = useState<number | null>(handedOver?.updatedAt ?? null);
  const [loadError, setLoadError] = useState<ErrorPayload | null>(null);
  const [saveError, setSaveError] = useState<ErrorPayload | null>(null);
  const [saving, setSaving] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [reloads, setReloads] = useState(0);
  const [autosaveStopped, setAutosaveStopped] = useState(false);

  // Autosave runs outside React's render cycle (timers, blur, hashchange, pagehide), so it reads the
  // latest form through a ref. `inFlight` and `queued` keep to one save at a time: a flush during a save
  // only marks one more, which starts after it with the then-latest values and the version it returned.
  const formRef = useRef<DraftForm | null>(form);
  const stoppedRef = useRef(false);
  const inFlight = useRef(false);
  const queued = useRef(false);
  useLayoutEffect(() => {
    formRef.current = form;
  }, [form]);

  useEffect(() => {
    if (id !== null) clearHandoff(id);
  }, [id]);

  useEffect(() => {
    if (id === null || (reloads === 0 && handedOver)) return;
    let live = true;
    call('meetings/get', { id }).then(
      (meeting) => {
        if (!live) return;
        setForm(loaded(meeting));
        setLoadError(null);
        setSaveError(null);
        setSubmitted(false);
        stoppedRef.current = false;
        setAutosaveStopped(false);
      },
      (e: unknown) => {
        if (live) setLoadError(toErrorPayload(e));
      },
    );
    return () => {
      live = false;
    };
  }, [id, reloads, handedOver]);

  const readOnly = form?.meeting?.status === 'finalized';
  const dirty = form !== null && isMeetingDirty(form.values, form.baseline);
  const allErrors: MeetingFormErrors = form ? validateMeeting(form.values) : {};
  // Before the first save only a wrong time order is pointed out (it is noticed as soon as it is typed);
  // empty required fields are not flagged while the clerk is still filling the form in.
  const errors: MeetingFormErrors = submitted
    ? allErrors
    : allErrors.endTime === 'endBeforeStart'
      ? { endTime: 'endBeforeStart' }
      : {};

  /**
   * Writes the latest values of an existing meeting, with the version the form holds, exactly as a manual
   * save always did: a version moved on elsewhere answers VERSION_CONFLICT and nothing is overwritten.
   * Never two at once; nothing is sent when the form is unchanged, invalid, finalized, or after a conflict
   * (unless `explicit`: the clerk pressed Lưu).
   */
  const write = useCallback(async (explicit: boolean): Promise<void> => {
    if (inFlight.current) {
      queued.current = true;
      return;
    }
    inFlight.current = true;
    let force = explicit;
    try {
      do {
        queued.current = false;
        const cur = formRef.current;
        const update = pendingUpdate(cur, stoppedRef.current && !force);
        if (!update || !cur) break;
        force = false;
        setSaving(true);
        setSaveError(null);
        try {
          const stored = await call('meetings/update', update);
          // Keep what the clerk typed meanwhile; only the stored copy and its version move on. The ref
          // moves at once so a queued save sends the new version, not the one just used.
          const latest = formRef.current ?? cur;
          formRef.current = { ...latest, meeting: stored, baseline: formValues(stored) };
          setForm((f) => (f ? { ...f, meeting: stored, baseline: formValues(stored) } : f));
          setSavedAt(stored.updatedAt);
        } catch (e) {
          const error = toErrorPayload(e);
          // Never retried blindly: a conflict stops autosave until "Tải lại"; any other failure waits
          // for the next change, blur or Lưu.
          if (error.code === 'VERSION_CONFLICT' || error.code === 'MEETING_FINALIZED') {
            stoppedRef.current = true;
            setAutosaveStopped(true);
          }
          setSaveError(error);
          break;
        }
      } while (queued.current);
    } finally {
      inFlight.current = false;
      queued.current = false;
      setSaving(false);
    }
  }, []);

  const flush = useCallback(() => write(false), [write]);

  async function save() {
    const cur = formRef.current;
    if (!cur || cur.meeting?.status === 'finalized') return;
    setSubmitted(true);
    if (hasErrors(validateMeeting(cur.values))) return;
    if (cur.meeting !== null) {
      // Lưu is the clerk's explicit request, so it is sent even after a conflict stopped autosave; the
      // version the form holds did not move, so the server answers VERSION_CONFLICT until "Tải lại".
      await write(true);
      return;
    }
    if (saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      const created = await call('meetings/create', toFields(cur.values));
      handOver(created);
      // Replace #/meetings/new so Back leads to the list, not to an empty form.
      navigate(hrefOf({ name: 'meeting', id: created.id }), { replace: true });
    } catch (e) {
      setSaveError(toErrorPayload(e));
    } finally {
      setSaving(false);
    }
  }

  const reload = useCallback(() => setReloads((n) => n + 1), []);

  /**
   * Another tab wrote (or loaded and saw) a newer version of this meeting. Adopting it blindly could let
   * this form save stale basic fields over someone else's change, so the meeting is fetched once:
   * only its parts changed → take the new version, keep what the clerk typed; its basic fields changed
   * and the form is untouched → show the new values; they changed and the clerk has unsaved edits →
   * keep the old version, so saving answers VERSION_CONFLICT with "Tải lại" instead of overwriting.
   */
  const onVersion = useCallback(
    (version: number) => {
      if (id === null) return;
      void call('meetings/get', { id })
        .then((fresh) => {
          if (fresh.version !== version) return; // moved on again: that later call settles it
          setForm((cur) => {
            if (!cur?.meeting || cur.meeting.version === fresh.version) return cur;
            const freshValues = formValues(fresh);
            if (!isMeetingDirty(freshValues, cur.baseline)) return { ...cur, meeting: fresh };
            if (!isMeetingDirty(cur.values, cur.baseline)) return loaded(fresh);
            return cur;
          });
        })
        .catch(() => {
          // Not reachable now: the next save reports whatever is wrong.
        });
    },
    [id],
  );

  const change = useCallback(
    (patch: Partial<MeetingFormValues>) =>
      setForm((cur) => (cur ? { ...cur, values: { ...cur.values, ...patch } } : cur)),
    [],
  );
  const pending = useCallback(() => pendingUpdate(formRef.current, stoppedRef.current), []);
  const unsaved = useCallback(() => {
    const cur = formRef.current;
    return cur !== null && isMeetingDirty(cur.values, cur.baseline);
  }, []);
  const stopAutosave = useCallback(() => {
    stoppedRef.current = true;
  }, []);
  const clearLoadError = useCallback(() => setLoadError(null), []);
  const clearSaveError = useCallback(() => setSaveError(null), []);

  return {
    form,
    readOnly,
    dirty,
    allErrors,
    errors,
    submitted,
    saving,
    savedAt,
    autosaveStopped,
    loadError,
    clearLoadError,
    saveError,
    clearSaveError,
    reloads,
    reload,
    change,
    save,
    flush,
    onVersion,
    pending,
    unsaved,
    stopAutosave,
  };
}
