import type { Archive } from '../../db/open';
import { appendAudit } from '../../db/audit';
import { uuidv7 } from '../../db/ids';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { computeSeal, writeSeal } from '../../db/seal';
import { meetingRow } from '../../db/recordWrite';
import { insertMeetingRow, type MeetingColumns } from '../../db/meetings';
import { deleteMeetingParts, replaceMeetingRow } from '../../db/mergeWrites';
import { insertPersonRow, reindexMeetingsOf, updatePersonRow } from '../../db/people';
import { insertAttendanceRow } from '../../db/attendance';
import { insertPhotoPerson, insertPhotoRow } from '../../db/photos';
import { insertConclusionRow } from '../../db/conclusions';
import { insertDocumentRefRow } from '../../db/documentRefs';
import { insertTag, linkMeetingTag, tagByFoldedName, tagIdExists } from '../../db/tags';
import { meetingContentHash, meetingToJson, type MeetingJson, type MeetingJsonPerson } from './meetingJson';
import type { MergeBag } from './mergeBag';
import type { PlannedMeeting } from './mergePlan';

/**
 * The writes of a merge, inside its one transaction (mergeApply.ts): people and records written by id
 * exactly as the bag has them ("theirs", new), or as a copy under new ids ("keep both"), each with the
 * audit entry (merge.new / merge.theirs / merge.both and the content hashes) the next plan reads back.
 */

/** A bag's person as the directory's columns: the name in NFC (db/people.ts derives its sort and search keys). */
function personColumns(p: MeetingJsonPerson) {
  return {
    fullName: p.fullName.normalize('NFC'),
    rank: p.rank,
    title: p.title,
    unit: p.unit,
    notes: p.notes,
  };
}

export function insertPerson(archive: Archive, p: MeetingJsonPerson): void {
  insertPersonRow(archive.sqlite, {
    ...personColumns(p),
    id: p.id,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  });
}

export function updatePersonFromBag(archive: Archive, p: MeetingJsonPerson, now: number): void {
  updatePersonRow(archive.sqlite, p.id, personColumns(p), now);
  reindexMeetingsOf(archive, p.id);
}

/** A fresh id for every row of a record ("keep both"): the copy must not collide with the original. */
function withNewIds(json: MeetingJson, now: number): MeetingJson {
  const photoIds = new Map(json.photos.map((p) => [p.id, uuidv7(now)]));
  return {
    ...json,
    meeting: { ...json.meeting, id: uuidv7(now) },
    attendance: json.attendance.map((a) => ({ ...a, id: uuidv7(now) })),
    photos: json.photos.map((p) => ({ ...p, id: photoIds.get(p.id)! })),
    conclusions: json.conclusions.map((c) => ({ ...c, id: uuidv7(now) })),
    documents: json.documents.map((d) => ({ ...d, id: uuidv7(now) })),
  };
}

/** Inserts the record's parts (attendance, photos and their people, conclusions, documents, tags) as the JSON has them. */
function insertParts(archive: Pick<Archive, 'sqlite'>, json: MeetingJson, now: number): void {
  const id = json.meeting.id;
  const s = archive.sqlite;
  for (const a of json.attendance) insertAttendanceRow(s, { ...a, meetingId: id });
  for (const p of json.photos) {
    insertPhotoRow(s, { ...p, meetingId: id });
    for (const personId of p.people) insertPhotoPerson(s, p.id, personId);
  }
  for (const c of json.conclusions) insertConclusionRow(s, { ...c, meetingId: id });
  for (const d of json.documents) insertDocumentRefRow(s, { ...d, meetingId: id });
  // Tags go by folded name: this archive's own tag when it has one, else the bag's (id and spelling).
  for (const t of json.tags) {
    const name = t.name.normalize('NFC');
    const folded = foldVietnamese(name);
    let tagId = tagByFoldedName(s, folded)?.id;
    if (!tagId) {
      tagId = t.id && !tagIdExists(s, t.id) ? t.id : uuidv7(now);
      insertTag(s, { id: tagId, name }, folded, now);
    }
    linkMeetingTag(s, id, tagId);
  }
}

/**
 * The record's rows as a new merge writes them (meeting row and parts): also what mergeValidate.ts
 * writes into a scratch archive to compute a bag's seal with db/seal.ts.
 */
export function insertRecordRows(archive: Pick<Archive, 'sqlite'>, json: MeetingJson, now: number): void {
  insertMeetingRow(archive.sqlite, meetingValues(json));
  insertParts(archive, json, now);
}

