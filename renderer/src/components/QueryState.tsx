import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiQuery } from '../api/useApiQuery';
import { ErrorAlert } from './ErrorAlert';
import { LoadingState } from './LoadingState';

interface Props<T> {
  query: ApiQuery<T>;
  /** True when the answer has nothing to list: the empty text is shown instead of the content. */
  isEmpty: (data: T) => boolean;
  emptyText: string;
  emptyTestId?: string;
  children: (data: T) => ReactNode;
}

/**
 * The four states of a list fetched with `useApiQuery`, always shown the same way: the failure with a
 * retry, the spinner, a dimmed line when there is nothing, or the content made from the answer.
 */
export function QueryState<T>({ query, isEmpty, emptyText, emptyTestId, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.error)
    return <ErrorAlert error={query.error} title={t('errors.loadFailed')} onAction={query.reload} />;
  if (query.data === null) return <LoadingState />;
  if (isEmpty(query.data))
    return (
      <Text c="dimmed" data-testid={emptyTestId}>
        {emptyText}
      </Text>
    );
  return children(query.data);
}
