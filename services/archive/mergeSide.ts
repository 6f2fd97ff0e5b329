import type { MeetingMergeItem } from '../../contract/mergeContract';
import { meetingContentHash, type MeetingJson } from './meetingJson';

/** One side of a meeting in the merge preview (this archive's copy or the bag's): what the clerk compares. */
export type RecordSide = MeetingMergeItem['theirs'];

export function recordSide(json: MeetingJson, trashed: boolean): RecordSide {
  return {
    title: json.meeting.title,
    meetingDate: json.meeting.meetingDate,
    status: json.meeting.status,
    version: json.meeting.version,
    updatedAt: json.meeting.updatedAt,
    contentHash: meetingContentHash(json),
    attendees: json.attendance.length,
    photos: json.photos.length,
    conclusions: json.conclusions.length,
    trashed,
  };
}
