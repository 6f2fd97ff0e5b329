import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconDeviceFloppy, IconLock, IconPencil } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { MINUTES_MAX_CHARS, type Meeting } from '../../../../contract/contract';
import type { ErrorPayload } from '../../../../contract/errors';
import { call, toErrorPayload } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { formatClock, formatDateTime } from '../../format/date';
import { hrefOf } from '../../router/route';
import { navigate } from '../../router/useRoute';
import { useSettings } from '../../settings/settingsContext';
import {
  blankMeeting,
  hasErrors,
  isMeetingDirty,
  kindOptions,
  toFields,
  validateMeeting,
  valuesOf,
  type MeetingFormErrors,
  type MeetingFormValues,
} from './meetingForm';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';
import { MeetingForm } from './MeetingForm';
import { createCloseGuard } from './closeGuard';
import { canonicalMinutesHtml } from './minutes/minutesSchema';

/** A stored meeting as form values, its minutes in the editor's own spelling (see canonicalMinutesHtml). */
const formValues = (meeting: Meeting) => valuesOf(meeting, canonicalMinutesHtml);
import { RecordTabs } from './record/RecordTabs';
import { clearHandoff, handOver, peekHandoff } from './savedHandoff';

interface Form {
  /** The stored meeting; null while creating a new one. */
  meeting: Meeting | null;
  values: MeetingFormValues;
  /** What is stored, to tell whether the form holds unsaved changes. */
  baseline: MeetingFormValues;
}

/**
 * `#/meetings/new` and `#/meetings/<id>`. Mounted once per id (the router keys it), so the id never
 * changes under it. Saving an existing meeting sends the version it was loaded at: if someone saved in
 * between, the server answers VERSION_CONFLICT and the clerk reloads instead of overwriting.
 */
