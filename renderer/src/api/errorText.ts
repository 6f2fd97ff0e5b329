import { ERROR_MESSAGES, type ErrorPayload } from '../../../contract/errors';
import type { Language } from '../format/language';
import { CONNECTION_LOST_MESSAGE } from './client';

/**
 * What the clerk reads for a failed call. In Vietnamese the server's own message is shown: it carries
 * the specifics (which field, which file). In English only the code's standard text exists.
 */
export function errorText(error: ErrorPayload, language: Language, connectionLostText: string): string {
  if (language === 'vi') return error.message;
  if (error.message === CONNECTION_LOST_MESSAGE) return connectionLostText;
  return ERROR_MESSAGES[error.code].en;
}
