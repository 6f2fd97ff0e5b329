import sharp, { type Metadata } from 'sharp';
import exifr from 'exifr';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Archive } from '../db/open';
import { addPhoto, attachPhotoFile, checkPhotoCanBeAdded, checkPhotoCanBeAttached, photoHashesInUse, type PhotoFileFacts } from '../db/photos';
import { HosoError } from '../contract/errors';
import { literal, type Message } from '../contract/messages/message';
import { PHOTO_MAX_BYTES, type PhotoChange } from '../contract/photoContract';
import {
  PHOTO_TYPES,
  THUMB_MIME,
  findPhotoFile,
  isPhotoHash,
  listStoredPhotoFiles,
  photoPath,
  sha256File,
  sha256Hex,
  thumbPath,
  writeFileAtomic,
  type PhotoExt,
  type StoredPhotoFile,
} from './photoFiles';

export { PHOTO_MAX_BYTES } from '../contract/photoContract';
export {
  photoPath,
  thumbPath,
  findPhotoFile,
  isPhotoHash,
  verifyPhotoFile,
  verifyPhotoFileSync,
  type PhotoFileVerdict,
} from './photoFiles';

/**
 * The photo store: takes the bytes of a picture a clerk adds, makes sure they are a picture, keeps them
 * once under their SHA-256 beside the archive and makes the thumbnail once. Pure Node (sharp for
 * decoding, exifr for EXIF).
 */

/** Long side of a thumbnail, in pixels: a sharp card in the album at 2× screen density. */
export const THUMB_MAX_SIDE = 400;
/**
 * EXIF times are wall-clock times. With no OffsetTimeOriginal tag (most cameras), a photo is taken to be
 * in Vietnam time (UTC+7, no daylight saving), whatever the time zone of the PC that reads it.
 */
export const DEFAULT_EXIF_OFFSET_MINUTES = 7 * 60;

export interface StoredPhoto extends PhotoFileFacts {
  ext: PhotoExt;
  /** The original's path. */
  path: string;
  /** False when the same bytes were already in the store (nothing written). */
  written: boolean;
  /** False when the thumbnail was already there. */
  thumbWritten: boolean;
}

type Sniffed =
  { kind: 'photo'; ext: PhotoExt } | { kind: 'heic' } | { kind: 'other-image' } | { kind: 'not-image' };

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString(
    'latin1',
  );

/** What the first bytes say the file is; the decoder has the last word. */
export function sniffImage(bytes: Uint8Array): Sniffed {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { kind: 'photo', ext: 'jpg' };
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return { kind: 'photo', ext: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'photo', ext: 'webp' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      return { kind: 'heic' };
    if (['avif', 'avis'].includes(brand)) return { kind: 'other-image' };
  }
  const head = ascii(bytes, 0, 4);
  if (head.startsWith('GIF8') || head === 'II*\0' || head === 'MM\0*' || head.startsWith('BM'))
    return { kind: 'other-image' };
  return { kind: 'not-image' };
}

/** Whether this build of sharp decodes HEIC (the prebuilt one does not: HEVC is patent-encumbered). */
export function canDecodeHeic(): boolean {
  const suffixes =
    (sharp.format as unknown as Record<string, { input?: { fileSuffix?: string[] } }>).heif?.input
      ?.fileSuffix ?? [];
  return suffixes.includes('.heic');
}

const SHARP_FORMAT: Record<PhotoExt, string> = { jpg: 'jpeg', png: 'png', webp: 'webp' };

/**
 * The most pixels a picture may have to be decoded: 100 megapixels (about 12 000 × 8 000), more than
 * any phone or office camera takes (a 50 MP phone photo is half of it). Decoding costs about 4 bytes a
 * pixel, and a PNG or JPEG of a few KB can declare 30 000 × 30 000: the header is checked before any
 * decoding, and sharp is given the same limit as a second guard.
 */
export const PHOTO_MAX_PIXELS = 100_000_000;

/** A decoder for a picture, never past PHOTO_MAX_PIXELS. */
const decoder = (input: Uint8Array) => sharp(input, { failOn: 'error', limitInputPixels: PHOTO_MAX_PIXELS });

/**
 * Decodes the whole picture into its thumbnail: upright (EXIF orientation applied), at most
 * THUMB_MAX_SIDE on the long side, transparency on white, JPEG without metadata (no GPS in thumbnails).
 * `failOn: 'error'` refuses damaged or truncated data; mere warnings (common in phone files) pass.
 */
