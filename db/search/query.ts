import { foldVietnamese } from '../../contract/vietnamese/fold';
import { msg, type Message } from '../../contract/messages/message';
import { HosoError } from '../../contract/errors';
import { hasMarks, markedForm, withoutStrayMarks, words } from './tokens';
import { DEFAULT_ABBREVIATION_INDEX, type AbbreviationIndex } from './abbreviations';

/**
 * The clerk's query language (README.md, "Search"): words are ANDed; "a phrase"; a OR b; -word / -"phrase"
 * excludes; prefix*; filters nguoi: loai: the: tu: den:. Whatever else is typed is taken as text and
 * escaped: FTS5 syntax never reaches SQLite from the clerk's keyboard, so no query can fail to parse.
 *
 * A query's cost is bounded here (issue 19: 284 × "hội OR" held the web host for 34 s at 100 000
 * meetings). Repeats collapse first (the same word, phrase, OR alternative, clause or exclusion counts
 * once, so 284 × "hội OR" is the one word hội), then what is left must stay within the limits below, or
 * the query is refused with SEARCH_QUERY_TOO_COMPLEX and a detail naming the limit. Each distinct term
 * costs a lookup in the index, a phrase in bm25's ranking pass and a pass over every snippet's words.
 */

/** Characters: the contract's cap on `search/query` (contract.ts), checked here too for direct callers. */
export const MAX_QUERY_CHARS = 2000;
/**
 * Distinct words and phrases, typed ones (dictionary alternatives not counted), positive and excluded:
 * a clerk's query has a handful, a pasted title 15–20; a full OR list of names with a few words and
 * exclusions stays under 40. Words ANDed are cheap (each narrows the others); ORed ones are not.
 */
export const MAX_TERMS = 40;
/**
 * Distinct typed alternatives of one OR group: a long list of names or units is up to about 20 of them.
 * Each is a phrase of bm25's ranking pass over every match, so broad words ORed is the costliest query
 * allowed: 30 of them took 2.2 s at 100 000 meetings (`npm run bench -- search --meetings 100000`), 20
 * stay under the web host's 2 s of work per request until the ranking index of its own replaces FTS5's.
 */
export const MAX_OR_ALTERNATIVES = 20;
/** Words of one phrase: a pasted sentence in quotes; a phrase test reads every word's positions. */
export const MAX_PHRASE_WORDS = 32;
/**
 * Prefix terms (tuyển*): each one reads every index word it begins, thousands for a short prefix; a
 * clerk uses one or two.
 */
export const MAX_PREFIX_TERMS = 5;
/** Notes about ignored parts (a bad date…): the same note once, and a few at most. */
const MAX_NOTES = 5;

export interface QueryWord {
  /** As typed (NFC). */
  original: string;
  folded: string;
  /** Marked form, only when the clerk typed marks on this word (those marks must then match). */
  marked: string | null;
}

export type SearchColumn = 'title' | 'conclusions' | 'minutes' | 'captions' | 'people' | 'place' | 'docs' | 'tags';

/** A word or phrase; one word is a phrase of one. */
export interface Term {
  words: QueryWord[];
  prefix: boolean;
  column: SearchColumn | null;
  /** Came from the abbreviation dictionary, not typed. */
  expanded: boolean;
}

/** Alternatives joined by OR; clauses are ANDed. */
export interface Clause {
  alternatives: Term[];
}

export interface ParsedQuery {
  clauses: Clause[];
  excluded: Term[];
  /** YYYY-MM-DD bounds, inclusive. */
  from: string | null;
  to: string | null;
  /** Folded meeting kinds (loai:), ORed. */
  kinds: string[];
  /** Notes about parts of the query that were ignored (a bad date, an empty filter…), worded where shown. */
  notes: Message[];
}

const FILTERS: Record<string, 'nguoi' | 'loai' | 'the' | 'tu' | 'den'> = {
  nguoi: 'nguoi',
  loai: 'loai',
  the: 'the',
  tu: 'tu',
  den: 'den',
};

