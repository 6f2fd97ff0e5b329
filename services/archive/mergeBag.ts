import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { MERGE_LIMITS } from '../../contract/mergeContract';
import { checkBagListing, verifyBagDir, type BagListing, type BagVerdict } from './bagVerify';
import { isAgeFile, unpackEncryptedBag } from './encrypt';
import { createWorkDirSync } from './workDir';
import { MeetingSpool } from './meetingSpool';
import { problemDetails } from '../messageParts';
import { parseMeetingJson, type MeetingJson, type MeetingJsonPerson } from './meetingJson';
import { BagProblems, fileTooLarge, SealCheck, soundRecord, storedForm } from './mergeValidate';
import { recordSide, type RecordSide } from './mergeSide';
import { UuidSet } from './uuidSet';
import { findBags, isBagFolder } from './findBags';
import { releaseAfterLargeInput } from '../releaseMemory';
import type { ProgressSink } from './jobs';

/** Longest run of synchronous reads before the event loop gets a turn (progress, Hủy, the app's other calls). */
const SLICE_MS = 20;

/**
 * Reading a USB bag for the merge (README.md, "Lưu trữ USB: nhập (merge) và sao lưu"): verify it first,
 * then read its meetings through their JSON files, never through the bag's SQLite snapshot, so a bag
 * written by an older or newer hoso merges as long as its JSON format does.
 *
 * The check is `hoso verify`'s (bagVerify.ts, RFC 8493): complete, every checksum right, nothing extra,
 * no path leaving the bag. Photo paths named by the JSON are checked again here before they are read.
 */

/**
 * One meeting file of the bag, judged and summed up when the bag was read; its record itself is not kept
 * (a bag of many large records would not fit in memory): `MergeBag.load` reads it again when needed.
 */
export interface BagMeeting {
  /** Path inside the bag, e.g. data/meetings/0193….json. */
  file: string;
  id: string;
  /** SHA-256 of the file's bytes as judged: read again, the file must still be exactly these bytes. */
  bytesHash: string;
  /** The file's size (progress of the apply). */
  bytes: number;
  /** What the preview shows of the bag's side, its content hash included. */
  side: RecordSide;
  /** Ids of people the record names but does not carry (the plan looks them up in the archive). */
  peopleElsewhere: string[];
  /** The picture files its photos name (cards waiting for their picture have none). */
  photoFiles: BagPhotoFile[];
}

export interface BagPhotoFile {
  /** Path inside data/, as the JSON names it. */
  file: string;
  fileHash: string;
  mime: string;
}

export interface MergeBag {
  /** Absolute path of the bag folder. */
  dir: string;
  /** The bag's name for messages and the audit log (its folder name). */
  name: string;
  /** SHA-256 of manifest-sha256.txt: one value per bag content, used to recognise the same bag again. */
  id: string;
  info: Record<string, string>;
  meetings: BagMeeting[];
  /** The bag's people by id (the last file naming a person wins; one export has one directory). */
  people: Map<string, MeetingJsonPerson>;
  /** The record of a meeting file, judged again as it was (MERGE_BAG_INVALID if the file changed since). */
  load(meeting: BagMeeting): MeetingJson;
  /** Absolute path of a payload photo (`file` as in the JSON, relative to data/), checked to stay inside. */
  photoFile(file: string): string;
  /**
   * Removes the temporary folder an encrypted bag was unpacked into (nothing for a folder), without
   * holding up the event loop: a large bag's thousands of files take seconds to delete.
   */
  dispose(): Promise<void>;
}

const MANIFEST = 'manifest-sha256.txt';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Everyone the record names (attendees, people in photos, task assignees) that its own people list lacks. */
function peopleNotCarried(json: MeetingJson): string[] {
  const carried = new Set(json.people.map((p) => p.id));
  const named = [
    ...json.attendance.map((a) => a.personId),
    ...json.photos.flatMap((p) => p.people),
    ...json.conclusions.flatMap((c) => (c.assigneePersonId ? [c.assigneePersonId] : [])),
  ];
  return [...new Set(named.filter((id) => !carried.has(id)))];
}

