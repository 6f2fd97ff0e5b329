import type { Archive } from './open';
import { updateMeeting } from './meetings';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import { MeetingFields, type Meeting } from '../contract/contract';
import type { FieldChange, HistoryEntry, HistoryPage } from '../contract/recordContract';

/**
 * The history of a meeting record, read from the audit log (append-only, hash-chained): every change
 * to the meeting and its parts, who made it and when, with a per-field diff of the before/after
 * snapshots. Restoring an earlier version writes a new audited change; the log itself is never edited.
 *
 * Changes written through db/recordWrite.ts are entries about the meeting (entity 'meeting') whose
 * action names the part ("attendance.add"); photo rows log entries about the photo (entity 'photo'),
 * found through the meeting's photos, current and removed.
 */

type Part = HistoryEntry['part'];
const PARTS: readonly Part[] = ['attendance', 'conclusions', 'documents', 'tags', 'photos'];
/** Bookkeeping fields that change with every save and tell the clerk nothing. */
const NOISE = new Set(['version', 'updatedAt', 'createdAt', 'id', 'meetingId', 'position', 'minutesHtml']);
/** Actions whose `after` is a snapshot of the meeting's own fields. */
const SNAPSHOT_ACTIONS = new Set(['create', 'update', 'restore-version']);

interface AuditRow {
  seq: number;
  id: string;
  at: number;
  actor: string;
  action: string;
  entity: string;
  reason: string;
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Field by field, what differs between two snapshots; a list or a single value is one change with field ''. */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  if ((isRecord(before) || before == null) && (isRecord(after) || after == null) && (before != null || after != null)) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => !NOISE.has(f));
    return fields
      .filter((f) => JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null))
      .map((field) => ({ field, before: b[field] ?? null, after: a[field] ?? null }));
  }
  return JSON.stringify(before ?? null) === JSON.stringify(after ?? null) ? [] : [{ field: '', before: before ?? null, after: after ?? null }];
}

function partOf(row: AuditRow): Part {
  if (row.entity === 'photo' || row.action === 'reorder-photos') return 'photos';
  const prefix = row.action.split('.')[0] as Part;
  return PARTS.includes(prefix) ? prefix : 'meeting';
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** Ids of the meeting's photos, including removed ones (found by their removal entries). */
function photoIds(archive: Archive, meetingId: string): string[] {
  const current = archive.sqlite.prepare('SELECT id FROM photos WHERE meeting_id = ?').pluck().all(meetingId) as string[];
  const removed = archive.sqlite
    .prepare(`SELECT entity_id FROM audit_log WHERE entity = 'photo' AND action = 'delete' AND json_extract(before, '$.meetingId') = ?`)
    .pluck()
    .all(meetingId) as string[];
  return [...new Set([...current, ...removed])];
}

/** The entries of a meeting (live or trashed), newest first. */
export function meetingHistory(archive: Archive, meetingId: string, page: { offset: number; limit: number }): HistoryPage {
  const exists = archive.sqlite.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId);
  if (!exists) throw new HosoError('NOT_FOUND');
  const photos = photoIds(archive, meetingId);
  const where = `(entity = 'meeting' AND entity_id = ?)${photos.length ? ` OR (entity = 'photo' AND entity_id IN (${photos.map(() => '?').join(', ')}))` : ''}`;
  const total = (archive.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE ${where}`).get(meetingId, ...photos) as { n: number }).n;
  const rows = archive.sqlite
    .prepare(`SELECT seq, id, at, actor, action, entity, reason, before, after FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(meetingId, ...photos, page.limit, page.offset) as AuditRow[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      part: partOf(r),
      reason: r.reason,
      changes: diffSnapshots(parse(r.before), parse(r.after)),
      restorable: r.entity === 'meeting' && SNAPSHOT_ACTIONS.has(r.action) && r.after !== null,
    })),
  };
}

/**
 * Brings the meeting's own fields (title, kind, date, times, place, organizer, minutes) back to what
 * they were right after the audit entry `auditId`, as a new change 'restore-version' (a correction when
 * the record is finalized). Parts (attendance, conclusions…) are not touched.
 */
export function restoreMeetingVersion(
  archive: Archive,
  meetingId: string,
  version: number,
  auditId: string,
  w: { actor: string; now?: number; correction?: string },
): Meeting {
  const entry = archive.sqlite
    .prepare(`SELECT action, after FROM audit_log WHERE id = ? AND entity = 'meeting' AND entity_id = ?`)
    .get(auditId, meetingId) as { action: string; after: string | null } | undefined;
  if (!entry) throw new HosoError('NOT_FOUND', msg('recordDetail.historyEntry'));
  if (!SNAPSHOT_ACTIONS.has(entry.action) || entry.after === null) throw new HosoError('VERSION_NOT_RESTORABLE');
  const fields = MeetingFields.safeParse(JSON.parse(entry.after));
  if (!fields.success) throw new HosoError('VERSION_NOT_RESTORABLE');
  return updateMeeting(archive, meetingId, version, fields.data, w.actor, w.now, { correction: w.correction, action: 'restore-version' });
}
