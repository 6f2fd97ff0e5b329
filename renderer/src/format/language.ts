import type { Settings } from '../../../contract/contract';

export type Language = Settings['language'];

/** i18next may report a region variant ("en-US") or nothing yet; the app knows two languages. */
export function toLanguage(value: string | undefined | null): Language {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