/** A `/`-separated path inside the bag: relative, no `.`/`..` segment, no backslash, drive or control character. */
export function isSafeBagPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (!path || path.startsWith('/') || /[\\\u0000-\u001f]/.test(path) || /^[A-Za-z]:/.test(path))
    return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Where the archive is, for what a merge must know of it: its folder (scratch space) and its SQLite build. */
export interface MergeSite {
  /** The archive: an encrypted bag is decrypted into a private folder beside it (workDir.ts, `merge-tmp/`). */
  archiveFile: string;
  /** better-sqlite3 built for Electron, as the archive was opened with (the seal check's scratch archive). */
  nativeBinding?: string;
  /** Hủy: looked at between files. */
  signal?: AbortSignal;
  /** Told each phase (decrypting, verifying, reading) as it goes. */
  progress?: ProgressSink;
}

/** The payload's bytes and files as bag-info.txt declares them (Payload-Oxum), for the verifying phase's bar. */
function declaredPayload(dir: string): { bytes: number; files: number } {
  try {
    const path = join(dir, 'bag-info.txt');
    if (statSync(path).size > 64 * 1024) return { bytes: 0, files: 0 };
    const m = /^Payload-Oxum:\s*(\d+)\.(\d+)\s*$/m.exec(readFileSync(path, 'utf8'));
    return m ? { bytes: Number(m[1]), files: Number(m[2]) } : { bytes: 0, files: 0 };
  } catch {
    return { bytes: 0, files: 0 };
  }
}

/** Where a bag's meeting files are read from: its folder, or the spool an encrypted bag was unpacked into. */
interface MeetingFiles {
  /** Bag-relative paths (`data/meetings/…json`), sorted. */
  list(): string[];
  size(file: string): number;
  read(file: string): Buffer;
}

/**
 * data/meetings/<shard>/<id>.json, or directly data/meetings/<id>.json in bags written before the
 * shards (meetingJsonPath): both are read. The bag was verified first, so every name is a safe path.
 */
function folderMeetingFiles(dir: string): MeetingFiles {
  const meetingsDir = join(dir, 'data', 'meetings');
  const path = (file: string) => join(dir, ...file.split('/'));
  return {
    list: () =>
      existsSync(meetingsDir)
        ? readdirSync(meetingsDir, { recursive: true, encoding: 'utf8' })
            .map((n) => n.split(sep).join('/'))
            .filter((n) => n.toLowerCase().endsWith('.json'))
            .sort()
            .map((n) => `data/meetings/${n}`)
        : [],
    size: (file) => statSync(path(file)).size,
    read: (file) => readFileSync(path(file)),
  };
}

/**
 * Verifies a bag folder (bagVerify.ts, the same check as `hoso verify`), reads its meetings one file at a
 * time and judges each (mergeValidate.ts), keeping of each only what the plan needs (BagMeeting) and
 * of all the people they carry: the whole bag is refused when one record is not sound.
 * An encrypted bag comes already checked as it was unpacked (`streamed`), its meeting files in a spool.
 */
