import type { Archive } from './open';
import { cachedStatement } from './statementCache';

/**
 * What earlier merges left in the audit log (entries `merge.*`), which is all a merge knows of the
 * other PC's history: the content hash each wrote (`contentHash`), the versions declined or already seen
 * (`theirHash`), and the records copied under new ids ("keep both", `fromId`).
 */

export interface MergeEntry {
  action: string;
  /** The content hash the merge wrote for the record, if it wrote one. */
  written: string | null;
  /** The other side's content hash it declined or kept beside, if any. */
  theirs: string | null;
}

/** The merge entries of one meeting or person, oldest first. */
export function mergeEntries(archive: Pick<Archive, 'sqlite'>, entity: 'meeting' | 'person', id: string): MergeEntry[] {
  return cachedStatement(
    archive.sqlite,
    `SELECT action, json_extract(after, '$.contentHash') AS written, json_extract(after, '$.theirHash') AS theirs
     FROM audit_log WHERE entity = ? AND entity_id = ? AND action LIKE 'merge.%' ORDER BY seq`,
  ).all(entity, id) as MergeEntry[];
}

/**
 * Every "keep both" copy: the bag record it came from and that record's content hash. The audit log has
 * no index on the action, so this is one scan, read once per plan rather than once per meeting.
 */
export function keptBothEntries(archive: Pick<Archive, 'sqlite'>): { fromId: string; theirHash: string }[] {
  return cachedStatement(
    archive.sqlite,
    `SELECT json_extract(after, '$.fromId') AS fromId, json_extract(after, '$.theirHash') AS theirHash
     FROM audit_log WHERE action = 'merge.both' AND entity = 'meeting'`,
  ).all() as { fromId: string; theirHash: string }[];
}
