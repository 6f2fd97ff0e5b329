import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useRowAction } from '../../api/useRowAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatIsoDate } from '../../format/date';
import { PeopleTrash } from './PeopleTrash';

const LIMIT = 500;

/**
 * Thùng rác: meetings moved to the trash, then directory entries deleted or merged (PeopleTrash); each one
 * can be brought back.
 */
export function TrashScreen() {
  const { t } = useTranslation();
  const trash = useApiQuery('meetings/trash-list', { offset: 0, limit: LIMIT });
  const action = useRowAction();

  const restore = (id: string) =>
    action.run(id, async () => {
      await call('meetings/restore', { id });
      trash.reload();
    });

  return (
    <Stack gap="md">
      <Title order={2}>{t('trash.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('trash.intro')}
      </Text>
      <Title order={3}>{t('trash.meetingsTitle')}</Title>
      {action.error && (
        <ErrorAlert error={action.error} title={t('trash.restoreFailed')} onClose={action.clearError} />
      )}
      <QueryState
        query={trash}
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t('trash.empty')}
        emptyTestId="trash-empty"
      >
        {(data) => (
          <ListTable
            headers={[t('trash.column.title'), t('trash.column.date'), t('trash.column.deletedAt'), null]}
            verticalSpacing="sm"
          >
            {data.rows.map((m) => (
              <Table.Tr key={m.id} data-testid="trash-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {m.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {m.kind}
                    {m.status === 'finalized' && (
                      <Badge ml="xs" size="xs" variant="light" color="teal">
                        {t('meetings.status.finalized')}
                      </Badge>
                    )}
                  </Text>
                </Table.Td>
                <Table.Td>{formatIsoDate(m.meetingDate)}</Table.Td>
                <Table.Td>{formatDateTime(m.deletedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRestore size={14} />}
                    loading={action.pending === m.id}
                    onClick={() => void restore(m.id)}
                    data-testid="trash-restore"
                  >
                    {t('trash.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
      <PeopleTrash />
    </Stack>
  );
}