async function readBagDir(
  dir: string,
  name: string,
  dispose: () => Promise<void>,
  site: MergeSite,
  streamed: { verdict: BagVerdict; listing: BagListing; spool: MeetingSpool } | null = null,
): Promise<MergeBag> {
  const { signal, progress } = site;
  let verdict: BagVerdict;
  if (streamed) verdict = streamed.verdict;
  else {
    progress?.phase('verifying', declaredPayload(dir).bytes, 0);
    verdict = await verifyBagDir(dir, { signal, onBytes: progress ? (n) => progress.bytes(n) : undefined });
  }
  if (!verdict.ok)
    throw new HosoError('MERGE_BAG_INVALID', problemDetails(verdict.problems.map((p) => p.message)));
  const source: MeetingFiles = streamed ? streamed.spool : folderMeetingFiles(dir);
  const files = source.list();
  if (files.length > MERGE_LIMITS.meetings)
    throw new HosoError(
      'MERGE_RECORD_INVALID',
      msg('merge.tooManyMeetings', { n: files.length, max: MERGE_LIMITS.meetings }),
    );
  // Each file's size is known before a byte of it is read, and one file is held parsed at a time:
  // memory stays bounded by the caps of one record, not by the size of the bag.
  const problems = new BagProblems();
  const rowIds = new UuidSet();
  const ids = new Set<string>();
  const people = new Map<string, MeetingJsonPerson>();
  const meetings: BagMeeting[] = [];
  const seals = new SealCheck(site.nativeBinding);
  const sizes = files.map((file) => source.size(file));
  progress?.phase('reading', sizes.reduce((a, b) => a + b, 0), files.length);
  let sliceStart = performance.now();
  try {
    for (const [i, file] of files.entries()) {
      if (problems.full) break;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((r) => setImmediate(r));
        signal?.throwIfAborted();
        sliceStart = performance.now();
      }
      const bytes = sizes[i]!;
      progress?.bytes(bytes);
      progress?.file();
      if (bytes > MERGE_LIMITS.meetingFileBytes) {
        fileTooLarge(file, bytes, problems);
        continue;
      }
      const raw = source.read(file);
      const bytesHash = sha256(raw);
      // An encrypted bag was checked as it was unpacked: the copy read here must be the bytes checked.
      if (streamed && streamed.listing.files.get(file)?.hashes.sha256 !== bytesHash)
        throw new HosoError('MERGE_BAG_INVALID', msg('merge.fileChanged', { file }));
      const json = soundRecord(parseMeetingJson(raw.toString('utf8'), file), file, problems, rowIds);
      if (problems.any) continue;
      if (ids.has(json.meeting.id))
        throw new HosoError('MEETING_JSON_INVALID', msg('merge.meetingTwice', { file, id: json.meeting.id }));
      ids.add(json.meeting.id);
      seals.check(file, json, problems);
      for (const p of json.people) people.set(p.id, p);
      if (people.size > MERGE_LIMITS.bagPeople)
        throw new HosoError(
          'MERGE_RECORD_INVALID',
          msg('merge.tooManyPeople', { max: MERGE_LIMITS.bagPeople }),
        );
      releaseAfterLargeInput(bytes);
      meetings.push({
        file,
        id: json.meeting.id,
        bytesHash,
        bytes,
        side: recordSide(json, false),
        peopleElsewhere: peopleNotCarried(json),
        photoFiles: json.photos.flatMap((p) =>
          p.file && p.fileHash ? [{ file: p.file, fileHash: p.fileHash, mime: p.mime }] : [],
        ),
      });
    }
  } finally {
    seals.close();
  }
  problems.throwIfAny();
  const load = (m: BagMeeting): MeetingJson => {
    const raw = source.read(m.file);
    if (sha256(raw) !== m.bytesHash) throw new HosoError('MERGE_BAG_INVALID', msg('merge.fileChanged', { file: m.file }));
    // The very bytes judged sound above: only their stored form is wanted, not the judgement again.
    return storedForm(parseMeetingJson(raw.toString('utf8'), m.file));
  };

  return {
    dir,
    name,
    id: sha256(readFileSync(join(dir, MANIFEST))),
    info: verdict.bagInfo,
    meetings,
    people,
    load,
    photoFile: (file) => {
      if (!isSafeBagPath(file))
        throw new HosoError('MERGE_BAG_INVALID', msg('merge.unsafePhotoPath', { path: file }));
      return join(dir, 'data', ...file.split('/'));
    },
    dispose,
  };
}

export interface BagOptions {
  passphrase?: string | null;
  /**
   * false for a preview, which never reads the photo files: an encrypted bag's photos are then checked
   * as they stream by (like the snapshot) but not written out, and `photoFile` refuses.
   */
  photos?: boolean;
}

