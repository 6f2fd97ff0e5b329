/**
 * Saving a reviewed draft: one transaction creates the meeting (status draft) with its attendees,
 * conclusions, document references and photos, through the same writers the record screen uses (so
 * every part is audit-logged, versioned and search-indexed), plus one audit entry 'import' that
 * remembers the source.
 *
 * Duplicates: that 'import' entry is kept under entity 'import' with the source's content hash as its
 * id (the audit log's (entity, entity_id) index finds it at once), so the same report imported again is
 * recognised even after its meeting was edited; a live meeting with the same title and date is a
 * duplicate too. Either is skipped unless the clerk says otherwise.
 */
import { dirname } from 'node:path';
import type { Archive } from '../../db/open';
import { createMeeting } from '../../db/meetings';
import { addAttendees } from '../../db/attendance';
import { addConclusion } from '../../db/conclusions';
import { addDocumentRef } from '../../db/documentRefs';
import { addPhoto } from '../../db/photos';
import { appendAudit } from '../../db/audit';
import { meetingByTitleAndDate, meetingImportedFrom } from '../../db/importDuplicates';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { directoryByName, matchDirectory } from '../../db/attendancePaste';
import { normalizeDocumentNumber } from '../../contract/documentNumber';
import { errorAsMessage, isHosoError } from '../../contract/errors';
import { msg, type Message } from '../../contract/messages/message';
import { ATTENDANCE_BATCH_MAX } from '../../contract/recordContract';
import type {
  DuplicateOf,
  ImportDraft,
  ImportSaveResult,
  PersonMatch,
  ReviewedDraft,
} from '../../contract/importContract';
import { storePhoto, type StoredPhoto } from '../photoStore';
import type { SourceDoc } from './sources';
import { splitPhotoCredit } from './extract/lineKinds';

export function findDuplicate(
  archive: Archive,
  contentHash: string,
  title: string,
  meetingDate: string | null,
): DuplicateOf | null {
  const byHash = meetingImportedFrom(archive, contentHash);
  if (byHash) return { ...byHash, reason: 'same_content' };
  // Without a date, a common title ("Giao ban tuần") says nothing: only the content hash counts then.
  if (!title.trim() || !meetingDate) return null;
  const byTitle = meetingByTitleAndDate(archive, title.trim().normalize('NFC'), meetingDate);
  return byTitle ? { ...byTitle, reason: 'same_title_date' } : null;
}

/**
 * A draft person against the directory (db/attendancePaste.ts, the same rules as a pasted list): only
 * an exact name with the same rank (or none written) is "the same"; another rank, other diacritics or
 * several namesakes are "possible" and the clerk decides — "Phan Văn Giang" promoted since is most
 * often the same man, but that is for the clerk to say.
 */
export function matchPerson(archive: Archive, name: string, rank: string | null): PersonMatch {
  return matchDirectory(directoryByName(archive), { fullName: name, rank: rank ?? '' });
}

/** The draft as extracted, taken as it is (batch import, CLI): people matched only when certain. */
export function reviewedFromDraft(archive: Archive, d: ImportDraft, kinds: readonly string[]): ReviewedDraft {
  const people = [...d.chairs, ...d.attendees].map((p) => ({
    name: p.name,
    rank: p.rank ?? '',
    titles: p.titles.join(', '),
    role: p.role,
    personId: matchPerson(archive, p.name, p.rank).personId,
  }));
  const kind = d.kind?.value && kinds.includes(d.kind.value) ? d.kind.value : (kinds[0] ?? 'Hội nghị');
  return {
    title: d.title?.value ?? '',
    kind,
    meetingDate: d.date?.value ?? null,
    startTime: d.date?.startTime ?? null,
    location: d.location?.value ?? '',
    organizer: d.issuer?.value ?? '',
    byline: d.byline?.value ?? '',
    body: d.body.map((p) => p.text).join('\n\n'),
    people,
    captions: d.captions.map((c) => ({ text: c.text, image: c.image })),
    documentRefs: d.documentRefs.map((r) => ({ number: r.number, type: r.type ?? '', date: r.date })),
    conclusions: d.conclusions.map((c) => c.text),
  };
}

