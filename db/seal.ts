import { createHash } from 'node:crypto';
import type { Archive } from './open';
import { RECORD_PARTS, type SealReport } from '../contract/recordContract';
import { HosoError } from '../contract/errors';
import { msg, type Message } from '../contract/messages/message';
import { commaList } from '../contract/messages/recordParts';
import { cachedStatement } from './statementCache';

/**
 * The seal of a finalized meeting (README.md, "What it is": Khóa hồ sơ): SHA-256 over a canonical JSON of its content:
 * the meeting's own fields, attendance rows, conclusions, document references, tags and photo rows
 * (file hash, caption, credit… and the people tagged). Photos are stored content-addressed, so their
 * file hashes in the rows cover the pictures; checking the files themselves is the photo store's job,
 * passed in as `verifyPhotoFile`.
 *
 * Left out on purpose: versions, timestamps, the trash flag and a task's follow-up (status, done at),
 * which change after a meeting without changing what was decided at it; and people's names, which
 * live in the directory (a spelling fix there is not a change to the record). Each part's own hash is
 * logged with the seal (audit entries 'finalize' and 'correct'), so a check can name what changed.
 */

export type SealPartName = (typeof RECORD_PARTS)[number];
export type SealParts = Record<SealPartName, string>;

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  let text = '';
  writeCanonical(value, (piece) => {
    text += piece;
  });
  return text;
}

/**
 * SHA-256 (hex) of canonicalJson(value), the text fed to the hash in pieces: a record of tens of
 * thousands of rows is hashed without building its whole text (nor the texts of its parts) in memory.
 */
export function canonicalSha256(value: unknown): string {
  const hash = createHash('sha256');
  let pending = '';
  writeCanonical(value, (piece) => {
    pending += piece;
    if (pending.length >= 1 << 16) {
      hash.update(pending, 'utf8');
      pending = '';
    }
  });
  return hash.update(pending, 'utf8').digest('hex');
}

/**
 * canonicalJson's text, piece by piece. Plain loops, and a key with a plain value written in one piece:
 * every merge hashes each record of a bag with it (content hash, seal), so it is on the preview's path.
 * The text is exactly the one the first version wrote (test/unit/canonicalHash.test.ts compares them).
 */
function writeCanonical(value: unknown, out: (piece: string) => void): void {
  if (value === null || typeof value !== 'object') {
    // undefined (an array's hole) writes nothing, as JSON.stringify's value and join did.
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) out(text);
    return;
  }
  if (Array.isArray(value)) {
    out('[');
    // A hole is skipped, comma and all (as forEach did); an undefined item writes only its comma.
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) continue;
      if (i > 0) out(',');
      writeCanonical(value[i], out);
    }
    out(']');
    return;
  }
  const record = value as Record<string, unknown>;
  // Sorted by UTF-16 code units, as `<` compares strings.
  const keys = Object.keys(record).sort();
  out('{');
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    const head = `${first ? '' : ','}${JSON.stringify(k)}:`;
    first = false;
    if (v === null || typeof v !== 'object') out(head + ((JSON.stringify(v) as string | undefined) ?? ''));
    else {
      out(head);
      writeCanonical(v, out);
    }
  }
  out('}');
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const PART_SQL: Record<SealPartName, string> = {
  meeting: `SELECT id, title, kind, meeting_date, start_time, end_time, location, organizer, secrecy, minutes_html, minutes_text, source
            FROM meetings WHERE id = ?`,
  attendance: `SELECT id, person_id, role, rank, titles, unit, status, absence_reason, position
               FROM attendance WHERE meeting_id = ? ORDER BY position, id`,
  conclusions: `SELECT id, position, text, is_task, assignee_person_id, assignee_unit, deadline
                FROM conclusions WHERE meeting_id = ? ORDER BY position, id`,
  documents: `SELECT id, number, doc_type, issued_on, issuer, summary, position
              FROM document_refs WHERE meeting_id = ? ORDER BY position, id`,
  tags: `SELECT t.name FROM meeting_tags mt JOIN tags t ON t.id = mt.tag_id WHERE mt.meeting_id = ? ORDER BY t.name_folded, t.id`,
  photos: `SELECT p.id, p.file_hash, p.mime, p.byte_size, p.width, p.height, p.caption, p.credit, p.taken_at, p.position,
                  coalesce((SELECT json_group_array(person_id) FROM (SELECT person_id FROM photo_people WHERE photo_id = p.id ORDER BY person_id)), '[]') AS people
           FROM photos p WHERE p.meeting_id = ? ORDER BY p.position, p.id`,
};

export interface SealComputation {
  hash: string;
  parts: SealParts;
  photoHashes: string[];
}

