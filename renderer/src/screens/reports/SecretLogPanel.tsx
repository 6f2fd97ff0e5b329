import { useRef } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportRequestInput, SecretLogEntry } from '../../../../contract/reportContract';
import { useApiQuery } from '../../api/useApiQuery';
import { QueryState } from '../../components/QueryState';
import { ListTable } from '../../components/ListTable';
import { formatIsoDate } from '../../format/date';
import { HiddenPrintFrame, type PreviewHandle } from './PreviewFrame';
import { SaveReportButtons, SaveReportFeedback } from './SaveReportControls';
import { useSaveReport } from './useSaveReport';
import { DateRangeFields, useYearRange } from './DateRange';

type Kind = 'conclusion' | 'minutes' | 'attendance' | 'photos' | 'period';
const PRINT_KINDS: readonly string[] = ['conclusion', 'minutes', 'attendance', 'photos', 'period'];
type Format = 'pdf' | 'docx' | 'html' | 'print' | 'encrypted' | 'plain';
const FORMATS: readonly string[] = ['pdf', 'docx', 'html', 'print', 'encrypted', 'plain'];

/**
 * Sổ theo dõi in, xuất tài liệu mật: the prints and exports of Mật-or-above meetings in a date range,
 * read from the audit log, and the same list printed as a document (kind 'secret-log').
 */
export function SecretLogPanel() {
  const { t } = useTranslation();
  const range = useYearRange();
  const { from, to } = range;
  const ready = !!from && !!to && from <= to;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('reports.secretLog.help')}
      </Text>
      <Group align="flex-end">
        <DateRangeFields range={range} testIdPrefix="secret-log-" width={170} />
      </Group>
      {ready ? <SecretLog from={from} to={to} /> : <Text c="dimmed">{t('reports.needRange')}</Text>}
    </Stack>
  );
}

/** The log of one complete range (fetched only then): the list, and In sổ / PDF / DOCX of it. */
function SecretLog({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const frame = useRef<PreviewHandle>(null);
  const list = useApiQuery('reports/secret-log', { from, to });
  const request: ReportRequestInput = { kind: 'secret-log', from, to };
  const saving = useSaveReport(request);
  const printable = useApiQuery('reports/html', { ...request, preview: true });

  const describe = (e: SecretLogEntry) => {
    const what =
      e.action === 'export'
        ? t('reports.secretLog.archive')
        : PRINT_KINDS.includes(e.document)
          ? t(`reports.kind.${e.document as Kind}`)
          : e.document;
    const how = FORMATS.includes(e.format) ? t(`reports.secretLog.formats.${e.format as Format}`) : e.format;
    return [what, how, e.destination ? t('reports.secretLog.to', { folder: e.destination }) : '']
      .filter(Boolean)
      .join(', ');
  };

  const rows = list.data?.rows ?? [];
  return (
    <Stack gap="md">
      <Group>
        <Button
          leftSection={<IconPrinter size={16} />}
          variant="light"
          onClick={() => frame.current?.print()}
          disabled={!printable.data}
          data-testid="secret-log-print"
        >
          {t('reports.secretLog.print')}
        </Button>
        <SaveReportButtons state={saving} formats={['pdf', 'docx']} testIdPrefix="secret-log-" />
        {list.data && (
          <Text size="sm" c="dimmed" data-testid="secret-log-total">
            {t('reports.secretLog.total', { count: rows.length })}
          </Text>
        )}
      </Group>
      <SaveReportFeedback state={saving} />
      <QueryState query={list} isEmpty={(d) => d.rows.length === 0} emptyText={t('reports.secretLog.empty')}>
        {(data) => (
          <ListTable
            headers={[
              t('reports.secretLog.when'),
              t('reports.secretLog.meeting'),
              t('reports.secretLog.level'),
              t('reports.secretLog.output'),
              t('reports.secretLog.actor'),
            ]}
            testId="secret-log-table"
          >
            {data.rows.map((e) => (
              <Table.Tr key={e.seq} data-testid="secret-log-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatIsoDate(e.day)} {e.time}
                </Table.Td>
                <Table.Td>
                  <Anchor href={`#/meetings/${encodeURIComponent(e.meetingId)}`}>{e.title}</Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge color="red" variant="light">
                    {t(`reports.secretLog.levels.${e.level}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{describe(e)}</Table.Td>
                <Table.Td>{e.actor}</Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </QueryState>
      {printable.data && <HiddenPrintFrame ref={frame} html={printable.data.html} />}
    </Stack>
  );
}
