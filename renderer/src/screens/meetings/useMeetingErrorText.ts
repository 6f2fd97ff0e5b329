import { useTranslation } from 'react-i18next';
import { MINUTES_MAX_CHARS } from '../../../../contract/contract';
import { toLanguage } from '../../format/language';
import { formatCount } from '../../format/number';
import type { MeetingFormError } from './meetingForm';

/** A meeting form problem in words: under its field, and in the autosave indicator. */
export function useMeetingErrorText(): (code: MeetingFormError) => string {
  const { t, i18n } = useTranslation();
  const max = formatCount(MINUTES_MAX_CHARS, toLanguage(i18n.language));
  return (code) => t(`meetingForm.error.${code}`, { max });
}
