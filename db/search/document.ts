import type { SearchColumn } from './query';

/**
 * The text of one meeting for search: everything a clerk may remember about it, one text per search
 * column. The index is built from it (indexer.ts) and snippets are cut from it (search.ts), so both read
 * this one query: a word the index matched is always in the text the snippet looks at.
 */

/** The search columns, in the order of the ranked index's column masks (postings.ts). */
export const SEARCH_COLUMNS: readonly SearchColumn[] = ['title', 'conclusions', 'minutes', 'captions', 'people', 'place', 'docs', 'tags'];

export type SearchDocument = Record<SearchColumn, string> & {
  meetingId: string;
  meetingDate: string | null;
  kind: string;
};

/**
 * Read in one statement (correlated subqueries run inside SQLite, so a full rebuild is one pass over the
 * meetings); `where` picks the meetings (`m` is the meetings table) and may order and limit them.
 */
export function searchDocumentSql(where: string): string {
  return `
SELECT m.id AS meetingId, m.meeting_date AS meetingDate, m.kind AS kind,
  m.title AS title,
  coalesce((SELECT group_concat(text, char(10)) FROM (SELECT text FROM conclusions WHERE meeting_id = m.id ORDER BY position)), '') AS conclusions,
  m.minutes_text AS minutes,
  coalesce((SELECT group_concat(caption || CASE WHEN credit <> '' THEN ' (' || credit || ')' ELSE '' END, char(10))
            FROM (SELECT caption, credit FROM photos WHERE meeting_id = m.id ORDER BY position)), '') AS captions,
  coalesce((SELECT group_concat(trim(a.rank || ' ' || p.full_name || ', ' || a.titles || ', ' || a.unit, ', '), char(10))
            FROM (SELECT * FROM attendance WHERE meeting_id = m.id ORDER BY position) a JOIN people p ON p.id = a.person_id), '') AS people,
  trim(m.location || char(10) || m.organizer || char(10) || m.kind || char(10) || m.source) AS place,
  coalesce((SELECT group_concat(trim(doc_type || ' ' || number || ' ' || coalesce(issued_on, '') || ' ' || issuer || ' ' || summary), char(10))
            FROM (SELECT * FROM document_refs WHERE meeting_id = m.id ORDER BY position)), '') AS docs,
  coalesce((SELECT group_concat(t.name, char(10)) FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = m.id), '') AS tags
FROM meetings m ${where}`;
}
