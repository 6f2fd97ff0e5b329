import { SEARCH_COLUMNS, type SearchDocument } from './document';
import { foldedText, scanWords } from './tokens';
import type { Occurrences } from './postings';

/**
 * A document as the ranked index stores it: each folded word with its positions per column, and the
 * document's length in words over all columns (bm25's D). Words and positions are FTS5 unicode61's on
 * the same folded text (tokens.ts), so phrases and lengths are the ones FTS5 counted.
 */
export interface DocTerms {
  terms: Map<string, Occurrences>;
  length: number;
}

export function docTerms(doc: SearchDocument): DocTerms {
  const terms = new Map<string, Occurrences>();
  let length = 0;
  SEARCH_COLUMNS.forEach((column, c) => {
    const text = foldedText(doc[column]);
    let position = 0;
    scanWords(text, (start, end) => {
      const word = text.slice(start, end);
      let occ = terms.get(word);
      // Only the columns holding the word get a list (most words are in one or two of the eight).
      if (!occ) terms.set(word, (occ = { mask: 0, positions: new Array<number[]>(SEARCH_COLUMNS.length) }));
      if (!(occ.mask & (1 << c))) {
        occ.mask |= 1 << c;
        occ.positions[c] = [];
      }
      occ.positions[c]!.push(position++);
    });
    length += position;
  });
  return { terms, length };
}
