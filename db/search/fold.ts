/**
 * Vietnamese folding shared by search, type-ahead and tag names.
 * NFC first, lower case, đ → d (SQLite's remove_diacritics does not fold đ), then every combining mark
 * removed, which also folds letters that carry two marks (ễ, ậ, ở) in one go.
 *
 * Folding runs on every word of every snippet candidate, so each character's folded form is computed
 * once (NFD + strip marks) and cached; a string is then folded character by character.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f === undefined) {
    f = ch.toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
    if (cache.size < 20_000) cache.set(ch, f);
  }
  return f;
}

export function foldVietnamese(text: string): string {
  const nfc = text.normalize('NFC');
  let out = '';
  for (const ch of nfc) out += ch.charCodeAt(0) < 0x80 ? (ch >= 'A' && ch <= 'Z' ? ch.toLowerCase() : ch) : foldChar(ch);
  return out;
}
