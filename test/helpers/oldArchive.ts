import type { Connection } from '../../db/open';
import { insertMeetingRow } from '../../db/meetings';

/**
 * Rows written into an archive of an older schema (opened with a slice of MIGRATIONS), the way that
 * version's hoso left them: plain rows, no search index entry. Today's repositories cannot write there
 * (they keep today's search index in step), and the upgrade on opening builds the index from the rows.
 */
export function oldMeeting(sqlite: Connection, fields: { id: string; title: string; kind: string; meetingDate: string }): void {
  insertMeetingRow(sqlite, {
    ...fields,
    startTime: null,
    endTime: null,
    location: '',
    organizer: '',
    status: 'draft',
    secrecy: 'thuong',
    minutesHtml: '',
    minutesText: '',
    source: '',
    sealHash: null,
    sealedAt: null,
    version: 1,
    createdAt: Date.UTC(2024, 0, 1),
    updatedAt: Date.UTC(2024, 0, 1),
  });
}

/** A photo row of a schema before photo cards (0003): every photo has its file. */
export function oldPhoto(sqlite: Connection, fields: { id: string; meetingId: string; fileHash: string; caption: string; credit: string }): void {
  sqlite
    .prepare(
      `INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, width, height, caption, credit, taken_at, position, created_at, updated_at)
       VALUES (?, ?, ?, 'image/jpeg', 1234, 40, 30, ?, ?, NULL, 0, 0, 0)`,
    )
    .run(fields.id, fields.meetingId, fields.fileHash, fields.caption, fields.credit);
}
