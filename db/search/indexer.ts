import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Archive } from '../open';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { SEARCH_COLUMNS, searchDocumentSql, type SearchDocument } from './document';
import { docMeta, forgetDocMeta, touchDoc } from './docMeta';
import { docTerms } from './docTerms';
import { noteIndexWrite } from './searchCache';
import { addToTail, allocateDocid, MainBuilder, mergeTail, RankedIndexCheck, retireDocid, TAIL_MAX, TAIL_MERGE, tailSize } from './rankedIndex';
import { forgetDocFacets, touchFacetDoc } from './docFacets';

// The document's columns and type are document.ts's; callers of the indexer find them here too.
export { SEARCH_COLUMNS, type SearchDocument } from './document';

interface Statements {
  one: Database.Statement;
  all: Database.Statement;
  findDoc: Database.Statement;
  insertDoc: Database.Statement;
  deleteDoc: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      one: sqlite.prepare(searchDocumentSql('WHERE m.id = ? AND m.deleted_at IS NULL')),
      // Paged by id: better-sqlite3 cannot write on a connection while a read iterator is open on it.
      // `+m.deleted_at` keeps the planner on the primary key (the deleted_at index would scan every meeting per page).
      all: sqlite.prepare(searchDocumentSql('WHERE +m.deleted_at IS NULL AND m.id > ? ORDER BY m.id LIMIT 500')),
      findDoc: sqlite.prepare('SELECT docid, content_hash AS contentHash FROM search_docs WHERE meeting_id = ?'),
      insertDoc: sqlite.prepare('INSERT INTO search_docs (docid, meeting_id, meeting_date, kind, kind_folded, content_hash, length) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      deleteDoc: sqlite.prepare('DELETE FROM search_docs WHERE docid = ?'),
    };
    cache.set(sqlite, s);
  }
  return s;
}

function* liveDocuments(s: Statements): Generator<SearchDocument> {
  let after = '';
  for (;;) {
    const page = s.all.all(after) as SearchDocument[];
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]!.meetingId;
  }
}

export function contentHash(doc: SearchDocument): string {
  const h = createHash('sha256');
  h.update(doc.meetingDate ?? '').update('\u0000').update(doc.kind);
  for (const c of SEARCH_COLUMNS) h.update('\u0000').update(doc[c]);
  return h.digest('hex');
}

/** The in-memory copies of search_docs and of each meeting's people and tags re-read `docid` before their next use. */
function touched(sqlite: Database.Database, docid: number): void {
  noteIndexWrite(sqlite);
  touchDoc(sqlite, docid);
  touchFacetDoc(sqlite, docid);
}

/** Takes a docid out of every part of the index (the main segment skips it from now on as dead). */
function removeDocument(sqlite: Database.Database, s: Statements, docid: number): void {
  s.deleteDoc.run(docid);
  retireDocid(sqlite, docid);
  touched(sqlite, docid);
}

/**
 * Indexes a meeting under `docid` (a new one: an edit is a removal and an addition): its words and
 * marked forms go into the tail, or into the main segment's builder during a rebuild.
 */
function writeDocument(sqlite: Database.Database, s: Statements, doc: SearchDocument, docid: number, builder: MainBuilder | null): void {
  const terms = docTerms(doc);
  s.insertDoc.run(docid, doc.meetingId, doc.meetingDate, doc.kind, foldVietnamese(doc.kind), contentHash(doc), terms.length);
  if (builder) builder.add(docid, terms);
  else addToTail(sqlite, docid, terms);
  touched(sqlite, docid);
}

/**
 * Brings one meeting's index entry up to date: (re)indexed while live, removed once in the trash.
 * Call inside the transaction of the write, so the index never disagrees with a committed change.
 */
export function indexMeeting(archive: Pick<Archive, 'sqlite'>, meetingId: string): void {
  const sqlite = archive.sqlite;
  const s = statements(sqlite);
  const doc = s.one.get(meetingId) as SearchDocument | undefined;
  const existing = s.findDoc.get(meetingId) as { docid: number; contentHash: string } | undefined;
  if (existing && doc && existing.contentHash === contentHash(doc)) {
    // Same text, but maybe not the same people: replacing an attendee by a namesake from the directory
    // (two "Nguyễn Văn Hùng") changes no word. The in-memory facets re-read the meeting either way.
    touched(sqlite, existing.docid);
    return;
  }
  if (existing) removeDocument(sqlite, s, existing.docid);
  if (doc) writeDocument(sqlite, s, doc, allocateDocid(sqlite), null);
  // A tail this long slows every search: past TAIL_MAX the write itself merges (the idle merge of
  // mergeSearchTail normally runs long before).
  if (doc && tailSize(sqlite) >= TAIL_MAX) mergeNow(sqlite);
}

function mergeNow(sqlite: Database.Database): { documents: number; words: number } {
  const meta = docMeta(sqlite);
  return mergeTail(sqlite, (d) => d < meta.live.length && meta.live[d] === 1);
}

