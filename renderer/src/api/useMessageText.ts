import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../contract/messages/message';
import { translate } from '../../../contract/messages/translate';
import { toLanguage } from '../format/language';

/** A message from below the UI (a key and parameters, see contract/messages/) in the UI's current language. */
export function useMessageText(): (message: Message) => string {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.language);
  return useCallback((message) => translate(language, message), [language]);
}
