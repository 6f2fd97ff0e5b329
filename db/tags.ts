import type { Archive, Connection } from './open';
import { uuidv7 } from './ids';
import { foldVietnamese } from '../contract/vietnamese/fold';
import { appendAudit } from './audit';
import { writeRecord, type WriteOptions } from './recordWrite';
import { cachedStatement } from './statementCache';

/**
 * Tags (thẻ) on meetings. A tag is one per folded name ("Quốc phòng" = "quoc phong", unique in the
 * schema) and is created the first time a clerk types it; the name keeps the spelling it was first
 * typed with.
 */

export interface Tag {
  id: string;
  name: string;
}

export function meetingTags(archive: Pick<Archive, 'sqlite'>, meetingId: string): Tag[] {
  return cachedStatement(
    archive.sqlite,
    'SELECT t.id, t.name FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = ? ORDER BY t.name_folded, t.id',
  ).all(meetingId) as Tag[];
}

/** The tag of a folded name ("quoc phong"), if the archive has one. */
export function tagByFoldedName(sqlite: Connection, folded: string): Tag | undefined {
  return cachedStatement(sqlite, 'SELECT id, name FROM tags WHERE name_folded = ?').get(folded) as Tag | undefined;
}

/** Whether a tag id is in use: a merge keeps the bag's tag id only when it is not. */
export function tagIdExists(sqlite: Connection, id: string): boolean {
  return cachedStatement(sqlite, 'SELECT 1 FROM tags WHERE id = ?').get(id) !== undefined;
}

/** A new tag; `name` keeps the spelling it was first typed with, `folded` is the name's unique key. */
export function insertTag(sqlite: Connection, tag: Tag, folded: string, createdAt: number): void {
  cachedStatement(sqlite, 'INSERT INTO tags (id, name, name_folded, created_at) VALUES (?, ?, ?, ?)').run(tag.id, tag.name, folded, createdAt);
}

/** Puts a tag on a meeting (once: putting it there again changes nothing). */
export function linkMeetingTag(sqlite: Connection, meetingId: string, tagId: string): void {
  cachedStatement(sqlite, 'INSERT OR IGNORE INTO meeting_tags (meeting_id, tag_id) VALUES (?, ?)').run(meetingId, tagId);
}

/** Every tag with the number of live meetings carrying it, matching `query` (folded) anywhere in the name. */
export function listTags(archive: Archive, query: string): (Tag & { count: number })[] {
  const folded = foldVietnamese(query.replace(/\s+/g, ' ').trim());
  return archive.sqlite
    .prepare(
      `SELECT t.id, t.name, count(m.id) AS count FROM tags t
       LEFT JOIN meeting_tags mt ON mt.tag_id = t.id LEFT JOIN meetings m ON m.id = mt.meeting_id AND m.deleted_at IS NULL
       WHERE instr(t.name_folded, ?) > 0 GROUP BY t.id ORDER BY t.name_folded, t.id`,
    )
    .all(folded) as (Tag & { count: number })[];
}

/** Sets a meeting's tags to `names` (folded duplicates once), creating the tags not seen before. */
export function setMeetingTags(
  archive: Archive,
  meetingId: string,
  version: number,
  names: readonly string[],
  w: WriteOptions,
) {
  return writeRecord(archive, meetingId, version, w, (tx) => {
    const before = meetingTags(archive, meetingId);
    const wanted = new Map<string, Tag>();
    for (const raw of names) {
      const name = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
      const folded = foldVietnamese(name);
      if (!name || wanted.has(folded)) continue;
      let tag = tagByFoldedName(archive.sqlite, folded);
      if (!tag) {
        tag = { id: uuidv7(tx.now), name };
        insertTag(archive.sqlite, tag, folded, tx.now);
        appendAudit(
          archive,
          { actor: tx.actor, action: 'create', entity: 'tag', entityId: tag.id, after: tag },
          tx.now,
        );
      }
      wanted.set(folded, tag);
    }
    archive.sqlite.prepare('DELETE FROM meeting_tags WHERE meeting_id = ?').run(meetingId);
    for (const tag of wanted.values()) linkMeetingTag(archive.sqlite, meetingId, tag.id);
    const after = meetingTags(archive, meetingId);
    tx.audit({ action: 'tags.set', before: before.map((t) => t.name), after: after.map((t) => t.name) });
    return { meetingVersion: tx.version, tags: after };
  });
}