/**
 * Moves the ranked index's tail into its main segment when TAIL_MERGE documents wait there, in one
 * transaction of its own: the sessions call it a few seconds after the last write (services/session
 * idle merge). Returns what it merged, or null when nothing was due.
 */
export function mergeSearchTail(archive: Pick<Archive, 'sqlite'>, force = false): { documents: number; words: number; ms: number } | null {
  const started = Date.now();
  const sqlite = archive.sqlite;
  if (tailSize(sqlite) < (force ? 1 : TAIL_MERGE)) return null;
  const merged = sqlite.transaction(() => mergeNow(sqlite))();
  return { ...merged, ms: Date.now() - started };
}

/**
 * A full rebuild reads every meeting and writes the whole index in one transaction: 256 MB of page
 * cache for it keeps SQLite from spilling written pages to the WAL and reading them back. The cache goes
 * back to its size afterwards.
 */
const REBUILD_CACHE_KIB = 256 * 1024;

/** Rebuilds the whole index from the tables, in one transaction (the old index stays until commit). */
export function rebuildSearchIndex(archive: Pick<Archive, 'sqlite'>, onProgress?: (done: number, total: number) => void): { documents: number; ms: number } {
  const started = Date.now();
  const s = statements(archive.sqlite);
  const total = onProgress ? (archive.sqlite.prepare('SELECT count(*) FROM meetings WHERE deleted_at IS NULL').pluck().get() as number) : 0;
  let documents = 0;
  const cacheSize = archive.sqlite.pragma('cache_size', { simple: true }) as number;
  archive.sqlite.pragma(`cache_size = -${REBUILD_CACHE_KIB}`);
  try {
    archive.sqlite.transaction(() => {
      archive.sqlite.exec('DELETE FROM search_docs');
      forgetDocMeta(archive.sqlite);
      forgetDocFacets(archive.sqlite);
      const builder = new MainBuilder();
      for (const doc of liveDocuments(s)) {
        writeDocument(archive.sqlite, s, doc, ++documents, builder);
        if (documents % 5000 === 0) onProgress?.(documents, total);
      }
      if (documents % 5000 !== 0) onProgress?.(documents, total);
      builder.write(archive.sqlite, documents + 1);
    })();
  } finally {
    archive.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return { documents, ms: Date.now() - started };
}

export interface IndexCheck {
  ok: boolean;
  documents: number;
  /** Live meetings with no index entry, entries for meetings no longer live, entries whose text is stale. */
  missing: string[];
  orphaned: string[];
  stale: string[];
  /** With `words`: the first list of the index that could not be read at all (it is among `words` too). */
  structureError: string | null;
  /**
   * With `words`: index words (and marked forms, such as "hoa1") whose lists disagree with the records
   * (up to 50 of each), and live meetings
   * whose recorded length (bm25's D) is not their text's.
   */
  words: string[];
  lengths: string[];
}

/**
 * Compares the index with the content, meeting by meeting (via the content hash). With `words`
 * (`hoso check`, the search check channel), also every word and marked form of the index against the
 * records (RankedIndexCheck): a full pass over the text, tens of seconds at 100 000 meetings.
 */
export function checkSearchIndex(archive: Pick<Archive, 'sqlite'>, options: { words?: boolean } = {}): IndexCheck {
  const s = statements(archive.sqlite);
  const indexed = new Map(
    (archive.sqlite.prepare('SELECT meeting_id AS id, content_hash AS hash, docid, length FROM search_docs').all() as { id: string; hash: string; docid: number; length: number }[]).map(
      (r) => [r.id, r],
    ),
  );
  const liveDocids = new Set([...indexed.values()].map((r) => r.docid));
  const result: IndexCheck = { ok: true, documents: indexed.size, missing: [], orphaned: [], stale: [], structureError: null, words: [], lengths: [] };
  const words = options.words ? new RankedIndexCheck() : null;
  for (const doc of liveDocuments(s)) {
    const row = indexed.get(doc.meetingId);
    if (row === undefined) result.missing.push(doc.meetingId);
    else if (row.hash !== contentHash(doc)) result.stale.push(doc.meetingId);
    else if (words) {
      const terms = docTerms(doc);
      if (terms.length !== row.length) result.lengths.push(doc.meetingId);
      words.add(row.docid, terms);
    }
    indexed.delete(doc.meetingId);
  }
  result.orphaned = [...indexed.keys()];
  if (words) {
    const check = words.wordsOutOfStep(archive.sqlite, (d) => liveDocids.has(d));
    result.words = check.outOfStep;
    result.structureError = check.unreadable.length ? `unreadable index list: ${check.unreadable[0]!}` : null;
  }
  result.ok = !result.missing.length && !result.orphaned.length && !result.stale.length && !result.structureError && !result.words.length && !result.lengths.length;
  return result;
}