interface RawToken {
  text: string;
  quoted: boolean;
  negated: boolean;
  prefix: boolean;
  filter: keyof typeof FILTERS | null;
  or: boolean;
}

/** Splits the raw input into tokens; an unterminated quote runs to the end of the input. */
function lex(input: string): RawToken[] {
  const s = input.normalize('NFC').replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"');
  const out: RawToken[] = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !/[\s-]/.test(s[i + 1]!)) {
      negated = true;
      i++;
    }
    let filter: RawToken['filter'] = null;
    const filterMatch = /^([\p{L}]+):(?=\S)/u.exec(s.slice(i));
    if (filterMatch) {
      const name = foldVietnamese(filterMatch[1]!);
      if (name in FILTERS) {
        filter = FILTERS[name]!;
        i += filterMatch[0].length;
      }
    }
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1);
      const end = close === -1 ? s.length : close;
      const text = s.slice(i + 1, end);
      i = end + 1;
      const prefix = s[i] === '*';
      if (prefix) i++;
      out.push({ text, quoted: true, negated, prefix, filter, or: false });
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!) && s[j] !== '"') j++;
    let text = s.slice(i, j);
    i = j;
    const prefix = /\*+$/.test(text);
    text = text.replace(/\*+$/, '');
    if (!negated && !filter && text === 'OR') out.push({ text, quoted: false, negated, prefix: false, filter, or: true });
    else out.push({ text, quoted: false, negated, prefix, filter, or: false });
  }
  return out;
}

function queryWords(text: string): QueryWord[] {
  return words(withoutStrayMarks(text))
    .map((w) => ({
      original: w.text,
      folded: foldVietnamese(w.text),
      marked: hasMarks(w.text) ? markedForm(w.text) : null,
    }))
    .filter((w) => w.folded.length > 0);
}

/** dd/mm/yyyy, d-m-yyyy, mm/yyyy or yyyy → the first or last day it names, or null. */
export function parseDateBound(value: string, end: boolean): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  let m = /^(\d{4})$/.exec(value);
  if (m) return end ? `${m[1]}-12-31` : `${m[1]}-01-01`;
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) {
    const [y, mo] = [Number(m[2]), Number(m[1])];
    if (mo < 1 || mo > 12) return null;
    return `${y}-${pad(mo)}-${end ? pad(lastDay(y, mo)) : '01'}`;
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo)) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

function withAbbreviations(term: Term, abbreviations: AbbreviationIndex): Term[] {
  const alts = abbreviations.alternatives(term.words.map((w) => w.folded));
  return [
    term,
    ...alts.map((phrase) => ({
      words: phrase.map((f) => ({ original: f, folded: f, marked: null })),
      prefix: false,
      column: term.column,
      expanded: true,
    })),
  ];
}

/**
 * "kinh tế xã hội" typed as separate words is also the phrase that KT-XH stands for: consecutive
 * one-word clauses whose words spell a dictionary entry get that entry's alternatives as a whole.
 */
function joinDictionaryRuns(clauses: Clause[], abbreviations: AbbreviationIndex): Clause[] {
  const simple = (c: Clause) => c.alternatives.length === 1 && c.alternatives[0]!.words.length === 1 && !c.alternatives[0]!.prefix && c.alternatives[0]!.column === null;
  const out: Clause[] = [];
  let i = 0;
  while (i < clauses.length) {
    let matched = 0;
    for (let len = Math.min(6, clauses.length - i); len >= 2; len--) {
      const run = clauses.slice(i, i + len);
      if (!run.every(simple)) continue;
      const phrase = run.map((c) => c.alternatives[0]!.words[0]!);
      const alts = abbreviations.alternatives(phrase.map((w) => w.folded));
      if (alts.length === 0) continue;
      const typed: Term = { words: phrase, prefix: false, column: null, expanded: false };
      out.push({ alternatives: withAbbreviations(typed, abbreviations) });
      matched = len;
      break;
    }
    if (matched) i += matched;
    else out.push(clauses[i++]!);
  }
  return out;
}

