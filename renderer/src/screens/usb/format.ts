import type { TFunction } from 'i18next';
import type { Language } from '../../format/language';

/** A size as clerks read it on a USB stick's properties: MB below 1 GB, else GB, with the language's decimal mark. */
export function formatBytes(bytes: number, t: TFunction, language: Language): string {
  const locale = language === 'vi' ? 'vi-VN' : 'en-US';
  if (bytes >= 1024 ** 3) return t('usbArchive.size.gb', { n: (bytes / 1024 ** 3).toLocaleString(locale, { maximumFractionDigits: 2 }) });
  return t('usbArchive.size.mb', { n: (bytes / 1024 ** 2).toLocaleString(locale, { maximumFractionDigits: 1 }) });
}

export function formatSeconds(seconds: number, t: TFunction): string {
  return seconds < 90 ? t('usbArchive.time.seconds', { n: Math.max(1, Math.round(seconds)) }) : t('usbArchive.time.minutes', { n: Math.round(seconds / 60) });
}
