import { useState } from 'react';
import { Alert, Badge, Button, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TrashedPerson } from '../../../../contract/contract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { useRowAction } from '../../api/useRowAction';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable } from '../../components/ListTable';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../format/date';

const LIMIT = 500;

/** Rank and title on one line, as the directory shows them. */
function rankTitle(p: TrashedPerson): string {
  return [p.rank, p.title].filter(Boolean).join(', ');
}

/**
 * The directory's part of Thùng rác: entries deleted from Danh bạ and duplicates merged into another
 * entry ("đã gộp vào …"). Restoring brings the entry back as its own; a merged one's meetings stay with the
 * entry kept, which the row says before and the notice says after.
 */
export function PeopleTrash() {
  const { t } = useTranslation();
  const trash = useApiQuery('people/trash-list', { offset: 0, limit: LIMIT });
  const action = useRowAction();
  const [notice, setNotice] = useState<string | null>(null);

  const restore = (p: TrashedPerson) =>
    action.run(p.id, async () => {
      setNotice(null);
      const r = await call('people/restore', { id: p.id });
      setNotice(
        r.meetingsStayWith
          ? t('trash.people.restoredMerged', { name: r.person.fullName, kept: r.meetingsStayWith.fullName })
          : t('trash.people.restored', { name: r.person.fullName }),
      );
      trash.reload();
    });

  return (
    <>
      <Title order={3} mt="md">
        {t('trash.people.title')}
      </Title>
      {notice && (
        <Alert
          color="teal"
          icon={<IconCircleCheck size={18} />}
          withCloseButton
          onClose={() => setNotice(null)}
          data-testid="trash-person-restored"
        >
          {notice}
        </Alert>
      )}
      {action.error && (
        <ErrorAlert error={action.error} title={t('trash.restoreFailed')} onClose={action.clearError} />
      )}
      <QueryState
        query={trash}
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t('trash.people.empty')}
        emptyTestId="trash-people-empty"
      >
        {(data) => (
          <ListTable
            headers={[
              t('trash.people.column.name'),
              t('trash.people.column.rank'),
              t('trash.column.deletedAt'),
              null,
            ]}
            verticalSpacing="sm"
          >
            {data.rows.map((p) => (
              <Table.Tr key={p.id} data-testid="trash-person-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.fullName}
                  </Text>
                  {p.mergedInto ? (
                    <Text size="xs" c="dimmed" data-testid="trash-person-merged">
                      <Badge mr="xs" size="xs" variant="light" color="grape">
                        {t('trash.people.merged', { name: p.mergedInto.fullName })}
                      </Badge>
                      {t('trash.people.mergedNote', { name: p.mergedInto.fullName })}
                    </Text>
                  ) : (
                    p.unit && (
                      <Text size="xs" c="dimmed">
                        {p.unit}
                      </Text>
                    )
                  )}
                </Table.Td>
                <Table.Td>{rankTitle(p)}</Table.Td>
                <Table.Td>{formatDateTime(p.deletedAt)}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRestore size={14} />}
                    loading={action.pending === p.id}
                    onClick={() => void restore(p)}
                    data-testid="trash-person-restore"
                  >
                    {t('trash.restore')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
    </>
  );
}