/** What makes two terms the same search: their words as matched (folded, marked), prefix, column. */
function termKey(t: Term): string {
  return `${t.column ?? ''}|${t.prefix ? '*' : ''}|${t.words.map((w) => `${w.folded}/${w.marked ?? ''}`).join(' ')}`;
}

/** Terms without repeats, in first-seen order; a typed repeat of a dictionary alternative stays typed. */
function distinctTerms(terms: Term[]): Term[] {
  const byKey = new Map<string, Term>();
  for (const t of terms) {
    const key = termKey(t);
    const seen = byKey.get(key);
    if (!seen || (seen.expanded && !t.expanded)) byKey.set(key, seen ? { ...seen, expanded: false } : t);
  }
  return [...byKey.values()];
}

/** The query without repeats: each clause's alternatives once, each clause once (in any order), each exclusion once. */
function collapseRepeats(q: ParsedQuery): void {
  const clauses = new Map<string, Clause>();
  for (const c of q.clauses) {
    const alternatives = distinctTerms(c.alternatives);
    const key = alternatives.map(termKey).sort().join('\u0000');
    if (!clauses.has(key)) clauses.set(key, { alternatives });
  }
  q.clauses = [...clauses.values()];
  q.excluded = distinctTerms(q.excluded);
  q.kinds = [...new Set(q.kinds)];
  const notes = new Map(q.notes.map((n) => [JSON.stringify(n), n]));
  q.notes = [...notes.values()].slice(0, MAX_NOTES);
}

const tooComplex = (detail: Message) => new HosoError('SEARCH_QUERY_TOO_COMPLEX', detail);

/** Refuses a query (its repeats collapsed) beyond the limits above, naming the first limit it passes. */
function checkBounds(q: ParsedQuery): void {
  const terms = [...q.clauses.flatMap((c) => c.alternatives), ...q.excluded];
  const longest = Math.max(0, ...terms.map((t) => t.words.length));
  if (longest > MAX_PHRASE_WORDS) throw tooComplex(msg('searchLimit.phraseTooLong', { count: longest, max: MAX_PHRASE_WORDS }));
  for (const c of q.clauses) {
    const typed = c.alternatives.filter((a) => !a.expanded).length;
    if (typed > MAX_OR_ALTERNATIVES) throw tooComplex(msg('searchLimit.tooManyAlternatives', { count: typed, max: MAX_OR_ALTERNATIVES }));
  }
  const typed = distinctTerms(terms.filter((t) => !t.expanded));
  if (typed.length > MAX_TERMS) throw tooComplex(msg('searchLimit.tooManyTerms', { count: typed.length, max: MAX_TERMS }));
  const prefixes = typed.filter((t) => t.prefix).length;
  if (prefixes > MAX_PREFIX_TERMS) throw tooComplex(msg('searchLimit.tooManyPrefixes', { count: prefixes, max: MAX_PREFIX_TERMS }));
}

/**
 * The clerk's query, its repeats collapsed. Throws SEARCH_QUERY_TOO_COMPLEX (a HosoError) when it is
 * longer or more complex than the limits above.
 */
