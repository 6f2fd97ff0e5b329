import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { useSettings } from '../../settings/settingsContext';
import { MeetingBackLink, MeetingHeader } from './MeetingHeader';
import { MeetingInfoForm } from './MeetingInfoForm';
import { RecordTabs } from './record/RecordTabs';
import { useLeaveGuard } from './useLeaveGuard';
import { useMeetingDraft } from './useMeetingDraft';
import { useSaveTriggers } from './useSaveTriggers';

/**
 * `#/meetings/new` and `#/meetings/<id>`. Mounted once per id (the router keys it), so the id never
 * changes under it. The data and its writes are useMeetingDraft's; this screen lays them out: the
 * header, what went wrong, and Thông tin alone (a new meeting) or as the first of the record's tabs.
 */
export function MeetingFormScreen({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const draft = useMeetingDraft(id, settings.meetingKinds[0] ?? '');
  useSaveTriggers(draft);
  useLeaveGuard(draft);
  const { form, readOnly, dirty, loadError, saveError, reload } = draft;

  if (loadError && !form) {
    return (
      <Stack>
        <MeetingBackLink />
        <ErrorAlert error={loadError} title={t('errors.loadFailed')} onAction={reload} />
      </Stack>
    );
  }
  if (!form) {
    return (
      <Stack>
        <MeetingBackLink />
        <LoadingState />
      </Stack>
    );
  }

  const infoForm = <MeetingInfoForm draft={draft} meetingKinds={settings.meetingKinds} />;
  const conflict = saveError?.code === 'VERSION_CONFLICT' || saveError?.code === 'MEETING_FINALIZED';

  return (
    <Stack gap="md" maw={1100}>
      <MeetingBackLink />
      <MeetingHeader meeting={form.meeting} readOnly={readOnly} />

      {saveError && conflict && (
        <ErrorAlert
          error={saveError}
          title={t('meetingForm.conflictTitle')}
          onAction={reload}
          actionLabel={t('common.reload')}
        >
          {dirty && <Text size="sm">{t('meetingForm.reloadDiscards')}</Text>}
        </ErrorAlert>
      )}
      {saveError && !conflict && (
        <ErrorAlert error={saveError} title={t('errors.saveFailed')} onClose={draft.clearSaveError} />
      )}
      {loadError && (
        <ErrorAlert error={loadError} title={t('errors.loadFailed')} onClose={draft.clearLoadError} />
      )}

      {form.meeting ? (
        <RecordTabs
          // A new key after finalize / restore-version: every tab starts again from the stored record.
          key={draft.reloads}
          onReplaced={reload}
          meetingId={form.meeting.id}
          version={form.meeting.version}
          onVersion={draft.onVersion}
          readOnly={readOnly}
          info={infoForm}
        />
      ) : (
        infoForm
      )}
    </Stack>
  );
}
