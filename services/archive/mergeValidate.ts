import type { z } from 'zod';
import { HosoError } from '../../contract/errors';
import { msg, type Message } from '../../contract/messages/message';
import { issueMessages } from '../../contract/messages/zodIssues';
import { Id } from '../../contract/fields';
import { MeetingFields, PersonFields } from '../../contract/contract';
import {
  AttendeeFields,
  ConclusionFields,
  DocumentRefFields,
  TagsSetBody,
} from '../../contract/recordContract';
import { PhotoFieldsPatch } from '../../contract/photoContract';
import { MERGE_LIMITS } from '../../contract/mergeContract';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { sanitizeMinutesHtml } from '../../db/richText';
import { computeSeal } from '../../db/seal';
import { openScratchArchive, rolledBack } from '../../db/mergeWrites';
import { extForMime } from '../photoFiles';
import { problemDetails, sizeOf } from '../messageParts';
import type { MeetingJson } from './meetingJson';
import { insertRecordRows } from './mergeRecords';
import type { UuidSet } from './uuidSet';

/**
 * A bag's records judged as a clerk's input is (issue 19: a bag is hostile input, even one whose
 * checksums are right — whoever wrote it could write its manifests too). Each record must pass the
 * contract's own schemas for what it holds (MeetingFields, PersonFields, AttendeeFields,
 * ConclusionFields, DocumentRefFields, the photo and tag fields: no second set of rules here), have
 * UUIDs for ids, no row twice, no more rows than MERGE_LIMITS, and, when finalized, a seal that is the
 * seal of its content as db/seal.ts computes it. Its minutes go through the sanitizer a clerk's paste
 * goes through. A bag with any unsound record is refused as a whole: MERGE_RECORD_INVALID naming the
 * first problems (file, field).
 */

/** Problems of a bag, collected across its files; the first ones become the error's details. */
export class BagProblems {
  private readonly items: Message[] = [];
  private count = 0;

  add(file: string, field: string, problem: Message): void {
    this.count++;
    // The error shows five; a few more are kept so "and n more" is right for an ordinary bag.
    if (this.items.length < 100)
      this.items.push(msg('merge.recordProblem', { file, field: field || '—', problem }));
  }

  get any(): boolean {
    return this.count > 0;
  }

  /** Enough problems to stop reading the rest of the bag. */
  get full(): boolean {
    return this.count >= 100;
  }

  /** Throws MERGE_RECORD_INVALID with the first problems, if there are any. */
  throwIfAny(): void {
    if (this.count > 0) throw new HosoError('MERGE_RECORD_INVALID', problemDetails(this.items));
  }
}

type Add = (field: string, problem: Message) => void;

/** The first issues of a contract schema for `value`, each named by its path under `at`. */
function check(schema: z.ZodType, value: unknown, at: string, add: Add): void {
  const parsed = schema.safeParse(value);
  if (parsed.success) return;
  for (const issue of parsed.error.issues.slice(0, 3)) {
    const path = [at, ...issue.path.map(String)].filter(Boolean).join('.');
    add(path, issueMessages([issue])[0] ?? msg('zod.invalid', { field: path }));
  }
}

/** The field names of each contract schema, listed once (a bag's records have tens of thousands of rows). */
const schemaKeys = new WeakMap<z.ZodObject, string[]>();

/** The row's values of the fields a contract schema knows (the bag's other fields are the merge's own). */
function fieldsOf(schema: z.ZodObject, row: object): Record<string, unknown> {
  let keys = schemaKeys.get(schema);
  if (!keys) schemaKeys.set(schema, (keys = Object.keys(schema.shape)));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (row as Record<string, unknown>)[k];
  return out;
}

function checkId(value: unknown, at: string, add: Add): void {
  if (!Id.safeParse(value).success) add(at, msg('merge.idInvalid'));
}

/** Each id of a part once; the ids themselves UUIDs. */
function checkRowIds(rows: readonly { id: string }[], part: string, add: Add, seen: UuidSet): void {
  rows.forEach((r, i) => {
    checkId(r.id, `${part}.${i}.id`, add);
    if (!seen.add(r.id)) add(`${part}.${i}.id`, msg('merge.duplicateId', { id: r.id.slice(0, 64) }));
  });
}

const PARTS = ['people', 'attendance', 'photos', 'conclusions', 'documents'] as const;

/**
 * Checks one record of the bag and returns it as it may be stored: the same record, its minutes' HTML
 * sanitized (a genuine export's minutes come out unchanged). Problems go to `problems`.
 * `rowIds` holds the row ids of the bag's records read so far: a row belongs to one record.
 */
