import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorPayload } from '../../../contract/errors';
import { toLanguage } from '../format/language';
import { errorText } from './errorText';

/** The clerk-facing text of a failed call, in the UI's current language. */
export function useErrorText(): (error: ErrorPayload) => string {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return useCallback((error) => errorText(error, language, t('errors.connectionLost')), [language, t]);
}
