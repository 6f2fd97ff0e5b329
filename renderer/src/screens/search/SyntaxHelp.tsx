import { Code, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Examples of the query language (db/search/query.ts), written the way a clerk would type them. They
 * are the same in every UI language: the archive's text is Vietnamese.
 */
const EXAMPLES = [
  ['dai tuong', 'search.help.example.noMarks'],
  ['bàn', 'search.help.example.marks'],
  ['"quốc phòng toàn dân"', 'search.help.example.phrase'],
  ['KT-XH', 'search.help.example.abbreviation'],
  ['hội nghị -tổng kết', 'search.help.example.exclude'],
  ['biên bản OR thông báo', 'search.help.example.or'],
  ['huấn*', 'search.help.example.prefix'],
  ['nguoi:"Phan Văn Giang"', 'search.help.example.person'],
  ['loai:"giao ban"', 'search.help.example.kind'],
  ['the:"diễn tập"', 'search.help.example.tag'],
  ['tu:01/2024 den:06/2024', 'search.help.example.dates'],
] as const;

interface Props {
  /** Runs an example; without it the examples are only shown. */
  onPick?: (query: string) => void;
}

export function SyntaxHelp({ onPick }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="search-help">
      <Text size="sm">{t('search.help.words')}</Text>
      <Table verticalSpacing={6} horizontalSpacing="xs" withRowBorders={false}>
        <Table.Tbody>
          {EXAMPLES.map(([example, explanation]) => (
            <Table.Tr key={example}>
              <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                {onPick ? (
                  <UnstyledButton onClick={() => onPick(example)} data-testid="search-help-example">
                    <Code fz="sm" c="blue.9">
                      {example}
                    </Code>
                  </UnstyledButton>
                ) : (
                  <Code fz="sm">{example}</Code>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(explanation)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onPick && (
        <Text size="xs" c="dimmed">
          {t('search.help.tryIt')}
        </Text>
      )}
    </Stack>
  );
}
