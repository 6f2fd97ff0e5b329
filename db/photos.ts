import type { Archive, Connection } from './open';
import { cachedStatement } from './statementCache';
import { uuidv7 } from './ids';
import { appendAudit } from './audit';
import { meetingRow, nextPosition, writeRecord } from './recordWrite';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';
import type {
  Photo,
  PhotoChange,
  PhotoFieldsPatch,
  PhotoList,
  PhotoPerson,
} from '../contract/photoContract';

/**
 * The photo rows of a meeting record. The files themselves are in the content-addressed store beside
 * the archive (services/photoStore.ts); a row names its file by SHA-256. Every change is a
 * change to the meeting, written through writeRecord (db/recordWrite.ts): it names the meeting's version
 * and moves it on, is refused on a finalized record, and commits with its audit entry and the meeting's
 * search entry (captions and credits are searchable). Audit entries are about the photo (entity 'photo'),
 * which the record's history finds through the meeting's photos.
 */

/** What the photo store learnt about a stored file. */
export interface PhotoFileFacts {
  hash: string;
  mime: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  takenAt: number | null;
}

/** A photo row with every column, as the screens, a merge and the demo write it. Other keys are ignored. */
export interface PhotoRow {
  id: string;
  meetingId: string;
  fileHash: string | null;
  mime: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
  takenAt: number | null;
  position: number;
  createdAt: number;
  updatedAt: number;
}

