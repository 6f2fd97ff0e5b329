import type { ServiceContext } from '../context';
import type { CorrectionsOf, HandlersOf } from './types';
import type { Archive } from '../../db/open';
import type { WriteOptions } from '../../db/recordWrite';
import {
  addAttendee,
  addAttendees,
  listAttendance,
  removeAttendee,
  reorderAttendance,
  setAttendanceStatuses,
  updateAttendee,
} from '../../db/attendance';
import { previewPaste } from '../../db/attendancePaste';
import {
  addConclusion,
  listConclusions,
  listTasks,
  removeConclusion,
  reorderConclusions,
  setTaskStatus,
  updateConclusion,
} from '../../db/conclusions';
import { addDocumentRef, listDocumentRefs, removeDocumentRef, reorderDocumentRefs, updateDocumentRef } from '../../db/documentRefs';
import { listTags, setMeetingTags } from '../../db/tags';

/** The parts of a meeting record besides its own fields and photos. */
type Part = 'attendance' | 'conclusions' | 'documents' | 'tags';

/**
 * The parts' changes, called by their own channels (an edit of a draft) and by `meetings/correct`
 * (a correction of a finalized record, with its reason).
 */
export function recordCorrections(a: Archive): CorrectionsOf<Part> {
  return {
    'attendance/add': (id, version, change, w) => addAttendee(a, id, version, change, w),
    'attendance/add-many': (id, version, change, w) => addAttendees(a, id, version, change, w),
    'attendance/update': (id, version, { id: rowId, fields }, w) => updateAttendee(a, id, version, rowId, fields, w),
    'attendance/set-statuses': (id, version, { rows }, w) => setAttendanceStatuses(a, id, version, rows, w),
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
  };
}

/** `attendance/*`, `conclusions/*`, `tasks/*`, `documents/*`, `tags/*`: the tabs of a meeting record. */
export function recordHandlers(ctx: ServiceContext): HandlersOf<Part | 'tasks'> {
  const a = ctx.archive;
  const w = (): WriteOptions => ({ actor: ctx.actor() });
  return {
    'attendance/list': ({ meetingId, order }) => listAttendance(a, meetingId, order),
    'attendance/add': ({ meetingId, version, ...change }) => addAttendee(a, meetingId, version, change, w()),
    'attendance/update': ({ meetingId, version, id, fields }) => updateAttendee(a, meetingId, version, id, fields, w()),
    'attendance/set-statuses': ({ meetingId, version, rows }) => setAttendanceStatuses(a, meetingId, version, rows, w()),
    'attendance/remove': ({ meetingId, version, id }) => removeAttendee(a, meetingId, version, id, w()),
    'attendance/reorder': ({ meetingId, version, ids }) => reorderAttendance(a, meetingId, version, ids, w()),
    'attendance/paste-preview': ({ meetingId, text }) => previewPaste(a, meetingId, text),
    'attendance/add-many': ({ meetingId, version, ...change }) => addAttendees(a, meetingId, version, change, w()),

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
  };
}
