import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Archive } from '../../db/open';
import { canonicalJson } from '../../db/seal';
import { cachedStatement } from '../../db/statementCache';
import { foldVietnamese } from '../../contract/vietnamese/fold';
import { extForMime } from '../photoFiles';
import { HosoError } from '../../contract/errors';

/**
 * The version-independent JSON of one meeting record: `data/meetings/<shard>/<id>.json` in a USB bag
 * (meetingJsonPath; older bags have them directly in `data/meetings/`, and are read too)
 * (DESIGN.md §6). It is what `hoso merge` reads (never the bag's SQLite snapshot, whose schema belongs
 * to the hoso version that wrote it), and what anyone can read without hoso.
 *
 * Format `hoso-meeting`, `formatVersion` 1:
 * ```
 * { format: "hoso-meeting", formatVersion: 1, exportedAt: ms, generator: "hoso 0.x" (optional),
 *   meeting: { id (UUIDv7), title, kind, meetingDate "YYYY-MM-DD"|null, startTime/endTime "HH:MM"|null,
 *              location, organizer, status "draft"|"finalized", secrecy "thuong"|"mat"|"toi_mat"|"tuyet_mat",
 *              minutesHtml, minutesText, source, version, createdAt, updatedAt (ms),
 *              seal: { hash, sealedAt } | null },
 *   people:      [{ id, fullName, rank, title, unit, notes, version, createdAt, updatedAt }]   — every person
 *                the record names (attendees, task assignees, people in photos), as the directory has them,
 *   attendance:  [{ id, personId, fullName, role, rank, titles, unit, status, absenceReason, position,
 *                   createdAt, updatedAt }]  — rank/titles/unit *as they were at the meeting*,
 *   photos:      [{ id, fileHash (sha256), file "photos/ab/<sha256>.<ext>" (relative to the bag's data/),
 *                   mime, byteSize, width, height, caption, credit, takenAt, position, people: [personId],
 *                   createdAt, updatedAt }],
 *   conclusions: [{ id, position, text, isTask, assigneePersonId, assigneeUnit, deadline "YYYY-MM-DD"|null,
 *                   taskStatus, doneAt, createdAt, updatedAt }],
 *   documents:   [{ id, number, docType, issuedOn, issuer, summary, position, createdAt, updatedAt }],
 *   tags:        [{ id, name }] }
 * ```
 * Compatibility rules: a newer hoso may ADD fields (they are ignored here) and keeps `formatVersion` 1;
 * removing or changing the meaning of a field bumps `formatVersion`, which an older hoso refuses with
 * MEETING_JSON_UNSUPPORTED instead of guessing. Ids are UUIDv7 from the archive that created the row,
 * so archives merge by id. Tags are matched by name on merge (each PC creates its own tag ids).
 */

export const MEETING_JSON_FORMAT = 'hoso-meeting';
export const MEETING_JSON_VERSION = 1;

const Ms = z.number().int();
const str = z.string();
const nullableStr = z.string().nullable();

// Plain z.object strips keys it does not know: fields added by a newer hoso are tolerated and ignored.
const MeetingPart = z.object({
  id: str.min(1),
  title: str,
  kind: str,
  meetingDate: nullableStr,
  startTime: nullableStr,
  endTime: nullableStr,
  location: str,
  organizer: str,
  status: z.enum(['draft', 'finalized']),
  secrecy: z.enum(['thuong', 'mat', 'toi_mat', 'tuyet_mat']),
  minutesHtml: str,
  minutesText: str,
  source: str,
  version: Ms,
  createdAt: Ms,
  updatedAt: Ms,
  seal: z.object({ hash: str, sealedAt: Ms }).nullable(),
});

const PersonPart = z.object({
  id: str.min(1),
  fullName: str.min(1),
  rank: str,
  title: str,
  unit: str,
  notes: str,
  version: Ms,
  createdAt: Ms,
  updatedAt: Ms,
});

const AttendancePart = z.object({
  id: str.min(1),
  personId: str.min(1),
  fullName: str,
  role: z.enum(['chu_tri', 'dong_chu_tri', 'thu_ky', 'dai_bieu', 'khach_moi']),
  rank: str,
  titles: str,
  unit: str,
  status: z.enum(['co_mat', 'vang_co_ly_do', 'vang', 'den_muon']),
  absenceReason: str,
  position: Ms,
  createdAt: Ms,
  updatedAt: Ms,
});

const PhotoPart = z.object({
  id: str.min(1),
  fileHash: str.regex(/^[0-9a-f]{64}$/),
  file: str,
  mime: str,
  byteSize: Ms,
  width: Ms.nullable(),
  height: Ms.nullable(),
  caption: str,
  credit: str,
  takenAt: Ms.nullable(),
  position: Ms,
  people: z.array(str),
  createdAt: Ms,
  updatedAt: Ms,
});

