import type { Archive } from '../../db/open';
import { canonicalSha256 } from '../../db/seal';
import { readPeopleRows, readRecordRows } from '../../db/bagRecords';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { extForMime } from '../photoFiles';
import { HosoError } from '../../contract/errors';
import {
  MEETING_JSON_FORMAT,
  MEETING_JSON_VERSION,
  type MeetingJson,
  type MeetingJsonPerson,
} from './meetingJsonFormat';

// The format itself (schema, reading and writing the text) is meetingJsonFormat.ts; most callers import it from here.
export {
  MEETING_JSON_FORMAT,
  MEETING_JSON_VERSION,
  MeetingJson,
  parseMeetingJson,
  serializeMeetingJson,
  type MeetingJsonPerson,
} from './meetingJsonFormat';

/** Meetings per batch: big enough that per-query costs vanish, small enough to hold comfortably in memory. */
export const MEETING_JSON_BATCH = 200;

/**
 * The folder a meeting's files sit in inside a bag: the last two hex digits of its id (UUIDv7: the
 * random end, so meetings spread evenly over 256 folders). USB sticks are FAT32, where a folder holds
 * at most 65 534 entries and a long name such as `<uuid>.json` takes five of them: one flat folder
 * would stop at about 13 000 meetings. With 256 folders a bag holds millions.
 */
export function meetingShard(id: string): string {
  return id.slice(-2).toLowerCase();
}

/** A meeting's JSON file in a bag, relative to `data/`. */
export function meetingJsonPath(id: string): string {
  return `meetings/${meetingShard(id)}/${id}.json`;
}

/** Where a photo file sits in a bag (relative to `data/`), the same layout as the archive's own store. */
export function bagPhotoPath(fileHash: string, mime: string): string {
  const ext = extForMime(mime) ?? 'jpg';
  return `photos/${fileHash.slice(0, 2)}/${fileHash}.${ext}`;
}

/**
 * One live meeting record as its JSON (NOT_FOUND for a missing or trashed one; `trashed` reads one in
 * the trash instead, which the merge compares against).
 */
export function meetingToJson(
  archive: Pick<Archive, 'sqlite'>,
  meetingId: string,
  options: { now?: number; generator?: string; trashed?: boolean } = {},
): MeetingJson {
  const [json] = meetingsToJson(archive, [meetingId], options);
  if (!json) throw new HosoError(options.trashed ? 'NOT_IN_TRASH' : 'NOT_FOUND');
  return json;
}

/**
 * The JSON of each of `meetingIds` that exists (live, or in the trash with `trashed`), in the order
 * given; missing ones are left out. Read in one transaction so each record is a consistent snapshot
 * even while the app writes. Whole rows are read (timestamps included, which the screen's views leave
 * out) so a merge copies the record exactly.
 */
export function meetingsToJson(
  archive: Pick<Archive, 'sqlite'>,
  meetingIds: readonly string[],
  options: { now?: number; generator?: string; trashed?: boolean } = {},
): MeetingJson[] {
  const sqlite = archive.sqlite;
  return sqlite.transaction((): MeetingJson[] => {
    const { meetings, attendance, photos, conclusions, documents, tags } = readRecordRows(
      sqlite,
      meetingIds,
      options.trashed ?? false,
    );
    const parts = meetingIds.flatMap((id) => {
      const m = meetings.get(id);
      if (!m) return [];
      return [
        {
          m,
          attendance: (attendance.get(id) ?? []) as MeetingJson['attendance'],
          photos: (photos.get(id) ?? []).map((p) => ({
            ...p,
            people: JSON.parse(p.people as string) as string[],
            file: p.fileHash === null ? null : bagPhotoPath(p.fileHash as string, p.mime as string),
          })) as MeetingJson['photos'],
          conclusions: (conclusions.get(id) ?? []).map((c) => ({
            ...c,
            isTask: c.isTask === 1,
          })) as MeetingJson['conclusions'],
          documents: (documents.get(id) ?? []) as MeetingJson['documents'],
          tags: (tags.get(id) ?? []) as MeetingJson['tags'],
        },
      ];
    });
    // Every person the batch names, once, in directory order; each record keeps those it names.
    const named = new Set<string>();
    const namedBy = parts.map((p) => {
      const own = new Set<string>([
        ...p.attendance.map((a) => a.personId),
        ...p.photos.flatMap((ph) => ph.people),
        ...p.conclusions.flatMap((c) => (c.assigneePersonId ? [c.assigneePersonId] : [])),
      ]);
      for (const id of own) named.add(id);
      return own;
    });
    const people: MeetingJson['people'] = readPeopleRows(sqlite, [...named]);
    return parts.map(({ m, ...p }, i) => ({
      format: MEETING_JSON_FORMAT,
      // 2 only for a record with a photo card waiting for its picture, so older hosos read every other.
      formatVersion: p.photos.some((ph) => ph.fileHash === null) ? MEETING_JSON_VERSION : 1,
      exportedAt: options.now ?? Date.now(),
      ...(options.generator ? { generator: options.generator } : {}),
      meeting: {
        id: m.id,
        title: m.title,
        kind: m.kind,
        meetingDate: m.meetingDate,
        startTime: m.startTime,
        endTime: m.endTime,
        location: m.location,
        organizer: m.organizer,
        status: m.status,
        secrecy: m.secrecy,
        minutesHtml: m.minutesHtml,
        minutesText: m.minutesText,
        source: m.source,
        version: m.version,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
        seal: m.sealHash && m.sealedAt !== null ? { hash: m.sealHash, sealedAt: m.sealedAt } : null,
      },
      people: people.filter((person) => namedBy[i]!.has(person.id)),
      attendance: p.attendance,
      photos: p.photos,
      conclusions: p.conclusions,
      documents: p.documents,
      tags: p.tags,
    }));
  })();
}


/**
 * A hash of what a clerk would call the record's content: the meeting's fields, status and seal, and
 * its parts, without the counters and clocks that differ between two copies of the same content
 * (version, updatedAt, part timestamps, export time) and without the directory (people's current
 * names and ranks, which are merged as people). Two archives holding the same record give the same
 * hash; the merge calls those "identical". Tags count by folded name, as the archive treats them: each PC has its own tag ids.
 */
export function meetingContentHash(json: MeetingJson): string {
  const { version: _v, updatedAt: _u, seal, ...meeting } = json.meeting;
  const strip = <T extends { createdAt: number; updatedAt: number }>({
    createdAt: _c,
    updatedAt: _up,
    ...rest
  }: T) => rest;
  return canonicalSha256({
    meeting: { ...meeting, sealHash: seal?.hash ?? null },
    attendance: json.attendance.map(({ fullName: _f, ...a }) => strip(a)),
    photos: json.photos.map((p) => ({ ...strip(p), people: [...p.people].sort() })),
    conclusions: json.conclusions.map(strip),
    documents: json.documents.map(strip),
    tags: json.tags.map((t) => foldVietnamese(t.name)).sort(),
  });
}

/** A hash of a person's directory fields (what the merge compares for "identical" people). */
export function personContentHash(p: MeetingJsonPerson): string {
  return canonicalSha256({
    id: p.id,
    fullName: p.fullName,
    rank: p.rank,
    title: p.title,
    unit: p.unit,
    notes: p.notes,
  });
}
