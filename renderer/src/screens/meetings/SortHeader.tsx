import { UnstyledButton, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ListQuery, SortColumn } from './listQuery';

interface Props {
  column: SortColumn;
  label: string;
  query: ListQuery;
  onSort: (column: SortColumn) => void;
}

/** A column header that sorts on the server; the arrow shows the current order. */
export function SortHeader({ column, label, query, onSort }: Props) {
  const { t } = useTranslation();
  const active = query.sort === column;
  const Icon = !active ? IconSelector : query.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <UnstyledButton
      onClick={() => onSort(column)}
      title={t('meetings.sortBy', { column: label })}
      aria-sort={active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-testid={`sort-${column}`}
      fz="sm"
      fw={600}
      c={active ? 'blue.8' : 'gray.7'}
    >
      <Group gap={4} wrap="nowrap">
        {label}
        <Icon size={14} stroke={2} aria-hidden />
      </Group>
    </UnstyledButton>
  );
}
