import type { Connection } from '../../db/open';
import type { SearchQuery } from '../../contract/contract';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { parseQuery, type ParsedQuery, type Term } from '../../db/search/query';
import { foldedText, markedForm, words } from '../../db/search/tokens';
import { SEARCH_COLUMNS, searchDocumentSql, type SearchDocument } from '../../db/search/document';
import { FIELD_WEIGHTS } from '../../db/search/snippets';
import type { AbbreviationIndex } from '../../db/search/abbreviations';

/**
 * A brute-force reference for hoso's search (issue 18, item 5): which live meetings a query matches and
 * in which order, computed from the meetings' text alone, document by document, with none of the index
 * code (no FTS5 table, no marked lists, no DocMeta/DocSet/IndexLookups). It reuses only the query parser
 * and the pure text functions (folding, words, marked forms) and reads each meeting's text with
 * document.ts's SQL, so it states the rules once more, independently, for any engine behind
 * `searchMeetings` to be compared with.
 *
 * Rules (DESIGN.md §4 as db/search/matching.ts and ranking.ts apply them today):
 * - every word matches on its folded form; a phrase is consecutive words of one column; prefix* applies to
 *   the last word; `nguoi:` is the people column, `the:` the tags column; OR alternatives and dictionary
 *   alternatives are ORed; -word / -"phrase" excludes on the folded form only.
 * - a word typed with marks must also find its marked form somewhere in the meeting (any column: the marked
 *   index is one bag of words per meeting). Clauses with a single term: all its marked words must be there.
 *   Clauses with alternatives: some alternative must pass, a marked one by its marked words, an unmarked one
 *   by its folded match (which need not be the alternative the folded expression matched on).
 * - a query with no positive clause matches every live meeting that holds no excluded term when it has a
 *   tu:/den:/loai: filter, and nothing otherwise.
 * - filters: request personId (attendance), tag (folded tag name), year, kind (folded); tu:/den: inclusive;
 *   a dated filter never matches an undated meeting; loai: kinds are ORed, then ANDed with the kind facet.
 * - order by relevance: meetings holding every typed word with exactly its marks first (literalMatch), then
 *   bm25 ascending, then docid descending. bm25 exactly as FTS5's fts5Bm25Function: one phrase per term of
 *   the folded MATCH expression (clause alternatives in order, then the excluded terms), freq = sum of the
 *   column weights of the phrase's instances in the row (restricted to its column filter), idf =
 *   ln((N - nHit + 0.5) / (nHit + 0.5)) clamped to 1e-6 when <= 0, N = live rows, nHit = live rows with an
 *   instance (in its column filter), D = the row's tokens over all columns, avgdl = all tokens / N,
 *   k1 = 1.2, b = 0.75, score = -sum idf * freq * (k1 + 1) / (freq + k1 * (1 - b + b * D / avgdl)).
 * - order by date (sort 'date', or no positive clause): newest date first, undated last, then docid descending.
 */

/** One live meeting as the reference reads it. */
export interface RefDoc {
  /** Its place in RefCorpus.docs. */
  index: number;
  docid: number;
  meetingId: string;
  title: string;
  /** yyyymmdd, 0 when undated. */
  date: number;
  kindFolded: string;
  /** Folded text per column, in SEARCH_COLUMNS order (what an FTS5 table of folded text would hold). */
  folded: string[];
  /** Folded tokens per column. */
  tokens: string[][];
  /** Folded token → where it stands, each as column << 16 | position. */
  where: Map<string, number[]>;
  /** Every word of the meeting in marked form. */
  marked: Set<string>;
  /** Tokens over all columns (bm25's D). */
  length: number;
  personIds: Set<string>;
  tagsFolded: Set<string>;
}

export interface RefCorpus {
  docs: RefDoc[];
  byMeeting: Map<string, RefDoc>;
  byDocid: Map<number, RefDoc>;
  /** Live rows (bm25's N) and their tokens over all columns. */
  rows: number;
  tokens: number;
  /** Every folded word of the live meetings (for prefix terms). */
  vocabulary: string[];
}

const WEIGHTS = SEARCH_COLUMNS.map((c) => FIELD_WEIGHTS[c]);

