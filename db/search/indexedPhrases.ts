import { DEFAULT_ABBREVIATIONS, foldedWords } from './abbreviations';

/**
 * Phrases the ranked index also holds as terms of their own: both sides of the built-in abbreviation
 * dictionary that are two words or more ("uy ban nhan dan", "kt xh"). The dictionary puts them into
 * many queries (UBND → "ủy ban nhân dân"), and matched position by position a phrase of common words
 * walks most of the archive's positions on every new query; as a term it is one list.
 *
 * A phrase term counts exactly what phrase matching counts (FTS5's phrase instances, overlapping ones
 * too, within one column), so bm25 is the same either way. Its key is the folded words joined by spaces,
 * which no word contains; it adds nothing to a document's length, and prefix queries never list it.
 *
 * The set is the program's, not the clerk's: phrases the clerk adds in Cài đặt are matched by position.
 * The index records which set it holds (PHRASES_FINGERPRINT in search_index_state); an archive whose
 * index holds another set is rebuilt when it opens (db/open.ts), and until then no phrase term is read.
 */
export type PhraseWords = readonly string[];

function indexedPhrases(): PhraseWords[] {
  const seen = new Map<string, PhraseWords>();
  for (const pair of DEFAULT_ABBREVIATIONS) {
    for (const side of pair) {
      const words = foldedWords(side);
      if (words.length >= 2) seen.set(words.join(' '), words);
    }
  }
  return [...seen.keys()].sort().map((k) => seen.get(k)!);
}

const PHRASES = indexedPhrases();
const KEYS = new Set(PHRASES.map((p) => p.join(' ')));
const BY_FIRST = new Map<string, PhraseWords[]>();
for (const p of PHRASES) BY_FIRST.set(p[0]!, [...(BY_FIRST.get(p[0]!) ?? []), p]);

/** The phrase term of these folded words, when the index holds one. */
export function phraseTermKey(words: readonly string[]): string | null {
  if (words.length < 2) return null;
  const key = words.join(' ');
  return KEYS.has(key) ? key : null;
}

/** The indexed phrases beginning with this folded word, or null. */
export function phrasesStartingWith(word: string): readonly PhraseWords[] | null {
  return BY_FIRST.get(word) ?? null;
}

/** A term of the index that is a phrase term (prefix queries skip those; rankedIndex.ts's SQL tests the same space). */
export const isPhraseTerm = (term: string): boolean => term.includes(' ');

/** Names the set: a 31-bit hash of the sorted keys (search_index_state stores integers). */
export const PHRASES_FINGERPRINT = (() => {
  let h = 7;
  for (const ch of PHRASES.map((p) => p.join(' ')).join('\n')) h = (Math.imul(h, 31) + ch.codePointAt(0)!) | 0;
  return (h & 0x7fffffff) || 1; // 0 is search_index_state's "never set"
})();