async function makeThumbnail(input: Uint8Array): Promise<Buffer> {
  return decoder(input)
    .rotate()
    .resize(THUMB_MAX_SIDE, THUMB_MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80, mozjpeg: true })
    .toBuffer();
}

function parseExifTime(value: unknown, offset: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1800 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  let offsetMinutes = DEFAULT_EXIF_OFFSET_MINUTES;
  const o = typeof offset === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null;
  if (o) offsetMinutes = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? utc : null;
}

/** When the picture was taken, from EXIF (DateTimeOriginal, else CreateDate), in ms; null if not recorded. */
export async function readTakenAt(bytes: Uint8Array): Promise<number | null> {
  try {
    const tags = (await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), {
      pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'CreateDate', 'OffsetTimeDigitized'],
      reviveValues: false,
      translateValues: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return null;
    return (
      parseExifTime(tags.DateTimeOriginal, tags.OffsetTimeOriginal) ??
      parseExifTime(tags.CreateDate, tags.OffsetTimeDigitized)
    );
  } catch {
    // A broken EXIF block does not make a broken photo: the time is simply unknown.
    return null;
  }
}

/**
 * Stores a picture in the archive's photo store and returns what the photo row needs.
 * Refuses, before anything is written: over PHOTO_MAX_BYTES (PHOTO_TOO_LARGE), over PHOTO_MAX_PIXELS by
 * its header (PHOTO_TOO_MANY_PIXELS, before any decoding), HEIC when this build
 * cannot decode it (PHOTO_HEIC_UNSUPPORTED), other formats (PHOTO_FORMAT_UNSUPPORTED), and anything that
 * does not decode as the image it claims to be (PHOTO_NOT_IMAGE). The same bytes stored twice are one
 * file; a stored file found damaged is replaced by the good bytes.
 */
export async function storePhoto(
  archiveDir: string,
  bytes: Uint8Array,
  options: { fileName?: string; detail?: Message } = {},
): Promise<StoredPhoto> {
  const detail = options.detail ?? (options.fileName ? literal(options.fileName) : undefined);
  if (bytes.length > PHOTO_MAX_BYTES) throw new HosoError('PHOTO_TOO_LARGE', detail);
  const sniffed = sniffImage(bytes);
  if (sniffed.kind === 'heic') throw new HosoError('PHOTO_HEIC_UNSUPPORTED', detail);
  if (sniffed.kind === 'other-image') throw new HosoError('PHOTO_FORMAT_UNSUPPORTED', detail);
  if (sniffed.kind === 'not-image') throw new HosoError('PHOTO_NOT_IMAGE', detail);
  const ext = sniffed.ext;

  const hash = sha256Hex(bytes);
  const path = photoPath(archiveDir, hash, ext);
  const thumb = thumbPath(archiveDir, hash);
  // A thumbnail exists only once its original was decoded and stored: those bytes are known good.
  const known = existsSync(thumb) && existsSync(path);

  let meta: Metadata;
  let thumbBytes: Buffer | null = null;
  try {
    // The header only: no pixel is decoded here, so no pixel limit yet (its count is checked below).
    meta = await sharp(bytes, { failOn: 'error', limitInputPixels: false }).metadata();
    if (meta.format !== SHARP_FORMAT[ext]) throw new Error(`format ${meta.format} is not ${ext}`);
  } catch (e) {
    throw new HosoError('PHOTO_NOT_IMAGE', detail, { cause: e });
  }
  // One frame is decoded (sharp's default), so one frame's pixels are what count.
  if ((meta.width ?? 0) * (meta.height ?? 0) > PHOTO_MAX_PIXELS)
    throw new HosoError('PHOTO_TOO_MANY_PIXELS', detail);
  try {
    if (!known) thumbBytes = await makeThumbnail(bytes);
  } catch (e) {
    throw new HosoError('PHOTO_NOT_IMAGE', detail, { cause: e });
  }

  let written = false;
  if (!(existsSync(path) && statSync(path).size === bytes.length && (await sha256File(path)) === hash)) {
    writeFileAtomic(path, bytes);
    written = true;
  }
  if (thumbBytes) writeFileAtomic(thumb, thumbBytes);

  return {
    hash,
    ext,
    mime: PHOTO_TYPES[ext],
    byteSize: bytes.length,
    width: meta.autoOrient?.width ?? meta.width ?? null,
    height: meta.autoOrient?.height ?? meta.height ?? null,
    takenAt: await readTakenAt(bytes),
    path,
    written,
    thumbWritten: thumbBytes !== null,
  };
}

/**
 * The thumbnail of a stored original, made now if it was never made (photos written by the demo or by
 * an older version, or a thumbnail deleted to save space). Null when there is no such original, or
 * when it no longer decodes.
 */
