import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  index: number;
  count: number;
  disabled?: boolean;
  onMove: (from: number, to: number) => void;
}

/** Up / down arrows that move a row one place. */
export function ReorderButtons({ index, count, disabled, onMove }: Props) {
  const { t } = useTranslation();
  return (
    <Group gap={2} wrap="nowrap">
      <ActionIcon
        variant="subtle"
        aria-label={t('conclusions.moveUp')}
        disabled={disabled || index === 0}
        onClick={() => onMove(index, index - 1)}
        data-testid="move-up"
      >
        <IconArrowUp size={16} />
      </ActionIcon>
      <ActionIcon
        variant="subtle"
        aria-label={t('conclusions.moveDown')}
        disabled={disabled || index === count - 1}
        onClick={() => onMove(index, index + 1)}
        data-testid="move-down"
      >
        <IconArrowDown size={16} />
      </ActionIcon>
    </Group>
  );
}

/** The ids in their new order after moving one from `from` to `to`. */
export function moved<T extends { id: string }>(rows: T[], from: number, to: number): string[] {
  const ids = rows.map((r) => r.id);
  const [id] = ids.splice(from, 1);
  if (id !== undefined) ids.splice(to, 0, id);
  return ids;
}
