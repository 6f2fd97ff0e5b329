import { ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentRef, DocumentRefFields } from '../../../../../contract/recordContract';
import { call } from '../../../api/client';
import { useApiQuery } from '../../../api/useApiQuery';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { formatIsoDate } from '../../../format/date';
import { DocumentEditor } from './DocumentEditor';
import { PartAddButton, PartRowActions, PartWriteError, type PartNames } from './OrderedPartControls';
import type { RecordTabProps } from './tabs';
import { TagsEditor } from './TagsEditor';
import { OrderedPartDialogs } from './OrderedPartDialogs';
import { useOrderedPart } from './useOrderedPart';

const NAMES: PartNames = { texts: 'documents', testId: 'document' };

/** Văn bản: the documents the meeting refers to (số và ký hiệu, loại, ngày, cơ quan, trích yếu), and its tags. */
export function DocumentsTab({ meetingId, version, onVersion, readOnly }: RecordTabProps) {
  const { t } = useTranslation();
  const list = useApiQuery('documents/list', { meetingId });
  const record = useApiQuery('meetings/record', { id: meetingId, attendanceOrder: 'protocol' });
  const part = useOrderedPart<DocumentRef, DocumentRefFields>(
    version,
    onVersion,
    { listVersion: list.data?.meetingVersion, reload: list.reload },
    {
      add: (v, fields) => call('documents/add', { meetingId, version: v, fields }),
      update: (v, row, fields) => call('documents/update', { meetingId, version: v, id: row.id, fields }),
      remove: (v, row) => call('documents/remove', { meetingId, version: v, id: row.id }),
      reorder: (v, ids) => call('documents/reorder', { meetingId, version: v, ids }),
    },
  );

  if (list.error)
    return <ErrorAlert error={list.error} title={t('errors.loadFailed')} onAction={list.reload} />;
  if (!list.data) return <LoadingState />;
  const rows = list.data.rows;

  return (
    <Stack gap="md">
      <PartWriteError part={part} onReload={list.reload} />
      {rows.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="documents-empty">
          {t('documents.empty')}
        </Text>
      ) : (
        <ScrollArea>
          <Table striped verticalSpacing="xs" miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>{t('documents.column.index')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('documents.field.number')}</Table.Th>
                <Table.Th>{t('documents.field.type')}</Table.Th>
                <Table.Th>{t('documents.field.date')}</Table.Th>
                <Table.Th>{t('documents.field.issuer')}</Table.Th>
                <Table.Th>{t('documents.field.summary')}</Table.Th>
                {!readOnly && <Table.Th w={140} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row, i) => (
                <Table.Tr key={row.id} data-testid="document-row">
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="document-row-number">
                    {row.number}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="document-row-type">
                    {row.docType}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatIsoDate(row.issuedOn)}</Table.Td>
                  <Table.Td>{row.issuer}</Table.Td>
                  <Table.Td>{row.summary}</Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      <PartRowActions
                        part={part}
                        rows={rows}
                        index={i}
                        names={NAMES}
                        justify="flex-end"
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {!readOnly && (
        <PartAddButton part={part} names={NAMES} />
      )}
      {record.error && (
        <ErrorAlert error={record.error} title={t('errors.loadFailed')} onAction={record.reload} />
      )}
      {record.data && (
        <TagsEditor
          meetingId={meetingId}
          version={version}
          onVersion={onVersion}
          readOnly={readOnly}
          tags={record.data.tags.map((tag) => tag.name)}
        />
      )}
      <OrderedPartDialogs
        part={part}
        editor={(props) => <DocumentEditor {...props} />}
        removeTexts={(row) => ({
          title: t('documents.removeTitle'),
          message: t('documents.removeConfirm', { number: row?.number ?? '' }),
          confirmLabel: t('documents.remove'),
        })}
        confirmTestId="document-remove-confirm"
      />
    </Stack>
  );
}
