import { useState } from 'react';
import { Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';

import { useTranslation } from 'react-i18next';
import { DOCUMENT_TYPES, normalizeDocumentNumber } from '../../../../../contract/documentNumber';
import { useMessageText } from '../../../api/useMessageText';
import type { ErrorPayload } from '../../../../../contract/errors';
import type { DocumentRef, DocumentRefFields } from '../../../../../contract/recordContract';
import { DialogActions } from '../../../components/DialogActions';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { VnDateInput } from '../../../components/VnDateInput';

interface Props {
  /** The reference being edited, or null for a new one. */
  row: DocumentRef | null;
  busy: boolean;
  error: ErrorPayload | null;
  onSave: (fields: DocumentRefFields) => void;
  onClose: () => void;
}

/** Add or edit a document reference; the số và ký hiệu is checked and shown normalized as it is typed. */
export function DocumentEditor({ row, busy, error, onSave, onClose }: Props) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(row?.number ?? '');
  const [docType, setDocType] = useState(row?.docType ?? '');
  const [issuedOn, setIssuedOn] = useState<string | null>(row?.issuedOn ?? null);
  const [issuer, setIssuer] = useState(row?.issuer ?? '');
  const [summary, setSummary] = useState(row?.summary ?? '');
  const [touched, setTouched] = useState(false);
  const messageText = useMessageText();
  const checked = normalizeDocumentNumber(number);
  const showError = !checked.ok && (touched || number.trim() !== '');
  const types: string[] = [...DOCUMENT_TYPES];
  if (docType && !types.includes(docType)) types.unshift(docType);

  function save() {
    setTouched(true);
    if (!checked.ok) return;
    onSave({
      number: checked.number,
      docType: docType || (checked.docType ?? ''),
      issuedOn,
      issuer: issuer.trim(),
      summary: summary.trim(),
    });
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={row ? t('documents.edit') : t('documents.add')}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('documents.field.number')}
            placeholder="15-NQ/TW"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            onBlur={() => {
              setTouched(true);
              if (checked.ok && !docType && checked.docType) setDocType(checked.docType);
            }}
            withAsterisk
            maxLength={200}
            error={showError && !checked.ok ? messageText(checked.message) : undefined}
            description={checked.ok ? t('documents.normalized', { number: checked.number }) : undefined}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            data-autofocus
            data-testid="document-number"
          />
          <Select
            label={t('documents.field.type')}
            placeholder={checked.ok && checked.docType ? checked.docType : undefined}
            data={types}
            value={docType || null}
            onChange={(v) => setDocType(v ?? '')}
            searchable
            clearable
            data-testid="document-type"
          />
          <VnDateInput
            label={t('documents.field.date')}
            placeholder="dd/mm/yyyy"
            value={issuedOn}
            onChange={setIssuedOn}
            clearable
            data-testid="document-date"
          />
          <TextInput
            label={t('documents.field.issuer')}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            maxLength={500}
            data-testid="document-issuer"
          />
        </SimpleGrid>
        <Textarea
          label={t('documents.field.summary')}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="document-summary"
        />
        {error && <ErrorAlert error={error} title={t('errors.saveFailed')} />}
        <DialogActions onCancel={onClose} loading={busy} onConfirm={save} confirmTestId="document-save" />
      </Stack>
    </Modal>
  );
}