/**
 * Reads every live meeting's text (document.ts's SQL) and its people and tags. The docid (the tie-break of
 * the ranking) is the one search_docs gives the meeting; a live meeting without one gets NaN, which no
 * engine's answer can match.
 */
export function loadCorpus(sqlite: Connection): RefCorpus {
  const rows = sqlite.prepare(searchDocumentSql('WHERE m.deleted_at IS NULL ORDER BY m.id')).all() as SearchDocument[];
  const docids = new Map(
    (sqlite.prepare('SELECT meeting_id AS id, docid FROM search_docs').all() as { id: string; docid: number }[]).map((r) => [r.id, r.docid]),
  );
  const people = new Map<string, Set<string>>();
  for (const r of sqlite.prepare('SELECT meeting_id AS m, person_id AS p FROM attendance').all() as { m: string; p: string }[]) {
    let s = people.get(r.m);
    if (!s) people.set(r.m, (s = new Set()));
    s.add(r.p);
  }
  const tags = new Map<string, Set<string>>();
  for (const r of sqlite.prepare('SELECT mt.meeting_id AS m, t.name_folded AS f FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id').all() as { m: string; f: string }[]) {
    let s = tags.get(r.m);
    if (!s) tags.set(r.m, (s = new Set()));
    s.add(r.f);
  }
  const docs: RefDoc[] = rows.map((r, index) => {
    const folded = SEARCH_COLUMNS.map((c) => foldedText(r[c]));
    const tokens = folded.map((text) => words(text).map((w) => w.text));
    const where = new Map<string, number[]>();
    tokens.forEach((list, col) =>
      list.forEach((t, i) => {
        if (i > 0xffff) throw new Error('a column longer than the reference handles');
        const p = where.get(t);
        if (p) p.push((col << 16) | i);
        else where.set(t, [(col << 16) | i]);
      }),
    );
    const marked = new Set<string>();
    for (const c of SEARCH_COLUMNS) for (const w of words(r[c])) marked.add(markedForm(w.text));
    return {
      index,
      docid: docids.get(r.meetingId) ?? NaN,
      meetingId: r.meetingId,
      title: r.title,
      date: r.meetingDate ? Number(r.meetingDate.replace(/-/g, '')) : 0,
      kindFolded: foldVietnamese(r.kind),
      folded,
      tokens,
      where,
      marked,
      length: tokens.reduce((n, t) => n + t.length, 0),
      personIds: people.get(r.meetingId) ?? new Set(),
      tagsFolded: tags.get(r.meetingId) ?? new Set(),
    };
  });
  return {
    docs,
    byMeeting: new Map(docs.map((d) => [d.meetingId, d])),
    byDocid: new Map(docs.map((d) => [d.docid, d])),
    rows: docs.length,
    tokens: docs.reduce((n, d) => n + d.length, 0),
    vocabulary: [...new Set(docs.flatMap((d) => [...d.where.keys()]))],
  };
}

/**
 * A term's column-weighted frequency in a document (bm25's freq): the weight of its column for each
 * position where the term starts (its words consecutive in one column, the last one a prefix for term*),
 * counting only its own column when it has one. `firsts`: the folded words it may start with (the one
 * word, or for a one-word prefix term every word of the corpus beginning with it).
 */
function weightedFreq(doc: RefDoc, term: Term, firsts: readonly string[]): number {
  const n = term.words.length;
  const only = term.column === null ? -1 : SEARCH_COLUMNS.indexOf(term.column);
  let freq = 0;
  for (const first of firsts) {
    for (const code of doc.where.get(first) ?? []) {
      const col = code >>> 16;
      const pos = code & 0xffff;
      if (only >= 0 && col !== only) continue;
      const toks = doc.tokens[col]!;
      let ok = true;
      for (let k = 1; ok && k < n; k++) {
        const t = toks[pos + k];
        const w = term.words[k]!.folded;
        ok = t !== undefined && (term.prefix && k === n - 1 ? t.startsWith(w) : t === w);
      }
      if (ok) freq += WEIGHTS[col]!;
    }
  }
  return freq;
}

/** The marked words a term asks for (markedMatch's rule), each with whether it is a prefix. */
function markedWants(term: Term): { form: string; prefix: boolean }[] {
  return term.words.flatMap((w, i) => {
    if (!w.marked) return [];
    const isPrefix = term.prefix && i === term.words.length - 1;
    return [{ form: isPrefix ? w.marked.replace(/\d$/, '') : w.marked, prefix: isPrefix }];
  });
}