export function parseQuery(input: string, abbreviations: AbbreviationIndex = DEFAULT_ABBREVIATION_INDEX): ParsedQuery {
  if (input.length > MAX_QUERY_CHARS) throw tooComplex(msg('searchLimit.tooLong', { length: input.length, max: MAX_QUERY_CHARS }));
  const parsed: ParsedQuery = { clauses: [], excluded: [], from: null, to: null, kinds: [], notes: [] };
  let pendingOr = false;
  for (const token of lex(input)) {
    if (token.or) {
      pendingOr = parsed.clauses.length > 0;
      continue;
    }
    if (token.filter === 'tu' || token.filter === 'den') {
      const bound = parseDateBound(token.text.trim(), token.filter === 'den');
      if (bound) parsed[token.filter === 'tu' ? 'from' : 'to'] = bound;
      else parsed.notes.push(msg('searchNote.badDate', { filter: token.filter, text: token.text }));
      continue;
    }
    if (token.filter === 'loai') {
      const kind = foldVietnamese(token.text.replace(/[-_]/g, ' ')).replace(/\s+/g, ' ').trim();
      if (kind) parsed.kinds.push(kind);
      continue;
    }
    const ws = queryWords(token.filter === 'the' ? token.text.replace(/[-_]/g, ' ') : token.text);
    if (ws.length === 0) continue; // only punctuation or operators: nothing to look for
    const term: Term = {
      words: ws,
      prefix: token.prefix,
      column: token.filter === 'nguoi' ? 'people' : token.filter === 'the' ? 'tags' : null,
      expanded: false,
    };
    if (token.negated) {
      parsed.excluded.push(term);
      pendingOr = false;
      continue;
    }
    const alternatives = withAbbreviations(term, abbreviations);
    if (pendingOr) parsed.clauses[parsed.clauses.length - 1]!.alternatives.push(...alternatives);
    else parsed.clauses.push({ alternatives });
    pendingOr = false;
  }
  parsed.clauses = joinDictionaryRuns(parsed.clauses, abbreviations);
  if (parsed.from && parsed.to && parsed.from > parsed.to) {
    parsed.notes.push(msg('searchNote.reversedRange'));
  }
  collapseRepeats(parsed);
  checkBounds(parsed);
  return parsed;
}

/** FTS5 string literal: double quotes doubled, so nothing inside is read as syntax. */
function ftsString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

export function ftsTerm(term: Term): string {
  const phrase = ftsString(term.words.map((w) => w.folded).join(' ')) + (term.prefix ? '*' : '');
  return term.column ? `${term.column} : (${phrase})` : phrase;
}

export function ftsClause(clause: Clause): string {
  const alts = clause.alternatives.map(ftsTerm);
  return alts.length === 1 ? alts[0]! : `(${alts.join(' OR ')})`;
}

/** The folded FTS5 MATCH expression, or null when the query has nothing positive to look for. */
export function foldedMatch(q: ParsedQuery): string | null {
  if (q.clauses.length === 0) return null;
  const positive = q.clauses.map(ftsClause).join(' AND ');
  if (q.excluded.length === 0) return positive;
  return `(${positive}) NOT (${q.excluded.map(ftsTerm).join(' OR ')})`;
}

/** A marked form a document must hold (markedLists.ts); with `prefix`, any form beginning with it. */
export interface MarkedWant {
  form: string;
  prefix: boolean;
}

/**
 * The words of a term that carry typed marks, as marked forms a document must all hold, or null.
 * Prefix terms constrain their vowel marks only (tone digits come last and would defeat the prefix).
 */
export function markedMatch(term: Term): MarkedWant[] | null {
  const wants = term.words.flatMap((w, i) => {
    if (!w.marked) return [];
    const prefix = term.prefix && i === term.words.length - 1;
    return [{ form: prefix ? w.marked.replace(/\d$/, '') : w.marked, prefix }];
  });
  return wants.length ? wants : null;
}

/** Every typed word in marked form: documents containing all of them exactly rank first. */
export function literalMatch(q: ParsedQuery): MarkedWant[] | null {
  const forms = q.clauses
    .map((c) => c.alternatives.filter((a) => !a.expanded))
    .filter((typed) => typed.length === 1 && !typed[0]!.prefix)
    .flatMap((typed) => typed[0]!.words.map((w) => markedForm(w.original)));
  return forms.length ? [...new Set(forms)].map((form) => ({ form, prefix: false })) : null;
}
