import { SEARCH_COLUMNS, type SearchDocument } from './document';
import { newStamp, scanSpellings, trimSpellings } from './tokens';
import type { Occurrences } from './postings';

/**
 * A document as the index stores it: each folded word with its positions per column, the document's
 * length in words over all columns (bm25's D), and each distinct marked form once (the marked index
 * records only which forms a document holds). Words and positions are FTS5 unicode61's on the folded
 * text (tokens.ts), so phrases and lengths are the ones FTS5 counted.
 */
export interface DocTerms {
  terms: Map<string, Occurrences>;
  length: number;
  marked: string[];
}

/** One pass over each column's text gives both the folded and the marked words (tokens.ts scanSpellings). */
export function docTerms(doc: SearchDocument): DocTerms {
  const stamp = newStamp();
  const occs: Occurrences[] = [];
  const folded: string[] = [];
  const marked: string[] = [];
  let length = 0;
  SEARCH_COLUMNS.forEach((column, c) => {
    const bit = 1 << c;
    let position = 0;
    scanSpellings(doc[column], ({ folded: f, marked: m }) => {
      if (m.stamp !== stamp) {
        m.stamp = stamp;
        marked.push(m.text);
      }
      if (f.text === '') return;
      if (f.stamp !== stamp) {
        f.stamp = stamp;
        f.slot = occs.length;
        // Only the columns holding the word get a list (most words are in one or two of the eight).
        occs.push({ mask: 0, positions: new Array<number[]>(SEARCH_COLUMNS.length) });
        folded.push(f.text);
      }
      const occ = occs[f.slot]!;
      if (!(occ.mask & bit)) {
        occ.mask |= bit;
        occ.positions[c] = [];
      }
      occ.positions[c]!.push(position++);
    });
    length += position;
  });
  trimSpellings();
  const terms = new Map<string, Occurrences>();
  for (let i = 0; i < folded.length; i++) terms.set(folded[i]!, occs[i]!);
  return { terms, length, marked };
}
