import { useState } from 'react';
import { Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CorrectionChange } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { DialogActions } from '../../../components/DialogActions';
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

type Target = 'conclusion' | 'caption';

/** One correctable text: what the picker shows, the text as it is, and the change that replaces it. */
interface Item {
  id: string;
  label: string;
  text: string;
  change: (text: string) => CorrectionChange;
}

const clip = (s: string) => (s.length > 90 ? `${s.slice(0, 90)}…` : s);

/**
 * Đính chính: a finalized record is changed only with a written reason, kept in its history, and
 * sealed again. Here: the text of one conclusion, or the caption of one photo.
 */
export function CorrectionModal({ meetingId, version, onVersion, onDone, onClose }: Props) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<Target>('conclusion');
  const conclusions = useApiQuery('conclusions/list', { meetingId });
  const photos = useApiQuery('photos/list', { meetingId });
  const write = useRecordWrite(version, onVersion);
  const [id, setId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');

  const source = target === 'conclusion' ? conclusions : photos;
  const items: Item[] =
    target === 'conclusion'
      ? (conclusions.data?.rows ?? []).map((r, i) => ({
          id: r.id,
          label: `${i + 1}. ${clip(r.text)}`,
          text: r.text,
          change: (next) => ({
            kind: 'conclusions/update',
            id: r.id,
            fields: {
              text: next,
              isTask: r.isTask,
              assigneePersonId: r.assigneePersonId,
              assigneeUnit: r.assigneeUnit,
              deadline: r.deadline,
              taskStatus: r.taskStatus,
            },
          }),
        }))
      : (photos.data?.photos ?? []).map((p, i) => ({
          id: p.id,
          label: `${t('seal.photoLabel', { n: i + 1 })}${p.caption ? `: ${clip(p.caption)}` : ''}`,
          text: p.caption,
          change: (next) => ({ kind: 'photos/update', id: p.id, fields: { caption: next } }),
        }));
  const item = items.find((r) => r.id === id) ?? null;
  const ready = item !== null && text.trim() !== '' && text.trim() !== item.text && reason.trim() !== '';

  async function save() {
    if (!item || !ready) return;
    const done = await write.run((v) =>
      call('meetings/correct', { id: meetingId, version: v, reason: reason.trim(), change: item.change(text.trim()) }),
    );
    if (done) onDone();
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('seal.correctTitle')}>
      <Stack>
        <Text size="sm">{t('seal.correctExplain')}</Text>
        <SegmentedControl
          aria-label={t('seal.target')}
          value={target}
          onChange={(v) => {
            setTarget(v as Target);
            setId(null);
            setText('');
          }}
          data={[
            { value: 'conclusion', label: t('seal.targetConclusion') },
            { value: 'caption', label: t('seal.targetCaption') },
          ]}
          data-testid="correction-target"
        />
        {source.error && <ErrorAlert error={source.error} title={t('errors.loadFailed')} onAction={source.reload} />}
        {!source.data && !source.error && <LoadingState />}
        {source.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(target === 'conclusion' ? 'seal.noConclusions' : 'seal.noPhotos')}
          </Text>
        )}
        {items.length > 0 && (
          <>
            <Select
              label={t(target === 'conclusion' ? 'seal.pickConclusion' : 'seal.pickPhoto')}
              data={items.map((r) => ({ value: r.id, label: r.label }))}
              value={id}
              onChange={(v) => {
                setId(v);
                setText(items.find((r) => r.id === v)?.text ?? '');
              }}
              allowDeselect={false}
              data-testid="correction-item"
            />
            <Textarea
              label={t('seal.newText')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={20_000}
              disabled={!item}
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
        <DialogActions
          onCancel={onClose}
          disabled={!ready}
          loading={write.busy}
          onConfirm={() => void save()}
          confirmLabel={t('seal.correctSave')}
          confirmTestId="correction-save"
        />
      </Stack>
    </Modal>
  );
}
