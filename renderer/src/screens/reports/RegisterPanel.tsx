import { useRef, useState } from 'react';
import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryState } from '../../components/QueryState';
import { ListTable } from '../../components/ListTable';
import { formatIsoDate } from '../../format/date';
import { HiddenPrintFrame, type PreviewHandle } from './PreviewFrame';

const TYPES = ['TB', 'BB', 'BC'] as const;

/** Sổ văn bản đi: every number taken in a year, newest first, and the register printed as a document. */
export function RegisterPanel() {
  const { t } = useTranslation();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const list = useApiQuery('register/list', { year, docType: null, offset: 0, limit: 1000 });
  const printable = useApiQuery('register/html', { year });
  const frame = useRef<PreviewHandle>(null);
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear - i));
  const typeLabel = (code: string) =>
    (TYPES as readonly string[]).includes(code)
      ? t(`reports.register.types.${code as (typeof TYPES)[number]}`)
      : code;

  return (
    <Stack gap="md">
      <Group align="flex-end">
        <Select
          label={t('reports.register.year')}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          data={years}
          allowDeselect={false}
          w={120}
          data-testid="register-year"
        />
        <Button
          leftSection={<IconPrinter size={16} />}
          variant="light"
          onClick={() => frame.current?.print()}
          disabled={!printable.data || !list.data?.total}
        >
          {t('reports.register.print')}
        </Button>
        {list.data && (
          <Text size="sm" c="dimmed">
            {t('reports.register.total', { count: list.data.total })}
          </Text>
        )}
      </Group>
      <QueryState query={list} isEmpty={(d) => d.total === 0} emptyText={t('reports.register.empty')}>
        {(data) => (
          <ListTable
            headers={[
              t('reports.register.number'),
              t('reports.register.date'),
              t('reports.register.type'),
              t('reports.register.subject'),
            ]}
            testId="register-table"
          >
            {data.rows.map((r) => (
              <Table.Tr key={r.id} data-testid="register-row">
                <Table.Td>
                  <Text fw={600}>{r.number}</Text>
                </Table.Td>
                <Table.Td>{formatIsoDate(r.issuedOn)}</Table.Td>
                <Table.Td>{typeLabel(r.docType)}</Table.Td>
                <Table.Td>{r.subject}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
      {printable.data && <HiddenPrintFrame ref={frame} html={printable.data.html} />}
    </Stack>
  );
}
