import { dirname } from 'node:path';
import type { ServiceContext } from './context';
import type { Handler } from './handlers';
import type { CorrectionChange, recordChannels } from '../contract/recordContract';
import { MeetingFields } from '../contract/contract';
import { HosoError } from '../contract/errors';
import { verifyPhotoFileSync } from './photoFiles';
import { addPhotoToMeeting } from './photoStore';
import { decodePhotoData } from './photoHandlers';
import { removePhoto, reorderPhotos, setPhotoPeople, updatePhoto } from '../db/photos';
import type { Archive } from '../db/open';
import { updateMeeting } from '../db/meetings';
import { addAttendee, addAttendees, listAttendance, personMeetings, removeAttendee, reorderAttendance, updateAttendee } from '../db/attendance';
import { previewPaste } from '../db/attendancePaste';
import {
  addConclusion,
  listConclusions,
  listTasks,
  removeConclusion,
  reorderConclusions,
  setTaskStatus,
  updateConclusion,
} from '../db/conclusions';
import { addDocumentRef, listDocumentRefs, removeDocumentRef, reorderDocumentRefs, updateDocumentRef } from '../db/documentRefs';
import { listTags, setMeetingTags } from '../db/tags';
import { listTrash, restoreMeeting, trashMeeting } from '../db/trash';
import { meetingHistory, restoreMeetingVersion } from '../db/history';
import { finalizeMeeting } from '../db/finalize';
import { checkSeal, currentSeal } from '../db/seal';
import { getMeetingRecord } from '../db/meetingRecord';
import type { WriteOptions } from '../db/recordWrite';

type RecordChannel = keyof typeof recordChannels;
type Kind = CorrectionChange['kind'];
type Change<K extends Kind> = Extract<CorrectionChange, { kind: K }>;

/**
 * The changes a finalized record accepts as corrections are the same as the draft's channels: one
 * function per change, called by its own channel (ordinary edit) and by `meetings/correct` (with the
 * reason, re-sealing the record).
 */
type Moved = { meetingVersion: number };

function changes(a: Archive): { [K in Kind]: (meetingId: string, version: number, change: Omit<Change<K>, 'kind'>, w: WriteOptions) => Moved | Promise<Moved> } {
  const moved = (r: { version: number }) => ({ meetingVersion: r.version });
  return {
    'meetings/update': (id, version, { fields }, w) => {
      const parsed = MeetingFields.safeParse(fields);
      if (!parsed.success) throw new HosoError('INVALID_INPUT', parsed.error.issues.slice(0, 5).map((i) => i.message).join(' '));
      return moved(updateMeeting(a, id, version, parsed.data, w.actor, w.now, { correction: w.correction }));
    },
    'meetings/restore-version': (id, version, { auditId }, w) => moved(restoreMeetingVersion(a, id, version, auditId, w)),
    'meetings/trash': (id, version, _change, w) => ({ meetingVersion: version + 1, ...trashMeeting(a, id, version, w) }),
    'attendance/add': (id, version, change, w) => addAttendee(a, id, version, change, w),
    'attendance/add-many': (id, version, change, w) => addAttendees(a, id, version, change, w),
    'attendance/update': (id, version, { id: rowId, fields }, w) => updateAttendee(a, id, version, rowId, fields, w),
    'attendance/remove': (id, version, { id: rowId }, w) => removeAttendee(a, id, version, rowId, w),
    'attendance/reorder': (id, version, { ids }, w) => reorderAttendance(a, id, version, ids, w),
    'conclusions/add': (id, version, { fields }, w) => addConclusion(a, id, version, fields, w),
    'conclusions/update': (id, version, { id: rowId, fields }, w) => updateConclusion(a, id, version, rowId, fields, w),
    'conclusions/remove': (id, version, { id: rowId }, w) => removeConclusion(a, id, version, rowId, w),
    'conclusions/reorder': (id, version, { ids }, w) => reorderConclusions(a, id, version, ids, w),
    'documents/add': (id, version, { fields }, w) => addDocumentRef(a, id, version, fields, w),
    'documents/update': (id, version, { id: rowId, fields }, w) => updateDocumentRef(a, id, version, rowId, fields, w),
    'documents/remove': (id, version, { id: rowId }, w) => removeDocumentRef(a, id, version, rowId, w),
    'documents/reorder': (id, version, { ids }, w) => reorderDocumentRefs(a, id, version, ids, w),
    'tags/set': (id, version, { names }, w) => setMeetingTags(a, id, version, names, w),
    'photos/add': (id, version, { fileName, dataBase64, caption, credit }, w) =>
      addPhotoToMeeting(a, { meetingId: id, version, bytes: decodePhotoData(dataBase64, fileName), fileName, caption, credit, correction: w.correction }, w.actor),
    'photos/update': (_id, version, { id: photoId, fields }, w) => updatePhoto(a, photoId, version, fields, w.actor, Date.now(), w.correction),
    'photos/set-people': (_id, version, { id: photoId, personIds }, w) => setPhotoPeople(a, photoId, version, personIds, w.actor, Date.now(), w.correction),
    'photos/reorder': (id, version, { photoIds }, w) => reorderPhotos(a, id, version, photoIds, w.actor, Date.now(), w.correction),
    'photos/remove': (_id, version, { id: photoId }, w) => removePhoto(a, photoId, version, w.actor, Date.now(), w.correction),
  };
}

