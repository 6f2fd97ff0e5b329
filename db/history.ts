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
  entityId: string;
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

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Names of people by id (photos name them by id), and captions (or file names) of photos, removed ones too. */
function namesOf(archive: Archive, meetingId: string, photos: string[]) {
  const people = new Map(
    (archive.sqlite.prepare('SELECT id, full_name AS name FROM people').all() as { id: string; name: string }[]).map((p) => [p.id, p.name]),
  );
  const captions = new Map<string, string>();
  const removed = archive.sqlite
    .prepare(`SELECT entity_id AS id, before FROM audit_log WHERE entity = 'photo' AND action = 'delete' AND json_extract(before, '$.meetingId') = ?`)
    .all(meetingId) as { id: string; before: string }[];
  for (const r of removed) {
    const p = JSON.parse(r.before) as Record<string, unknown>;
    captions.set(r.id, text(p.caption) || text(p.fileName));
  }
  if (photos.length) {
    const current = archive.sqlite
      .prepare(`SELECT id, caption FROM photos WHERE id IN (${photos.map(() => '?').join(', ')})`)
      .all(...photos) as { id: string; caption: string }[];
    for (const p of current) captions.set(p.id, p.caption);
  }
  return { person: (id: unknown) => people.get(text(id)) ?? '', photo: (id: unknown) => captions.get(text(id)) ?? '' };
}

/** What an entry is about (HistoryEntry.subject): taken from the row it logs, before or after the change. */
function subjectOf(row: AuditRow, before: unknown, after: unknown, photo: (id: string) => string): string {
  const snap = (isRecord(after) ? after : isRecord(before) ? before : {}) as Record<string, unknown>;
  const old = (isRecord(before) ? before : {}) as Record<string, unknown>;
  if (row.entity === 'photo') return text(old.caption) || text(snap.caption) || text(snap.fileName) || photo(row.entityId);
  const part = partOf(row);
  if (part === 'attendance') return text(snap.fullName);
  // The conclusion as it was known before the change (an edit's old text), its number for a document.
  if (part === 'conclusions') return text(old.text) || text(snap.text);
  if (part === 'documents') return text(old.number) || text(snap.number) || text(snap.docType);
  if (row.action === 'create') return text(snap.title);
  return '';
}

/** Ids in an entry's lists, as the clerk knows them: people in a photo by name, photos by caption. */
function named(row: AuditRow, value: unknown, names: ReturnType<typeof namesOf>): unknown {
  if (!Array.isArray(value)) return value;
  if (row.action === 'set-people') return value.map(names.person);
  if (row.action === 'reorder-photos') return value.map(names.photo);
  return value;
}

/** The entries of a meeting (live or trashed), newest first. */
export function meetingHistory(archive: Archive, meetingId: string, page: { offset: number; limit: number }): HistoryPage {
  const exists = archive.sqlite.prepare('SELECT 1 FROM meetings WHERE id = ?').get(meetingId);
  if (!exists) throw new HosoError('NOT_FOUND');
  const photos = photoIds(archive, meetingId);
  const where = `(entity = 'meeting' AND entity_id = ?)${photos.length ? ` OR (entity = 'photo' AND entity_id IN (${photos.map(() => '?').join(', ')}))` : ''}`;
  const total = (archive.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE ${where}`).get(meetingId, ...photos) as { n: number }).n;
  const rows = archive.sqlite
    .prepare(`SELECT seq, id, at, actor, action, entity, entity_id AS entityId, reason, before, after FROM audit_log WHERE ${where} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(meetingId, ...photos, page.limit, page.offset) as AuditRow[];
  const names = namesOf(archive, meetingId, photos);
  return {
    total,
    rows: rows.map((r) => {
      const before = named(r, parse(r.before), names);
      const after = named(r, parse(r.after), names);
      // The people in a photo are a list of names: one change 'people', not a list without a field.
      const changes = diffSnapshots(before, after).map((c) => (r.action === 'set-people' ? { ...c, field: 'people' } : c));
      return {
        id: r.id,
        seq: r.seq,
        at: r.at,
        actor: r.actor,
        action: r.action,
        part: partOf(r),
        reason: r.reason,
        changes,
        subject: subjectOf(r, before, after, names.photo),
        restorable: r.entity === 'meeting' && SNAPSHOT_ACTIONS.has(r.action) && r.after !== null,
      };
    }),
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
