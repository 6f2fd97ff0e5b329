import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PagedRowsView } from '../api/usePagedRows';
import { toLanguage } from '../format/language';
import { formatCount } from '../format/number';
import { ErrorAlert } from './ErrorAlert';
import { LoadingState } from './LoadingState';
import { VirtualTable, type VirtualTableProps } from './VirtualTable';

/**
 * A long list's heading: its name, how many rows it has (a blank line until the first page answers, so
 * nothing jumps), and the screen's main button. `totalKey` is a plural message with `n` the number.
 */
export function ListHeading({
  title,
  total,
  totalKey,
  totalTestId,
  action,
}: {
  title: string;
  total: number | null;
  totalKey: 'meetings.total' | 'people.total';
  totalTestId: string;
  action: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  return (
    <Group justify="space-between" align="flex-end">
      <Stack gap={2}>
        <Title order={2}>{title}</Title>
        <Text c="dimmed" size="sm" data-testid={totalTestId} data-count={total ?? undefined}>
          {total === null ? '\u00a0' : t(totalKey, { count: total, n: formatCount(total, lang) })}
        </Text>
      </Stack>
      {action}
    </Group>
  );
}

/**
 * A list fetched page by page (usePagedRows), always shown the same way: the failure with a retry, the
 * spinner until the first page, `empty` when there is no row, or the virtualized table.
 */
export function PagedTableBody<T>({
  list,
  empty,
  ...table
}: {
  list: PagedRowsView<T>;
  empty: ReactNode;
} & Omit<VirtualTableProps<T>, 'total' | 'rowAt' | 'onRangeChange'>) {
  const { t } = useTranslation();
  if (list.error) return <ErrorAlert error={list.error} title={t('errors.loadFailed')} onAction={list.retry} />;
  if (list.total === null) return <LoadingState />;
  if (list.total === 0) return empty;
  return <VirtualTable {...table} total={list.total} rowAt={list.rowAt} onRangeChange={list.ensureRange} />;
}
