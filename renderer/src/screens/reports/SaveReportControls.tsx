import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { SaveReport } from './useSaveReport';

/** What a save left, shown under the buttons: its failure, or the name of the file it wrote; both closable. */
export function SaveReportFeedback({ state, savedTestId }: { state: SaveReport; savedTestId?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {state.error && (
        <ErrorAlert error={state.error} title={t('reports.failed')} onClose={() => state.setError(null)} />
      )}
      {state.done && (
        <Alert color="teal" variant="light" withCloseButton onClose={state.clearDone} data-testid={savedTestId}>
          {t('reports.saved', { name: state.done })}
        </Alert>
      )}
    </>
  );
}