export function soundRecord(
  json: MeetingJson,
  file: string,
  problems: BagProblems,
  rowIds: UuidSet,
): MeetingJson {
  const add: Add = (field, problem) => problems.add(file, field, problem);
  // Counted before anything is checked row by row.
  let tooMany = false;
  for (const part of PARTS) {
    const n = json[part].length;
    if (n > MERGE_LIMITS[part]) {
      add(part, msg('merge.tooManyRows', { n, max: MERGE_LIMITS[part] }));
      tooMany = true;
    }
  }
  const rows = json.attendance.length + json.photos.length + json.conclusions.length + json.documents.length;
  if (rowIds.size + rows > MERGE_LIMITS.bagRows) {
    add('', msg('merge.tooManyRowsInBag', { max: MERGE_LIMITS.bagRows }));
    tooMany = true;
  }
  if (tooMany) return json;

  const m = json.meeting;
  checkId(m.id, 'meeting.id', add);
  check(MeetingFields, fieldsOf(MeetingFields, m), 'meeting', add);
  if (m.status === 'finalized' && !m.seal) add('meeting.seal', msg('merge.sealMissing'));
  if (m.status === 'draft' && m.seal) add('meeting.seal', msg('merge.sealOnDraft'));

  const personIds = new Set<string>();
  json.people.forEach((p, i) => {
    checkId(p.id, `people.${i}.id`, add);
    if (personIds.has(p.id)) add(`people.${i}.id`, msg('merge.duplicateId', { id: p.id.slice(0, 64) }));
    personIds.add(p.id);
    check(PersonFields, fieldsOf(PersonFields, p), `people.${i}`, add);
  });

  checkRowIds(json.attendance, 'attendance', add, rowIds);
  const attendees = new Set<string>();
  json.attendance.forEach((r, i) => {
    checkId(r.personId, `attendance.${i}.personId`, add);
    if (attendees.has(r.personId))
      add(`attendance.${i}.personId`, msg('merge.duplicateAttendee', { id: r.personId.slice(0, 64) }));
    attendees.add(r.personId);
    check(AttendeeFields, fieldsOf(AttendeeFields, r), `attendance.${i}`, add);
  });

  checkRowIds(json.photos, 'photos', add, rowIds);
  json.photos.forEach((p, i) => {
    check(PhotoFieldsPatch, fieldsOf(PhotoFieldsPatch, p), `photos.${i}`, add);
    // A card waiting for its picture has no type (and no file: parseMeetingJson checked both are null).
    if (p.fileHash === null) {
      if (p.mime !== '' || p.byteSize !== 0)
        add(`photos.${i}.mime`, msg('merge.photoType', { mime: p.mime.slice(0, 100) }));
    } else if (!extForMime(p.mime))
      add(`photos.${i}.mime`, msg('merge.photoType', { mime: p.mime.slice(0, 100) }));
    const tagged = new Set<string>();
    p.people.forEach((id, k) => {
      checkId(id, `photos.${i}.people.${k}`, add);
      if (tagged.has(id)) add(`photos.${i}.people.${k}`, msg('merge.duplicateId', { id: id.slice(0, 64) }));
      tagged.add(id);
    });
  });

  checkRowIds(json.conclusions, 'conclusions', add, rowIds);
  json.conclusions.forEach((c, i) => {
    if (c.assigneePersonId !== null) checkId(c.assigneePersonId, `conclusions.${i}.assigneePersonId`, add);
    check(ConclusionFields, fieldsOf(ConclusionFields, c), `conclusions.${i}`, add);
  });

  checkRowIds(json.documents, 'documents', add, rowIds);
  json.documents.forEach((d, i) =>
    check(DocumentRefFields, fieldsOf(DocumentRefFields, d), `documents.${i}`, add),
  );

  check(
    TagsSetBody.names,
    json.tags.map((t) => t.name),
    'tags',
    add,
  );
  const folded = new Set<string>();
  json.tags.forEach((t, i) => {
    checkId(t.id, `tags.${i}.id`, add);
    const f = foldVietnamese(t.name.normalize('NFC'));
    if (folded.has(f)) add(`tags.${i}.name`, msg('merge.duplicateTag', { name: t.name.slice(0, 100) }));
    folded.add(f);
  });

  return storedForm(json);
}

/** A sound record as it is stored: its minutes through the sanitizer a clerk's paste goes through. */
export function storedForm(json: MeetingJson): MeetingJson {
  return { ...json, meeting: { ...json.meeting, minutesHtml: sanitizeMinutesHtml(json.meeting.minutesHtml) } };
}

/** A meeting file over MERGE_LIMITS.meetingFileBytes: refused before it is read. */
export function fileTooLarge(file: string, bytes: number, problems: BagProblems): void {
  problems.add(
    file,
    '',
    msg('merge.fileTooLarge', { size: sizeOf(bytes), max: sizeOf(MERGE_LIMITS.meetingFileBytes) }),
  );
}

/**
 * The seal of every finalized record, computed by db/seal.ts over the record written as a merge writes
 * it (in a scratch archive in memory, rolled back after each, opened at the first sealed record), must be
 * the seal it carries. A record whose content no longer matches its seal is not sound: it would fail
 * `hoso check` once merged. The caller closes it.
 */
export class SealCheck {
  private scratch: ReturnType<typeof openScratchArchive> | null = null;

  constructor(private readonly nativeBinding?: string) {}

  check(file: string, json: MeetingJson, problems: BagProblems): void {
    const seal = json.meeting.status === 'finalized' ? json.meeting.seal : null;
    if (!seal) return;
    const scratch = (this.scratch ??= openScratchArchive(this.nativeBinding));
    const hash = rolledBack(scratch.sqlite, () => {
      insertRecordRows(scratch, json, 0);
      return computeSeal(scratch, json.meeting.id).hash;
    });
    if (hash !== seal.hash) problems.add(file, 'meeting.seal', msg('merge.sealMismatch'));
  }

  close(): void {
    this.scratch?.close();
    this.scratch = null;
  }
}