export function MeetingFormScreen({ id }: { id: string | null }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const [handedOver] = useState(() => peekHandoff(id));
  const [form, setForm] = useState<Form | null>(() => {
    if (handedOver)
      return { meeting: handedOver, values: formValues(handedOver), baseline: formValues(handedOver) };
    if (id === null) {
      const blank = blankMeeting(settings.meetingKinds[0] ?? '');
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
  /** Autosave stopped after VERSION_CONFLICT (or a finalized meeting): never retried until "Tải lại". */
  const [autosaveStopped, setAutosaveStopped] = useState(false);

  // Autosave runs outside React's render cycle (timers, blur, hashchange, pagehide), so it reads the
  // latest form through a ref. `inFlight` and `queued` keep to one save at a time: a flush during a save
  // only marks one more, which starts after it with the then-latest values and the version it returned.
  const formRef = useRef<Form | null>(form);
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
        setForm({ meeting, values: formValues(meeting), baseline: formValues(meeting) });
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
   * Never two at once; nothing is sent when the form is unchanged, invalid, finalized, or after a conflict.
   */
  const flush = useCallback(async (explicit = false): Promise<void> => {
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
        if (!cur?.meeting || cur.meeting.status === 'finalized' || (stoppedRef.current && !force)) break;
        if (!isMeetingDirty(cur.values, cur.baseline) || hasErrors(validateMeeting(cur.values))) break;
        force = false;
        setSaving(true);
        setSaveError(null);
        try {
          const stored = await call('meetings/update', {
            id: cur.meeting.id,
            version: cur.meeting.version,
            fields: toFields(cur.values),
          });
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

  async function save() {
    const cur = formRef.current;
    if (!cur || cur.meeting?.status === 'finalized') return;
    setSubmitted(true);
    if (hasErrors(validateMeeting(cur.values))) return;
    if (cur.meeting !== null) {
      // Lưu is the clerk's explicit request, so it is sent even after a conflict stopped autosave; the
      // version the form holds did not move, so the server answers VERSION_CONFLICT until "Tải lại".
      await flush(true);
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
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  // Debounced autosave of an existing meeting, ~1.5 s after the last change. A new meeting is only
  // created by Lưu, so a half-typed draft never becomes a record.
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

  // Closing the desktop window or quitting: the first close waits for the save (closeGuard.ts).
  useEffect(() => {
    if (!window.archive) return;
    const onBeforeUnload = createCloseGuard({
      pending: () => {
        const cur = formRef.current;
        if (!cur?.meeting || cur.meeting.status === 'finalized' || stoppedRef.current) return false;
        return isMeetingDirty(cur.values, cur.baseline) && !hasErrors(validateMeeting(cur.values));
      },
      save: async () => {
        await flush();
        const cur = formRef.current;
        return !cur || !isMeetingDirty(cur.values, cur.baseline);
      },
      close: () => window.close(),
    });
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [flush]);

  // Closing or reloading the page. In a browser served by the web host an in-page request may be cut
  // off, so the last values go by sendBeacon (same origin: the session cookie and the JSON content type
  // pass the host's checks), with the same version as any save, so a conflict still refuses it.
  useEffect(() => {
    if (window.archive) return;
    const onLeave = () => {
      const cur = formRef.current;
      if (!cur?.meeting || cur.meeting.status === 'finalized' || stoppedRef.current) return;
      if (!isMeetingDirty(cur.values, cur.baseline) || hasErrors(validateMeeting(cur.values))) return;
      const json = JSON.stringify({
        id: cur.meeting.id,
        version: cur.meeting.version,
        fields: toFields(cur.values),
      });
      navigator.sendBeacon('/api/meetings/update', new Blob([json], { type: 'application/json' }));
      // Sent once: the page is going away, and a second beacon would only meet VERSION_CONFLICT.
      stoppedRef.current = true;
    };
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) setReloads((n) => n + 1); // back from the bfcache: take what the beacon stored
    };
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    window.addEventListener('pageshow', onShow);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      window.removeEventListener('pageshow', onShow);
    };
  }, []);

  useHotkeys([['mod+S', () => void saveRef.current()]], []);

  const reloadRecord = useCallback(() => setReloads((n) => n + 1), []);

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
            if (!isMeetingDirty(cur.values, cur.baseline))
              return { meeting: fresh, values: freshValues, baseline: freshValues };
            return cur;
          });
        })
        .catch(() => {
          // Not reachable now: the next save reports whatever is wrong.
        });
    },
    [id],
  );

  const back = (
    <Anchor href={hrefOf({ name: 'meetings' })} size="sm" data-testid="meeting-back">
      <Group gap={4} component="span">
        <IconArrowLeft size={16} />
        {t('meetingForm.back')}
      </Group>
    </Anchor>
  );

  if (loadError && !form) {
    return (
      <Stack>
        {back}
        <ErrorAlert
          error={loadError}
          title={t('errors.loadFailed')}
          onAction={() => setReloads((n) => n + 1)}
        />
      </Stack>
    );
  }
  if (!form) {
    return (
      <Stack>
        {back}
        <LoadingState />
      </Stack>
    );
  }

  const infoForm = (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      // A field left: save at once (after React applied that field's own blur, e.g. "14h30" → "14:30").
      onBlur={() => {
        if (form.meeting) window.setTimeout(() => void flush(), 0);
      }}
      noValidate
    >
      <Paper withBorder p="lg" radius="md">
        <Stack gap="lg">
          <MeetingForm
            values={form.values}
            errors={errors}
            kinds={kindOptions(settings.meetingKinds, form.values.kind)}
            readOnly={readOnly}
            onChange={(patch) =>
              setForm((cur) => (cur ? { ...cur, values: { ...cur.values, ...patch } } : cur))
            }
          />
          {!readOnly && (
            <Group gap="md">
              <Button
                type="submit"
                loading={saving}
                leftSection={<IconDeviceFloppy size={18} />}
                data-testid="meeting-save"
              >
                {t('common.save')}
              </Button>
              <SaveStatus
                dirty={dirty}
                saving={saving}
                savedAt={savedAt}
                invalid={submitted && hasErrors(allErrors)}
                reason={form.meeting && dirty ? firstError(allErrors, t, i18n.language) : null}
                stopped={autosaveStopped}
              />
            </Group>
          )}
        </Stack>
      </Paper>
    </form>
  );

  const conflict = saveError?.code === 'VERSION_CONFLICT' || saveError?.code === 'MEETING_FINALIZED';
  const heading = form.meeting ? form.meeting.title : t('meetingForm.newTitle');

  return (
    <Stack gap="md" maw={1100}>
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} miw={0}>
          <Title order={2} lineClamp={2} data-testid="meeting-heading">
            {heading}
          </Title>
          {form.meeting && (
            <Text size="sm" c="dimmed">
              {t('meetingForm.updatedAt', { when: formatDateTime(form.meeting.updatedAt) })}
            </Text>
          )}
        </Stack>
        {form.meeting && (
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {form.meeting.secrecy !== 'thuong' && (
              // The stored level (not the unsaved choice): what the record is classified as now.
              <Badge size="lg" color="red" variant="filled" data-testid="meeting-secrecy-badge">
                {t(`history.secrecy.${form.meeting.secrecy}`).toLocaleUpperCase('vi')}
              </Badge>
            )}
            <Badge
              size="lg"
              variant="light"
              color={readOnly ? 'teal' : 'gray'}
              leftSection={readOnly ? <IconLock size={14} /> : <IconPencil size={14} />}
              style={{ flexShrink: 0 }}
              data-testid="meeting-status"
            >
              {readOnly ? t('meetings.status.finalized') : t('meetings.status.draft')}
            </Badge>
          </Group>
        )}
      </Group>

      {readOnly && (
        <Text c="teal.8" size="sm" data-testid="meeting-finalized">
          {t('meetingForm.finalized')}
        </Text>
      )}

      {saveError && conflict && (
        <ErrorAlert
          error={saveError}
          title={t('meetingForm.conflictTitle')}
          onAction={() => setReloads((n) => n + 1)}
          actionLabel={t('common.reload')}
        >
          {dirty && <Text size="sm">{t('meetingForm.reloadDiscards')}</Text>}
        </ErrorAlert>
      )}
      {saveError && !conflict && (
        <ErrorAlert error={saveError} title={t('errors.saveFailed')} onClose={() => setSaveError(null)} />
      )}
      {loadError && (
        <ErrorAlert error={loadError} title={t('errors.loadFailed')} onClose={() => setLoadError(null)} />
      )}

      {form.meeting ? (
        <RecordTabs
          // A new key after finalize / restore-version: every tab starts again from the stored record.
          key={reloads}
          onReplaced={reloadRecord}
          meetingId={form.meeting.id}
          version={form.meeting.version}
          onVersion={onVersion}
          readOnly={readOnly}
          info={infoForm}
        />
      ) : (
        infoForm
      )}
    </Stack>
  );
}

