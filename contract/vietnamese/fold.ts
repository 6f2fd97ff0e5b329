/**
 * Vietnamese folding shared by search, type-ahead and tag names.
 * NFC first, lower case, đ → d (SQLite's remove_diacritics does not fold đ), then every combining mark
 * removed, which also folds letters that carry two marks (ễ, ậ, ở) in one go.
 *
 * Folding runs over every text the index holds (~0.5 GB at 100 000 meetings), so it is a table lookup
 * per UTF-16 code unit: each code unit's folded form (one code unit, or none for a stray combining mark)
 * is computed once, and the output is decoded natively from a Uint16Array.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
/** 0: not yet computed; 0xFFFF: drop; else the folded code unit (+1, so that U+0000 stays representable). */
const table = new Uint16Array(0x10000);
const DROP = 0xffff;
const decoder = new TextDecoder('utf-16le');

function computeUnit(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c + 1; // surrogate halves pass through unchanged
  const folded = String.fromCharCode(c)
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFC');
  if (folded.length === 0) return DROP;
  if (folded.length === 1) return folded.charCodeAt(0) + 1;
  return c + 1; // a letter whose lower case is two units (rare, non-Vietnamese): keep it as it is
}

export function foldVietnamese(text: string): string {
  const s = text.normalize('NFC');
  const out = new Uint16Array(s.length);
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out[j++] = c >= 65 && c <= 90 ? c + 32 : c;
      continue;
    }
    let f = table[c]!;
    if (f === 0) f = table[c] = computeUnit(c);
    if (f !== DROP) out[j++] = f - 1;
  }
  return decoder.decode(out.subarray(0, j));
}

/**
 * A person's name as compared for "the same name": folded, spaces collapsed ("Nguyễn  Văn An" =
 * "nguyen van an"). Two entries with the same folded name may be one person entered twice.
 */
export const foldName = (name: string): string => foldVietnamese(name.trim().replace(/\s+/g, ' '));
