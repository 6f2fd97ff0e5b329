import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, sep } from 'node:path';
import { HosoError } from '../../contract/errors';
import { msg } from '../../contract/messages/message';
import { verifyBagDir } from './bagVerify';
import { isAgeFile, unpackEncryptedBag } from './encrypt';
import { problemDetails } from '../messageParts';
import { parseMeetingJson, type MeetingJson } from './meetingJson';

/**
 * Reading a USB bag for the merge (README.md, "Lưu trữ USB: nhập (merge) và sao lưu"): verify it first,
 * then read its meetings through their JSON files, never through the bag's SQLite snapshot, so a bag
 * written by an older or newer hoso merges as long as its JSON format does.
 *
 * The check is `hoso verify`'s (bagVerify.ts, RFC 8493): complete, every checksum right, nothing extra,
 * no path leaving the bag. Photo paths named by the JSON are checked again here before they are read.
 */

export interface BagMeeting {
  /** Path inside the bag, e.g. data/meetings/0193….json. */
  file: string;
  json: MeetingJson;
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
  /** Absolute path of a payload photo (`file` as in the JSON, relative to data/), checked to stay inside. */
  photoFile(file: string): string;
  /** Removes the temporary folder an encrypted bag was unpacked into (nothing for a folder). */
  dispose(): void;
}

const MANIFEST = 'manifest-sha256.txt';

/** A `/`-separated path inside the bag: relative, no `.`/`..` segment, no backslash, drive or control character. */
export function isSafeBagPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be refused
  if (!path || path.startsWith('/') || /[\\\u0000-\u001f]/.test(path) || /^[A-Za-z]:/.test(path))
    return false;
  return path.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Verifies a bag folder (bagVerify.ts, the same check as `hoso verify`) and reads its meetings. */
async function readBagDir(dir: string, name: string, dispose: () => void): Promise<MergeBag> {
  const verdict = await verifyBagDir(dir);
  if (!verdict.ok)
    throw new HosoError('MERGE_BAG_INVALID', problemDetails(verdict.problems.map((p) => p.message)));
  const meetingsDir = join(dir, 'data', 'meetings');
  // data/meetings/<shard>/<id>.json, or directly data/meetings/<id>.json in bags written before the
  // shards (meetingJsonPath): both are read. The bag was verified above, so every name is a safe path.
  const files = existsSync(meetingsDir)
    ? readdirSync(meetingsDir, { recursive: true, encoding: 'utf8' })
        .map((n) => n.split(sep).join('/'))
        .filter((n) => n.toLowerCase().endsWith('.json'))
        .sort()
    : [];
  const meetings = files.map((n) => {
    const file = `data/meetings/${n}`;
    return { file, json: parseMeetingJson(readFileSync(join(meetingsDir, n), 'utf8'), file) };
  });
  const seen = new Set<string>();
  for (const m of meetings) {
    if (seen.has(m.json.meeting.id))
      throw new HosoError('MEETING_JSON_INVALID', msg('merge.meetingTwice', { file: m.file, id: m.json.meeting.id }));
    seen.add(m.json.meeting.id);
  }
  return {
    dir,
    name,
    id: createHash('sha256')
      .update(readFileSync(join(dir, MANIFEST)))
      .digest('hex'),
    info: verdict.bagInfo,
    meetings,
    photoFile: (file) => {
      if (!isSafeBagPath(file))
        throw new HosoError('MERGE_BAG_INVALID', msg('merge.unsafePhotoPath', { path: file }));
      return join(dir, 'data', ...file.split('/'));
    },
    dispose,
  };
}

/**
 * Opens the bag at `path` for a merge: a bag folder, or an encrypted `.tar.age` (with its passphrase),
 * which is unpacked into a private temporary folder first (removed by `dispose`). The bag is verified as
 * a whole; a bag that fails, or holds a meeting file that does not parse, is refused before anything
 * is written (MERGE_BAG_INVALID / MEETING_JSON_INVALID / MEETING_JSON_UNSUPPORTED naming the files).
 * The caller must call `dispose()` when done.
 */
export async function readBagForMerge(
  path: string,
  options: { passphrase?: string | null } = {},
): Promise<MergeBag> {
  if (!existsSync(path)) throw new HosoError('MERGE_BAG_INVALID', msg('merge.notFound', { path }));
  const name = basename(path.replace(/[\\/]+$/, '')) || path;
  if (statSync(path).isDirectory()) return readBagDir(path, name, () => undefined);
  if (!(await isAgeFile(path)))
    throw new HosoError('MERGE_BAG_INVALID', msg('merge.notABag', { name }));
  if (!options.passphrase) throw new HosoError('PASSPHRASE_REQUIRED');
  const work = mkdtempSync(join(tmpdir(), 'hoso-merge-'));
  const dispose = () => rmSync(work, { recursive: true, force: true });
  try {
    const dir = await unpackEncryptedBag(path, options.passphrase, work);
    return await readBagDir(dir, name, dispose);
  } catch (e) {
    dispose();
    throw e;
  }
}

/** Runs `body` with the bag open, and always removes what opening it unpacked. */
export async function withBag<T>(
  path: string,
  passphrase: string | null | undefined,
  body: (bag: MergeBag) => Promise<T> | T,
): Promise<T> {
  const bag = await readBagForMerge(path, { passphrase });
  try {
    return await body(bag);
  } finally {
    bag.dispose();
  }
}
