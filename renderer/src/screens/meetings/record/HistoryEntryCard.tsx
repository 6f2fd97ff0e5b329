import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../../contract/recordContract';
import { historyAt, historyChangeLines, historySentence } from '../../../../../contract/historyWording';
import { msg } from '../../../../../contract/messages/message';
import { useMessageText } from '../../../api/useMessageText';

interface Props {
  entry: HistoryEntry;
  canRestore: boolean;
  onRestore: () => void;
}

/**
 * One audit entry: what was done to what in one sentence, who and when, why (a correction's reason), and
 * each field's before → after by its label. The wording is the contract's (contract/historyWording.ts).
 */
export function HistoryEntryCard({ entry, canRestore, onRestore }: Props) {
  const { t } = useTranslation();
  const words = useMessageText();
  const lines = historyChangeLines(entry);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="history-entry" data-action={entry.action}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Text size="sm" fw={600} data-testid="history-action">
              {words(historySentence(entry))}
            </Text>
            <Group gap="xs">
              <Badge variant="light">{words(msg(`historyLog.part.${entry.part}`))}</Badge>
              <Text size="sm" c="dimmed" data-testid="history-when">
                {historyAt(entry.at)}
              </Text>
              {entry.byAccount ? (
                <Text size="sm" c="dimmed" title={t('history.byAccountHint')} data-testid="history-actor">
                  {t('history.byAccount', { actor: entry.actor })}
                </Text>
              ) : (
                <Text size="sm" c="dimmed" data-testid="history-actor">
                  {t('history.by', { actor: entry.actor || '—' })}
                </Text>
              )}
            </Group>
          </Stack>
          {canRestore && entry.restorable && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRestore size={14} />}
              onClick={onRestore}
              data-testid="history-restore"
            >
              {t('history.restore')}
            </Button>
          )}
        </Group>
        {entry.reason && (
          <Text size="sm">
            <Text span fw={600} inherit>
              {t('history.reason')}:
            </Text>{' '}
            {entry.reason}
          </Text>
        )}
        {lines.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2} fz="sm" data-testid="history-changes">
            <Table.Tbody>
              {lines.map((line, i) => (
                <Table.Tr key={i}>
                  <Table.Td w={160} c="dimmed" style={{ verticalAlign: 'top' }}>
                    {words(line.field)}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    <Text span inherit td="line-through" c="red.8">
                      {words(line.before)}
                    </Text>
                    {' → '}
                    <Text span inherit c="teal.9">
                      {words(line.after)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
