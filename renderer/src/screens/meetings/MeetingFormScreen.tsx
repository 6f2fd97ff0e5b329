import { useCallback, useEffect, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconCheck, IconDeviceFloppy, IconLock, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../electron/shared/contract';
import type { ErrorPayload } from '../../../../electron/shared/errors';
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
import { MeetingForm } from './MeetingForm';
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
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [handedOver] = useState(() => peekHandoff(id));
  const [form, setForm] = useState<Form | null>(() => {
    if (handedOver)
      return { meeting: handedOver, values: valuesOf(handedOver), baseline: valuesOf(handedOver) };
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

  useEffect(() => {
    if (id !== null) clearHandoff(id);
  }, [id]);

  useEffect(() => {
    if (id === null || (reloads === 0 && handedOver)) return;
    let live = true;
    call('meetings/get', { id }).then(
      (meeting) => {
        if (!live) return;
        setForm({ meeting, values: valuesOf(meeting), baseline: valuesOf(meeting) });
        setLoadError(null);
        setSaveError(null);
        setSubmitted(false);
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

  async function save() {
    if (!form || saving || readOnly) return;
    setSubmitted(true);
    if (hasErrors(validateMeeting(form.values))) return;
    setSaving(true);
    setSaveError(null);
    const fields = toFields(form.values);
    try {
      if (form.meeting === null) {
        const created = await call('meetings/create', fields);
        handOver(created);
        // Replace #/meetings/new so Back leads to the list, not to an empty form.
        navigate(hrefOf({ name: 'meeting', id: created.id }), { replace: true });
        return;
      }
      const stored = await call('meetings/update', {
        id: form.meeting.id,
        version: form.meeting.version,
        fields,
      });
      // Keep what the clerk typed meanwhile; only the stored copy and its version move on.
      setForm((cur) => (cur ? { ...cur, meeting: stored, baseline: valuesOf(stored) } : cur));
      setSavedAt(stored.updatedAt);
    } catch (e) {
      setSaveError(toErrorPayload(e));
    } finally {
      setSaving(false);
    }
  }

  useHotkeys([['mod+S', () => void save()]], []);

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
            const freshValues = valuesOf(fresh);
            if (!isMeetingDirty(freshValues, cur.baseline)) return { ...cur, meeting: fresh };
            if (!isMeetingDirty(cur.values, cur.baseline)) return { meeting: fresh, values: freshValues, baseline: freshValues };
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
              <SaveStatus dirty={dirty} savedAt={savedAt} invalid={submitted && hasErrors(allErrors)} />
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

function SaveStatus({
  dirty,
  savedAt,
  invalid,
}: {
  dirty: boolean;
  savedAt: number | null;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  if (invalid)
    return (
      <Text size="sm" c="red.7" data-testid="meeting-invalid">
        {t('common.fixErrors')}
      </Text>
    );
  if (dirty)
    return (
      <Text size="sm" c="orange.8" data-testid="meeting-dirty">
        {t('common.unsaved')} · {t('meetingForm.saveShortcut')}
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