/**
 * Opens the bag at `path` for a merge: a bag folder, or an encrypted `.tar.age` (with its passphrase),
 * or a folder (a stick's root) with exactly one of those in it or up to two levels below (findBags.ts),
 * which is unpacked into a private folder beside the archive first (removed by `dispose`, and by the
 * next merge or session if the process is killed). The bag is verified as a whole and each record judged; a bag
 * that fails is refused before anything is written (MERGE_BAG_INVALID / MEETING_JSON_INVALID /
 * MEETING_JSON_UNSUPPORTED / MERGE_RECORD_INVALID naming the files). The caller must call `dispose()`.
 */
export async function readBagForMerge(
  path: string,
  options: BagOptions & MergeSite,
): Promise<MergeBag> {
  if (!existsSync(path)) throw new HosoError('MERGE_BAG_INVALID', msg('merge.notFound', { path }));
  if (statSync(path).isDirectory() && !isBagFolder(path)) {
    // The stick's root, or a folder above the bag: the one bag below it is meant; several are listed.
    const found = await findBags(path);
    if (found.length === 0) throw new HosoError('MERGE_BAG_INVALID', msg('merge.noBagHere', { path }));
    if (found.length > 1)
      throw new HosoError('MERGE_BAG_INVALID', msg('merge.severalBags', { n: found.length, names: found.map((b) => b.name).join(', ') }));
    path = found[0]!.path;
  }
  const name = basename(path.replace(/[\\/]+$/, '')) || path;
  if (statSync(path).isDirectory()) return readBagDir(path, name, () => Promise.resolve(), options);
  if (!(await isAgeFile(path))) throw new HosoError('MERGE_BAG_INVALID', msg('merge.notABag', { name }));
  if (!options.passphrase) throw new HosoError('PASSPHRASE_REQUIRED');
  // The archive's own folder, never the system temp: the plain text of secret records lands nowhere the
  // archive is not; removed by dispose, and by the next merge or session if this process is killed.
  const work = createWorkDirSync(options.archiveFile, 'merge');
  // The meeting files in one scratch file (meetingSpool.ts), the rest of the bag in a folder beside it.
  const spool = new MeetingSpool(join(work, 'meetings.spool'));
  const dispose = () => {
    spool.close();
    return rm(work, { recursive: true, force: true, maxRetries: 2 });
  };
  try {
    options.progress?.phase('decrypting', statSync(path).size, 0);
    // Checked as it streams by, like `hoso verify` checks an encrypted bag (every file's checksums, tag
    // files, nothing missing or extra); only what a merge reads is kept: the tag files and the photos
    // written out, the meeting files in the spool (not the browse pages nor the snapshot, half of a bag's files).
    const listing: BagListing = { files: new Map(), texts: new Map(), problems: [] };
    const dir = await unpackEncryptedBag(path, options.passphrase, join(work, 'bag'), {}, {
      signal: options.signal,
      onBytes: options.progress ? (n) => options.progress!.bytes(n) : undefined,
      listing,
      keep: (rel) => !rel.includes('/') || (options.photos !== false && rel.startsWith('data/photos/')),
      spool,
    });
    const bag = await readBagDir(dir, name, dispose, options, { verdict: checkBagListing(listing), listing, spool });
    if (options.photos !== false) return bag;
    return {
      ...bag,
      photoFile: () => {
        throw new Error('readBagForMerge: the photo files were not unpacked (photos: false)');
      },
    };
  } catch (e) {
    spool.close();
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Runs `body` with the bag open, and always removes what opening it unpacked (success, error, cancel).
 * With `disposeInBackground` (the screen's preview job) the answer does not wait for the removal: it
 * goes on in the background, off the event loop, and a folder a killed process left is swept by the next
 * merge or session (workDir.ts) as before.
 */
export async function withBag<T>(
  path: string,
  options: BagOptions & { disposeInBackground?: boolean } & MergeSite,
  body: (bag: MergeBag) => Promise<T> | T,
): Promise<T> {
  const bag = await readBagForMerge(path, options);
  try {
    return await body(bag);
  } finally {
    if (options.disposeInBackground) void bag.dispose().catch(() => undefined);
    else await bag.dispose();
  }
}
