import type { Archive, Connection } from './open';

/** Figures about an archive for the health page and `hoso check`. */

/** Live meetings, and the bytes of the photo files the rows name (each file once). */
export function liveArchiveStats(archive: Pick<Archive, 'sqlite'>): { meetings: number; photoBytes: number } {
  return archive.sqlite
    .prepare(
      'SELECT (SELECT count(*) FROM meetings WHERE deleted_at IS NULL) AS meetings, (SELECT coalesce(sum(byte_size), 0) FROM (SELECT DISTINCT file_hash, byte_size FROM photos WHERE file_hash IS NOT NULL)) AS photoBytes',
    )
    .get() as { meetings: number; photoBytes: number };
}

/** Rows of the main tables, the trash and former directory entries included. */
export function rowCounts(sqlite: Connection): { meetings: number; people: number; photos: number } {
  const count = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { meetings: count('meetings'), people: count('people'), photos: count('photos') };
}

/** Every finalized (sealed) meeting, the trash included: each must still match its seal. */
export function finalizedMeetings(sqlite: Connection): { id: string; title: string }[] {
  return sqlite.prepare("SELECT id, title FROM meetings WHERE status = 'finalized'").all() as { id: string; title: string }[];
}
