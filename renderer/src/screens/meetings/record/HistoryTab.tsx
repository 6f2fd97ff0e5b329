import { useEffect, useRef, useState } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { formatDateTime } from '../../../format/date';
import { ConfirmActionModal } from './ConfirmActionModal';
import { HistoryEntryCard } from './HistoryEntryCard';
import { MeetingTrashButton } from './MeetingTrashButton';
import { SealPanel } from './SealPanel';
import type { RecordTabProps } from './tabs';
import { useRecordWrite } from './useRecordWrite';

const HISTORY_LIMIT = 500;

/** Lịch sử: every change to the record, newest first; finalizing, the seal and moving to the trash sit on top. */
export function HistoryTab({ meetingId, version, onVersion, onReplaced }: RecordTabProps) {
  const { t } = useTranslation();
  const history = useApiQuery('meetings/history', { id: meetingId, offset: 0, limit: HISTORY_LIMIT });
  const record = useApiQuery('meetings/record', { id: meetingId, attendanceOrder: 'protocol' });
  const write = useRecordWrite(version, onVersion);
  const [restoring, setRestoring] = useState<HistoryEntry | null>(null);

  // Another tab (or this one) wrote: the history and the seal state are read again.
  const shownVersion = useRef(version);
  const { reload: reloadHistory } = history;
  const { reload: reloadRecord } = record;
  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    reloadHistory();
    reloadRecord();
  }, [version, reloadHistory, reloadRecord]);

  async function restore(entry: HistoryEntry) {
    const done = await write.run((v) =>
      call('meetings/restore-version', { id: meetingId, version: v, auditId: entry.id }).then((m) => ({
        meetingVersion: m.version,
      })),
    );
    setRestoring(null);
    // The meeting's own fields changed under the whole screen (header, Thông tin): it is loaded again.
    if (done) onReplaced();
  }

  const meeting = record.data?.meeting;
  const finalized = meeting?.status === 'finalized';
  // The seal panel, before and after finalizing: a change it makes shows in the history at once.
  const seal = {
    meetingId,
    version,
    onVersion,
    onChanged: () => {
      reloadRecord();
      reloadHistory();
    },
  };

  return (
    <Stack gap="md">
      {record.error && (
        <ErrorAlert error={record.error} title={t('errors.loadFailed')} onAction={reloadRecord} />
      )}
      {record.data && meeting && (
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start">
            {finalized ? (
              <div style={{ flex: 1 }}>
                <SealPanel
                  {...seal}
                  finalized
                  sealHash={record.data.sealHash}
                  sealedAt={record.data.sealedAt}
                />
              </div>
            ) : (
              <>
                <Text size="sm" c="dimmed" maw={560}>
                  {t('seal.draftHint')}
                </Text>
                <Group gap="sm">
                  <MeetingTrashButton meetingId={meetingId} version={version} />
                  <SealPanel
                    {...seal}
                    finalized={false}
                    sealHash={null}
                    sealedAt={null}
                    onFinalized={onReplaced}
                  />
                </Group>
              </>
            )}
          </Group>
        </Stack>
      )}
      <Title order={4}>{t('history.title')}</Title>
      {write.error && (
        <ErrorAlert error={write.error} title={t('history.restoreFailed')} onClose={write.clearError} />
      )}
      {history.error && (
        <ErrorAlert error={history.error} title={t('errors.loadFailed')} onAction={reloadHistory} />
      )}
      {!history.data && !history.error && <LoadingState />}
      {history.data?.rows.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('history.empty')}
        </Text>
      )}
      {history.data?.rows.map((entry) => (
        <HistoryEntryCard
          key={entry.id}
          entry={entry}
          canRestore={!finalized}
          onRestore={() => setRestoring(entry)}
        />
      ))}
      {history.data && history.data.total > history.data.rows.length && (
        <Text c="dimmed" size="sm">
          {t('history.more', { shown: history.data.rows.length, total: history.data.total })}
        </Text>
      )}
      <ConfirmActionModal
        opened={restoring !== null}
        title={t('history.restoreTitle')}
        message={t('history.restoreConfirm', { when: restoring ? formatDateTime(restoring.at) : '' })}
        confirmLabel={t('history.restore')}
        color="blue"
        loading={write.busy}
        onConfirm={() => restoring && void restore(restoring)}
        onClose={() => setRestoring(null)}
        confirmTestId="history-restore-confirm"
      />
    </Stack>
  );
}