function meetingValues(json: MeetingJson, overrides: Partial<MeetingColumns> = {}): MeetingColumns {
  const { seal, ...m } = json.meeting;
  return { ...m, sealHash: seal?.hash ?? null, sealedAt: seal?.sealedAt ?? null, ...overrides };
}

/** What every write of one merge shares: the archive, the bag, who merges, when and why (the audit's reason). */
export interface Ctx {
  archive: Archive;
  bag: MergeBag;
  actor: string;
  now: number;
  reason: string;
}

export function audit(
  c: Ctx,
  entity: string,
  entityId: string,
  action: string,
  before: unknown,
  after: unknown,
  reason = '',
): void {
  appendAudit(c.archive, { actor: c.actor, action, entity, entityId, reason, before, after }, c.now);
}

/**
 * A sealed record arrives with its seal. The seal's parts are logged (as finalizing does) so that the seal
 * check can name what changes later; the stored seal stays the bag's, so a record whose content no longer
 * matches its seal shows up as altered in the seal check instead of being silently re-sealed.
 */
function logSeal(c: Ctx, meetingId: string, action: 'finalize' | 'correct', before: unknown): void {
  const row = meetingRow(c.archive, meetingId);
  const { parts } = computeSeal(c.archive, meetingId);
  audit(
    c,
    'meeting',
    meetingId,
    action,
    before,
    { status: 'finalized', sealHash: row.sealHash, sealedAt: row.sealedAt, version: row.version, parts },
    c.reason,
  );
}

export function writeNew(c: Ctx, json: MeetingJson, hash: string): void {
  insertRecordRows(c.archive, json, c.now);
  if (json.meeting.status === 'finalized') logSeal(c, json.meeting.id, 'finalize', { status: 'draft' });
  audit(
    c,
    'meeting',
    json.meeting.id,
    'merge.new',
    null,
    { contentHash: hash, bag: c.bag.name, bagId: c.bag.id },
    c.reason,
  );
}

/** Replaces this archive's copy of `item` by the bag's record `json`. */
export function writeTheirs(c: Ctx, item: PlannedMeeting, json: MeetingJson): void {
  const mine = meetingToJson(c.archive, json.meeting.id, { trashed: item.mine!.trashed });
  deleteMeetingParts(c.archive.sqlite, json.meeting.id);
  // The local version moves on (never back), so a screen open on the old content gets VERSION_CONFLICT.
  replaceMeetingRow(
    c.archive.sqlite,
    meetingValues(json, {
      version: Math.max(mine.meeting.version, json.meeting.version) + 1,
      updatedAt: c.now,
    }),
  );
  insertParts(c.archive, json, c.now);
  if (json.meeting.status === 'finalized') {
    // Replacing a sealed record is a correction with the merge as its reason; sealing a draft is a finalize.
    const sealedHere = mine.meeting.status === 'finalized';
    logSeal(
      c,
      json.meeting.id,
      sealedHere ? 'correct' : 'finalize',
      sealedHere
        ? { sealHash: mine.meeting.seal?.hash ?? null, version: mine.meeting.version }
        : { status: 'draft' },
    );
  }
  audit(
    c,
    'meeting',
    json.meeting.id,
    'merge.theirs',
    { contentHash: item.mine!.contentHash, version: mine.meeting.version, trashed: item.mine!.trashed },
    { contentHash: item.theirs.contentHash, bag: c.bag.name, bagId: c.bag.id, differences: item.differences },
    c.reason,
  );
}

/** Writes the bag's record `json` of `item` beside this archive's copy, under new ids; returns the copy's id. */
export function writeBoth(c: Ctx, item: PlannedMeeting, json: MeetingJson): string {
  const copy = withNewIds(json, c.now);
  const finalized = copy.meeting.status === 'finalized';
  insertMeetingRow(c.archive.sqlite, meetingValues(copy, { version: 1, createdAt: c.now, updatedAt: c.now }));
  insertParts(c.archive, copy, c.now);
  if (finalized) {
    // New ids are new content for the seal: the copy is sealed again here, and the log says why.
    writeSeal(c.archive, copy.meeting.id, c.now);
    logSeal(c, copy.meeting.id, 'finalize', {
      status: 'draft',
      copiedFrom: item.id,
      sealHash: json.meeting.seal?.hash ?? null,
    });
  }
  const written = meetingContentHash(meetingToJson(c.archive, copy.meeting.id));
  audit(
    c,
    'meeting',
    copy.meeting.id,
    'merge.both',
    null,
    {
      fromId: item.id,
      theirHash: item.theirs.contentHash,
      contentHash: written,
      bag: c.bag.name,
      bagId: c.bag.id,
    },
    c.reason,
  );
  return copy.meeting.id;
}
