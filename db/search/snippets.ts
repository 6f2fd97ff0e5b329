import { foldVietnamese } from '../../contract/vietnamese/fold';
import { markedForm, words, type Word } from './tokens';
import type { ParsedQuery, SearchColumn, Term } from './query';

/**
 * Snippets show the clerk's *original* text, diacritics intact, with every hit wrapped in <mark>. Hits
 * are found again here, word by word, with the same folding and mark rules as the index, so a hit the
 * index found through folding ("dai tuong") is highlighted on the accented words ("Đại tướng").
 */
export interface Snippet {
  field: SearchColumn;
  html: string;
}

/** Field weights, shared with bm25 ranking: title and conclusions above minutes. */
export const FIELD_WEIGHTS: Record<SearchColumn, number> = {
  title: 10,
  conclusions: 6,
  docs: 5,
  people: 4,
  tags: 4,
  captions: 3,
  place: 3,
  minutes: 1,
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function wordMatches(token: Word, folded: string, q: Term['words'][number], prefix: boolean): boolean {
  if (prefix ? !folded.startsWith(q.folded) : folded !== q.folded) return false;
  if (!q.marked) return true;
  const marked = markedForm(token.text);
  return prefix ? marked.startsWith(q.marked.replace(/\d$/, '')) : marked === q.marked;
}

/**
 * The folded form of one word, remembered: a snippet folds every word of the passages it looks at
 * (thousands per search at 100 000 meetings), from a vocabulary of a few thousand, and folding a word
 * anew costs a native decode each time.
 */
function foldedWord(word: string): string {
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= 100_000) foldedWords.clear();
    foldedWords.set(word, (folded = foldVietnamese(word)));
  }
  return folded;
}
const foldedWords = new Map<string, string>();

/** Indices of the words of `text` that belong to a hit of any positive term. */
export function hitWordIndices(tokens: Word[], terms: Term[]): Set<number> {
  const hits = new Set<number>();
  const folded = tokens.map((t) => foldedWord(t.text));
  for (const term of terms) {
    const n = term.words.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) ok = wordMatches(tokens[i + k]!, folded[i + k]!, term.words[k]!, term.prefix && k === n - 1);
      if (ok) for (let k = 0; k < n; k++) hits.add(i + k);
    }
  }
  return hits;
}

/** A cheap first look: could any term hit this text at all? (Every word of a hit is in its folded text.) */
function mayHit(foldedText: string, terms: Term[]): boolean {
  return terms.some((t) => t.words.every((w) => foldedText.includes(w.folded)));
}

function positiveTerms(q: ParsedQuery, field: SearchColumn): Term[] {
  return q.clauses.flatMap((c) => c.alternatives).filter((t) => t.column === null || t.column === field);
}

/** The text between two word indices, hits marked, with ellipses where it was cut. */
function render(text: string, tokens: Word[], hits: Set<number>, from: number, to: number): string {
  const start = from === 0 ? 0 : tokens[from]!.start;
  const end = to >= tokens.length - 1 ? text.length : tokens[to]!.end;
  let out = from === 0 ? '' : '… ';
  let cursor = start;
  for (let i = from; i <= Math.min(to, tokens.length - 1); i++) {
    if (!hits.has(i)) continue;
    const t = tokens[i]!;
    // Consecutive hit words (a phrase) share one <mark>.
    let j = i;
    while (hits.has(j + 1) && j + 1 <= to) j++;
    out += escapeHtml(text.slice(cursor, t.start)) + '<mark>' + escapeHtml(text.slice(t.start, tokens[j]!.end)) + '</mark>';
    cursor = tokens[j]!.end;
    i = j;
  }
  out += escapeHtml(text.slice(cursor, end));
  return (out + (end < text.length ? ' …' : '')).replace(/\s+/g, ' ').trim();
}

const WINDOW = 28;

/** The best window of one text: the stretch of WINDOW words holding the most hits. */
function bestWindow(text: string, tokens: Word[], terms: Term[]): { hits: number; html: string } {
  const hits = hitWordIndices(tokens, terms);
  if (tokens.length <= WINDOW) return { hits: hits.size, html: render(text, tokens, hits, 0, tokens.length - 1) };
  const sorted = [...hits].sort((a, b) => a - b);
  let bestStart = 0;
  let bestCount = 0;
  // Two pointers over the sorted hits: the window starting 4 words before each hit.
  let j = 0;
  for (let i = 0; i < sorted.length; i++) {
    const start = Math.max(0, sorted[i]! - 4);
    if (j < i) j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! < start + WINDOW) j++;
    const count = j - i + 1;
    if (count > bestCount) [bestStart, bestCount] = [start, count];
  }
  return { hits: hits.size, html: render(text, tokens, hits, bestStart, bestStart + WINDOW - 1) };
}

/**
 * Which text the snippet comes from: the most telling field that has a hit, in this order. The title is
 * last because the result already shows it; a conclusion, an attendee or a caption says more.
 */
export const SNIPPET_ORDER: readonly SearchColumn[] = ['conclusions', 'docs', 'people', 'captions', 'tags', 'place', 'minutes', 'title'];

/** The whole title, hits marked as in a snippet (the terms that may hit a title: unqualified or `tieude:`). */
export function markTitle(q: ParsedQuery, title: string): string {
  const terms = positiveTerms(q, 'title');
  if (terms.length === 0 || !mayHit(foldVietnamese(title), terms)) return escapeHtml(title);
  const tokens = words(title);
  return render(title, tokens, hitWordIndices(tokens, terms), 0, tokens.length - 1);
}

/**
 * Renders the snippet from the passage that covers the most of the query's clauses (a caption with
 * "Đại tướng" beats a conclusion with only "hiện đại" for `dai tuong`); ties go to the field earlier in
 * SNIPPET_ORDER, then to more hits. For list-like fields a passage is one item (a caption, a conclusion,
 * an attendee). Fields that cannot hold a hit are ruled out by a substring test on their folded text,
 * and the search stops at the first passage covering every clause. With no hit anywhere (a filter-only
 * query) the title is the snippet.
 */
export function buildSnippet(q: ParsedQuery, fields: Record<SearchColumn, string>): Snippet {
  const clauses = q.clauses.length;
  let best: { field: SearchColumn; covered: number; hits: number; html: string } | null = null;
  for (const field of SNIPPET_ORDER) {
    const text = fields[field];
    if (!text) continue;
    const terms = positiveTerms(q, field);
    if (terms.length === 0 || !mayHit(foldVietnamese(text), terms)) continue;
    const items = field === 'minutes' || field === 'title' ? [text] : text.split('\n');
    for (const item of items) {
      if (items.length > 1 && !mayHit(foldVietnamese(item), terms)) continue;
      const tokens = words(item);
      const w = bestWindow(item, tokens, terms);
      if (w.hits === 0) continue;
      const covered = q.clauses.filter((c) => c.alternatives.some((t) => (t.column === null || t.column === field) && hitWordIndices(tokens, [t]).size > 0)).length;
      if (!best || covered > best.covered || (covered === best.covered && field === best.field && w.hits > best.hits)) {
        best = { field, covered, hits: w.hits, html: w.html };
      }
    }
    if (best && best.covered >= clauses) break;
  }
  if (best) return { field: best.field, html: best.html };
  return { field: 'title', html: escapeHtml(fields.title) };
}
