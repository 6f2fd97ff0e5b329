import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../contract/contract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { usePagedRows } from '../../api/usePagedRows';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingState } from '../../components/LoadingState';
import { VirtualTable, type Column, textColumn } from '../../components/VirtualTable';
import fill from '../../components/FillHeight.module.css';
import { formatIsoDate } from '../../format/date';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';
import { hrefOf } from '../../router/route';
import {
  isFiltered,
  listKey,
  nextSort,
  rememberedQuery,
  rememberedScroll,
  rememberQuery,
  rememberScroll,
  type ListQuery,
} from './listQuery';
import { MeetingFilters } from './MeetingFilters';
import { MeetingsEmpty } from './MeetingsEmpty';
import { SortHeader } from './SortHeader';

const PAGE_SIZE = 100;

/** Hội nghị: every meeting in the archive, newest first, fetched page by page as the clerk scrolls. */
export function MeetingsScreen() {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [query, setQuery] = useState<ListQuery>(rememberedQuery);
  const facets = useApiQuery('meetings/facets', {});
  const key = listKey(query);
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('meetings/list', { ...query, offset, limit }),
    [query],
  );
  const list = usePagedRows<MeetingSummary>(key, fetchPage, PAGE_SIZE);

  useEffect(() => rememberQuery(query), [query]);
  const onScrollOffset = useCallback((offset: number) => rememberScroll(key, offset), [key]);

  const columns: Column<MeetingSummary>[] = [
    {
      id: 'date',
      header: (
        <SortHeader
          column="date"
          label={t('meetings.column.date')}
          query={query}
          onSort={(c) => setQuery(nextSort(query, c))}
        />
      ),
      width: '110px',
      render: (m) =>
        m.meetingDate ? (
          formatIsoDate(m.meetingDate)
        ) : (
          <Text span size="sm" c="dimmed">
            {t('meetings.noDate')}
          </Text>
        ),
    },
    {
      id: 'title',
      header: (
        <SortHeader
          column="title"
          label={t('meetings.column.title')}
          query={query}
          onSort={(c) => setQuery(nextSort(query, c))}
        />
      ),
      width: 'minmax(0, 3fr)',
      render: (m) => m.title,
      title: (m) => m.title,
    },
    textColumn('kind', t('meetings.column.kind'), 'minmax(0, 1fr)', (m) => m.kind),
    textColumn('location', t('meetings.column.location'), 'minmax(0, 1.5fr)', (m) => m.location),
    {
      id: 'status',
      header: t('meetings.column.status'),
      width: '110px',
      render: (m) =>
        m.status === 'finalized' ? (
          <Badge color="teal" variant="light" leftSection={<IconLock size={12} />}>
            {t('meetings.status.finalized')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('meetings.status.draft')}
          </Badge>
        ),
    },
  ];

  const total = list.total;
  const filtered = isFiltered(query);

  let body;
  if (list.error)
    body = <ErrorAlert error={list.error} title={t('errors.loadFailed')} onAction={list.retry} />;
  else if (total === null) body = <LoadingState />;
  else if (total === 0 && !filtered) body = <MeetingsEmpty />;
  else if (total === 0)
    body = (
      <Text c="dimmed" data-testid="meetings-no-match">
        {t('meetings.noMatch')}
      </Text>
    );
  else
    body = (
      <VirtualTable
        // A new query starts at the top with a fresh scroll area (or where the clerk left this query).
        key={key}
        columns={columns}
        total={total}
        rowAt={list.rowAt}
        onRangeChange={list.ensureRange}
        rowKey={(m) => m.id}
        rowHref={(m) => hrefOf({ name: 'meeting', id: m.id })}
        rowTestId="meeting-row"
        scrollTestId="meetings-scroll"
        label={t('meetings.title')}
        initialScrollOffset={rememberedScroll(key)}
        onScrollOffset={onScrollOffset}
      />
    );

  return (
    <div className={fill.fill}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('meetings.title')}</Title>
          <Text c="dimmed" size="sm" data-testid="meetings-total" data-count={total ?? undefined}>
            {total === null ? '\u00a0' : t('meetings.total', { count: total, n: formatCount(total, lang) })}
          </Text>
        </Stack>
        <Button
          component="a"
          href={hrefOf({ name: 'meetingNew' })}
          leftSection={<IconCalendarPlus size={18} />}
          data-testid="meetings-new"
        >
          {t('meetings.new')}
        </Button>
      </Group>
      {(filtered || (total ?? 0) > 0) && (
        <MeetingFilters query={query} facets={facets.data} onChange={setQuery} />
      )}
      {body}
    </div>
  );
}
