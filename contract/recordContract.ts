/**
 * The meeting-record channels of the contract (spread into `contract` in contract.ts): the whole record,
 * trash, history, finalizing (seal) and corrections here; the parts' schemas and channels (attendance,
 * conclusions and tasks, document references, tags) in recordPartsContract.ts, re-exported below.
 * Pure TypeScript + zod.
 *
 * Every change to a part of a meeting names the meeting's `version` the clerk's screen started from and
 * answers with the meeting's new version (`meetingVersion`), which the next change sends: a second
 * window gets VERSION_CONFLICT instead of overwriting. A finalized meeting refuses changes
 * (MEETING_FINALIZED); `meetings/correct` applies the same changes to it with a reason, audited, and
 * re-seals it.
 */
import { z } from 'zod';
import { issue, MessageSchema } from './messages/message';
import { Id, MeetingVersion, Paging, requiredText } from './fields';
import type { Meeting, MeetingFieldsInput } from './contract';
import {
  PhotoAddInput,
  PhotoAttachInput,
  PhotoRemoveInput,
  PhotoReorderInput,
  PhotoSetPeopleInput,
  PhotoUpdateInput,
} from './photoContract';
import {
  AttendanceAddBody,
  AttendanceAddManyBody,
  AttendanceList,
  AttendanceOrder,
  AttendanceSetStatusesBody,
  AttendanceUpdateBody,
  Conclusion,
  ConclusionAddBody,
  ConclusionUpdateBody,
  DocumentAddBody,
  DocumentRef,
  DocumentUpdateBody,
  MeetingVersionReply,
  recordPartChannels,
  ReorderBody,
  RowIdBody,
  Tag,
  TagsSetBody,
} from './recordPartsContract';

// The parts' schemas live in recordPartsContract.ts; importers of this file see them here too.
export * from './recordPartsContract';

// --- meeting lifecycle: trash, history, seal, corrections ---------------------------------------

const MeetingIdVersion = z.object({ id: Id, version: MeetingVersion });

export const TrashedMeeting = z.object({
  id: Id,
  title: z.string(),
  kind: z.string(),
  meetingDate: z.string().nullable(),
  status: z.enum(['draft', 'finalized']),
  deletedAt: z.number(),
});
export const TrashPage = z.object({ total: z.number().int(), rows: z.array(TrashedMeeting) });
export type TrashPage = z.output<typeof TrashPage>;

