import { ActionIcon, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Conclusion, ConclusionFields } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { formatIsoDate } from '../../../format/date';
import { ConclusionEditor } from './ConclusionEditor';
import { ReorderButtons } from './ReorderButtons';
import type { RecordTabProps } from './tabs';
import { isOverdue, TASK_STATUS_COLORS, type TaskStatusValue } from './taskStatus';
import { TaskStatusSelect } from './TaskStatusSelect';
import { OrderedPartDialogs } from './OrderedPartDialogs';
import { useOrderedPart } from './useOrderedPart';

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
  const { write, editing, setEditing, setRemoving, move } = part;

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
      {write.error && !editing && (
        <ErrorAlert
          error={write.error}
          title={t('errors.saveFailed')}
          onClose={write.clearError}
          onAction={list.reload}
          actionLabel={t('common.reload')}
        />
      )}
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
          count={rows.length}
          readOnly={readOnly}
          busy={write.busy}
          onEdit={() => setEditing(row)}
          onRemove={() => setRemoving(row)}
          onMove={(from, to) => void move(rows, from, to)}
          onStatus={(status) => void setStatus(row, status)}
        />
      ))}
      {!readOnly && (
        <Group>
          <Button
            leftSection={<IconPlus size={16} />}
            variant="light"
            onClick={() => setEditing('new')}
            data-testid="conclusion-add"
          >
            {t('conclusions.add')}
          </Button>
        </Group>
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
  count: number;
  readOnly: boolean;
  busy: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onMove: (from: number, to: number) => void;
  onStatus: (status: TaskStatusValue) => void;
}

function ConclusionRow({ row, index, count, readOnly, busy, onEdit, onRemove, onMove, onStatus }: RowProps) {
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
        {!readOnly && (
          <Group gap={2} wrap="nowrap">
            <ReorderButtons index={index} count={count} disabled={busy} onMove={onMove} />
            <ActionIcon
              variant="subtle"
              aria-label={t('conclusions.edit')}
              onClick={onEdit}
              data-testid="conclusion-edit"
            >
              <IconPencil size={16} />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('conclusions.remove')}
              onClick={onRemove}
              data-testid="conclusion-remove"
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        )}
      </Group>
    </Paper>
  );
}
