import { z } from 'zod';
import { HosoError } from '../../contract/errors';
import { literal, msg, type Message } from '../../contract/messages/message';
import { issueMessages } from '../../contract/messages/zodIssues';

/**
 * The version-independent JSON of one meeting record: `data/meetings/<shard>/<id>.json` in a USB bag
 * (meetingJsonPath; older bags have them directly in `data/meetings/`, and are read too)
 * (README.md, "Lưu trữ USB"). It is what `hoso merge` reads (never the bag's SQLite snapshot, whose schema belongs
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
 *                   both null in formatVersion 2 for a card still waiting for its picture (mime '', byteSize 0),
 *                   mime, byteSize, width, height, caption, credit, takenAt, position, people: [personId],
 *                   createdAt, updatedAt }],
 *   conclusions: [{ id, position, text, isTask, assigneePersonId, assigneeUnit, deadline "YYYY-MM-DD"|null,
 *                   taskStatus, doneAt, createdAt, updatedAt }],
 *   documents:   [{ id, number, docType, issuedOn, issuer, summary, position, createdAt, updatedAt }],
 *   tags:        [{ id, name }] }
 * ```
 * Compatibility rules: a newer hoso may ADD fields (they are ignored here) and keeps `formatVersion` 1;
 * removing or changing the meaning of a field bumps `formatVersion`, which an older hoso refuses with
 * MEETING_JSON_UNSUPPORTED instead of guessing. Version 2 differs only in allowing a photo without its
 * file; a record is written as 2 only when it has such a card, so every other record stays readable by
 * a hoso that knows only 1. Ids are UUIDv7 from the archive that created the row,
 * so archives merge by id. Tags are matched by name on merge (each PC creates its own tag ids).
 */

export const MEETING_JSON_FORMAT = 'hoso-meeting';
/** The highest version read; a record is written as 1 unless it needs 2 (see photoJsonVersion). */
export const MEETING_JSON_VERSION = 2;

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
  fileHash: str.regex(/^[0-9a-f]{64}$/).nullable(),
  file: str.nullable(),
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
  formatVersion: z.union([z.literal(1), z.literal(2)]),
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
  // The file, then what is wrong in it: technical names (a JSON path, a format), shown as they are.
  const fail = (
    code: 'MEETING_JSON_INVALID' | 'MEETING_JSON_UNSUPPORTED',
    what: string,
    more: Message[] = [],
    cause?: unknown,
  ) => {
    const details = [...(source ? [literal(source)] : []), ...(what ? [msg('detail.text', { text: what })] : []), ...more];
    return new HosoError(code, details, cause === undefined ? undefined : { cause });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw fail('MEETING_JSON_INVALID', `JSON: ${(e as Error).message}`, [], e);
  }
  if (typeof raw === 'object' && raw !== null) {
    const head = raw as { format?: unknown; formatVersion?: unknown };
    if (head.format !== MEETING_JSON_FORMAT) throw fail('MEETING_JSON_INVALID', `format ≠ "${MEETING_JSON_FORMAT}"`);
    if (typeof head.formatVersion === 'number' && head.formatVersion > MEETING_JSON_VERSION)
      throw fail('MEETING_JSON_UNSUPPORTED', `formatVersion ${head.formatVersion}`);
  }
  const parsed = MeetingJson.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const path = first.path.map(String).join('.');
    throw fail('MEETING_JSON_INVALID', path ? `${path}:` : '', issueMessages([first]));
  }
  // A photo has both its hash and its file or neither, and only version 2 may have neither.
  parsed.data.photos.forEach((p, i) => {
    if ((p.fileHash === null) !== (p.file === null) || (p.fileHash === null && parsed.data.formatVersion < 2))
      throw fail('MEETING_JSON_INVALID', `photos.${i}.file: ${p.fileHash === null ? 'null' : p.file}`);
  });
  return parsed.data;
}
