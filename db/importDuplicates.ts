import type { Archive } from './open';
import { cachedStatement } from './statementCache';

/** A live meeting an import may duplicate. */
export interface ImportedMeeting {
  id: string;
  title: string;
  meetingDate: string | null;
}

/**
 * The live meeting made from a source with this content hash: every import leaves an audit entry under
 * entity 'import' with the hash as its id (the audit log's (entity, entity_id) index finds it at once),
 * so the same report is recognised even after its meeting was edited.
 */
export function meetingImportedFrom(archive: Pick<Archive, 'sqlite'>, contentHash: string): ImportedMeeting | undefined {
  return cachedStatement(
    archive.sqlite,
    `SELECT m.id, m.title, m.meeting_date AS meetingDate FROM audit_log a
     JOIN meetings m ON m.id = json_extract(a.after, '$.meetingId') AND m.deleted_at IS NULL
     WHERE a.entity = 'import' AND a.entity_id = ? LIMIT 1`,
  ).get(contentHash) as ImportedMeeting | undefined;
}

/** A live meeting with exactly this title and date. */
export function meetingByTitleAndDate(archive: Pick<Archive, 'sqlite'>, title: string, meetingDate: string): ImportedMeeting | undefined {
  return cachedStatement(
    archive.sqlite,
    'SELECT id, title, meeting_date AS meetingDate FROM meetings WHERE deleted_at IS NULL AND title = ? AND meeting_date = ? LIMIT 1',
  ).get(title, meetingDate) as ImportedMeeting | undefined;
}
