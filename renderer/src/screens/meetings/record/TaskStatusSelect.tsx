import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES } from '../../../../../contract/recordContract';
import type { TaskStatusValue } from './taskStatus';

interface Props {
  value: TaskStatusValue;
  disabled?: boolean;
  onChange: (status: TaskStatusValue) => void;
}

/** A task's status changed in place: follow-up goes on after the record is finalized (not part of the seal). */
export function TaskStatusSelect({ value, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      size="xs"
      w={150}
      aria-label={t('conclusions.field.status')}
      data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
      value={value}
      onChange={(v) => v && v !== value && onChange(v as TaskStatusValue)}
      allowDeselect={false}
      disabled={disabled}
      data-testid="conclusion-row-status"
    />
  );
}
