import { useMemo, useState } from 'react';
import { Badge, Box, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MergeChoice, MergeClass, MeetingMergeItem } from '../../../../contract/mergeContract';
import { VirtualTable, type Column } from '../../components/VirtualTable';
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
/** Conflicts first (they wait for a choice), then changed, then new; by date within each. */
const ORDER: Record<MergeClass, number> = { conflict: 0, changed: 1, new: 2, identical: 3 };

/** A meeting's state in words: why it is a conflict, which side is newer, and what differs. */
function MeetingState({ item }: { item: MeetingMergeItem }) {
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
 * class and a virtualized list, so a bag of 2 000 or 100 000 meetings renders only the rows on screen.
 * Each changed or conflicting row carries its choice (keep mine / take theirs / keep both).
 */
export function MergePreviewList({
  meetings,
  choices,
  onChoose,
}: {
  meetings: MeetingMergeItem[];
  choices: Record<string, MergeChoice>;
  onChoose: (id: string, choice: MergeChoice) => void;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>('all');
  const sorted = useMemo(
    () =>
      [...meetings].sort(
        (a, b) =>
          ORDER[a.class] - ORDER[b.class] || (a.theirs.meetingDate ?? '').localeCompare(b.theirs.meetingDate ?? ''),
      ),
    [meetings],
  );
  const rows = useMemo(() => (shown === 'all' ? sorted : sorted.filter((m) => m.class === shown)), [sorted, shown]);
  const count = (c: Shown) => (c === 'all' ? sorted.length : sorted.filter((m) => m.class === c).length);

  const columns: Column<MeetingMergeItem>[] = [
    { id: 'date', header: t('usbMerge.column.date'), width: '100px', render: (m) => formatIsoDate(m.theirs.meetingDate) },
    {
      id: 'title',
      header: t('usbMerge.column.title'),
      width: 'minmax(0, 1fr)',
      title: (m) => m.theirs.title,
      render: (m) => (
        <>
          <Text size="sm" fw={500} truncate>
            {m.theirs.title}
          </Text>
          {m.mine && m.mine.title !== m.theirs.title && (
            <Text size="xs" c="dimmed" truncate>
              {t('usbMerge.column.mine')}: {m.mine.title}
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
            value={choices[m.id] ?? ''}
            onChange={(v) => onChoose(m.id, v as MergeChoice)}
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
      <Box style={{ display: 'flex', height: Math.min(LIST_MAX_HEIGHT, HEADER_HEIGHT + rows.length * ROW_HEIGHT + 2) }}>
        <VirtualTable
          columns={columns}
          total={rows.length}
          rowAt={(i) => rows[i]}
          onRangeChange={noRange}
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

/** Every row of the preview is in memory already: nothing to fetch when the list scrolls. */
function noRange(): void {}
