/**
 * The photo channels of the contract (spread into `contract` in contract.ts). Pure TypeScript + zod.
 *
 * Every change names the meeting's `version` the clerk saw and answers with the meeting's new version
 * (`meetingVersion`), which the UI sends with its next change: adding three photos is three calls, each
 * with the version the previous one returned.
 *
 * The image bytes travel as base64 inside the JSON of `photos/add` (the same contract over IPC and
 * HTTP). The UI shows images from `/photos/<hash>` (original) and `/photos/thumb/<hash>` (≈400 px JPEG),
 * served by the web host and the desktop app's app:// protocol; photoUrl/thumbUrl build those paths.
 */
import { z } from 'zod';
import { issue } from './messages/message';
// Common fields from fields.ts, not contract.ts: contract.ts imports this file (a cycle otherwise).
import { Id, MeetingVersion, text } from './fields';

const MeetingId = Id;
const PhotoId = z.string().uuid(issue('input.photoIdInvalid'));
const PersonId = z.string().uuid(issue('input.personIdInvalid'));

/** Largest photo accepted, in bytes (a 48-megapixel phone JPEG is 15–25 MB). */
export const PHOTO_MAX_BYTES = 40 * 1024 * 1024;
/** base64 length of a PHOTO_MAX_BYTES file: checked before anything is decoded. */
export const PHOTO_MAX_BASE64_CHARS = Math.ceil(PHOTO_MAX_BYTES / 3) * 4;
export const PHOTO_CAPTION_MAX = 2000;
export const PHOTO_CREDIT_MAX = 200;

/** An instant in integer ms; bounded to years 1800–2200 so a typo does not become year 50 000. */
const Instant = z
  .number()
  .int()
  .min(-5_364_662_400_000, issue('input.takenAtInvalid'))
  .max(7_258_118_400_000, issue('input.takenAtInvalid'));

export const PhotoPerson = z.object({ id: PersonId, fullName: z.string(), rank: z.string() });
export type PhotoPerson = z.output<typeof PhotoPerson>;

export const Photo = z.object({
  id: PhotoId,
  meetingId: MeetingId,
  /**
   * SHA-256 of the original file: its name in the store and its address (/photos/<fileHash>). Null for a
   * card still waiting for its picture (a caption kept from an import); mime is then '' and byteSize 0.
   */
  fileHash: z.string().nullable(),
  mime: z.string(),
  byteSize: z.number().int(),
  /** As displayed (after the EXIF orientation is applied). */
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  caption: z.string(),
  credit: z.string(),
  /** When the picture was taken (EXIF DateTimeOriginal, or set by the clerk), ms; null if unknown. */
  takenAt: z.number().nullable(),
  /** 0-based order in the meeting's album. */
  position: z.number().int(),
  /** People tagged in the photo, in Vietnamese name order. */
  people: z.array(PhotoPerson),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Photo = z.output<typeof Photo>;

/** A photo whose picture is in the store (not a card still waiting for its file). */
export type PhotoWithFile = Photo & { fileHash: string };
export function hasPicture(photo: Photo): photo is PhotoWithFile {
  return photo.fileHash !== null;
}

export const PhotoListInput = z.object({ meetingId: MeetingId });
export const PhotoList = z.object({
  meetingId: MeetingId,
  meetingVersion: z.number().int(),
  photos: z.array(Photo),
});
export type PhotoList = z.output<typeof PhotoList>;

export const PhotoChange = z.object({ meetingVersion: z.number().int(), photo: Photo });
export type PhotoChange = z.output<typeof PhotoChange>;

export const PhotoAddInput = z.object({
  meetingId: MeetingId,
  version: MeetingVersion,
  /** The file's name on the clerk's PC, for messages and the audit log only (the store names files by hash). */
  fileName: text(255, 'fileName').default(''),
  /**
   * The file's bytes in base64 (a `data:…;base64,` prefix, as FileReader.readAsDataURL gives, is
   * accepted). The exact size limit (PHOTO_TOO_LARGE) is checked by the handler before decoding; this
   * bound only keeps absurd inputs from being looked at.
   */
  dataBase64: z.string().max(PHOTO_MAX_BASE64_CHARS * 2, issue('input.photoTooLarge')),
  caption: text(PHOTO_CAPTION_MAX, 'caption').default(''),
  credit: text(PHOTO_CREDIT_MAX, 'credit').default(''),
});
export type PhotoAddInput = z.output<typeof PhotoAddInput>;

/** A picture for a card that waits for one (its caption, credit and people stay). */
export const PhotoAttachInput = z.object({
  id: PhotoId,
  version: MeetingVersion,
  fileName: PhotoAddInput.shape.fileName,
  dataBase64: PhotoAddInput.shape.dataBase64,
});

/** Only the fields given change; `takenAt: null` clears the time. */
export const PhotoFieldsPatch = z.object({
  caption: text(PHOTO_CAPTION_MAX, 'caption').optional(),
  credit: text(PHOTO_CREDIT_MAX, 'credit').optional(),
  takenAt: Instant.nullable().optional(),
});
export type PhotoFieldsPatch = z.output<typeof PhotoFieldsPatch>;

export const PhotoUpdateInput = z.object({ id: PhotoId, version: MeetingVersion, fields: PhotoFieldsPatch });
export const PhotoReorderInput = z.object({
  meetingId: MeetingId,
  version: MeetingVersion,
  /** Every photo of the meeting, once each, in the new order. */
  photoIds: z.array(PhotoId).max(10_000),
});
export const PhotoRemoveInput = z.object({ id: PhotoId, version: MeetingVersion });
export const PhotoSetPeopleInput = z.object({
  id: PhotoId,
  version: MeetingVersion,
  /** The complete list of people in the photo (replaces the previous one); attendees of the meeting. */
  personIds: z.array(PersonId).max(1000),
});

export const photoChannels = {
  'photos/add': { input: PhotoAddInput, output: PhotoChange },
  'photos/attach': { input: PhotoAttachInput, output: PhotoChange },
  'photos/list': { input: PhotoListInput, output: PhotoList },
  'photos/update': { input: PhotoUpdateInput, output: PhotoChange },
  'photos/reorder': { input: PhotoReorderInput, output: PhotoList },
  'photos/remove': { input: PhotoRemoveInput, output: PhotoList },
  'photos/set-people': { input: PhotoSetPeopleInput, output: PhotoChange },
} as const;

const HASH = /^[0-9a-f]{64}$/;

/** Address of a stored original, same-origin in the desktop app (app://) and the web host. */
export function photoUrl(fileHash: string): string {
  if (!HASH.test(fileHash)) throw new RangeError('photoUrl: not a SHA-256 hash');
  return `/photos/${fileHash}`;
}

/** Address of its thumbnail (about 400 px on the long side, JPEG, already turned upright). */
export function thumbUrl(fileHash: string): string {
  if (!HASH.test(fileHash)) throw new RangeError('thumbUrl: not a SHA-256 hash');
  return `/photos/thumb/${fileHash}`;
}
