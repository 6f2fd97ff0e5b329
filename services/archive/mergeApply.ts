import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Archive } from '../../db/open';
import { appendAudit } from '../../db/audit';
import { uuidv7 } from '../../db/ids';
import { nameSortKey, viSortKey } from '../../contract/vietnamese/collation';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { indexMeeting } from '../../db/search/indexer';
import { computeSeal, writeSeal } from '../../db/seal';
import { HosoError } from '../../contract/errors';
import type { MergeApplyInput, MergeChoice, MergePlan, MergeResult } from '../../contract/mergeContract';
import { extForMime, photoPath, sha256Hex, verifyPhotoFileSync, writeFileAtomic } from '../photoFiles';
import {
  meetingContentHash,
  meetingToJson,
  personContentHash as personHash,
  type MeetingJson,
  type MeetingJsonPerson,
} from './meetingJson';
import { withBag, type MergeBag } from './mergeBag';
import { planMerge, publicPlan, type Plan, type PlannedMeeting } from './mergePlan';

/**
 * Merging a verified bag into the archive (DESIGN.md §6, issue 7 §5).
 *
 * - Photo files first: each copied into the content-addressed store under a temporary name, its SHA-256
 *   checked against the name the record gives it. A file already there is not written again. Files are
 *   not clerk data until a row names them, so a merge interrupted after this step leaves only spare
 *   copies (reported by `orphanPhotoFiles`), never a half-merged archive.
 * - Then ONE transaction: the plan is made again and must still be the one the clerk previewed (token),
 *   people, meetings and their parts are written by id exactly as the bag has them, the search index is
 *   brought up to date for every meeting written, and the audit log records each record merged
 *   (merge.new / merge.theirs / merge.both / merge.mine with the content hashes the plan needs next time)
 *   and the merge itself (entity 'archive', action 'merge'). An error anywhere rolls all of it back.
 * - Nothing is written for identical records, so merging the same bag twice changes nothing at all.
 */

export interface MergeOptions {
  actor: string;
  now?: number;
  /** Called inside the transaction before each meeting is written: tests throw here to prove an interrupted merge changes nothing. */
  beforeMeeting?: (meetingId: string, index: number) => void;
}

export async function previewMerge(
  archive: Archive,
  path: string,
  passphrase: string | null = null,
): Promise<MergePlan> {
  return withBag(path, passphrase, (bag) => publicPlan(planMerge(archive, bag)));
}

/** The choice for each meeting: the clerk's, else the default; refused when the record does not allow it. */
function meetingChoice(item: PlannedMeeting, chosen: MergeChoice | undefined): MergeChoice | null {
  if (item.class === 'identical') return null;
  const choice = chosen ?? item.defaultChoice;
  if (choice === null) return null;
  if (!item.choices.includes(choice)) {
    throw new HosoError(
      'INVALID_INPUT',
      `(“${item.theirs.title}”: không thể chọn “${choice}” cho hồ sơ này — hồ sơ đã khóa ở máy này chỉ được giữ nguyên hoặc giữ cả hai)`,
    );
  }
  return choice;
}

/** Copies the photo files the chosen records need into the store, each checked against its hash. */
function copyPhotoFiles(archive: Archive, bag: MergeBag, records: MeetingJson[]): number {
  const archiveDir = dirname(archive.file);
  let copied = 0;
  const done = new Set<string>();
  for (const json of records) {
    for (const p of json.photos) {
      if (done.has(p.fileHash)) continue;
      done.add(p.fileHash);
      if (verifyPhotoFileSync(archiveDir, p.fileHash).ok) continue;
      const source = bag.photoFile(p.file);
      if (!existsSync(source)) throw new HosoError('MERGE_BAG_INVALID', `(thiếu ảnh: data/${p.file})`);
      const bytes = readFileSync(source);
      if (sha256Hex(bytes) !== p.fileHash)
        throw new HosoError('MERGE_BAG_INVALID', `(ảnh không khớp mã của nó: data/${p.file})`);
      const ext = extForMime(p.mime);
      if (!ext) throw new HosoError('MERGE_BAG_INVALID', `(loại ảnh không hỗ trợ: ${p.mime})`);
      writeFileAtomic(photoPath(archiveDir, p.fileHash, ext), bytes);
      if (!verifyPhotoFileSync(archiveDir, p.fileHash).ok)
        throw new HosoError('MERGE_BAG_INVALID', `(ảnh chép vào kho không kiểm tra được: ${p.fileHash})`);
      copied++;
    }
  }
  return copied;
}

