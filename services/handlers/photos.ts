import type { ServiceContext } from '../context';
import type { CorrectionsOf, HandlersOf } from './types';
import type { Archive } from '../../db/open';
import { PHOTO_MAX_BASE64_CHARS } from '../../contract/photoContract';
import { HosoError } from '../../contract/errors';
import { literal, msg } from '../../contract/messages/message';
import { addPhotoToMeeting, attachPhotoToCard } from '../photoStore';
import { listPhotos, removePhoto, reorderPhotos, setPhotoPeople, updatePhoto } from '../../db/photos';

const DATA_URL_PREFIX = /^data:[^,]{0,200};base64,/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of `photos/add`. The length is checked before decoding (PHOTO_TOO_LARGE), and the alphabet
 * too: Buffer.from would silently skip stray characters and store a different file than the one sent.
 */
export function decodePhotoData(dataBase64: string, fileName: string): Buffer {
  const data = dataBase64.replace(DATA_URL_PREFIX, '');
  const detail = fileName ? literal(fileName) : undefined;
  if (data.length > PHOTO_MAX_BASE64_CHARS) throw new HosoError('PHOTO_TOO_LARGE', detail);
  if (data.length === 0) throw new HosoError('PHOTO_NOT_IMAGE', detail);
  if (data.length % 4 !== 0 || !BASE64.test(data))
    throw new HosoError('INVALID_INPUT', msg('recordDetail.photoDataBroken'));
  return Buffer.from(data, 'base64');
}

/** Photo changes as corrections of a finalized record (`meetings/correct`): caption, credit, people, add, order, remove. */
export function photoCorrections(a: Archive): CorrectionsOf<'photos'> {
  return {
    'photos/add': (id, version, { fileName, dataBase64, caption, credit }, w) =>
      addPhotoToMeeting(a, { meetingId: id, version, bytes: decodePhotoData(dataBase64, fileName), fileName, caption, credit, correction: w.correction }, w.actor),
    'photos/attach': (_id, version, { id: photoId, fileName, dataBase64 }, w) =>
      attachPhotoToCard(a, { photoId, version, bytes: decodePhotoData(dataBase64, fileName), fileName, correction: w.correction }, w.actor),
    'photos/update': (_id, version, { id: photoId, fields }, w) => updatePhoto(a, photoId, version, fields, w.actor, Date.now(), w.correction),
    'photos/set-people': (_id, version, { id: photoId, personIds }, w) => setPhotoPeople(a, photoId, version, personIds, w.actor, Date.now(), w.correction),
    'photos/reorder': (id, version, { photoIds }, w) => reorderPhotos(a, id, version, photoIds, w.actor, Date.now(), w.correction),
    'photos/remove': (_id, version, { id: photoId }, w) => removePhoto(a, photoId, version, w.actor, Date.now(), w.correction),
  };
}

/** `photos/*`: a meeting's photos (files stored once by content hash, see services/photoStore.ts). */
export function photoHandlers(ctx: ServiceContext): HandlersOf<'photos'> {
  const a = ctx.archive;
  return {
    'photos/add': ({ meetingId, version, fileName, dataBase64, caption, credit }) =>
      addPhotoToMeeting(a, { meetingId, version, bytes: decodePhotoData(dataBase64, fileName), fileName, caption, credit }, ctx.actor()),
    'photos/attach': ({ id, version, fileName, dataBase64 }) =>
      attachPhotoToCard(a, { photoId: id, version, bytes: decodePhotoData(dataBase64, fileName), fileName }, ctx.actor()),
    'photos/list': ({ meetingId }) => listPhotos(a, meetingId),
    'photos/update': ({ id, version, fields }) => updatePhoto(a, id, version, fields, ctx.actor()),
    'photos/reorder': ({ meetingId, version, photoIds }) => reorderPhotos(a, meetingId, version, photoIds, ctx.actor()),
    'photos/remove': ({ id, version }) => removePhoto(a, id, version, ctx.actor()),
    'photos/set-people': ({ id, version, personIds }) => setPhotoPeople(a, id, version, personIds, ctx.actor()),
  };
}
