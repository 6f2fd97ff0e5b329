import { Alert, Button } from '@mantine/core';
import { IconFileTypeDocx, IconFileTypeHtml, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { SaveFormat, SaveReport } from './useSaveReport';

const ICONS = { pdf: IconFileTypePdf, docx: IconFileTypeDocx, html: IconFileTypeHtml } as const;
const LABELS = { pdf: 'reports.savePdf', docx: 'reports.saveDocx', html: 'reports.saveHtml' } as const;

/**
 * One "Lưu …" button a format, placed in the panel's own row of buttons. While one file is being made
 * every button waits (one save at a time); the running one shows the spinner.
 */
export function SaveReportButtons({
  state,
  formats,
  disabled = false,
  testIdPrefix,
}: {
  state: SaveReport;
  formats: readonly SaveFormat[];
  /** Nothing to save yet (the panel's request is not complete). */
  disabled?: boolean;
  /** The buttons' data-testid is this followed by the format. */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return formats.map((format) => {
    const Icon = ICONS[format];
    return (
      <Button
        key={format}
        variant="light"
        leftSection={<Icon size={16} />}
        onClick={() => void state.save(format)}
        loading={state.busy === format}
        disabled={disabled || !!state.busy}
        data-testid={`${testIdPrefix}${format}`}
      >
        {t(LABELS[format])}
      </Button>
    );
  });
}

/** What a save left, shown under the buttons: its failure, or the name of the file it wrote; both closable. */
export function SaveReportFeedback({ state, savedTestId }: { state: SaveReport; savedTestId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {state.error && (
        <ErrorAlert error={state.error} title={t('reports.failed')} onClose={() => state.setError(null)} />
      )}
      {state.done && (
        <Alert
          color="teal"
          variant="light"
          withCloseButton
          onClose={state.clearDone}
          data-testid={savedTestId}
        >
          {t('reports.saved', { name: state.done })}
        </Alert>
      )}
    </>
  );
}
