import { useState } from 'react';
import {
  Checkbox,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';

import { useTranslation } from 'react-i18next';
import {
  TASK_STATUSES,
  type Conclusion,
  type ConclusionFields,
} from '../../../../../contract/recordContract';
import type { ErrorPayload } from '../../../../../contract/errors';
import { DialogActions } from '../../../components/DialogActions';
import { ErrorAlert } from '../../../components/ErrorAlert';

import { AssigneeSelect } from './AssigneeSelect';
import type { TaskStatusValue } from './taskStatus';
import { VnDateInput } from '../../../components/VnDateInput';

interface Props {
  /** The conclusion being edited, or null for a new one. */
  row: Conclusion | null;
  busy: boolean;
  error: ErrorPayload | null;
  onSave: (fields: ConclusionFields) => void;
  onClose: () => void;
}

/** Add or edit one conclusion; ticking "Là nhiệm vụ" opens the task's assignee, deadline and status. */
export function ConclusionEditor({ row, busy, error, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(row?.text ?? '');
  const [isTask, setIsTask] = useState(row?.isTask ?? false);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(
    row?.assigneePersonId ? { id: row.assigneePersonId, name: row.assigneeName } : null,
  );
  const [unit, setUnit] = useState(row?.assigneeUnit ?? '');
  const [deadline, setDeadline] = useState<string | null>(row?.deadline ?? null);
  const [status, setStatus] = useState<TaskStatusValue>(row?.taskStatus ?? 'chua_lam');
  const [submitted, setSubmitted] = useState(false);
  const empty = text.trim() === '';

  function save() {
    setSubmitted(true);
    if (empty) return;
    onSave({
      text: text.trim(),
      isTask,
      assigneePersonId: isTask ? (person?.id ?? null) : null,
      assigneeUnit: isTask ? unit.trim() : '',
      deadline: isTask ? deadline : null,
      taskStatus: isTask ? status : null,
    });
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={row ? t('conclusions.edit') : t('conclusions.add')}>
      <Stack>
        <Textarea
          label={t('conclusions.field.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={20_000}
          withAsterisk
          error={submitted && empty ? t('conclusions.textRequired') : undefined}
          data-autofocus
          data-testid="conclusion-text"
        />
        <Checkbox
          label={t('conclusions.field.isTask')}
          checked={isTask}
          onChange={(e) => setIsTask(e.currentTarget.checked)}
          data-testid="conclusion-is-task"
        />
        {isTask && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <AssigneeSelect
              personId={person?.id ?? null}
              personName={person?.name ?? ''}
              onChange={setPerson}
            />
            <TextInput
              label={t('conclusions.field.assigneeUnit')}
              value={unit}
              onChange={(e) => setUnit(e.currentTarget.value)}
              maxLength={500}
              data-testid="conclusion-unit"
            />
            <VnDateInput
              label={t('conclusions.field.deadline')}
              placeholder="dd/mm/yyyy"
              value={deadline}
              onChange={setDeadline}
              clearable
              data-testid="conclusion-deadline"
            />
            <Select
              label={t('conclusions.field.status')}
              data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
              value={status}
              onChange={(v) => v && setStatus(v as TaskStatusValue)}
              allowDeselect={false}
              data-testid="conclusion-status"
            />
          </SimpleGrid>
        )}
        {error && <ErrorAlert error={error} title={t('errors.saveFailed')} />}
        <DialogActions onCancel={onClose} loading={busy} onConfirm={save} confirmTestId="conclusion-save" />
      </Stack>
    </Modal>
  );
}
