import { foldVietnamese } from './fold';

/**
 * Words as the index sees them. A word is a run of letters, digits and combining marks; everything else
 * (spaces, punctuation, '-', '/') separates words, exactly as FTS5's unicode61 tokenizer splits, so a
 * document number like 1374-QC/QUTW-TUHN is the word sequence 1374 qc qutw tuhn in both places.
 */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Tone marks, numbered: huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5. */
const TONE_DIGIT: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };
const TONE_MARKS = /[\u0300\u0309\u0303\u0301\u0323]/g;

/**
 * The "marked" form of a word: lower case, letters keep their vowel marks (ă â ê ô ơ ư đ), the tone is
 * taken off whichever vowel carries it and written once as a digit at the end. So the old and new tone
 * placements are one form (hoà = hòa → "hoa1", thuỷ = thủy → "thuy2"), while bàn ("ban1"), bán
 * ("ban4") and ban ("ban") stay apart.
 */
export function markedForm(word: string): string {
  let form = markedCache.get(word);
  if (form === undefined) {
    const decomposed = word.normalize('NFC').toLowerCase().normalize('NFD');
    let tone = '';
    for (const ch of decomposed) if (TONE_DIGIT[ch]) tone = TONE_DIGIT[ch]!;
    form = decomposed.replace(TONE_MARKS, '').normalize('NFC') + tone;
    // Official texts reuse a small vocabulary: caching each word's form makes indexing several times faster.
    if (markedCache.size >= 200_000) markedCache.clear();
    markedCache.set(word, form);
  }
  return form;
}
const markedCache = new Map<string, string>();

/** True when a word carries any Vietnamese mark (tone, vowel mark or đ): the clerk chose those marks. */
export function hasMarks(word: string): boolean {
  return foldVietnamese(word) !== word.normalize('NFC').toLowerCase();
}

/**
 * The text a field contributes to the folded index: the whole text folded at once. Punctuation stays;
 * FTS5's tokenizer splits on it exactly as words() does, so positions (phrases) are the same.
 */
export function foldedText(text: string): string {
  return foldVietnamese(text);
}

const WORD_SPLIT = /[^\p{L}\p{N}\p{M}]+/u;

/**
 * The text a document contributes to the marked index: each distinct word once, in marked form. The
 * marked index records only which words a document holds (detail=none), so repeats add nothing.
 */
export function markedText(text: string): string {
  const distinct = new Set<string>();
  for (const w of text.normalize('NFC').split(WORD_SPLIT)) if (w) distinct.add(markedForm(w));
  return [...distinct].join(' ');
}