export function insertPhotoRow(sqlite: Connection, row: PhotoRow): void {
  cachedStatement(
    sqlite,
    `INSERT INTO photos (id, meeting_id, file_hash, mime, byte_size, width, height, caption, credit, taken_at, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.id, row.meetingId, row.fileHash, row.mime, row.byteSize, row.width, row.height, row.caption, row.credit, row.takenAt, row.position, row.createdAt, row.updatedAt);
}

/** Names a person in a photo (once: naming them again changes nothing). */
export function insertPhotoPerson(sqlite: Connection, photoId: string, personId: string): void {
  cachedStatement(sqlite, 'INSERT OR IGNORE INTO photo_people (photo_id, person_id) VALUES (?, ?)').run(photoId, personId);
}

const SELECT_PHOTO = `SELECT id, meeting_id AS meetingId, file_hash AS fileHash, mime, byte_size AS byteSize, width, height,
  caption, credit, taken_at AS takenAt, position, created_at AS createdAt, updated_at AS updatedAt FROM photos`;

/** People in the given photos: name order, with the rank they had at this meeting when it was recorded. */
function peopleByPhoto(archive: Archive, photoIds: string[]): Map<string, PhotoPerson[]> {
  const byPhoto = new Map<string, PhotoPerson[]>(photoIds.map((id) => [id, []]));
  if (photoIds.length === 0) return byPhoto;
  const rows = archive.sqlite
    .prepare(
      `SELECT pp.photo_id AS photoId, p.id, p.full_name AS fullName, coalesce(nullif(a.rank, ''), p.rank) AS rank
       FROM photo_people pp
       JOIN photos ph ON ph.id = pp.photo_id
       JOIN people p ON p.id = pp.person_id
       LEFT JOIN attendance a ON a.meeting_id = ph.meeting_id AND a.person_id = p.id
       WHERE pp.photo_id IN (SELECT value FROM json_each(?))
       ORDER BY p.name_sort, p.id`,
    )
    .all(JSON.stringify(photoIds)) as (PhotoPerson & { photoId: string })[];
  for (const { photoId, ...person } of rows) byPhoto.get(photoId)!.push(person);
  return byPhoto;
}

function toPhotos(archive: Archive, rows: PhotoRow[]): Photo[] {
  const people = peopleByPhoto(
    archive,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, people: people.get(r.id)! }));
}

function photoRow(archive: Archive, id: string): PhotoRow {
  // A photo of a meeting in the trash is as gone as the meeting.
  const row = archive.sqlite
    .prepare(
      `${SELECT_PHOTO} WHERE id = ? AND meeting_id IN (SELECT id FROM meetings WHERE deleted_at IS NULL)`,
    )
    .get(id) as PhotoRow | undefined;
  if (!row) throw new HosoError('NOT_FOUND');
  return row;
}

export function getPhoto(archive: Archive, id: string): Photo {
  return toPhotos(archive, [photoRow(archive, id)])[0]!;
}

function meetingPhotoRows(archive: Archive, meetingId: string): PhotoRow[] {
  return archive.sqlite
    .prepare(`${SELECT_PHOTO} WHERE meeting_id = ? ORDER BY position, id`)
    .all(meetingId) as PhotoRow[];
}

/** The meeting's album in order, with the meeting's current version (what the next change must name). */
export function listPhotos(archive: Archive, meetingId: string): PhotoList {
  const meeting = archive.sqlite
    .prepare('SELECT version FROM meetings WHERE id = ? AND deleted_at IS NULL')
    .get(meetingId) as { version: number } | undefined;
  if (!meeting) throw new HosoError('NOT_FOUND');
  return {
    meetingId,
    meetingVersion: meeting.version,
    photos: toPhotos(archive, meetingPhotoRows(archive, meetingId)),
  };
}

function refuseDuplicate(archive: Archive, meetingId: string, hash: string): void {
  const same = archive.sqlite
    .prepare('SELECT position FROM photos WHERE meeting_id = ? AND file_hash = ?')
    .get(meetingId, hash) as { position: number } | undefined;
  if (same) throw new HosoError('PHOTO_DUPLICATE', msg('recordDetail.photoNumber', { n: same.position + 1 }));
}

/**
 * Everything addPhoto would refuse, checked without writing: call it before storing the file, so a
 * refused photo does not leave a file behind. addPhoto checks again inside its transaction.
 */
export function checkPhotoCanBeAdded(
  archive: Archive,
  meetingId: string,
  expectedVersion: number,
  hash: string,
  correction?: string,
): void {
  const meeting = meetingRow(archive, meetingId);
  if (meeting.status === 'finalized' && !correction) throw new HosoError('MEETING_FINALIZED');
  if (meeting.version !== expectedVersion) throw new HosoError('VERSION_CONFLICT');
  refuseDuplicate(archive, meetingId, hash);
}

/**
 * Adds a stored file to the end of a meeting's album. The same file twice in one meeting is refused
 * (PHOTO_DUPLICATE: almost always a double click); the same file in two meetings is two rows over one file.
 * With `file` null the card waits for its picture (an imported caption whose photo was not in the
 * paste): it has its caption and credit, and the file is attached later (attachPhotoFile).
 */
export function addPhoto(
  archive: Archive,
  meetingId: string,
  expectedVersion: number,
  file: PhotoFileFacts | null,
  fields: { caption: string; credit: string; fileName?: string },
  actor: string,
  now: number = Date.now(),
  correction?: string,
): PhotoChange {
  return writeRecord(archive, meetingId, expectedVersion, { actor, now, correction }, (tx) => {
    if (file) refuseDuplicate(archive, meetingId, file.hash);
    const next = nextPosition(archive, 'photos', meetingId);
    const row: PhotoRow = {
      id: uuidv7(now),
      meetingId,
      ...fileColumns(file),
      caption: fields.caption.normalize('NFC'),
      credit: fields.credit.normalize('NFC'),
      takenAt: file?.takenAt ?? null,
      position: next,
      createdAt: now,
      updatedAt: now,
    };
    insertPhotoRow(archive.sqlite, row);
    const photo: Photo = { ...row, people: [] };
    appendAudit(
      archive,
      {
        actor,
        action: 'create',
        entity: 'photo',
        reason: correction,
        entityId: row.id,
        after: { ...photo, fileName: fields.fileName ?? '' },
      },
      now,
    );
    return { meetingVersion: tx.version, photo };
  });
}

/** The columns a file fills; a card without its picture has none ('' and 0 where the column needs a value). */
function fileColumns(file: PhotoFileFacts | null): Pick<PhotoRow, 'fileHash' | 'mime' | 'byteSize' | 'width' | 'height'> {
  if (!file) return { fileHash: null, mime: '', byteSize: 0, width: null, height: null };
  return { fileHash: file.hash, mime: file.mime, byteSize: file.byteSize, width: file.width, height: file.height };
}

/**
 * Everything attachPhotoFile would refuse, checked without writing (before the file is stored): the
 * meeting's state, a card that already has its picture (PHOTO_HAS_FILE), the same file already in the album.
 */
export function checkPhotoCanBeAttached(
  archive: Archive,
  photoId: string,
  expectedVersion: number,
  hash: string,
  correction?: string,
): void {
  const row = photoRow(archive, photoId);
  checkPhotoCanBeAdded(archive, row.meetingId, expectedVersion, hash, correction);
  if (row.fileHash !== null) throw new HosoError('PHOTO_HAS_FILE', msg('recordDetail.photoNumber', { n: row.position + 1 }));
}

/**
 * Gives a card waiting for its picture the stored file: caption, credit, people and place in the album
 * stay; the time taken comes from the file unless the clerk set one. A card that has a picture keeps it
 * (PHOTO_HAS_FILE: remove the photo and add the other one instead).
 */
export function attachPhotoFile(
  archive: Archive,
  photoId: string,
  expectedVersion: number,
  file: PhotoFileFacts,
  fileName: string,
  actor: string,
  now: number = Date.now(),
  correction?: string,
): PhotoChange {
  return changePhoto(archive, photoId, expectedVersion, { actor, now, correction }, (before, meetingVersion) => {
    if (before.fileHash !== null) throw new HosoError('PHOTO_HAS_FILE', msg('recordDetail.photoNumber', { n: before.position + 1 }));
    refuseDuplicate(archive, before.meetingId, file.hash);
    const after: Photo = { ...before, ...fileColumns(file), takenAt: before.takenAt ?? file.takenAt, updatedAt: now };
    archive.sqlite
      .prepare('UPDATE photos SET file_hash = ?, mime = ?, byte_size = ?, width = ?, height = ?, taken_at = ?, updated_at = ? WHERE id = ?')
      .run(after.fileHash, after.mime, after.byteSize, after.width, after.height, after.takenAt, now, photoId);
    appendAudit(archive, { actor, action: 'update', entity: 'photo', reason: correction, entityId: photoId, before, after: { ...after, fileName } }, now);
    return { meetingVersion, photo: after };
  });
}

/**
 * One change to one photo as a write to its meeting (writeRecord): `change` gets the photo as it was
 * (NOT_FOUND if gone) and the meeting's new version.
 */
function changePhoto<T>(
  archive: Archive,
  photoId: string,
  expectedVersion: number,
  w: { actor: string; now: number; correction?: string | undefined },
  change: (before: Photo, meetingVersion: number) => T,
): T {
  const { meetingId } = photoRow(archive, photoId);
  return writeRecord(archive, meetingId, expectedVersion, w, (tx) =>
    change(getPhoto(archive, photoId), tx.version),
  );
}

/** Changes caption, credit and/or time taken; fields left out of `patch` keep their value. */
export function updatePhoto(
  archive: Archive,
  photoId: string,
  expectedVersion: number,
  patch: PhotoFieldsPatch,
  actor: string,
  now: number = Date.now(),
  /** The reason, when this changes a finalized record (meetings/correct). */
  correction?: string,
): PhotoChange {
  return changePhoto(archive, photoId, expectedVersion, { actor, now, correction }, (before, meetingVersion) => {
    const after: Photo = {
      ...before,
      caption: patch.caption === undefined ? before.caption : patch.caption.normalize('NFC'),
      credit: patch.credit === undefined ? before.credit : patch.credit.normalize('NFC'),
      takenAt: patch.takenAt === undefined ? before.takenAt : patch.takenAt,
      updatedAt: now,
    };
    archive.sqlite
      .prepare('UPDATE photos SET caption = ?, credit = ?, taken_at = ?, updated_at = ? WHERE id = ?')
      .run(after.caption, after.credit, after.takenAt, now, photoId);
    appendAudit(archive, { actor, action: 'update', entity: 'photo',
        reason: correction, entityId: photoId, before, after }, now);
    return { meetingVersion, photo: after };
  });
}

/**
 * Replaces the list of people tagged in a photo. When the meeting has an attendance list, only its
 * attendees may be tagged (PHOTO_PERSON_NOT_ATTENDEE); before the list is taken, anyone in the directory.
 */
export function setPhotoPeople(
  archive: Archive,
  photoId: string,
  expectedVersion: number,
  personIds: string[],
  actor: string,
  now: number = Date.now(),
  /** The reason, when this changes a finalized record (meetings/correct). */
  correction?: string,
): PhotoChange {
  return changePhoto(archive, photoId, expectedVersion, { actor, now, correction }, (before, meetingVersion) => {
    const ids = [...new Set(personIds)];
    const known = new Set(
      (
        archive.sqlite
          .prepare(
            'SELECT id FROM people WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))',
          )
          .all(JSON.stringify(ids)) as { id: string }[]
      ).map((r) => r.id),
    );
    if (ids.some((id) => !known.has(id))) throw new HosoError('NOT_FOUND', msg('recordDetail.taggedPerson'));
    const attendees = new Set(
      (
        archive.sqlite
          .prepare('SELECT person_id AS id FROM attendance WHERE meeting_id = ?')
          .all(before.meetingId) as { id: string }[]
      ).map((r) => r.id),
    );
    if (attendees.size > 0 && ids.some((id) => !attendees.has(id)))
      throw new HosoError('PHOTO_PERSON_NOT_ATTENDEE');
    archive.sqlite.prepare('DELETE FROM photo_people WHERE photo_id = ?').run(photoId);
    for (const id of ids) insertPhotoPerson(archive.sqlite, photoId, id);
    archive.sqlite.prepare('UPDATE photos SET updated_at = ? WHERE id = ?').run(now, photoId);
    const after = getPhoto(archive, photoId);
    appendAudit(
      archive,
      {
        actor,
        action: 'set-people',
        entity: 'photo',
        reason: correction,
        entityId: photoId,
        before: before.people.map((p) => p.id),
        after: after.people.map((p) => p.id),
      },
      now,
    );
    return { meetingVersion, photo: after };
  });
}

/** Puts the album in the given order; `photoIds` must name every photo of the meeting exactly once. */
export function reorderPhotos(
  archive: Archive,
  meetingId: string,
  expectedVersion: number,
  photoIds: string[],
  actor: string,
  now: number = Date.now(),
  correction?: string,
): PhotoList {
  return writeRecord(archive, meetingId, expectedVersion, { actor, now, correction }, (tx) => {
    const current = meetingPhotoRows(archive, meetingId).map((r) => r.id);
    const given = new Set(photoIds);
    if (
      given.size !== photoIds.length ||
      given.size !== current.length ||
      current.some((id) => !given.has(id))
    ) {
      throw new HosoError('ORDER_MISMATCH');
    }
    const setPosition = archive.sqlite.prepare(
      'UPDATE photos SET position = ?, updated_at = ? WHERE id = ? AND position <> ?',
    );
    photoIds.forEach((id, i) => setPosition.run(i, now, id, i));
    tx.audit({ action: 'reorder-photos', before: current, after: photoIds });
    return {
      meetingId,
      meetingVersion: tx.version,
      photos: toPhotos(archive, meetingPhotoRows(archive, meetingId)),
    };
  });
}

/**
 * Takes a photo out of a meeting's album (the rest close up). The file stays in the store: another
 * meeting or a sealed record may use the same file; orphanPhotoFiles() lists files nothing uses.
 */
export function removePhoto(
  archive: Archive,
  photoId: string,
  expectedVersion: number,
  actor: string,
  now: number = Date.now(),
  /** The reason, when this changes a finalized record (meetings/correct). */
  correction?: string,
): PhotoList {
  return changePhoto(archive, photoId, expectedVersion, { actor, now, correction }, (before, meetingVersion) => {
    archive.sqlite.prepare('DELETE FROM photos WHERE id = ?').run(photoId);
    archive.sqlite
      .prepare(
        'UPDATE photos SET position = position - 1, updated_at = ? WHERE meeting_id = ? AND position > ?',
      )
      .run(now, before.meetingId, before.position);
    appendAudit(archive, { actor, action: 'delete', entity: 'photo',
        reason: correction, entityId: photoId, before }, now);
    return {
      meetingId: before.meetingId,
      meetingVersion,
      photos: toPhotos(archive, meetingPhotoRows(archive, before.meetingId)),
    };
  });
}

/**
 * Every file hash some row still uses, meetings in the trash included (they can be restored).
 * Another table that pins files (e.g. sealed snapshots) must add its hashes here.
 */
export function photoHashesInUse(archive: Pick<Archive, 'sqlite'>): Set<string> {
  return new Set(
    (archive.sqlite.prepare('SELECT DISTINCT file_hash AS h FROM photos WHERE file_hash IS NOT NULL').all() as { h: string }[]).map(
      (r) => r.h,
    ),
  );
}