/** The meeting-record channels behind the contract, spread into createHandlers(). */
export function createRecordHandlers(ctx: ServiceContext): { [C in RecordChannel]: Handler<C> } {
  const a = ctx.archive;
  const corrections = changes(a);
  const w = (): WriteOptions => ({ actor: ctx.actor() });
  return {
    'meetings/record': ({ id, attendanceOrder }) => getMeetingRecord(a, id, attendanceOrder),

    'attendance/list': ({ meetingId, order }) => listAttendance(a, meetingId, order),
    'attendance/add': ({ meetingId, version, ...change }) => addAttendee(a, meetingId, version, change, w()),
    'attendance/update': ({ meetingId, version, id, fields }) => updateAttendee(a, meetingId, version, id, fields, w()),
    'attendance/remove': ({ meetingId, version, id }) => removeAttendee(a, meetingId, version, id, w()),
    'attendance/reorder': ({ meetingId, version, ids }) => reorderAttendance(a, meetingId, version, ids, w()),
    'attendance/paste-preview': ({ meetingId, text }) => previewPaste(a, meetingId, text),
    'attendance/add-many': ({ meetingId, version, ...change }) => addAttendees(a, meetingId, version, change, w()),
    'people/meetings': ({ personId, offset, limit }) => personMeetings(a, personId, { offset, limit }),

    'conclusions/list': ({ meetingId }) => listConclusions(a, meetingId),
    'conclusions/add': ({ meetingId, version, fields }) => addConclusion(a, meetingId, version, fields, w()),
    'conclusions/update': ({ meetingId, version, id, fields }) => updateConclusion(a, meetingId, version, id, fields, w()),
    'conclusions/remove': ({ meetingId, version, id }) => removeConclusion(a, meetingId, version, id, w()),
    'conclusions/reorder': ({ meetingId, version, ids }) => reorderConclusions(a, meetingId, version, ids, w()),
    'tasks/set-status': ({ meetingId, version, id, status }) => setTaskStatus(a, meetingId, version, id, status, w()),
    'tasks/list': (q) => listTasks(a, q),

    'documents/list': ({ meetingId }) => listDocumentRefs(a, meetingId),
    'documents/add': ({ meetingId, version, fields }) => addDocumentRef(a, meetingId, version, fields, w()),
    'documents/update': ({ meetingId, version, id, fields }) => updateDocumentRef(a, meetingId, version, id, fields, w()),
    'documents/remove': ({ meetingId, version, id }) => removeDocumentRef(a, meetingId, version, id, w()),
    'documents/reorder': ({ meetingId, version, ids }) => reorderDocumentRefs(a, meetingId, version, ids, w()),

    'tags/list': ({ query }) => listTags(a, query),
    'tags/set': ({ meetingId, version, names }) => setMeetingTags(a, meetingId, version, names, w()),

    'meetings/trash': ({ id, version }) => trashMeeting(a, id, version, w()),
    'meetings/restore': ({ id }) => restoreMeeting(a, id, ctx.actor()),
    'meetings/trash-list': (page) => listTrash(a, page),
    'meetings/history': ({ id, offset, limit }) => meetingHistory(a, id, { offset, limit }),
    'meetings/restore-version': ({ id, version, auditId }) => restoreMeetingVersion(a, id, version, auditId, w()),
    'meetings/finalize': ({ id, version }) => finalizeMeeting(a, id, version, ctx.actor()),
    // The photo files are checked by the photo store: each must still hash to the name the sealed row gives it.
    'meetings/seal-check': ({ id }) => checkSeal(a, id, { verifyPhotoFile: (hash) => verifyPhotoFileSync(dirname(a.file), hash).ok }),
    'meetings/correct': async ({ id, version, reason, change: { kind, ...change } }) => {
      const apply = corrections[kind] as (meetingId: string, version: number, change: unknown, w: WriteOptions) => Moved | Promise<Moved>;
      const { meetingVersion } = await apply(id, version, change, { ...w(), correction: reason });
      return { meetingVersion, ...currentSeal(a, id) };
    },
  };
}