/**
 * Which caption goes on which stored picture (the first caption naming it), and the captions left
 * without one: a standalone caption ("Ảnh: Việt Hà" under no picture), a pasted "[Ảnh 2]" whose file
 * never came, a picture that could not be stored or was the same file as an earlier one. Those become
 * photo cards waiting for their picture (the clerk attaches it in the Ảnh tab): an import never drops
 * what the clerk kept.
 */
export function placeCaptions(
  captions: ReviewedDraft['captions'],
  pictures: ReadonlyMap<number, { hash: string }>,
): { photoIndexes: Set<number>; onPicture: Map<number, string>; withoutPicture: string[] } {
  const photoIndexes = new Set<number>();
  const hashes = new Set<string>();
  for (const [index, file] of pictures) {
    if (hashes.has(file.hash)) continue;
    hashes.add(file.hash);
    photoIndexes.add(index);
  }
  const onPicture = new Map<number, string>();
  const withoutPicture: string[] = [];
  for (const c of captions) {
    const text = c.text.trim();
    if (!text) continue;
    if (c.image !== null && photoIndexes.has(c.image) && !onPicture.has(c.image)) onPicture.set(c.image, text);
    else withoutPicture.push(text);
  }
  return { photoIndexes, onPicture, withoutPicture };
}


export interface SaveOptions {
  actor: string;
  allowDuplicate?: boolean;
  now?: number;
}

/** Stores the source's pictures (content-addressed files, before the transaction: a file without a row is harmless). */
async function storePictures(
  archive: Archive,
  doc: SourceDoc,
  notes: Message[],
): Promise<Map<number, StoredPhoto>> {
  const stored = new Map<number, StoredPhoto>();
  for (const img of doc.images) {
    try {
      stored.set(
        img.index,
        await storePhoto(dirname(archive.file), img.bytes, {
          detail: msg('importNote.photoOf', { source: doc.name, n: img.index + 1 }),
        }),
      );
    } catch (e) {
      if (!isHosoError(e)) throw e;
      notes.push(msg('importNote.photoNotSaved', { n: img.index + 1, error: errorAsMessage(e) }));
    }
  }
  return stored;
}

/** A draft whose pictures are stored and that only waits for its transaction. */
export interface PreparedImport {
  pictures: Map<number, StoredPhoto>;
  notes: Message[];
}

const NO_COUNTS = () => ({ people: 0, photos: 0, photoCards: 0, documents: 0, conclusions: 0 });

function duplicateResult(duplicate: DuplicateOf): ImportSaveResult {
  return { status: 'duplicate', meetingId: null, duplicate, counts: NO_COUNTS(), notes: [] };
}

/**
 * The slow, parallel-safe half of a save: the duplicate check as the archive is now, and the pictures
 * stored. A duplicate stores nothing.
 */
export async function prepareImport(
  archive: Archive,
  doc: SourceDoc,
  contentHash: string,
  r: ReviewedDraft,
  o: SaveOptions,
): Promise<PreparedImport | ImportSaveResult> {
  const duplicate = o.allowDuplicate ? null : findDuplicate(archive, contentHash, r.title, r.meetingDate);
  if (duplicate) return duplicateResult(duplicate);
  const notes: Message[] = [];
  return { pictures: await storePictures(archive, doc, notes), notes };
}

export async function saveImport(
  archive: Archive,
  doc: SourceDoc,
  contentHash: string,
  r: ReviewedDraft,
  o: SaveOptions,
): Promise<ImportSaveResult> {
  const prepared = await prepareImport(archive, doc, contentHash, r, o);
  return 'status' in prepared ? prepared : commitImport(archive, doc, contentHash, r, prepared, o);
}

/**
 * The transaction: checks for a duplicate again (another file of the same batch may have been saved
 * meanwhile), then writes the meeting and all its parts, or nothing.
 */