function hasMarked(doc: RefDoc, want: { form: string; prefix: boolean }[]): boolean {
  return want.every((w) => {
    if (!w.prefix) return doc.marked.has(w.form);
    for (const m of doc.marked) if (m.startsWith(w.form)) return true;
    return false;
  });
}

/** literalMatch's forms: every word of the clauses with one typed, non-prefix term, in marked form. */
function literalForms(q: ParsedQuery): string[] {
  const forms = q.clauses
    .map((c) => c.alternatives.filter((a) => !a.expanded))
    .filter((typed) => typed.length === 1 && !typed[0]!.prefix)
    .flatMap((typed) => typed[0]!.words.map((w) => markedForm(w.original)));
  return [...new Set(forms)];
}

export interface RefHit {
  doc: RefDoc;
  /** bm25 as FTS5 returns it (negative, lower is better); 0 when ordered by date. */
  rank: number;
  exact: boolean;
  /** The score searchMeetings shows: -rank, +1000 when exact, rounded to 3 decimals. */
  score: number;
}

export interface RefResult {
  parsed: ParsedQuery;
  total: number;
  /** Every hit in order (not only a page). */
  ordered: RefHit[];
  /** Whether a live meeting matches the positive clauses on folded words alone (no marks, exclusions or filters). */
  matchesFolded(doc: RefDoc): boolean;
  /** Whether a live meeting holds an excluded term (on folded words). */
  holdsExcluded(doc: RefDoc): boolean;
  /** bm25 of any live meeting for this query, as FTS5 defines it. */
  bm25(doc: RefDoc): number;
  /** bm25's statistics for this query, for failure messages. */
  stats: { rows: number; avgdl: number; phrases: { term: string; nHit: number; idf: number }[] };
}

const yyyymmdd = (iso: string) => Number(iso.replace(/-/g, ''));
const termText = (t: Term) => `${t.column ? `${t.column}:` : ''}"${t.words.map((w) => w.original).join(' ')}"${t.prefix ? '*' : ''}${t.expanded ? '(dict)' : ''}`;