export async function ensureThumbnail(archiveDir: string, hash: string): Promise<string | null> {
  const thumb = thumbPath(archiveDir, hash);
  if (existsSync(thumb)) return thumb;
  const original = findPhotoFile(archiveDir, hash);
  if (!original) return null;
  let bytes: Buffer;
  try {
    bytes = await makeThumbnail(readFileSync(original.path));
  } catch {
    return null;
  }
  writeFileAtomic(thumb, bytes);
  return thumb;
}

export interface AddPhotoInput {
  meetingId: string;
  /** The meeting's version the clerk saw. */
  version: number;
  bytes: Uint8Array;
  fileName?: string;
  caption?: string;
  credit?: string;
  /** The reason, when the photo is added to a finalized record (meetings/correct). */
  correction?: string;
}

/**
 * A picture into a meeting's album: the meeting's state is checked first (a refused photo leaves no
 * file), then the file is stored, then the row is added in one transaction that checks again.
 */
export async function addPhotoToMeeting(
  archive: Archive,
  input: AddPhotoInput,
  actor: string,
): Promise<PhotoChange> {
  if (input.bytes.length > PHOTO_MAX_BYTES)
    throw new HosoError('PHOTO_TOO_LARGE', input.fileName ? literal(input.fileName) : undefined);
  checkPhotoCanBeAdded(archive, input.meetingId, input.version, sha256Hex(input.bytes), input.correction);
  const stored = await storePhoto(dirname(archive.file), input.bytes, { fileName: input.fileName });
  return addPhoto(
    archive,
    input.meetingId,
    input.version,
    stored,
    { caption: input.caption ?? '', credit: input.credit ?? '', fileName: input.fileName },
    actor,
    Date.now(),
    input.correction,
  );
}

export interface AttachPhotoInput {
  /** The card waiting for its picture. */
  photoId: string;
  /** The meeting's version the clerk saw. */
  version: number;
  bytes: Uint8Array;
  fileName?: string;
  /** The reason, when the picture is attached to a finalized record (meetings/correct). */
  correction?: string;
}

/**
 * A picture onto a card that waits for it (a caption kept from an import): checked like an added photo
 * (the meeting's state, the card, the same file already in the album) before the file is stored, then
 * the row is changed in one transaction that checks again.
 */
export async function attachPhotoToCard(archive: Archive, input: AttachPhotoInput, actor: string): Promise<PhotoChange> {
  if (input.bytes.length > PHOTO_MAX_BYTES)
    throw new HosoError('PHOTO_TOO_LARGE', input.fileName ? literal(input.fileName) : undefined);
  checkPhotoCanBeAttached(archive, input.photoId, input.version, sha256Hex(input.bytes), input.correction);
  const stored = await storePhoto(dirname(archive.file), input.bytes, { fileName: input.fileName });
  return attachPhotoFile(archive, input.photoId, input.version, stored, input.fileName ?? '', actor, Date.now(), input.correction);
}

/**
 * Files in the store that no photo row uses (a photo removed from its only meeting, a crash between
 * storing a file and adding its row). A report: nothing is deleted here.
 */
export function orphanPhotoFiles(archive: Pick<Archive, 'sqlite' | 'file'>): StoredPhotoFile[] {
  const inUse = photoHashesInUse(archive);
  return listStoredPhotoFiles(dirname(archive.file)).filter((f) => !inUse.has(f.hash));
}

const PHOTO_ROUTE = /^\/photos\/(thumb\/)?([^/]*)$/;

/**
 * The file behind a URL path of the photo routes: `/photos/<sha256>` (original) and
 * `/photos/thumb/<sha256>` (thumbnail, made on first request if missing). Shared by the web host and
 * the desktop app:// protocol. Returns null for paths outside /photos/, 'not-found' for any other
 * /photos/ path (a hash that is not 64 lower-case hex digits is never turned into a path).
 */
export async function resolvePhotoRoute(
  archiveDir: string,
  pathname: string,
): Promise<{ path: string; contentType: string } | 'not-found' | null> {
  if (!pathname.startsWith('/photos/')) return null;
  const m = PHOTO_ROUTE.exec(pathname);
  if (!m || !isPhotoHash(m[2])) return 'not-found';
  if (m[1]) {
    const path = await ensureThumbnail(archiveDir, m[2]);
    return path ? { path, contentType: THUMB_MIME } : 'not-found';
  }
  const found = findPhotoFile(archiveDir, m[2]);
  return found ? { path: found.path, contentType: found.mime } : 'not-found';
}
