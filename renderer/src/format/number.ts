import type { Language } from './language';

// Formatters are costly to build and the lists format thousands of numbers while scrolling.
const formatters = new Map<Language, Intl.NumberFormat>();

/** A count with the language's digit grouping: `1.234` in Vietnamese, `1,234` in English. */
export function formatCount(value: number, language: Language): string {
  let f = formatters.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 });
    formatters.set(language, f);
  }
  return f.format(value);
}
