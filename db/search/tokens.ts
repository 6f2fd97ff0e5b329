import { foldVietnamese } from '../../contract/vietnamese/fold';

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

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
let bmpTable: Uint8Array | null = null;

/** 1 for each UTF-16 unit (outside surrogates) that is a letter, digit or mark: built once, ~15 ms. */
function wordCharTable(): Uint8Array {
  if (bmpTable) return bmpTable;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++)
    if ((c < 0xd800 || c > 0xdfff) && WORD_CHAR.test(String.fromCharCode(c))) t[c] = 1;
  return (bmpTable = t);
}

/**
 * Calls `found(start, end, hash)` for each word of `text`, `hash` being a 31-multiplier hash of its code
 * units (scanSpellings's key). A table lookup per character instead of a Unicode property regex:
 * indexing reads every character of the archive, and the regex split was most of the marked index's
 * cost. (Characters outside the BMP, rare here, are tested with the regex.)
 */
export function scanWords(text: string, found: (start: number, end: number, hash: number) => void): void {
  const table = wordCharTable();
  let start = -1;
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let isWord: boolean;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      width = 2;
      isWord = WORD_CHAR.test(text.slice(i, i + 2));
    } else {
      isWord = table[c] === 1;
    }
    if (isWord) {
      if (start < 0) {
        start = i;
        h = 0;
      }
      h = (Math.imul(h, 31) + c) | 0;
      if (width === 2) h = (Math.imul(h, 31) + text.charCodeAt(i + 1)) | 0;
    } else if (start >= 0) {
      found(start, i, h);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) found(start, text.length, h);
}

export function words(text: string): Word[] {
  const out: Word[] = [];
  scanWords(text, (start, end) => out.push({ text: text.slice(start, end), start, end }));
  return out;
}

/**
 * `text` without the combining marks that follow no letter: "\u0303\u0303 hội" is read as " hội". A mark
 * belongs to the letter before it; alone (after a space, a digit or at the start: a dead key, a paste
 * from a broken text) it is no word, and as a query word it would fold to nothing and match nothing.
 */
export function withoutStrayMarks(text: string): string {
  return text.replace(STRAY_MARKS, '$1');
}
const STRAY_MARKS = /(^|[^\p{L}\p{M}])\p{M}+/gu;

/** Tone marks, numbered: huyền 1, hỏi 2, ngã 3, sắc 4, nặng 5. */
const TONE_DIGIT: Record<string, string> = {
  '\u0300': '1',
  '\u0309': '2',
  '\u0303': '3',
  '\u0301': '4',
  '\u0323': '5',
};
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

/**
 * One form a word takes in the index (folded, or marked), shared by every spelling with that form.
 * `stamp` and `slot` belong to the document being read (docTerms.ts): "already met in this document,
 * at this place in its lists", without a Set or Map lookup per word; `tag` to the form.
 */
export interface WordForm {
  readonly text: string;
  stamp: number;
  slot: number;
  /** What the reader worked out about the form itself, once (docTerms: does an indexed phrase begin with it); −1 until then. */
  tag: number;
}

/** A spelling met in indexed text ("Hoà", "HÒA", "hòa" are three), with its two forms. */
export interface Spelling {
  /** Its folded form; the empty text for a "word" of stray combining marks alone, which is no word. */
  readonly folded: WordForm;
  /** Its marked form (markedForm). */
  readonly marked: WordForm;
}

/**
 * Calls `found` with each word of `text` as a Spelling. Indexing reads ~10^8 words at 100 000 meetings,
 * from a vocabulary of a few tens of thousands of spellings, so each spelling is worked out once: a hash
 * of the word's code units finds the spelling seen before (confirmed with startsWith); only a spelling
 * met for the first time is sliced, folded and put in marked form. Folding word by word gives the words
 * folding the whole text and then splitting it gives: NFC only composes a mark onto the letter before it,
 * both are word characters, and folding never turns a letter into a separator or the reverse.
 */
export function scanSpellings(text: string, found: (s: Spelling) => void): void {
  scanWords(text, (start, end, hash) => found(spelling(text, start, end, hash)));
}

function spelling(text: string, start: number, end: number, h: number): Spelling {
  let entry = spellings.get(h) ?? null;
  while (entry !== null && !(entry.word.length === end - start && text.startsWith(entry.word, start))) entry = entry.next;
  if (entry === null) {
    const word = text.slice(start, end);
    entry = { word, folded: shared(foldedForms, foldVietnamese(word)), marked: shared(markedForms, markedForm(word)), next: spellings.get(h) ?? null };
    spellings.set(h, entry);
    spellingCount++;
  }
  return entry;
}

/**
 * Forgets the spellings once there are too many (a vocabulary this large is not an archive's but a corpus
 * of noise). Only between documents: a document's stamps and slots live on the forms it met.
 */
export function trimSpellings(): void {
  if (spellingCount < 200_000) return;
  spellings.clear();
  foldedForms.clear();
  markedForms.clear();
  spellingCount = 0;
}

/** A number no form carries yet as its stamp: one per document read. */
export function newStamp(): number {
  return ++stamps;
}

function shared(forms: Map<string, WordForm>, text: string): WordForm {
  let form = forms.get(text);
  if (form === undefined) forms.set(text, (form = { text, stamp: 0, slot: 0, tag: -1 }));
  return form;
}

interface SpellingEntry extends Spelling {
  readonly word: string;
  /** Another spelling with the same hash. */
  readonly next: SpellingEntry | null;
}
const spellings = new Map<number, SpellingEntry>();
const foldedForms = new Map<string, WordForm>();
const markedForms = new Map<string, WordForm>();
let spellingCount = 0;
let stamps = 0;
