import { useCallback, useEffect, useState } from 'react';
import { Badge, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../contract/contract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { usePagedRows } from '../../api/usePagedRows';
import { ListHeading, PagedTableBody } from '../../components/PagedList';
import { type Column, textColumn } from '../../components/VirtualTable';
import fill from '../../components/FillHeight.module.css';
import { formatIsoDate } from '../../format/date';
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
import { MeetingsEmpty, NewMeetingButton } from './MeetingsEmpty';
import { SortHeader } from './SortHeader';

const PAGE_SIZE = 100;

/** Hội nghị: every meeting in the archive, newest first, fetched page by page as the clerk scrolls. */
export function MeetingsScreen() {
  const { t } = useTranslation();
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

  const sortHeader = (column: 'date' | 'title') => (
    <SortHeader
      column={column}
      label={t(`meetings.column.${column}`)}
      query={query}
      onSort={(c) => setQuery(nextSort(query, c))}
    />
  );
  const columns: Column<MeetingSummary>[] = [
    {
      id: 'date',
      header: sortHeader('date'),
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
      header: sortHeader('title'),
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

  return (
    <div className={fill.fill}>
      <ListHeading
        title={t('meetings.title')}
        total={total}
        totalKey="meetings.total"
        totalTestId="meetings-total"
        action={<NewMeetingButton testId="meetings-new" />}
      />
      {(filtered || (total ?? 0) > 0) && (
        <MeetingFilters query={query} facets={facets.data} onChange={setQuery} />
      )}
      <PagedTableBody
        // A new query starts at the top with a fresh scroll area (or where the clerk left this query).
        key={key}
        list={list}
        empty={
          filtered ? (
            <Text c="dimmed" data-testid="meetings-no-match">
              {t('meetings.noMatch')}
            </Text>
          ) : (
            <MeetingsEmpty />
          )
        }
        columns={columns}
        rowKey={(m) => m.id}
        rowHref={(m) => hrefOf({ name: 'meeting', id: m.id })}
        rowTestId="meeting-row"
        scrollTestId="meetings-scroll"
        label={t('meetings.title')}
        initialScrollOffset={rememberedScroll(key)}
        onScrollOffset={onScrollOffset}
      />
    </div>
  );
}