/** The content of a meeting as sealed, and its hashes (whole and per part). */
export function computeSeal(archive: Pick<Archive, 'sqlite'>, meetingId: string): SealComputation {
  // The content is { seal: 'hoso-seal-1', meeting, attendance, … }; each part's canonical text is made
  // once and the whole's is put together from them: canonicalJson(content), without writing it twice.
  const texts: Record<string, string> = { seal: JSON.stringify('hoso-seal-1') };
  const parts = {} as SealParts;
  let photos: { file_hash: string | null }[] = [];
  for (const part of RECORD_PARTS) {
    // A merge computes the seal of every sealed record of a bag: the statements are compiled once.
    const rows = cachedStatement(archive.sqlite, PART_SQL[part]).all(meetingId) as Record<string, unknown>[];
    const value = part === 'meeting' ? (rows[0] ?? null) : part === 'tags' ? rows.map((r) => r.name) : rows;
    if (part === 'photos') photos = rows as { file_hash: string | null }[];
    texts[part] = canonicalJson(value);
    parts[part] = sha256(texts[part]);
  }
  const whole = `{${Object.keys(texts)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${texts[k]}`)
    .join(',')}}`;
  // A card waiting for its picture has no file to verify.
  const photoHashes = photos.flatMap((p) => (p.file_hash === null ? [] : [p.file_hash]));
  return { hash: sha256(whole), parts, photoHashes };
}

/** Seals the meeting over its current content (inside the caller's transaction). */
export function writeSeal(
  archive: Pick<Archive, 'sqlite'>,
  meetingId: string,
  now: number,
): { sealHash: string; sealedAt: number; parts: SealParts } {
  const seal = computeSeal(archive, meetingId);
  archive.sqlite
    .prepare('UPDATE meetings SET seal_hash = ?, sealed_at = ? WHERE id = ?')
    .run(seal.hash, now, meetingId);
  return { sealHash: seal.hash, sealedAt: now, parts: seal.parts };
}

/**
 * Recomputes the seal of a meeting (live or in the trash) and says whether the record is as sealed:
 * which parts changed since (by the part hashes logged with the seal), whether the stored seal still
 * matches the audit log's, and, when `verifyPhotoFile` is given, which photo files fail their check.
 */
export function checkSeal(
  archive: Pick<Archive, 'sqlite'>,
  meetingId: string,
  options: { verifyPhotoFile?: (hash: string) => boolean } = {},
): SealReport {
  const meeting = archive.sqlite
    .prepare('SELECT status, seal_hash AS sealHash, sealed_at AS sealedAt FROM meetings WHERE id = ?')
    .get(meetingId) as { status: string; sealHash: string | null; sealedAt: number | null } | undefined;
  if (!meeting) throw new HosoError('NOT_FOUND');
  const current = computeSeal(archive, meetingId);
  if (meeting.status !== 'finalized') return notSealed(meetingId, current.hash, msg('seal.notFinalized'));

  const logged = archive.sqlite
    .prepare(
      `SELECT after FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action IN ('finalize', 'correct') ORDER BY seq DESC LIMIT 1`,
    )
    .pluck()
    .get(meetingId) as string | undefined;
  const sealed = logged ? (JSON.parse(logged) as { sealHash?: string; parts?: Partial<SealParts> }) : {};
  const changed: SealReport['changedParts'] = [];
  // The stored seal must be the one the (hash-chained) audit log recorded; an edited seal column is a change.
  if (!sealed.sealHash || sealed.sealHash !== meeting.sealHash) changed.push('seal');
  for (const part of RECORD_PARTS)
    if (sealed.parts && sealed.parts[part] !== current.parts[part]) changed.push(part);
  const bad = options.verifyPhotoFile
    ? [...new Set(current.photoHashes)].filter((h) => !options.verifyPhotoFile!(h))
    : [];
  const ok = changed.length === 0 && current.hash === meeting.sealHash && bad.length === 0;
  const problems = commaList([
    ...changed.map((p) => msg(`seal.part.${p}`)),
    ...(bad.length ? [msg('seal.badPhotoFiles', { n: bad.length })] : []),
  ]);
  return {
    meetingId,
    sealed: true,
    ok,
    sealedAt: meeting.sealedAt,
    storedHash: meeting.sealHash,
    currentHash: current.hash,
    changedParts: changed,
    badPhotoFiles: bad,
    photoFilesChecked: options.verifyPhotoFile !== undefined,
    message: ok ? msg('seal.intact') : msg('seal.changed', { problems: problems ?? msg('seal.content') }),
  };
}

function notSealed(meetingId: string, currentHash: string, message: Message): SealReport {
  return {
    meetingId,
    sealed: false,
    ok: false,
    sealedAt: null,
    storedHash: null,
    currentHash,
    changedParts: [],
    badPhotoFiles: [],
    photoFilesChecked: false,
    message,
  };
}

/** The seal a finalized meeting carries now (after a correction sealed it again). */
export function currentSeal(
  archive: Pick<Archive, 'sqlite'>,
  meetingId: string,
): { sealHash: string; sealedAt: number } {
  return archive.sqlite
    .prepare('SELECT seal_hash AS sealHash, sealed_at AS sealedAt FROM meetings WHERE id = ?')
    .get(meetingId) as {
    sealHash: string;
    sealedAt: number;
  };
}
