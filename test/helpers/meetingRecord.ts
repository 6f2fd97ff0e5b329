import type { Archive } from '../../db/open';
import { createMeeting } from '../../db/meetings';
import { createPerson } from '../../db/people';
import { uuidv7 } from '../../db/ids';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { indexMeeting } from '../../db/search/indexer';
import { MeetingFields } from '../../contract/contract';

export interface RecordSpec {
  title: string;
  kind?: string;
  date?: string | null;
  location?: string;
  organizer?: string;
  minutes?: string;
  attendees?: { name: string; rank?: string; titles?: string; role?: string }[];
  conclusions?: string[];
  captions?: string[];
  docs?: { number: string; type: string; date?: string | null }[];
  tags?: string[];
}

/**
 * A whole meeting record for tests: the meeting through its repository, the parts the record issue
 * will give repositories (attendance, conclusions, photos, documents, tags) straight into their tables,
 * then the search index brought up to date, all in one transaction as the app does.
 */
export function addRecord(archive: Archive, spec: RecordSpec): string {
  const fields = MeetingFields.parse({
    title: spec.title,
    kind: spec.kind ?? 'Hội nghị',
    meetingDate: spec.date === undefined ? '2024-05-26' : spec.date,
    startTime: null,
    endTime: null,
    location: spec.location ?? '',
    organizer: spec.organizer ?? '',
    minutesText: spec.minutes ?? '',
  });
  const meeting = createMeeting(archive, fields, 'kiểm thử');
  const now = Date.now();
  archive.sqlite.transaction(() => {
    (spec.attendees ?? []).forEach((a, i) => {
      const existing = archive.sqlite.prepare('SELECT id FROM people WHERE full_name = ?').get(a.name) as { id: string } | undefined;
      const personId = existing?.id ?? createPerson(archive, { fullName: a.name, rank: a.rank ?? '', title: a.titles ?? '', unit: '', notes: '' }, 'kiểm thử').id;
      archive.sqlite
        .prepare('INSERT INTO attendance (id, meeting_id, person_id, role, rank, titles, unit, status, absence_reason, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, \'\', \'co_mat\', \'\', ?, ?, ?)')
        .run(uuidv7(), meeting.id, personId, a.role ?? 'dai_bieu', a.rank ?? '', a.titles ?? '', i, now, now);
    });
    (spec.conclusions ?? []).forEach((text, i) =>
      archive.sqlite.prepare('INSERT INTO conclusions (id, meeting_id, position, text, is_task, assignee_unit, created_at, updated_at) VALUES (?, ?, ?, ?, 0, \'\', ?, ?)').run(uuidv7(), meeting.id, i, text, now, now),
    );
    (spec.captions ?? []).forEach((caption, i) =>
      archive.sqlite
        .prepare("INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, caption, credit, position, created_at, updated_at) VALUES (?, ?, ?, 'image/png', 1, ?, '', ?, ?, ?)")
        .run(uuidv7(), meeting.id, `${i}`.padStart(64, '0'), caption, i, now, now),
    );
    (spec.docs ?? []).forEach((d, i) =>
      archive.sqlite
        .prepare("INSERT INTO document_refs (id, meeting_id, number, doc_type, issued_on, issuer, summary, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '', ?, ?, ?)")
        .run(uuidv7(), meeting.id, d.number, d.type, d.date ?? null, i, now, now),
    );
    for (const name of spec.tags ?? []) {
      const folded = foldVietnamese(name);
      let tag = archive.sqlite.prepare('SELECT id FROM tags WHERE name_folded = ?').get(folded) as { id: string } | undefined;
      if (!tag) {
        tag = { id: uuidv7() };
        archive.sqlite.prepare('INSERT INTO tags (id, name, name_folded, created_at) VALUES (?, ?, ?, ?)').run(tag.id, name, folded, now);
      }
      archive.sqlite.prepare('INSERT INTO meeting_tags (meeting_id, tag_id) VALUES (?, ?)').run(meeting.id, tag.id);
    }
    indexMeeting(archive, meeting.id);
  })();
  return meeting.id;
}
