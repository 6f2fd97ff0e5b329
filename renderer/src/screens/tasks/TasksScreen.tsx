import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
 
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCheck, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type Task } from '../../../../contract/recordContract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useRowAction } from '../../api/useRowAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/QueryState';
import { formatIsoDate } from '../../format/date';
import { toLanguage } from '../../format/language';
import { formatCount } from '../../format/number';
import { TASK_STATUS_COLORS, todayIso, type TaskStatusValue } from '../meetings/record/taskStatus';

const LIMIT = 500;

/** Overdue first (oldest deadline first), then by deadline; tasks without a deadline last. */
function ordered(rows: Task[]): Task[] {
  return [...rows].sort((a, b) => {
    if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
    if (a.deadline === b.deadline) return 0;
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  });
}

/** Nhiệm vụ: every task from every meeting's conclusions, to follow up; overdue ones on top in red. */
export function TasksScreen() {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const [status, setStatus] = useState<TaskStatusValue[]>([]);
  const [overdue, setOverdue] = useState(false);
  const [assigneeText, setAssigneeText] = useState('');
  const [assignee] = useDebouncedValue(assigneeText.trim(), 250);
  const tasks = useApiQuery('tasks/list', {
    status,
    overdue,
    assignee,
    today: todayIso(),
    offset: 0,
    limit: LIMIT,
  });
  const action = useRowAction();

  const markDone = (task: Task) =>
    action.run(task.id, async () => {
      await call('tasks/set-status', {
        meetingId: task.meetingId,
        version: task.meetingVersion,
        id: task.id,
        status: 'hoan_thanh',
      });
      tasks.reload();
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>{t('tasks.title')}</Title>
        {tasks.data && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('tasks.total', { count: tasks.data.total, n: formatCount(tasks.data.total, lang) })}
            </Text>
            {tasks.data.overdue > 0 && (
              <Badge color="red" data-testid="tasks-overdue-count">
                {t('tasks.overdueCount', {
                  count: tasks.data.overdue,
                  n: formatCount(tasks.data.overdue, lang),
                })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      <Group align="flex-end">
        <MultiSelect
          label={t('tasks.filter.status')}
          placeholder={status.length ? undefined : t('common.all')}
          data={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as TaskStatusValue[])}
          clearable
          w={320}
          data-testid="tasks-filter-status"
        />
        <TextInput
          label={t('tasks.filter.assignee')}
          placeholder={t('tasks.filter.assigneePlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={assigneeText}
          onChange={(e) => setAssigneeText(e.currentTarget.value)}
          w={280}
          data-testid="tasks-filter-assignee"
        />
        <Switch
          label={t('tasks.filter.overdue')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
          data-testid="tasks-filter-overdue"
        />
      </Group>
      {action.error && (
        <ErrorAlert error={action.error} title={t('errors.saveFailed')} onClose={action.clearError} />
      )}
      <QueryState
        query={tasks}
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t('tasks.empty')}
        emptyTestId="tasks-empty"
      >
        {(data) => (
          <ListTable
            headers={[
              t('tasks.column.task'),
              t('tasks.column.assignee'),
              t('tasks.column.deadline'),
              t('tasks.column.status'),
              null,
            ]}
            verticalSpacing="sm"
            highlightOnHover
          >
            {ordered(data.rows).map((task) => (
              <TaskRow
                key={task.id}
                task={task}
                busy={action.pending === task.id}
                onDone={() => void markDone(task)}
              />
            ))}
          </ListTable>
        )}
      </QueryState>
      {tasks.data && tasks.data.total > tasks.data.rows.length && (
        <Text size="sm" c="dimmed">
          {t('tasks.more', { shown: tasks.data.rows.length, total: tasks.data.total })}
        </Text>
      )}
    </Stack>
  );
}

function TaskRow({ task, busy, onDone }: { task: Task; busy: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const href = `#/meetings/${encodeURIComponent(task.meetingId)}?tab=conclusions`;
  const assignee = [task.assigneeName, task.assigneeUnit].filter(Boolean).join(' · ');
  const open = task.taskStatus !== 'hoan_thanh' && task.taskStatus !== 'huy';
  return (
    <Table.Tr
      bg={task.overdue ? 'red.0' : undefined}
      data-testid="tasks-row"
      data-overdue={task.overdue || undefined}
    >
      <Table.Td maw={520}>
        <Text size="sm" lineClamp={3}>
          {task.text}
        </Text>
        <Anchor href={href} size="xs" data-testid="tasks-meeting-link">
          {task.meetingTitle}
          {task.meetingDate ? ` (${formatIsoDate(task.meetingDate)})` : ''}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{assignee || '—'}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={task.overdue ? 'red.8' : undefined} fw={task.overdue ? 600 : undefined}>
          {formatIsoDate(task.deadline) || '—'}
        </Text>
        {task.overdue && (
          <Badge color="red" size="sm" data-testid="tasks-overdue">
            {t('tasks.overdue')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {task.taskStatus && (
          <Badge variant="light" color={TASK_STATUS_COLORS[task.taskStatus]}>
            {t(`tasks.status.${task.taskStatus}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {open && (
          <Button
            size="xs"
            variant="light"
            color="teal"
            leftSection={<IconCheck size={14} />}
            loading={busy}
            onClick={onDone}
            data-testid="tasks-done"
          >
            {t('tasks.markDone')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
