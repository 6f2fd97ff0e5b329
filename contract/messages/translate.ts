/**
 * Words a message in a language: the edge of every transport calls this (the renderer in the clerk's
 * language, the CLI and logs in Vietnamese). Pure: the catalogs are plain data bundled with the code.
 */
import type { Catalog, MessageKey } from './keys';
import type { Message, MessageParam } from './message';
import { en } from './en';
import { vi } from './vi';

export type MessageLanguage = 'vi' | 'en';

export const CATALOGS: Readonly<Record<MessageLanguage, Catalog>> = { vi, en };

const numberFormats = new Map<MessageLanguage, Intl.NumberFormat>();
function formatNumber(n: number, language: MessageLanguage): string {
  let f = numberFormats.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 2 });
    numberFormats.set(language, f);
  }
  return f.format(n);
}

/** The catalog's text for a key, or undefined (a key from a newer version, or a typo in a test). */
export function catalogText(language: MessageLanguage, key: string): string | undefined {
  let node: unknown = CATALOGS[language];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part))
      return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function isMessageKey(key: string): key is MessageKey {
  return catalogText('vi', key) !== undefined;
}

function param(value: MessageParam, language: MessageLanguage, depth: number): string {
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'string') return value;
  return translate(language, value, depth + 1);
}

/**
 * `{{name}}` replaced by its parameter (a number grouped for the language, a nested message worded in
 * turn). A key neither catalog knows is shown as the key, never as nothing.
 */
export function translate(language: MessageLanguage, message: Message, depth = 0): string {
  const template = catalogText(language, message.key) ?? catalogText('vi', message.key) ?? message.key;
  if (depth > 4) return template;
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = message.params?.[name];
    return value === undefined ? whole : param(value, language, depth);
  });
}

/** A code's text followed by its details, as one line: what every error reads as. */
export function translateAll(language: MessageLanguage, messages: readonly Message[]): string {
  return messages.map((m) => translate(language, m)).join(' ');
}