/** A bag's person as the directory's columns (the name in NFC with its sort and search keys). */
function personColumns(p: MeetingJsonPerson) {
  const fullName = p.fullName.normalize('NFC');
  return {
    id: p.id,
    fullName,
    nameSort: nameSortKey(fullName),
    nameFolded: foldVietnamese(fullName),
    rank: p.rank,
    title: p.title,
    unit: p.unit,
    notes: p.notes,
  };
}

function insertPerson(archive: Archive, p: MeetingJsonPerson): void {
  archive.sqlite
    .prepare(
      `INSERT INTO people (id, full_name, name_sort, name_folded, rank, title, unit, notes, version, created_at, updated_at)
       VALUES (@id, @fullName, @nameSort, @nameFolded, @rank, @title, @unit, @notes, @version, @createdAt, @updatedAt)`,
    )
    .run({ ...personColumns(p), version: p.version, createdAt: p.createdAt, updatedAt: p.updatedAt });
}

function updatePersonFromBag(archive: Archive, p: MeetingJsonPerson, now: number): void {
  archive.sqlite
    .prepare(
      `UPDATE people SET full_name = @fullName, name_sort = @nameSort, name_folded = @nameFolded, rank = @rank, title = @title,
              unit = @unit, notes = @notes, version = version + 1, updated_at = @updatedAt
       WHERE id = @id`,
    )
    .run({ ...personColumns(p), updatedAt: now });
  // The person's name is in the search entry of every meeting they attended.
  const attended = archive.sqlite
    .prepare('SELECT DISTINCT meeting_id FROM attendance WHERE person_id = ?')
    .pluck()
    .all(p.id) as string[];
  for (const id of attended) indexMeeting(archive, id);
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
function insertParts(archive: Archive, json: MeetingJson, now: number): void {
  const id = json.meeting.id;
  const s = archive.sqlite;
  const att = s.prepare(
    `INSERT INTO attendance (id, meeting_id, person_id, role, rank, titles, unit, status, absence_reason, position, created_at, updated_at)
     VALUES (@id, @meetingId, @personId, @role, @rank, @titles, @unit, @status, @absenceReason, @position, @createdAt, @updatedAt)`,
  );
  for (const a of json.attendance) att.run({ ...a, meetingId: id });
  const photo = s.prepare(
    `INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, width, height, caption, credit, taken_at, position, created_at, updated_at)
     VALUES (@id, @meetingId, @fileHash, @mime, @byteSize, @width, @height, @caption, @credit, @takenAt, @position, @createdAt, @updatedAt)`,
  );
  const photoPerson = s.prepare('INSERT OR IGNORE INTO photo_people (photo_id, person_id) VALUES (?, ?)');
  for (const p of json.photos) {
    photo.run({
      id: p.id,
      meetingId: id,
      fileHash: p.fileHash,
      mime: p.mime,
      byteSize: p.byteSize,
      width: p.width,
      height: p.height,
      caption: p.caption,
      credit: p.credit,
      takenAt: p.takenAt,
      position: p.position,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    });
    for (const personId of p.people) photoPerson.run(p.id, personId);
  }
  const conclusion = s.prepare(
    `INSERT INTO conclusions (id, meeting_id, position, text, is_task, assignee_person_id, assignee_unit, deadline, task_status, done_at, created_at, updated_at)
     VALUES (@id, @meetingId, @position, @text, @isTask, @assigneePersonId, @assigneeUnit, @deadline, @taskStatus, @doneAt, @createdAt, @updatedAt)`,
  );
  for (const c of json.conclusions) conclusion.run({ ...c, isTask: c.isTask ? 1 : 0, meetingId: id });
  const doc = s.prepare(
    `INSERT INTO document_refs (id, meeting_id, number, doc_type, issued_on, issuer, summary, position, created_at, updated_at)
     VALUES (@id, @meetingId, @number, @docType, @issuedOn, @issuer, @summary, @position, @createdAt, @updatedAt)`,
  );
  for (const d of json.documents) doc.run({ ...d, meetingId: id });
  // Tags go by folded name: this archive's own tag when it has one, else the bag's (id and spelling).
  const findTag = s.prepare('SELECT id FROM tags WHERE name_folded = ?').pluck();
  const tagIdTaken = s.prepare('SELECT 1 FROM tags WHERE id = ?');
  const link = s.prepare('INSERT OR IGNORE INTO meeting_tags (meeting_id, tag_id) VALUES (?, ?)');
  for (const t of json.tags) {
    const name = t.name.normalize('NFC');
    const folded = foldVietnamese(name);
    let tagId = findTag.get(folded) as string | undefined;
    if (!tagId) {
      tagId = t.id && tagIdTaken.get(t.id) === undefined ? t.id : uuidv7(now);
      s.prepare('INSERT INTO tags (id, name, name_folded, created_at) VALUES (?, ?, ?, ?)').run(
        tagId,
        name,
        folded,
        now,
      );
    }
    link.run(id, tagId);
  }
}

function deleteParts(archive: Archive, meetingId: string): void {
  for (const table of ['attendance', 'photos', 'conclusions', 'document_refs', 'meeting_tags']) {
    archive.sqlite.prepare(`DELETE FROM ${table} WHERE meeting_id = ?`).run(meetingId);
  }
}

type MeetingValues = Omit<MeetingJson['meeting'], 'seal'> & {
  sealHash: string | null;
  sealedAt: number | null;
};

function meetingValues(
  json: MeetingJson,
  overrides: Partial<MeetingValues> = {},
): MeetingValues & { titleSort: string } {
  const { seal, ...m } = json.meeting;
  const v = { ...m, sealHash: seal?.hash ?? null, sealedAt: seal?.sealedAt ?? null, ...overrides };
  return { ...v, titleSort: viSortKey(v.title) };
}

function insertMeetingRow(archive: Archive, v: MeetingValues & { titleSort: string }): void {
  archive.sqlite
    .prepare(
      `INSERT INTO meetings (id, title, title_sort, kind, meeting_date, start_time, end_time, location, organizer, status, secrecy,
         minutes_html, minutes_text, source, seal_hash, sealed_at, version, created_at, updated_at, deleted_at)
       VALUES (@id, @title, @titleSort, @kind, @meetingDate, @startTime, @endTime, @location, @organizer, @status, @secrecy,
         @minutesHtml, @minutesText, @source, @sealHash, @sealedAt, @version, @createdAt, @updatedAt, NULL)`,
    )
    .run(v);
}

function replaceMeetingRow(archive: Archive, v: MeetingValues & { titleSort: string }): void {
  archive.sqlite
    .prepare(
      `UPDATE meetings SET title = @title, title_sort = @titleSort, kind = @kind, meeting_date = @meetingDate, start_time = @startTime,
         end_time = @endTime, location = @location, organizer = @organizer, status = @status, secrecy = @secrecy,
         minutes_html = @minutesHtml, minutes_text = @minutesText, source = @source, seal_hash = @sealHash, sealed_at = @sealedAt,
         version = @version, created_at = @createdAt, updated_at = @updatedAt, deleted_at = NULL
       WHERE id = @id`,
    )
    .run(v);
}

interface Ctx {
  archive: Archive;
  bag: MergeBag;
  actor: string;
  now: number;
  reason: string;
}

function audit(
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
  const row = c.archive.sqlite
    .prepare('SELECT seal_hash AS sealHash, sealed_at AS sealedAt, version FROM meetings WHERE id = ?')
    .get(meetingId) as {
    sealHash: string;
    sealedAt: number;
    version: number;
  };
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

function writeNew(c: Ctx, json: MeetingJson, hash: string): void {
  insertMeetingRow(c.archive, meetingValues(json));
  insertParts(c.archive, json, c.now);
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

function writeTheirs(c: Ctx, item: PlannedMeeting): void {
  const json = item.json;
  const mine = meetingToJson(c.archive, json.meeting.id, { trashed: item.mine!.trashed });
  deleteParts(c.archive, json.meeting.id);
  // The local version moves on (never back), so a screen open on the old content gets VERSION_CONFLICT.
  replaceMeetingRow(
    c.archive,
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

function writeBoth(c: Ctx, item: PlannedMeeting): string {
  const copy = withNewIds(item.json, c.now);
  const finalized = copy.meeting.status === 'finalized';
  insertMeetingRow(c.archive, meetingValues(copy, { version: 1, createdAt: c.now, updatedAt: c.now }));
  insertParts(c.archive, copy, c.now);
  if (finalized) {
    // New ids are new content for the seal: the copy is sealed again here, and the log says why.
    writeSeal(c.archive, copy.meeting.id, c.now);
    logSeal(c, copy.meeting.id, 'finalize', {
      status: 'draft',
      copiedFrom: item.id,
      sealHash: item.json.meeting.seal?.hash ?? null,
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

/**
 * Reads and verifies the bag, recomputes the plan, copies the photo files the choices need, then writes
 * everything in one transaction. `input.token` must be the preview's (MERGE_PREVIEW_STALE otherwise).
 */
export async function applyMerge(
  archive: Archive,
  input: Omit<MergeApplyInput, 'passphrase'> & { passphrase?: string | null },
  options: MergeOptions,
): Promise<MergeResult> {
  return withBag(input.path, input.passphrase, (bag) => applyOpenBag(archive, bag, input, options));
}

function applyOpenBag(
  archive: Archive,
  bag: MergeBag,
  input: Pick<MergeApplyInput, 'token' | 'meetings' | 'people'>,
  options: MergeOptions,
): MergeResult {
  const now = options.now ?? Date.now();
  const first = planMerge(archive, bag);
  if (first.token !== input.token) throw new HosoError('MERGE_PREVIEW_STALE');
  const chosen = new Map(first.meetings.map((m) => [m.id, meetingChoice(m, input.meetings[m.id])]));
  const photoFilesCopied = copyPhotoFiles(
    archive,
    bag,
    first.meetings
      .filter((m) => chosen.get(m.id) === 'theirs' || chosen.get(m.id) === 'both')
      .map((m) => m.json),
  );

  const c: Ctx = { archive, bag, actor: options.actor, now, reason: `Nhập từ gói lưu trữ ${bag.name}` };
  return archive.sqlite.transaction((): MergeResult => {
    // The archive may have changed while the photos were copied (another window): plan again, same answer required.
    const plan: Plan = planMerge(archive, bag);
    if (plan.token !== input.token) throw new HosoError('MERGE_PREVIEW_STALE');
    const result: MergeResult = {
      bag: bag.name,
      meetings: { added: 0, replaced: 0, keptBoth: 0, keptMine: 0, identical: 0, unresolved: 0 },
      people: { added: 0, updated: 0, identical: 0, unresolved: 0 },
      photoFilesCopied,
      changed: false,
    };

    // People first: the records name them.
    for (const p of plan.people) {
      const theirs = plan.bagPeople.get(p.id)!;
      const choice = input.people[p.id] ?? p.defaultChoice;
      if (p.class === 'identical') result.people.identical++;
      else if (p.class === 'new') {
        insertPerson(archive, theirs);
        audit(c, 'person', p.id, 'merge.new', null, {
          ...theirs,
          contentHash: personHash(theirs),
          bag: bag.name,
        });
        result.people.added++;
      } else if (choice === 'theirs') {
        const before = p.mine;
        updatePersonFromBag(archive, theirs, now);
        audit(c, 'person', p.id, 'merge.theirs', before, {
          ...p.theirs,
          contentHash: personHash(theirs),
          bag: bag.name,
        });
        result.people.updated++;
      } else if (choice === 'mine') {
        if (p.class === 'conflict')
          audit(c, 'person', p.id, 'merge.mine', null, { theirHash: personHash(theirs), bag: bag.name });
      } else result.people.unresolved++;
    }

    plan.meetings.forEach((item, index) => {
      const choice = chosen.get(item.id) ?? null;
      if (item.class === 'identical') {
        result.meetings.identical++;
        return;
      }
      if (choice === null) {
        result.meetings.unresolved++;
        return;
      }
      if (choice === 'mine') {
        result.meetings.keptMine++;
        // Remember the declined version once, so the next merge of it knows this side is the newer one.
        if (item.class === 'conflict')
          audit(
            c,
            'meeting',
            item.id,
            'merge.mine',
            null,
            { theirHash: item.theirs.contentHash, bag: bag.name, bagId: bag.id },
            c.reason,
          );
        return;
      }
      options.beforeMeeting?.(item.id, index);
      if (item.class === 'new') {
        writeNew(c, item.json, item.theirs.contentHash);
        indexMeeting(archive, item.id);
        result.meetings.added++;
      } else if (choice === 'theirs') {
        writeTheirs(c, item);
        indexMeeting(archive, item.id);
        result.meetings.replaced++;
      } else {
        indexMeeting(archive, writeBoth(c, item));
        result.meetings.keptBoth++;
      }
    });

    const m = result.meetings;
    const wrote = m.added + m.replaced + m.keptBoth + result.people.added + result.people.updated;
    const recorded =
      wrote > 0 || plan.meetings.some((i) => i.class === 'conflict' && chosen.get(i.id) === 'mine');
    if (recorded) {
      audit(c, 'archive', bag.id, 'merge', null, {
        bag: bag.name,
        path: bag.dir,
        info: bag.info,
        meetings: m,
        people: result.people,
        photoFilesCopied,
      });
    }
    result.changed = recorded;
    return result;
  })();
}
