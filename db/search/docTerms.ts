import { SEARCH_COLUMNS, type SearchDocument } from './document';
import { newStamp, scanSpellings, trimSpellings, type WordForm } from './tokens';
import { phrasesStartingWith } from './indexedPhrases';
import type { Occurrences } from './postings';

/**
 * A document as the index stores it: each folded word with its positions per column, each indexed
 * phrase (indexedPhrases.ts) with the positions where it begins, the document's length in words over all
 * columns (bm25's D, phrases not counted), and each distinct marked form once (the marked index records
 * only which forms a document holds). Words and positions are FTS5 unicode61's on the folded text
 * (tokens.ts), so phrases and lengths are the ones FTS5 counted.
 */
export interface DocTerms {
  terms: Map<string, Occurrences>;
  length: number;
  marked: string[];
}

const newOccurrences = (): Occurrences => ({ mask: 0, positions: new Array<number[]>(SEARCH_COLUMNS.length) });

function addPosition(occ: Occurrences, c: number, position: number): void {
  // Only the columns holding the word get a list (most words are in one or two of the eight).
  if (!(occ.mask & (1 << c))) {
    occ.mask |= 1 << c;
    occ.positions[c] = [];
  }
  occ.positions[c]!.push(position);
}

/** One pass over each column's text gives both the folded and the marked words (tokens.ts scanSpellings). */
export function docTerms(doc: SearchDocument): DocTerms {
  const stamp = newStamp();
  const occs: Occurrences[] = [];
  const folded: string[] = [];
  const marked: string[] = [];
  const phrases = new Map<string, Occurrences>();
  const column: WordForm[] = [];
  const starts: number[] = [];
  let length = 0;
  SEARCH_COLUMNS.forEach((name, c) => {
    column.length = 0;
    starts.length = 0;
    scanSpellings(doc[name], ({ folded: f, marked: m }) => {
      if (m.stamp !== stamp) {
        m.stamp = stamp;
        marked.push(m.text);
      }
      if (f.text === '') return;
      if (f.stamp !== stamp) {
        f.stamp = stamp;
        f.slot = occs.length;
        occs.push(newOccurrences());
        folded.push(f.text);
      }
      if (f.tag < 0) f.tag = phrasesStartingWith(f.text) ? 1 : 0;
      if (f.tag === 1) starts.push(column.length);
      addPosition(occs[f.slot]!, c, column.length);
      column.push(f);
    });
    for (const p of starts) {
      for (const phrase of phrasesStartingWith(column[p]!.text)!) {
        if (p + phrase.length > column.length || !phrase.every((w, k) => column[p + k]!.text === w)) continue;
        const key = phrase.join(' ');
        let occ = phrases.get(key);
        if (!occ) phrases.set(key, (occ = newOccurrences()));
        addPosition(occ, c, p);
      }
    }
    length += column.length;
  });
  trimSpellings();
  const terms = new Map<string, Occurrences>();
  for (let i = 0; i < folded.length; i++) terms.set(folded[i]!, occs[i]!);
  for (const [key, occ] of phrases) terms.set(key, occ);
  return { terms, length, marked };
}
