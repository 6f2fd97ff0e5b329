import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SavedNote } from '../../components/SaveButton';
import { formatClock } from '../../format/date';
import { hasErrors } from './meetingForm';
import type { MeetingDraft } from './useMeetingDraft';
import { useMeetingErrorText } from './useMeetingErrorText';

/** The autosave indicator next to Lưu: Đang lưu… / Đã lưu lúc … / Chưa lưu (and why not). */
export function SaveStatus({ draft }: { draft: MeetingDraft }) {
  const { t } = useTranslation();
  const errorText = useMeetingErrorText();
  const { form, dirty, saving, savedAt, submitted, allErrors, autosaveStopped } = draft;
  if (submitted && hasErrors(allErrors))
    return (
      <Text size="sm" c="red.7" data-testid="meeting-invalid">
        {t('common.fixErrors')}
      </Text>
    );
  if (saving)
    return (
      <Text size="sm" c="dimmed" data-testid="meeting-saving">
        {t('autosave.saving')}
      </Text>
    );
  if (dirty) {
    // Why the form cannot be saved as it is (only for a stored meeting: a new one waits for Lưu).
    const first = Object.values(allErrors)[0];
    const reason = form?.meeting && first ? errorText(first) : null;
    return (
      <Text size="sm" c="orange.8" data-testid="meeting-dirty">
        {autosaveStopped
          ? t('autosave.stopped')
          : reason
            ? t('autosave.invalid', { reason })
            : `${t('autosave.unsaved')} · ${t('meetingForm.saveShortcut')}`}
      </Text>
    );
  }
  if (savedAt !== null)
    return (
      <SavedNote testId="meeting-saved">{t('meetingForm.savedAt', { time: formatClock(savedAt) })}</SavedNote>
    );
  return null;
}
