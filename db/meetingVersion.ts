import type { Archive } from './open';
import { HosoError } from '../electron/shared/errors';

/**
 * A change to any part of a meeting record (its photos, attendance, conclusions…) is a change to the
 * meeting: it must start from the version the clerk saw and move the meeting to the next one, so two
 * windows editing the same record never overwrite each other silently (the rule of updateMeeting).
 */

export interface MeetingState {
  id: string;
  status: 'draft' | 'finalized';
  version: number;
}

/**
 * The meeting as a change to one of its parts needs it: live (NOT_FOUND otherwise), still a draft
 * (MEETING_FINALIZED: a sealed record is corrected, not edited) and at `expectedVersion`
 * (VERSION_CONFLICT). Writes nothing, so it can also check before slow work outside the transaction.
 */
export function writableMeeting(
  archive: Pick<Archive, 'sqlite'>,
  meetingId: string,
  expectedVersion: number,
): MeetingState {
  const row = archive.sqlite
    .prepare('SELECT id, status, version FROM meetings WHERE id = ? AND deleted_at IS NULL')
    .get(meetingId) as MeetingState | undefined;
  if (!row) throw new HosoError('NOT_FOUND');
  if (row.status === 'finalized') throw new HosoError('MEETING_FINALIZED');
  if (row.version !== expectedVersion) throw new HosoError('VERSION_CONFLICT');
  return row;
}

/**
 * Checks as writableMeeting does, then moves the meeting to its next version. Call it inside the
 * transaction of the change (with the change's appendAudit and indexMeeting), so the new version and
 * the change commit together. Returns the new version, which the UI sends with its next change.
 */
export function touchMeeting(
  archive: Pick<Archive, 'sqlite'>,
  meetingId: string,
  expectedVersion: number,
  now: number = Date.now(),
): number {
  writableMeeting(archive, meetingId, expectedVersion);
  const next = expectedVersion + 1;
  const changed = archive.sqlite
    .prepare(
      "UPDATE meetings SET version = ?, updated_at = ? WHERE id = ? AND version = ? AND status = 'draft' AND deleted_at IS NULL",
    )
    .run(next, now, meetingId, expectedVersion).changes;
  if (changed !== 1) throw new HosoError('VERSION_CONFLICT');
  return next;
}
