import type { Archive } from './open';
import { getMeeting } from './meetings';
import { listAttendance } from './attendance';
import { listConclusions } from './conclusions';
import { listDocumentRefs } from './documentRefs';
import { meetingTags } from './tags';
import { meetingRow } from './recordWrite';
import type { MeetingRecord } from '../contract/recordContract';

/** A live meeting with all its parts (photos have their own channel), for the meeting screen. */
export function getMeetingRecord(archive: Archive, id: string, attendanceOrder: 'position' | 'protocol' | 'name'): MeetingRecord {
  return archive.sqlite.transaction(() => {
    const row = meetingRow(archive, id);
    return {
      meeting: getMeeting(archive, id),
      sealHash: row.sealHash,
      sealedAt: row.sealedAt,
      attendance: listAttendance(archive, id, attendanceOrder),
      conclusions: listConclusions(archive, id).rows,
      documents: listDocumentRefs(archive, id).rows,
      tags: meetingTags(archive, id),
    };
  })();
}
