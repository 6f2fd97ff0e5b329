import { useCallback, useState } from 'react';
import { Badge, Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergeChoice, MergeClass, MergePreviewSummary, MergeRow } from '../../../../contract/mergeContract';
import { call } from '../../api/client';
import { usePagedRows } from '../../api/usePagedRows';
import { PagedTableBody } from '../../components/PagedList';
import type { Column } from '../../components/VirtualTable';
import { formatIsoDate } from '../../format/date';

export const CLASS_COLOR: Record<MergeClass, string> = {
  new: 'blue',
  changed: 'yellow',
  conflict: 'red',
  identical: 'gray',
};

const ROW_HEIGHT = 66;
/** The list's height at most: the summary above and the sticky apply bar below stay on a 768-px screen. */
const LIST_MAX_HEIGHT = 420;
const HEADER_HEIGHT = 42;

type Shown = 'all' | 'conflict' | 'changed' | 'new';
/** Rows asked for at once as the clerk scrolls. */
const PAGE_SIZE = 100;

/** A meeting's state in words: why it is a conflict, which side is newer, and what differs. */
function MeetingState({ item }: { item: MergeRow }) {
  const { t } = useTranslation();
  const parts = item.differences.map((d) => t(`usbMerge.part.${d}`, { defaultValue: d })).join(', ');
  return (
    <Stack gap={0}>
      <Badge color={CLASS_COLOR[item.class]} variant="light" data-testid="merge-class">
        {t(`usbMerge.class.${item.class}`)}
      </Badge>
      {item.reason ? (
        <Text size="xs" truncate>
          {t(`usbMerge.reason.${item.reason}`)}
        </Text>
      ) : (
        item.newer && (
          <Text size="xs" truncate>
            {t(`usbMerge.newer.${item.newer}`)}
          </Text>
        )
      )}
      {parts && (
        <Text size="xs" c="dimmed" lineClamp={1} title={parts}>
          {t('usbMerge.differs', { parts })}
        </Text>
      )}
    </Stack>
  );
}

/**
 * The meetings of a merge preview that need anything done (identical ones are only counted): a filter by
 * class and a virtualized list fetched a page at a time from the finished preview job (`merge/rows`, in
 * the list's order: conflicts, changed, new; by date), so a bag of 2 000 or 100 000 meetings neither
 * travels whole nor renders more than the rows on screen. Each changed or conflicting row carries its
 * choice (keep mine / take theirs / keep both): the clerk's, else the row's default.
 */
export function MergePreviewList({
  jobId,
  summary,
  choices,
  onChoose,
}: {
  jobId: string;
  summary: MergePreviewSummary;
  choices: Record<string, MergeChoice>;
  onChoose: (row: MergeRow, choice: MergeChoice) => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>('all');
  const fetchPage = useCallback(
    (offset: number, limit: number) => call('merge/rows', { jobId, shown, offset, limit }),
    [jobId, shown],
  );
  const list = usePagedRows<MergeRow>(`${jobId}:${shown}`, fetchPage, PAGE_SIZE);
  const count = (c: Shown) => (c === 'all' ? summary.rows : summary.counts.meetings[c]);
  const total = count(shown);

  const columns: Column<MergeRow>[] = [
    { id: 'date', header: t('usbMerge.column.date'), width: '100px', render: (m) => formatIsoDate(m.date) },
    {
      id: 'title',
      header: t('usbMerge.column.title'),
      width: 'minmax(0, 1fr)',
      title: (m) => m.title,
      render: (m) => (
        <>
          <Text size="sm" fw={500} truncate>
            {m.title}
          </Text>
          {m.mineTitle !== null && (
            <Text size="xs" c="dimmed" truncate>
              {t('usbMerge.column.mine')}: {m.mineTitle}
            </Text>
          )}
        </>
      ),
    },
    { id: 'state', header: t('usbMerge.column.state'), width: '240px', render: (m) => <MeetingState item={m} /> },
    {
      id: 'choice',
      header: t('usbMerge.column.choice'),
      width: '350px',
      render: (m) =>
        m.class === 'new' ? (
          <Text size="sm">{t('usbMerge.addedAsNew')}</Text>
        ) : (
          <SegmentedControl
            size="xs"
            value={choices[m.id] ?? m.defaultChoice ?? ''}
            onChange={(v) => onChoose(m, v as MergeChoice)}
            data={(['mine', 'theirs', 'both'] as const).map((c) => ({
              value: c,
              label: t(`usbMerge.choice.${c}`),
              disabled: !m.choices.includes(c),
            }))}
            data-testid="merge-choice"
          />
        ),
    },
  ];

  const filters = (['all', 'conflict', 'changed', 'new'] as const).filter((c) => c === 'all' || count(c) > 0);
  return (
    <Stack gap="xs">
      {filters.length > 2 && (
        <SegmentedControl
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          value={shown}
          onChange={(v) => setShown(v as Shown)}
          data={filters.map((c) => ({ value: c, label: t(`usbMerge.show.${c}`, { n: count(c) }) }))}
          data-testid="merge-filter"
        />
      )}
      <Box style={{ display: 'flex', height: Math.min(LIST_MAX_HEIGHT, HEADER_HEIGHT + total * ROW_HEIGHT + 2) }}>
        <PagedTableBody
          list={list}
          empty={null}
          columns={columns}
          rowKey={(m) => m.id}
          rowData={(m) => ({ 'data-class': m.class })}
          rowTestId="merge-meeting"
          scrollTestId="merge-meetings"
          label={t('usbMerge.meetings')}
          rowHeight={ROW_HEIGHT}
        />
      </Box>
    </Stack>
  );
}