/** The whole ordered answer of `req` over `corpus`, as the rules above give it. */
export function bruteSearch(corpus: RefCorpus, req: SearchQuery, abbreviations?: AbbreviationIndex): RefResult {
  const q = parseQuery(req.query, abbreviations);
  const N = corpus.rows;
  const avgdl = corpus.tokens / N;
  const hasFilters = q.from !== null || q.to !== null || q.kinds.length > 0;

  // The phrases of the folded MATCH expression, in its order: alternatives clause by clause, then exclusions.
  const positive = q.clauses.length > 0;
  // (Without a positive clause nothing is ranked, but the exclusions still pick the meetings.)
  const phrases: Term[] = [...q.clauses.flatMap((c) => c.alternatives), ...q.excluded];
  const freqs = phrases.map((t) => {
    const first = t.words[0]!.folded;
    const firsts = t.words.length === 1 && t.prefix ? corpus.vocabulary.filter((v) => v.startsWith(first)) : [first];
    return corpus.docs.map((d) => weightedFreq(d, t, firsts));
  });
  const nHit = freqs.map((f) => f.reduce((n, x) => n + (x > 0 ? 1 : 0), 0));
  const idf = nHit.map((h) => {
    const v = Math.log((N - h + 0.5) / (h + 0.5));
    return v <= 0.0 ? 1e-6 : v;
  });
  const phraseOf = new Map<Term, number>(phrases.map((t, i) => [t, i]));
  const found = (t: Term, d: number) => freqs[phraseOf.get(t)!]![d]! > 0;
  const holdsExcluded = (doc: RefDoc) => q.excluded.some((t) => found(t, doc.index));
  const matchesFolded = (doc: RefDoc) => positive && q.clauses.every((c) => c.alternatives.some((a) => found(a, doc.index)));
  const k1 = 1.2;
  const b = 0.75;
  const bm25 = (doc: RefDoc) => {
    const D = doc.length;
    let score = 0.0;
    for (let i = 0; i < phrases.length; i++) {
      const f = freqs[i]![doc.index]!;
      score += idf[i]! * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + (b * D) / avgdl)));
    }
    return -1.0 * score;
  };
  const stats = { rows: N, avgdl, phrases: phrases.map((t, i) => ({ term: termText(t), nHit: nHit[i]!, idf: idf[i]! })) };
  if (q.clauses.length === 0 && !hasFilters) return { parsed: q, total: 0, ordered: [], matchesFolded, holdsExcluded, bm25, stats };

  // Dates and kinds, as one range and one allowed set.
  let lo = 0;
  let hi = Infinity;
  if (q.from) lo = Math.max(lo, yyyymmdd(q.from));
  if (q.to) hi = Math.min(hi, yyyymmdd(q.to));
  if (req.year !== null) {
    lo = Math.max(lo, req.year * 10000 + 101);
    hi = Math.min(hi, req.year * 10000 + 1231);
  }
  const dated = lo > 0 || hi !== Infinity;
  let kinds: Set<string> | null = null;
  if (q.kinds.length) kinds = new Set(q.kinds);
  if (req.kind !== null) {
    const k = foldVietnamese(req.kind);
    kinds = kinds === null ? new Set([k]) : new Set([...kinds].filter((x) => x === k));
  }
  const tagFolded = req.tag === null ? null : foldVietnamese(req.tag);

  const singleMarks = q.clauses.filter((c) => c.alternatives.length === 1).flatMap((c) => markedWants(c.alternatives[0]!));
  const multi = q.clauses.filter((c) => c.alternatives.length > 1 && c.alternatives.some((a) => markedWants(a).length > 0));

  const hits: number[] = [];
  corpus.docs.forEach((doc, d) => {
    if (holdsExcluded(doc)) return;
    if (positive) {
      if (!matchesFolded(doc)) return;
      if (!hasMarked(doc, singleMarks)) return;
      for (const c of multi) {
        if (!c.alternatives.some((a) => (markedWants(a).length > 0 ? hasMarked(doc, markedWants(a)) : found(a, d)))) return;
      }
    }
    if (req.personId !== null && !doc.personIds.has(req.personId)) return;
    if (tagFolded !== null && !doc.tagsFolded.has(tagFolded)) return;
    if (dated && (doc.date === 0 || doc.date < lo || doc.date > hi)) return;
    if (kinds !== null && !kinds.has(doc.kindFolded)) return;
    hits.push(d);
  });

  if (req.sort === 'date' || !positive) {
    const ordered = hits
      .map((d) => corpus.docs[d]!)
      .sort((a, b) => {
        if ((a.date === 0) !== (b.date === 0)) return a.date === 0 ? 1 : -1;
        return b.date - a.date || b.docid - a.docid;
      })
      .map((doc) => ({ doc, rank: 0, exact: false, score: 0 }));
    return { parsed: q, total: hits.length, ordered, matchesFolded, holdsExcluded, bm25, stats };
  }

  // Exact-mark hits first, unless all or none of the hits are.
  const exactByConstruction = q.clauses.every((c) => c.alternatives.length === 1 && !c.alternatives[0]!.prefix && c.alternatives[0]!.words.every((w) => w.marked !== null));
  let exactOf: (doc: RefDoc) => boolean = () => exactByConstruction;
  if (!exactByConstruction) {
    const forms = literalForms(q);
    if (forms.length) {
      const exactSet = new Set(hits.map((d) => corpus.docs[d]!).filter((doc) => forms.every((f) => doc.marked.has(f))));
      if (exactSet.size === hits.length) exactOf = () => true;
      else if (exactSet.size > 0) exactOf = (doc) => exactSet.has(doc);
    }
  }
  const ranked = hits.map((d) => {
    const doc = corpus.docs[d]!;
    const rank = bm25(doc);
    const exact = exactOf(doc);
    return { doc, rank, exact, score: Math.round((-rank + (exact ? 1000 : 0)) * 1000) / 1000 };
  });
  ranked.sort((x, y) => (x.exact === y.exact ? 0 : x.exact ? -1 : 1) || x.rank - y.rank || y.doc.docid - x.doc.docid);
  return { parsed: q, total: hits.length, ordered: ranked, matchesFolded, holdsExcluded, bm25, stats };
}