/** The parts of a meeting record, as the history groups changes and the seal hashes content. */
export const RECORD_PARTS = ['meeting', 'attendance', 'conclusions', 'documents', 'tags', 'photos'] as const;
export const FieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.output<typeof FieldChange>;
export const HistoryEntry = z.object({
  /** The audit entry's id (what `meetings/restore-version` takes). */
  id: z.string(),
  seq: z.number().int(),
  at: z.number(),
  actor: z.string(),
  /** The actor is the PC's account (Tên người dùng was empty when it was written), not a clerk's name. */
  byAccount: z.boolean().optional(),
  /** create, update, trash, restore, finalize, correct, attendance.add, conclusions.update, photo's own… */
  action: z.string(),
  part: z.enum(RECORD_PARTS),
  /** The reason of a correction (or of a restore), '' otherwise. */
  reason: z.string(),
  /** Per-field differences between the entry's before and after; field '' when the value is a list. */
  changes: z.array(FieldChange),
  /**
   * What the entry is about, as the clerk knows it: the attendee's name, the start of the conclusion's
   * text, the document's number, the photo's caption (or file name); '' when the entry does not say.
   * Worded with the changes by contract/historyWording.ts.
   */
  subject: z.string(),
  /** The entry holds the meeting's own fields: `meetings/restore-version` can bring them back. */
  restorable: z.boolean(),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;
export const HistoryPage = z.object({ total: z.number().int(), rows: z.array(HistoryEntry) });
export type HistoryPage = z.output<typeof HistoryPage>;

export const SealInfo = z.object({
  meetingVersion: z.number().int(),
  sealHash: z.string(),
  sealedAt: z.number(),
});
export type SealInfo = z.output<typeof SealInfo>;
export const SealReport = z.object({
  meetingId: Id,
  sealed: z.boolean(),
  /** Sealed, the content hashes to the seal, the seal matches the audit log and every photo file checks. */
  ok: z.boolean(),
  sealedAt: z.number().nullable(),
  storedHash: z.string().nullable(),
  currentHash: z.string(),
  /** Parts whose content differs from the sealed one ('seal' when the stored seal itself was edited). */
  changedParts: z.array(z.enum([...RECORD_PARTS, 'seal'])),
  /** Hashes of photo files that are missing or damaged (when the files were checked). */
  badPhotoFiles: z.array(z.string()),
  photoFilesChecked: z.boolean(),
  /** What to tell the clerk, worded where shown (the screen, `hoso check`). */
  message: MessageSchema,
});
export type SealReport = z.output<typeof SealReport>;

/** The parts' changes a correction can carry: the same inputs as their channels, without meeting and version. */
const correctionOf = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), ...shape });
export const CorrectionChange = z.discriminatedUnion('kind', [
  // Parsed with contract.ts's MeetingFields by the handler (importing it here would be circular).
  correctionOf('meetings/update', {
    fields: z.custom<MeetingFieldsInput>(
      (v) => typeof v === 'object' && v !== null,
      issue('input.meetingFieldsMissing'),
    ),
  }),
  correctionOf('meetings/restore-version', { auditId: z.string().min(1).max(100) }),
  correctionOf('meetings/trash', {}),
  correctionOf('attendance/add', AttendanceAddBody),
  correctionOf('attendance/add-many', AttendanceAddManyBody),
  correctionOf('attendance/update', AttendanceUpdateBody),
  correctionOf('attendance/set-statuses', AttendanceSetStatusesBody),
  correctionOf('attendance/remove', RowIdBody),
  correctionOf('attendance/reorder', ReorderBody),
  correctionOf('conclusions/add', ConclusionAddBody),
  correctionOf('conclusions/update', ConclusionUpdateBody),
  correctionOf('conclusions/remove', RowIdBody),
  correctionOf('conclusions/reorder', ReorderBody),
  correctionOf('documents/add', DocumentAddBody),
  correctionOf('documents/update', DocumentUpdateBody),
  correctionOf('documents/remove', RowIdBody),
  correctionOf('documents/reorder', ReorderBody),
  correctionOf('tags/set', TagsSetBody),
  // Photos: the same inputs as the photo channels, without the meeting's version.
  correctionOf('photos/add', PhotoAddInput.omit({ meetingId: true, version: true }).shape),
  correctionOf('photos/attach', PhotoAttachInput.omit({ version: true }).shape),
  correctionOf('photos/update', PhotoUpdateInput.omit({ version: true }).shape),
  correctionOf('photos/set-people', PhotoSetPeopleInput.omit({ version: true }).shape),
  correctionOf('photos/reorder', PhotoReorderInput.omit({ meetingId: true, version: true }).shape),
  correctionOf('photos/remove', PhotoRemoveInput.omit({ version: true }).shape),
]);
export type CorrectionChange = z.output<typeof CorrectionChange>;
export const CorrectionInput = z.object({
  id: Id,
  version: MeetingVersion,
  reason: requiredText(2000, 'correctionReason'),
  change: CorrectionChange,
});

/** The whole record in one call, for the meeting screen. */
export const MeetingRecord = z.object({
  meeting: z.custom<Meeting>(),
  sealHash: z.string().nullable(),
  sealedAt: z.number().nullable(),
  attendance: AttendanceList,
  conclusions: z.array(Conclusion),
  documents: z.array(DocumentRef),
  tags: z.array(Tag),
});
export type MeetingRecord = z.output<typeof MeetingRecord>;


export const recordChannels = {
  'meetings/record': {
    input: z.object({ id: Id, attendanceOrder: AttendanceOrder.default('protocol') }),
    output: MeetingRecord,
  },

  ...recordPartChannels,

  'meetings/trash': { input: MeetingIdVersion, output: z.object({ deletedAt: z.number() }) },
  'meetings/restore': { input: z.object({ id: Id }), output: MeetingVersionReply },
  'meetings/trash-list': { input: z.object(Paging), output: TrashPage },
  'meetings/history': { input: z.object({ id: Id, ...Paging }), output: HistoryPage },
  'meetings/restore-version': {
    input: MeetingIdVersion.extend({ auditId: z.string().min(1).max(100) }),
    output: z.custom<Meeting>(),
  },
  'meetings/finalize': { input: MeetingIdVersion, output: SealInfo },
  'meetings/seal-check': { input: z.object({ id: Id }), output: SealReport },
  'meetings/correct': { input: CorrectionInput, output: SealInfo },
} as const;
