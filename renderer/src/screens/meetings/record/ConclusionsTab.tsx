import type { ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Conclusion, ConclusionFields } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { formatIsoDate } from '../../../format/date';
import { ConclusionEditor } from './ConclusionEditor';
import { PartAddButton, PartRowActions, PartWriteError, type PartNames } from './OrderedPartControls';
import type { RecordTabProps } from './tabs';
import { isOverdue, TASK_STATUS_COLORS, type TaskStatusValue } from './taskStatus';
import { TaskStatusSelect } from './TaskStatusSelect';
import { OrderedPartDialogs } from './OrderedPartDialogs';
import { useOrderedPart } from './useOrderedPart';

const NAMES: PartNames = { texts: 'conclusions', testId: 'conclusion' };

/** Kết luận: the meeting's conclusions in order; any of them can be a task to follow up. */
export function ConclusionsTab({ meetingId, version, onVersion, readOnly }: RecordTabProps) {
  const { t } = useTranslation();
  const list = useApiQuery('conclusions/list', { meetingId });
  const part = useOrderedPart<Conclusion, ConclusionFields>(
    version,
    onVersion,
    { listVersion: list.data?.meetingVersion, reload: list.reload },
    {
      add: (v, fields) => call('conclusions/add', { meetingId, version: v, fields }),
      update: (v, row, fields) => call('conclusions/update', { meetingId, version: v, id: row.id, fields }),
      remove: (v, row) => call('conclusions/remove', { meetingId, version: v, id: row.id }),
      reorder: (v, ids) => call('conclusions/reorder', { meetingId, version: v, ids }),
    },
  );
  const { write } = part;

  async function setStatus(row: Conclusion, status: TaskStatusValue) {
    const done = await write.run((v) =>
      call('tasks/set-status', { meetingId, version: v, id: row.id, status }),
    );
    if (done) list.reload();
  }

  if (list.error)
    return <ErrorAlert error={list.error} title={t('errors.loadFailed')} onAction={list.reload} />;
  if (!list.data) return <LoadingState />;
  const rows = list.data.rows;

  return (
    <Stack gap="sm">
      <PartWriteError part={part} onReload={list.reload} />
      {rows.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="conclusions-empty">
          {t('conclusions.empty')}
        </Text>
      )}
      {rows.map((row, i) => (
        <ConclusionRow
          key={row.id}
          row={row}
          index={i}
          readOnly={readOnly}
          busy={write.busy}
          onStatus={(status) => void setStatus(row, status)}
          actions={
            <PartRowActions
              part={part}
              rows={rows}
              index={i}
              names={NAMES}
            />
          }
        />
      ))}
      {!readOnly && (
        <PartAddButton part={part} names={NAMES} />
      )}
      <OrderedPartDialogs
        part={part}
        editor={(props) => <ConclusionEditor {...props} />}
        removeTexts={() => ({
          title: t('conclusions.removeTitle'),
          message: t('conclusions.removeConfirm'),
          confirmLabel: t('conclusions.remove'),
        })}
        confirmTestId="conclusion-remove-confirm"
      />
    </Stack>
  );
}

interface RowProps {
  row: Conclusion;
  index: number;
  readOnly: boolean;
  busy: boolean;
  onStatus: (status: TaskStatusValue) => void;
  /** Move, edit and remove (not shown read-only). */
  actions: ReactNode;
}

function ConclusionRow({ row, index, readOnly, busy, onStatus, actions }: RowProps) {
  const { t } = useTranslation();
  const overdue = row.isTask && isOverdue(row.deadline, row.taskStatus);
  const assignee = [row.assigneeName, row.assigneeUnit].filter(Boolean).join(' · ');
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={overdue ? 'red.0' : undefined}
      style={overdue ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
      data-testid="conclusion-row"
      data-overdue={overdue || undefined}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Text fw={600} w={28} ta="right">
          {index + 1}.
        </Text>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{row.text}</Text>
          {row.isTask && (
            <Group gap="xs">
              <Badge variant="light" color="grape">
                {t('conclusions.task')}
              </Badge>
              {row.taskStatus && readOnly && (
                <TaskStatusSelect value={row.taskStatus} disabled={busy} onChange={onStatus} />
              )}
              {row.taskStatus && !readOnly && (
                <Badge variant="light" color={TASK_STATUS_COLORS[row.taskStatus]}>
                  {t(`tasks.status.${row.taskStatus}`)}
                </Badge>
              )}
              {overdue && (
                <Badge color="red" data-testid="conclusion-overdue">
                  {t('tasks.overdue')}
                </Badge>
              )}
              {assignee && (
                <Text size="sm" c="dimmed">
                  {t('conclusions.assignee')}: {assignee}
                </Text>
              )}
              {row.deadline && (
                <Text size="sm" c={overdue ? 'red.8' : 'dimmed'} fw={overdue ? 600 : undefined}>
                  {t('conclusions.deadline')}: {formatIsoDate(row.deadline)}
                </Text>
              )}
            </Group>
          )}
        </Stack>
        {!readOnly && actions}
      </Group>
    </Paper>
  );
}
