import { Checkbox, Group, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { parseVnDate } from '../../format/date';
import type { ReviewConclusion } from './reviewState';

/**
 * Under a directive that names a deadline: "Giao thành nhiệm vụ, hạn dd/mm/yyyy", unticked. The
 * importer only offers; the clerk's tick makes the conclusion a task (Chưa làm) with that deadline, which
 * the clerk may correct first. Shown only when the text names a deadline.
 */
export function TaskOffer({
  conclusion,
  disabled,
  onChange,
}: {
  conclusion: ReviewConclusion;
  /** The conclusion itself is discarded. */
  disabled: boolean;
  onChange: (patch: Partial<ReviewConclusion>) => void;
}) {
  const { t } = useTranslation();
  if (conclusion.deadline === null) return null;
  const bad = conclusion.asTask && !parseVnDate(conclusion.deadline);
  return (
    <Group gap="xs" wrap="wrap" align="center" data-testid="import-task-offer">
      <Checkbox
        label={t('importer.task.offer')}
        checked={conclusion.asTask}
        disabled={disabled}
        onChange={(e) => onChange({ asTask: e.currentTarget.checked })}
        data-testid="import-task-tick"
      />
      <TextInput
        size="xs"
        w={120}
        aria-label={t('importer.task.deadline')}
        placeholder="dd/mm/yyyy"
        value={conclusion.deadline}
        disabled={disabled}
        error={bad ? t('importer.problem.deadline') : undefined}
        onChange={(e) => onChange({ deadline: e.currentTarget.value })}
        data-testid="import-task-deadline"
      />
      {conclusion.deadlineText && (
        <Text size="xs" c="dimmed">
          {t('importer.task.readFrom', { words: conclusion.deadlineText })}
        </Text>
      )}
    </Group>
  );
}