const ConclusionPart = z.object({
  id: str.min(1),
  position: Ms,
  text: str,
  isTask: z.boolean(),
  assigneePersonId: nullableStr,
  assigneeUnit: str,
  deadline: nullableStr,
  taskStatus: z.enum(['chua_lam', 'dang_lam', 'hoan_thanh', 'huy']).nullable(),
  doneAt: Ms.nullable(),
  createdAt: Ms,
  updatedAt: Ms,
});

const DocumentPart = z.object({
  id: str.min(1),
  number: str,
  docType: str,
  issuedOn: nullableStr,
  issuer: str,
  summary: str,
  position: Ms,
  createdAt: Ms,
  updatedAt: Ms,
});

export const MeetingJson = z.object({
  format: z.literal(MEETING_JSON_FORMAT),
  formatVersion: z.literal(MEETING_JSON_VERSION),
  exportedAt: Ms,
  generator: str.optional(),
  meeting: MeetingPart,
  people: z.array(PersonPart),
  attendance: z.array(AttendancePart),
  photos: z.array(PhotoPart),
  conclusions: z.array(ConclusionPart),
  documents: z.array(DocumentPart),
  tags: z.array(z.object({ id: str, name: str.min(1) })),
});
export type MeetingJson = z.output<typeof MeetingJson>;
export type MeetingJsonPerson = MeetingJson['people'][number];

/**
 * The parts of a batch of meetings, each query over every meeting of the batch at once (an export of
 * 100 000 meetings runs them 500 times, not 100 000 times), ordered so each meeting's rows come out
 * in the record's order.
 */
/**
 * Every query starts from the batch's ids (`json_each`) and looks each one up by its index (CROSS JOIN
 * fixes that order). Written as `WHERE id IN (…) AND deleted_at IS NULL`, SQLite's planner chose to
 * walk the whole live-meetings index and test each row against the batch: 100 000 meetings exported
 * in batches of 200 read that index 500 times (38 s of a 100k export; 0.8 s this way).
 */
const BATCH = 'json_each(?) batch CROSS JOIN';
const MEETING_COLUMNS = `m.id, m.title, m.kind, m.meeting_date AS meetingDate, m.start_time AS startTime, m.end_time AS endTime,
                    m.location, m.organizer, m.status, m.secrecy, m.minutes_html AS minutesHtml, m.minutes_text AS minutesText, m.source,
                    m.seal_hash AS sealHash, m.sealed_at AS sealedAt, m.version, m.created_at AS createdAt, m.updated_at AS updatedAt`;
const rowsSql = {
  meetings: `SELECT ${MEETING_COLUMNS} FROM ${BATCH} meetings m ON m.id = batch.value WHERE m.deleted_at IS NULL`,
  trashedMeetings: `SELECT ${MEETING_COLUMNS} FROM ${BATCH} meetings m ON m.id = batch.value WHERE m.deleted_at IS NOT NULL`,
  attendance: `SELECT a.meeting_id AS meetingId, a.id, a.person_id AS personId, p.full_name AS fullName, a.role, a.rank, a.titles, a.unit, a.status,
                      a.absence_reason AS absenceReason, a.position, a.created_at AS createdAt, a.updated_at AS updatedAt
               FROM ${BATCH} attendance a ON a.meeting_id = batch.value JOIN people p ON p.id = a.person_id ORDER BY a.meeting_id, a.position, a.id`,
  photos: `SELECT ph.meeting_id AS meetingId, ph.id, ph.file_hash AS fileHash, ph.mime, ph.byte_size AS byteSize, ph.width, ph.height, ph.caption,
                  ph.credit, ph.taken_at AS takenAt, ph.position, ph.created_at AS createdAt, ph.updated_at AS updatedAt,
                  coalesce((SELECT json_group_array(person_id) FROM (SELECT person_id FROM photo_people WHERE photo_id = ph.id ORDER BY person_id)), '[]') AS people
           FROM ${BATCH} photos ph ON ph.meeting_id = batch.value ORDER BY ph.meeting_id, ph.position, ph.id`,
  conclusions: `SELECT c.meeting_id AS meetingId, c.id, c.position, c.text, c.is_task AS isTask, c.assignee_person_id AS assigneePersonId,
                       c.assignee_unit AS assigneeUnit, c.deadline, c.task_status AS taskStatus, c.done_at AS doneAt, c.created_at AS createdAt,
                       c.updated_at AS updatedAt
                FROM ${BATCH} conclusions c ON c.meeting_id = batch.value ORDER BY c.meeting_id, c.position, c.id`,
  documents: `SELECT d.meeting_id AS meetingId, d.id, d.number, d.doc_type AS docType, d.issued_on AS issuedOn, d.issuer, d.summary, d.position,
                     d.created_at AS createdAt, d.updated_at AS updatedAt
              FROM ${BATCH} document_refs d ON d.meeting_id = batch.value ORDER BY d.meeting_id, d.position, d.id`,
  tags: `SELECT mt.meeting_id AS meetingId, t.id, t.name FROM ${BATCH} meeting_tags mt ON mt.meeting_id = batch.value
         JOIN tags t ON t.id = mt.tag_id ORDER BY mt.meeting_id, t.name_folded, t.id`,
  people: `SELECT p.id, p.full_name AS fullName, p.rank, p.title, p.unit, p.notes, p.version, p.created_at AS createdAt, p.updated_at AS updatedAt
           FROM ${BATCH} people p ON p.id = batch.value ORDER BY p.name_sort, p.id`,
};

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

