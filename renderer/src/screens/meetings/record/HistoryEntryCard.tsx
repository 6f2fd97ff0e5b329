import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../../contract/recordContract';
import { formatDateTime } from '../../../format/date';
import { knownField, valueText, verbOf, visibleChanges } from './historyText';

interface Props {
  entry: HistoryEntry;
  canRestore: boolean;
  onRestore: () => void;
}

/** One audit entry: when, who, what was done to which part, why, and each field's before → after. */
export function HistoryEntryCard({ entry, canRestore, onRestore }: Props) {
  const { t } = useTranslation();
  const verb = verbOf(entry.action);
  const changes = visibleChanges(entry.changes);
  const label = (field: string, value: string): string | null => {
    if (field === 'status' && (value === 'draft' || value === 'finalized')) return t(`meetings.status.${value}`);
    if (field === 'taskStatus' && (value === 'chua_lam' || value === 'dang_lam' || value === 'hoan_thanh' || value === 'huy'))
      return t(`tasks.status.${value}`);
    if (field === 'secrecy' && (value === 'thuong' || value === 'mat' || value === 'toi_mat' || value === 'tuyet_mat'))
      return t(`history.secrecy.${value}`);
    return null;
  };
  const yesNo = (v: boolean) => (v ? t('history.yes') : t('history.no'));
  const show = (field: string, value: unknown) => valueText(field, value, label, yesNo);
  const fieldName = (field: string) => {
    const known = knownField(field);
    return known ? t(`history.field.${known}`) : field || t('history.list');
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="history-entry" data-action={entry.action}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {formatDateTime(entry.at)}
            </Text>
            <Badge variant="light">{t(`history.part.${entry.part}`)}</Badge>
            <Text size="sm" data-testid="history-action">
              {verb ? t(`history.verb.${verb}`) : entry.action}
            </Text>
            <Text size="sm" c="dimmed">
              {t('history.by', { actor: entry.actor || '—' })}
            </Text>
          </Group>
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
        {changes.length > 0 && (
          <Table withRowBorders={false} verticalSpacing={2} fz="sm">
            <Table.Tbody>
              {changes.map((c, i) => (
                <Table.Tr key={i}>
                  <Table.Td w={160} c="dimmed" style={{ verticalAlign: 'top' }}>
                    {fieldName(c.field)}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    <Text span inherit td="line-through" c="red.8">
                      {show(c.field, c.before)}
                    </Text>
                    {' → '}
                    <Text span inherit c="teal.9">
                      {show(c.field, c.after)}
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
