/**
 * Vietnamese folding shared by search, type-ahead and tag names.
 * NFC first, lower case, đ → d (SQLite's remove_diacritics does not fold đ), then every combining mark
 * removed, which also folds letters that carry two marks (ễ, ậ, ở) in one go.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
}
