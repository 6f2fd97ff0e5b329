import { errorText as wordError, type ErrorPayload } from '../../../contract/errors';
import type { Language } from '../format/language';
import { CONNECTION_LOST_MESSAGE } from './client';

/**
 * What the clerk reads for a failed call, in the UI's language: the code's text and its details (which
 * field, which file) from the contract's catalogs. A lost connection is the renderer's own message.
 */
export function errorText(error: ErrorPayload, language: Language, connectionLostText: string): string {
  if (error.message === CONNECTION_LOST_MESSAGE)
    return language === 'vi' ? error.message : connectionLostText;
  return wordError(error, language);
}
