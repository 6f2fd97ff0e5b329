import { useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useRecordWrite } from './useRecordWrite';

interface Props {
  meetingId: string;
  version: number;
  onVersion: (v: number) => void;
  onDone: () => void;
  onClose: () => void;
}

/**
 * Đính chính: a finalized record is changed only with a written reason, kept in its history, and
 * sealed again. Here: the text of one conclusion.
 */
export function CorrectionModal({ meetingId, version, onVersion, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const list = useApiQuery('conclusions/list', { meetingId });
  const write = useRecordWrite(version, onVersion);
  const [id, setId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const rows = list.data?.rows ?? [];
  const row = rows.find((r) => r.id === id) ?? null;
  const ready = row !== null && text.trim() !== '' && text.trim() !== row.text && reason.trim() !== '';

  async function save() {
    if (!row || !ready) return;
    const done = await write.run((v) =>
      call('meetings/correct', {
        id: meetingId,
        version: v,
        reason: reason.trim(),
        change: {
          kind: 'conclusions/update',
          id: row.id,
          fields: {
            text: text.trim(),
            isTask: row.isTask,
            assigneePersonId: row.assigneePersonId,
            assigneeUnit: row.assigneeUnit,
            deadline: row.deadline,
            taskStatus: row.taskStatus,
          },
        },
      }),
    );
    if (done) onDone();
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('seal.correctTitle')}>
      <Stack>
        <Text size="sm">{t('seal.correctExplain')}</Text>
        {list.error && (
          <ErrorAlert error={list.error} title={t('errors.loadFailed')} onAction={list.reload} />
        )}
        {!list.data && !list.error && <LoadingState />}
        {list.data && rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('seal.noConclusions')}
          </Text>
        )}
        {rows.length > 0 && (
          <>
            <Select
              label={t('seal.pickConclusion')}
              data={rows.map((r, i) => ({
                value: r.id,
                label: `${i + 1}. ${r.text.length > 90 ? `${r.text.slice(0, 90)}…` : r.text}`,
              }))}
              value={id}
              onChange={(v) => {
                setId(v);
                setText(rows.find((r) => r.id === v)?.text ?? '');
              }}
              allowDeselect={false}
              data-testid="correction-conclusion"
            />
            <Textarea
              label={t('seal.newText')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={20_000}
              disabled={!row}
              data-testid="correction-text"
            />
            <Textarea
              label={t('seal.reason')}
              placeholder={t('seal.reasonPlaceholder')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={2000}
              withAsterisk
              data-testid="correction-reason"
            />
          </>
        )}
        {write.error && <ErrorAlert error={write.error} title={t('errors.saveFailed')} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ready}
            loading={write.busy}
            onClick={() => void save()}
            data-testid="correction-save"
          >
            {t('seal.correctSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
