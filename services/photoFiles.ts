import { createHash } from 'node:crypto';
import {
  createReadStream,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { HosoError } from '../contract/errors';
import { msg } from '../contract/messages/message';

/**
 * The photo files beside an archive (README.md, "Where the data lives"), without any image library: names, atomic writes,
 * hash checks. Originals are content-addressed, `photos/ab/ab12….jpg` (SHA-256 of the bytes); the
 * thumbnail of an original is `photos/thumbs/ab/ab12….jpg`. Every path is built from a hash that has
 * been checked to be 64 lower-case hex digits and an extension from a fixed list, so no input can
 * point outside the photos folder.
 */

export const PHOTO_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
} as const;
export type PhotoExt = keyof typeof PHOTO_TYPES;
export type PhotoMime = (typeof PHOTO_TYPES)[PhotoExt];
export const PHOTO_EXTS = Object.keys(PHOTO_TYPES) as PhotoExt[];
export const THUMB_EXT = 'jpg';
export const THUMB_MIME = 'image/jpeg';

const HASH = /^[0-9a-f]{64}$/;

export function isPhotoHash(value: unknown): value is string {
  return typeof value === 'string' && HASH.test(value);
}

function checkedHash(hash: string): string {
  if (!isPhotoHash(hash)) throw new HosoError('INVALID_INPUT', msg('recordDetail.photoHashInvalid'));
  return hash;
}

export function extForMime(mime: string): PhotoExt | null {
  return PHOTO_EXTS.find((ext) => PHOTO_TYPES[ext] === mime) ?? null;
}

/** The folder holding the photos of the archive whose archive.sqlite is in `archiveDir`. */
export function photosDir(archiveDir: string): string {
  return join(archiveDir, 'photos');
}

/** `<archiveDir>/photos/ab/ab12….<ext>`. Throws on anything but a 64-hex hash and a known extension. */
export function photoPath(archiveDir: string, hash: string, ext: PhotoExt): string {
  if (!Object.prototype.hasOwnProperty.call(PHOTO_TYPES, ext))
    throw new HosoError('INVALID_INPUT', msg('recordDetail.photoTypeInvalid'));
  const h = checkedHash(hash);
  return join(photosDir(archiveDir), h.slice(0, 2), `${h}.${ext}`);
}

/** `<archiveDir>/photos/thumbs/ab/ab12….jpg`. */
export function thumbPath(archiveDir: string, hash: string): string {
  const h = checkedHash(hash);
  return join(photosDir(archiveDir), 'thumbs', h.slice(0, 2), `${h}.${THUMB_EXT}`);
}

/** The stored original of `hash`, whatever its extension, or null. */
export function findPhotoFile(
  archiveDir: string,
  hash: string,
): { path: string; ext: PhotoExt; mime: PhotoMime } | null {
  for (const ext of PHOTO_EXTS) {
    const path = photoPath(archiveDir, hash, ext);
    if (existsSync(path)) return { path, ext, mime: PHOTO_TYPES[ext] };
  }
  return null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** SHA-256 of a file, streamed (a 40 MB photo is never held twice in memory). */
export async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function sha256FileSync(path: string): string {
  const h = createHash('sha256');
  const buf = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * Writes `bytes` to `path` through a temporary name: write, fsync, rename, then fsync the folder so the
 * rename itself survives a power cut. A crash never leaves a half-written file under the final name.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

export interface PhotoFileVerdict {
  ok: boolean;
  /** The stored file looked at, or null when there is none. */
  path: string | null;
  problem: 'missing' | 'mismatch' | null;
  /** SHA-256 of the file as it is now (null when missing). */
  actualHash: string | null;
}

function verdict(hash: string, path: string | null, actualHash: string | null): PhotoFileVerdict {
  if (path === null || actualHash === null)
    return { ok: false, path: null, problem: 'missing', actualHash: null };
  return actualHash === hash
    ? { ok: true, path, problem: null, actualHash }
    : { ok: false, path, problem: 'mismatch', actualHash };
}

/**
 * Recomputes the SHA-256 of the stored original of `hash`: a file whose bytes changed since it was
 * stored (edited, damaged, swapped) no longer matches its own name. Used by the seal check.
 */
export async function verifyPhotoFile(archiveDir: string, hash: string): Promise<PhotoFileVerdict> {
  const found = findPhotoFile(archiveDir, hash);
  return verdict(hash, found?.path ?? null, found ? await sha256File(found.path) : null);
}

/** verifyPhotoFile for synchronous callers (a check inside a read transaction), read in 1 MB pieces. */
export function verifyPhotoFileSync(archiveDir: string, hash: string): PhotoFileVerdict {
  const found = findPhotoFile(archiveDir, hash);
  return verdict(hash, found?.path ?? null, found ? sha256FileSync(found.path) : null);
}

export interface StoredPhotoFile {
  hash: string;
  ext: PhotoExt;
  path: string;
  byteSize: number;
}

/** Every original in the store (`photos/<2 hex>/<hash>.<ext>`); temp files, thumbnails and strays are skipped. */
export function listStoredPhotoFiles(archiveDir: string): StoredPhotoFile[] {
  const root = photosDir(archiveDir);
  if (!existsSync(root)) return [];
  const files: StoredPhotoFile[] = [];
  for (const prefix of readdirSync(root).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of readdirSync(join(root, prefix)).sort()) {
      const m = /^([0-9a-f]{64})\.([a-z]+)$/.exec(name);
      if (!m || !m[1]!.startsWith(prefix) || !Object.prototype.hasOwnProperty.call(PHOTO_TYPES, m[2]!))
        continue;
      const path = join(root, prefix, name);
      files.push({ hash: m[1]!, ext: m[2] as PhotoExt, path, byteSize: statSync(path).size });
    }
  }
  return files;
}
