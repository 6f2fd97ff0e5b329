import { ActionIcon, Button, Group, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/number';
import { toLanguage } from '../../format/language';

interface Props {
  rows: [string, string][];
  onChange: (rows: [string, string][]) => void;
  error?: string | undefined;
}

/** The search abbreviation dictionary: one row per pair, both directions searched. */
export function AbbreviationsEditor({ rows, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.language);
  const setCell = (index: number, side: 0 | 1, value: string) =>
    onChange(rows.map((row, i) => (i === index ? ((side === 0 ? [value, row[1]] : [row[0], value]) as [string, string]) : row)));
  // The abbreviation (side 0) and its full form (side 1) of row `index`.
  const cell = (index: number, side: 0 | 1) => {
    const name = side === 0 ? 'short' : 'full';
    return (
      <Table.Td>
        <TextInput
          size="xs"
          value={rows[index]?.[side] ?? ''}
          maxLength={side === 0 ? 30 : 200}
          aria-label={t(`settings.abbr.${name}`)}
          onChange={(e) => setCell(index, side, e.currentTarget.value)}
          data-testid={`abbr-${name}`}
        />
      </Table.Td>
    );
  };

  return (
    <Stack gap="xs" data-testid="settings-abbreviations">
      <Text size="sm" c="dimmed">
        {t('settings.hint.abbreviations')} {t('settings.abbr.count', { n: formatCount(rows.length, lang) })}
      </Text>
      <ScrollArea.Autosize mah={360} type="auto">
        <Table withTableBorder striped verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="30%">{t('settings.abbr.short')}</Table.Th>
              <Table.Th>{t('settings.abbr.full')}</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((_, i) => (
              <Table.Tr key={i} data-testid="abbr-row">
                {cell(i, 0)}
                {cell(i, 1)}
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('settings.abbr.remove')}
                    title={t('settings.abbr.remove')}
                    onClick={() => onChange(rows.filter((_, j) => j !== i))}
                    data-testid="abbr-remove"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {error && (
        <Text size="sm" c="red.7" data-testid="abbr-error">
          {error}
        </Text>
      )}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...rows, ['', '']])}
          data-testid="abbr-add"
        >
          {t('settings.abbr.add')}
        </Button>
      </Group>
    </Stack>
  );
}