export function commitImport(
  archive: Archive,
  doc: SourceDoc,
  contentHash: string,
  r: ReviewedDraft,
  prepared: PreparedImport,
  o: SaveOptions,
): ImportSaveResult {
  const duplicate = o.allowDuplicate ? null : findDuplicate(archive, contentHash, r.title, r.meetingDate);
  if (duplicate) return duplicateResult(duplicate);
  const counts = NO_COUNTS();
  const notes = [...prepared.notes];
  const pictures = prepared.pictures;
  const now = o.now ?? Date.now();
  const w = { actor: o.actor, now };

  // Numbers checked before the transaction: one unreadable number must not cost the whole import.
  const refs: ReviewedDraft['documentRefs'] = [];
  const numbers = new Set<string>();
  for (const ref of r.documentRefs) {
    const n = normalizeDocumentNumber(ref.number);
    if (!n.ok) notes.push(n.message);
    else if (!numbers.has(n.number)) {
      numbers.add(n.number);
      refs.push({ ...ref, number: n.number });
    }
  }
  // One row per person (the folded name), the first role kept: a chair listed again is still a chair.
  const seen = new Set<string>();
  const people = r.people.filter((p) => {
    const key = p.personId ?? foldVietnamese(p.name);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (people.length > ATTENDANCE_BATCH_MAX)
    notes.push(msg('importNote.firstPeopleOnly', { max: String(ATTENDANCE_BATCH_MAX) }));

  const placed = placeCaptions(r.captions, pictures);
  if (placed.withoutPicture.length > 0)
    notes.push(msg('importNote.captionsAsCards', { n: String(placed.withoutPicture.length) }));

  const meetingId = archive.sqlite.transaction(() => {
    const meeting = createMeeting(
      archive,
      {
        title: r.title,
        kind: r.kind,
        meetingDate: r.meetingDate,
        startTime: r.startTime,
        endTime: null,
        location: r.location,
        organizer: r.organizer,
        minutesText: r.body,
      },
      o.actor,
      { source: r.byline, now },
    );
    let version = meeting.version;
    const rows = people.slice(0, ATTENDANCE_BATCH_MAX).map((p) => ({
      personId: p.personId,
      fullName: p.name,
      rank: p.rank,
      titles: p.titles,
      unit: '',
      role: p.role,
    }));
    if (rows.length) {
      version = addAttendees(archive, meeting.id, version, { rows, role: 'dai_bieu' }, w).meetingVersion;
      counts.people = rows.length;
    }
    for (const c of r.conclusions) {
      // A conclusion becomes a task only when the clerk ticked it in the review (batch saves plain text).
      const { text, task } = typeof c === 'string' ? { text: c, task: null } : c;
      const asTask = task
        ? { isTask: true, deadline: task.deadline, taskStatus: 'chua_lam' as const }
        : { isTask: false, deadline: null, taskStatus: null };
      version = addConclusion(
        archive,
        meeting.id,
        version,
        { text, assigneePersonId: null, assigneeUnit: '', ...asTask },
        w,
      ).meetingVersion;
      counts.conclusions++;
    }
    for (const ref of refs) {
      version = addDocumentRef(
        archive,
        meeting.id,
        version,
        { number: ref.number, docType: ref.type, issuedOn: ref.date, issuer: '', summary: '' },
        w,
      ).meetingVersion;
      counts.documents++;
    }
    // Each stored picture once, with the caption that followed it; pictures without a caption too.
    for (const [index, file] of pictures) {
      if (!placed.photoIndexes.has(index)) continue;
      const fields = splitPhotoCredit(placed.onPicture.get(index) ?? '');
      version = addPhoto(archive, meeting.id, version, file, { ...fields, fileName: `${doc.name} — ảnh ${index + 1}` }, o.actor, now).meetingVersion;
      counts.photos++;
    }
    // Then a card for each caption without its picture, caption and credit apart, in the report's order.
    for (const text of placed.withoutPicture) {
      version = addPhoto(archive, meeting.id, version, null, splitPhotoCredit(text), o.actor, now).meetingVersion;
      counts.photoCards++;
    }
    appendAudit(
      archive,
      {
        actor: o.actor,
        action: 'import',
        entity: 'import',
        entityId: contentHash,
        after: { meetingId: meeting.id, sourceName: doc.name, encoding: doc.encoding },
      },
      now,
    );
    return meeting.id;
  })();
  return { status: 'imported', meetingId, duplicate: null, counts, notes };
}
