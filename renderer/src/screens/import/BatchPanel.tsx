import { Anchor, Button, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../contract/errors';
import type { ImportBatchItem } from '../../../../contract/importContract';
import { useErrorText } from '../../api/useErrorText';
import { useMessageText } from '../../api/useMessageText';
import { hrefOf } from '../../router/route';

/** A file of the batch: as `import/batch` told it, or the call's own failure (worded like any error). */
export type BatchRow = ImportBatchItem | (Omit<ImportBatchItem, 'messages'> & { error: ErrorPayload });

const COLORS: Record<ImportBatchItem['status'], string> = {
  imported: 'teal',
  needs_review: 'orange',
  failed: 'red',
  duplicate: 'gray',
};

/** Many files at once: a progress bar while they are read and saved, then what became of each. */
export function BatchPanel({
  items,
  total,
  onAgain,
}: {
  items: BatchRow[];
  total: number;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const messageText = useMessageText();
  const errorText = useErrorText();
  const count = (s: ImportBatchItem['status']) => items.filter((i) => i.status === s).length;
  const done = items.length >= total;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={4}>{t('importer.batch.title')}</Title>
        <Progress
          value={total ? (items.length / total) * 100 : 0}
          animated={!done}
          aria-label={t('importer.batch.progress', { done: items.length, total })}
          data-testid="import-progress"
        />
        <Text size="sm">{t('importer.batch.progress', { done: items.length, total })}</Text>
        {done && (
          <Text fw={600} data-testid="import-summary">
            {t('importer.batch.summary', {
              imported: count('imported'),
              review: count('needs_review'),
              duplicate: count('duplicate'),
              failed: count('failed'),
            })}
          </Text>
        )}
        <Table withTableBorder striped fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('importer.batch.column.file')}</Table.Th>
              <Table.Th>{t('importer.batch.column.status')}</Table.Th>
              <Table.Th>{t('importer.batch.column.title')}</Table.Th>
              <Table.Th>{t('importer.batch.column.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i, n) => (
              <Table.Tr key={n} data-testid="import-batch-row" data-status={i.status}>
                <Table.Td>{i.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={600} c={COLORS[i.status]}>
                    {t(`importer.batch.status.${i.status}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {i.meetingId && i.title ? (
                    <Anchor href={hrefOf({ name: 'meeting', id: i.meetingId })}>{i.title}</Anchor>
                  ) : (
                    (i.title ?? '')
                  )}
                </Table.Td>
                <Table.Td>{'error' in i ? errorText(i.error) : i.messages.map(messageText).join(' ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {done && (
          <Group justify="flex-end">
            <Button onClick={onAgain}>{t('importer.batch.again')}</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