type Row = Record<string, unknown> & { meetingId: string };

/** Rows of one part, grouped by meeting (the query's order kept), without the grouping column. */
function byMeeting(rows: Row[]): Map<string, Record<string, unknown>[]> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const { meetingId, ...rest } of rows) {
    let list = out.get(meetingId);
    if (!list) out.set(meetingId, (list = []));
    list.push(rest);
  }
  return out;
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
    const ids = JSON.stringify(meetingIds);
    const all = (sql: string) => cachedStatement(sqlite, sql).all(ids) as Row[];
    const meetings = new Map(
      (
        cachedStatement(sqlite, options.trashed ? rowsSql.trashedMeetings : rowsSql.meetings).all(
          ids,
        ) as MeetingRowJson[]
      ).map((m) => [m.id, m]),
    );
    const attendance = byMeeting(all(rowsSql.attendance));
    const photos = byMeeting(all(rowsSql.photos));
    const conclusions = byMeeting(all(rowsSql.conclusions));
    const documents = byMeeting(all(rowsSql.documents));
    const tags = byMeeting(all(rowsSql.tags));
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
            file: bagPhotoPath(p.fileHash as string, p.mime as string),
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
    const people = cachedStatement(sqlite, rowsSql.people).all(
      JSON.stringify([...named]),
    ) as MeetingJson['people'];
    return parts.map(({ m, ...p }, i) => ({
      format: MEETING_JSON_FORMAT,
      formatVersion: MEETING_JSON_VERSION,
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

type MeetingRowJson = Omit<MeetingJson['meeting'], 'seal'> & {
  sealHash: string | null;
  sealedAt: number | null;
};

/** The JSON as written into a bag: stable key order, two-space indent, UTF-8, a final newline. */
export function serializeMeetingJson(json: MeetingJson): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

/**
 * Reads a meeting JSON from a bag. Unknown extra fields are ignored (a newer hoso may add some); a
 * missing or mistyped required field is MEETING_JSON_INVALID naming the field; another format version
 * is MEETING_JSON_UNSUPPORTED. `source` (a file name) goes into the message.
 */
export function parseMeetingJson(text: string, source = ''): MeetingJson {
  const where = source ? ` (${source})` : '';
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new HosoError('MEETING_JSON_INVALID', `${where} JSON: ${(e as Error).message}`.trim(), {
      cause: e,
    });
  }
  if (typeof raw === 'object' && raw !== null) {
    const head = raw as { format?: unknown; formatVersion?: unknown };
    if (head.format !== MEETING_JSON_FORMAT) {
      throw new HosoError('MEETING_JSON_INVALID', `${where} format ≠ "${MEETING_JSON_FORMAT}"`.trim());
    }
    if (typeof head.formatVersion === 'number' && head.formatVersion > MEETING_JSON_VERSION) {
      throw new HosoError('MEETING_JSON_UNSUPPORTED', `${where} formatVersion ${head.formatVersion}`.trim());
    }
  }
  const parsed = MeetingJson.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const path = first.path.map(String).join('.') || '(gốc)';
    throw new HosoError('MEETING_JSON_INVALID', `${where} ${path}: ${first.message}`.trim());
  }
  return parsed.data;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

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
  return sha256(
    canonicalJson({
      meeting: { ...meeting, sealHash: seal?.hash ?? null },
      attendance: json.attendance.map(({ fullName: _f, ...a }) => strip(a)),
      photos: json.photos.map((p) => ({ ...strip(p), people: [...p.people].sort() })),
      conclusions: json.conclusions.map(strip),
      documents: json.documents.map(strip),
      tags: json.tags.map((t) => foldVietnamese(t.name)).sort(),
    }),
  );
}

/** A hash of a person's directory fields (what the merge compares for "identical" people). */
export function personContentHash(p: MeetingJsonPerson): string {
  return sha256(
    canonicalJson({
      id: p.id,
      fullName: p.fullName,
      rank: p.rank,
      title: p.title,
      unit: p.unit,
      notes: p.notes,
    }),
  );
}
