import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../../../contract/errors';
import { ErrorAlert } from '../../../components/ErrorAlert';

/**
 * A failed write in a record tab. A stale version (or a meeting finalized meanwhile) offers "Tải lại",
 * which fetches the part again with the meeting's current version; anything else can be dismissed.
 */
export function RecordError({
  error,
  onReload,
  onClose,
}: {
  error: ErrorPayload;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (error.code === 'VERSION_CONFLICT' || error.code === 'MEETING_FINALIZED')
    return (
      <ErrorAlert
        error={error}
        title={t('record.conflictTitle')}
        onAction={onReload}
        actionLabel={t('common.reload')}
      />
    );
  return <ErrorAlert error={error} title={t('record.saveFailed')} onClose={onClose} />;
}