const AUTOSAVE_DELAY_MS = 1500;

/** Why the form cannot be saved as it is, in words, for the autosave indicator. */
function firstError(errors: MeetingFormErrors, t: TFunction, language: string): string | null {
  const code = Object.values(errors)[0];
  return code
    ? t(`meetingForm.error.${code}`, { max: formatCount(MINUTES_MAX_CHARS, toLanguage(language)) })
    : null;
}

function SaveStatus({
  dirty,
  saving,
  savedAt,
  invalid,
  reason,
  stopped,
}: {
  dirty: boolean;
  saving: boolean;
  savedAt: number | null;
  invalid: boolean;
  reason: string | null;
  stopped: boolean;
}) {
  const { t } = useTranslation();
  if (invalid)
    return (
      <Text size="sm" c="red.7" data-testid="meeting-invalid">
        {t('common.fixErrors')}
      </Text>
    );
  if (saving)
    return (
      <Text size="sm" c="dimmed" data-testid="meeting-saving">
        {t('autosave.saving')}
      </Text>
    );
  if (dirty)
    return (
      <Text size="sm" c="orange.8" data-testid="meeting-dirty">
        {stopped
          ? t('autosave.stopped')
          : reason
            ? t('autosave.invalid', { reason })
            : `${t('autosave.unsaved')} · ${t('meetingForm.saveShortcut')}`}
      </Text>
    );
  if (savedAt !== null)
    return (
      <Group gap={4} c="teal.8" data-testid="meeting-saved">
        <IconCheck size={16} />
        <Text size="sm" inherit>
          {t('meetingForm.savedAt', { time: formatClock(savedAt) })}
        </Text>
      </Group>
    );
  return null;
}
