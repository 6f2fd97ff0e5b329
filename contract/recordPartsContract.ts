/**
 * The parts of a meeting record in the contract: attendance, conclusions and tasks, document
 * references and tags, their schemas and channels (spread into `recordChannels` in recordContract.ts,
 * which also re-exports everything here). Pure TypeScript + zod.
 *
 * Every change to a part names the meeting's `version` the clerk's screen started from and answers
 * with the meeting's new version (`meetingVersion`); see recordContract.ts.
 */
import { z } from 'zod';
import { encodeMessage, issue, MessageSchema } from './messages/message';
import { Id, IsoDate, MeetingVersion, Paging, requiredText, text } from './fields';
import { normalizeDocumentNumber } from './documentNumber';

export const ATTENDANCE_ROLES = ['chu_tri', 'dong_chu_tri', 'thu_ky', 'dai_bieu', 'khach_moi'] as const;
export const ATTENDANCE_STATUSES = ['co_mat', 'vang_co_ly_do', 'vang', 'den_muon'] as const;
export const TASK_STATUSES = ['chua_lam', 'dang_lam', 'hoan_thanh', 'huy'] as const;
/** Most rows one request may add (a pasted list): larger lists are refused, not half stored. */
export const ATTENDANCE_BATCH_MAX = 1000;
/**
 * Most rows one quick-grid save (`attendance/set-statuses`) may change: the grid sends only the rows the
 * clerk changed, all in one transaction, so a larger save is refused whole, never half stored.
 */
export const ATTENDANCE_STATUS_BATCH_MAX = 1000;
/** Most characters of a pasted list (≈ 1 000 long entries, with room to spare). */
export const ATTENDANCE_PASTE_MAX_CHARS = 1_000_000;

export const AttendanceRole = z.enum(ATTENDANCE_ROLES, issue('input.roleInvalid'));
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES, issue('input.attendanceStatusInvalid'));
export const TaskStatus = z.enum(TASK_STATUSES, issue('input.taskStatusInvalid'));
export const AttendanceOrder = z.enum(['position', 'protocol', 'name']);

export const MeetingRef = { meetingId: Id, version: MeetingVersion };
const Ids = () => z.array(Id).max(10_000, issue('input.listTooLong', { max: 10_000 }));
export const MeetingVersionReply = z.object({ meetingVersion: z.number().int() });

// --- attendance -------------------------------------------------------------------------------

const absenceNeedsReason = (f: { status?: string; absenceReason?: string }, ctx: z.RefinementCtx) => {
  if (f.status === 'vang_co_ly_do' && !f.absenceReason) {
    ctx.addIssue({
      code: 'custom',
      path: ['absenceReason'],
      message: issue('input.absenceReasonRequired').error,
    });
  }
};

/** Rank, titles and unit of the row are the ones *at the time* of the meeting, editable per row. */
export const AttendeeFields = z
  .object({
    role: AttendanceRole.default('dai_bieu'),
    rank: text(100, 'rank').default(''),
    titles: text(1000, 'titles').default(''),
    unit: text(500, 'unit').default(''),
    status: AttendanceStatus.default('co_mat'),
    absenceReason: text(500, 'absenceReason').default(''),
  })
  .superRefine(absenceNeedsReason);
export type AttendeeFields = z.output<typeof AttendeeFields>;

/** The person of a new row: one from the directory, or a new one created with the row. */
export const AttendeePerson = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), id: Id }),
  z.object({
    kind: z.literal('new'),
    fullName: requiredText(200, 'fullName'),
    rank: text(100, 'rank').default(''),
    title: text(1000, 'personTitle').default(''),
    unit: text(500, 'unit').default(''),
  }),
]);

export const AttendanceAddBody = {
  person: AttendeePerson,
  role: AttendanceRole.default('dai_bieu'),
  status: AttendanceStatus.default('co_mat'),
  absenceReason: text(500, 'absenceReason').default(''),
  /** null: copied from the person's current rank / title / unit. */
  rank: text(100, 'rank').nullable().default(null),
  titles: text(1000, 'titles').nullable().default(null),
  unit: text(500, 'unit').nullable().default(null),
};
export const AttendanceUpdateBody = { id: Id, fields: AttendeeFields };
export const RowIdBody = { id: Id };
export const ReorderBody = { ids: Ids() };

export const PastedRow = z.object({
  /** The directory person the clerk confirmed, or null to create a new person. */
  personId: Id.nullable().default(null),
  fullName: requiredText(200, 'fullName'),
  rank: text(100, 'rank').default(''),
  titles: text(1000, 'titles').default(''),
  unit: text(500, 'unit').default(''),
  role: AttendanceRole.nullable().default(null),
});
export const AttendanceAddManyBody = {
  rows: z
    .array(PastedRow)
    .min(1, issue('input.attendanceListEmpty'))
    .max(ATTENDANCE_BATCH_MAX, issue('input.attendanceListTooLong', { max: ATTENDANCE_BATCH_MAX })),
  /** Role of the rows whose own role is null. */
  role: AttendanceRole.default('dai_bieu'),
};

/** One row's new status in the quick grid; a reason only with "vắng có lý do", and that status needs one. */
export const AttendanceStatusChange = z
  .object({
    id: Id,
    status: AttendanceStatus,
    absenceReason: text(500, 'absenceReason').default(''),
  })
  .superRefine(absenceNeedsReason);
export const AttendanceSetStatusesBody = {
  rows: z
    .array(AttendanceStatusChange)
    .min(1, issue('input.attendanceStatusesEmpty'))
    .max(ATTENDANCE_STATUS_BATCH_MAX, issue('input.attendanceStatusesTooMany', { max: ATTENDANCE_STATUS_BATCH_MAX }))
    .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, issue('input.attendanceStatusesTwice')),
};

export const AttendanceRow = z.object({
  id: Id,
  personId: Id,
  /** The person's name as the directory has it now. */
  fullName: z.string(),
  role: AttendanceRole,
  rank: z.string(),
  titles: z.string(),
  unit: z.string(),
  status: AttendanceStatus,
  absenceReason: z.string(),
  position: z.number().int(),
});
export type AttendanceRow = z.output<typeof AttendanceRow>;

export const AttendanceCounts = z.object({
  total: z.number().int(),
  /** có mặt + đến muộn */
  present: z.number().int(),
  /** vắng + vắng có lý do */
  absent: z.number().int(),
  byStatus: z.record(AttendanceStatus, z.number().int()),
  byRole: z.record(AttendanceRole, z.number().int()),
});
export type AttendanceCounts = z.output<typeof AttendanceCounts>;

export const AttendanceList = z.object({
  meetingId: Id,
  meetingVersion: z.number().int(),
  rows: z.array(AttendanceRow),
  counts: AttendanceCounts,
});
export type AttendanceList = z.output<typeof AttendanceList>;
const AttendanceRowReply = z.object({ meetingVersion: z.number().int(), row: AttendanceRow });

export const PasteCandidate = z.object({
  id: Id,
  fullName: z.string(),
  rank: z.string(),
  title: z.string(),
  unit: z.string(),
});
export const PastePreviewRow = z.object({
  line: z.number().int(),
  source: z.string(),
  rank: z.string(),
  fullName: z.string(),
  titles: z.string(),
  role: AttendanceRole.nullable(),
  /**
   * new: nobody in the directory has this name; same: one person has exactly this name and no other
   * rank (personId set); possible: same name once folded, but another rank, other marks or several
   * people: the clerk decides (personId null, candidates listed). Different names are never merged.
   */
  match: z.enum(['new', 'same', 'possible']),
  personId: Id.nullable(),
  candidates: z.array(PasteCandidate),
  reasons: z.array(z.enum(['rank_differs', 'marks_differ', 'several_people'])),
  /** A candidate is already on this meeting's list (adding them again would be refused). */
  inMeeting: z.boolean(),
});
export type PastePreviewRow = z.output<typeof PastePreviewRow>;
export const PastePreview = z.object({
  rows: z.array(PastePreviewRow),
  problems: z.array(z.object({ line: z.number().int(), source: z.string(), message: MessageSchema })),
});
export type PastePreview = z.output<typeof PastePreview>;

export const PersonMeeting = z.object({
  meetingId: Id,
  title: z.string(),
  kind: z.string(),
  meetingDate: z.string().nullable(),
  status: z.enum(['draft', 'finalized']),
  role: AttendanceRole,
  rank: z.string(),
  titles: z.string(),
  attendanceStatus: AttendanceStatus,
});
export const PersonMeetings = z.object({ total: z.number().int(), rows: z.array(PersonMeeting) });
export type PersonMeetings = z.output<typeof PersonMeetings>;

// --- conclusions and tasks ----------------------------------------------------------------------

/** A conclusion; when `isTask`, also a task: assignee (a person and/or a unit), deadline, status. */
export const ConclusionFields = z
  .object({
    text: requiredText(20_000, 'conclusionText'),
    isTask: z.boolean().default(false),
    assigneePersonId: Id.nullable().default(null),
    assigneeUnit: text(500, 'assigneeUnit').default(''),
    deadline: IsoDate.nullable().default(null),
    taskStatus: TaskStatus.nullable().default(null),
  })
  .superRefine((f, ctx) => {
    if (!f.isTask && (f.assigneePersonId || f.assigneeUnit || f.deadline || f.taskStatus)) {
      ctx.addIssue({ code: 'custom', path: ['isTask'], message: issue('input.taskFieldsWithoutTask').error });
    }
  });
export type ConclusionFields = z.output<typeof ConclusionFields>;
export const ConclusionAddBody = { fields: ConclusionFields };
export const ConclusionUpdateBody = { id: Id, fields: ConclusionFields };

export const Conclusion = z.object({
  id: Id,
  meetingId: Id,
  position: z.number().int(),
  text: z.string(),
  isTask: z.boolean(),
  assigneePersonId: Id.nullable(),
  /** The assignee's name as the directory has it now ('' when none). */
  assigneeName: z.string(),
  assigneeUnit: z.string(),
  deadline: z.string().nullable(),
  taskStatus: TaskStatus.nullable(),
  doneAt: z.number().nullable(),
});
export type Conclusion = z.output<typeof Conclusion>;
export const ConclusionList = z.object({
  meetingId: Id,
  meetingVersion: z.number().int(),
  rows: z.array(Conclusion),
});
export type ConclusionList = z.output<typeof ConclusionList>;
const ConclusionReply = z.object({ meetingVersion: z.number().int(), row: Conclusion });

export const TaskQuery = z.object({
  /** Only these statuses (all when empty). */
  status: z.array(TaskStatus).max(4).default([]),
  /** Only overdue tasks: deadline before today, neither done nor cancelled. */
  overdue: z.boolean().default(false),
  assigneePersonId: Id.nullable().default(null),
  /** Folded match in the assignee's unit or name ("so tai chinh" finds "Sở Tài chính"). */
  assignee: text(200, 'assignee').default(''),
  /** Today as the clerk's calendar has it; the PC's local date when null. */
  today: IsoDate.nullable().default(null),
  ...Paging,
});
export type TaskQuery = z.output<typeof TaskQuery>;
export const Task = Conclusion.extend({
  meetingTitle: z.string(),
  meetingDate: z.string().nullable(),
  meetingVersion: z.number().int(),
  overdue: z.boolean(),
});
export type Task = z.output<typeof Task>;
export const TaskPage = z.object({ total: z.number().int(), overdue: z.number().int(), rows: z.array(Task) });
export type TaskPage = z.output<typeof TaskPage>;

// --- document references ------------------------------------------------------------------------

/** Số và ký hiệu, checked and normalized ("2927 -TB/TU" → "2927-TB/TU"), with a Vietnamese message. */
export const DocumentNumber = z.string().transform((value, ctx) => {
  const r = normalizeDocumentNumber(value);
  if (r.ok) return r.number;
  ctx.addIssue({ code: 'custom', message: encodeMessage(r.message) });
  return z.NEVER;
});
export const DocumentRefFields = z.object({
  number: DocumentNumber,
  /** '' = the type the symbol names (NQ → Nghị quyết), if any. */
  docType: text(100, 'docType').default(''),
  issuedOn: IsoDate.nullable().default(null),
  issuer: text(500, 'issuer').default(''),
  summary: text(2000, 'summary').default(''),
});
export type DocumentRefFields = z.output<typeof DocumentRefFields>;
export const DocumentAddBody = { fields: DocumentRefFields };
export const DocumentUpdateBody = { id: Id, fields: DocumentRefFields };

export const DocumentRef = z.object({
  id: Id,
  meetingId: Id,
  number: z.string(),
  docType: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  summary: z.string(),
  position: z.number().int(),
});
export type DocumentRef = z.output<typeof DocumentRef>;
export const DocumentRefList = z.object({
  meetingId: Id,
  meetingVersion: z.number().int(),
  rows: z.array(DocumentRef),
});
export type DocumentRefList = z.output<typeof DocumentRefList>;
const DocumentRefReply = z.object({ meetingVersion: z.number().int(), row: DocumentRef });

// --- tags ------------------------------------------------------------------------------------

export const TagName = requiredText(100, 'tagName').transform((s) => s.normalize('NFC').replace(/\s+/g, ' '));
export const TagsSetBody = { names: z.array(TagName).max(50, issue('input.tooManyTags', { max: 50 })) };
export const Tag = z.object({ id: Id, name: z.string() });
export const TagCount = Tag.extend({ count: z.number().int() });
const TagsReply = z.object({ meetingVersion: z.number().int(), tags: z.array(Tag) });

const input = <S extends z.ZodRawShape>(shape: S) => z.object({ ...MeetingRef, ...shape });

/** The channels of the parts: attendance, conclusions and tasks, documents, tags. */
export const recordPartChannels = {
  'attendance/list': {
    input: z.object({ meetingId: Id, order: AttendanceOrder.default('position') }),
    output: AttendanceList,
  },
  'attendance/add': { input: input(AttendanceAddBody), output: AttendanceRowReply },
  'attendance/update': { input: input(AttendanceUpdateBody), output: AttendanceRowReply },
  'attendance/remove': { input: input(RowIdBody), output: MeetingVersionReply },
  'attendance/reorder': { input: input(ReorderBody), output: MeetingVersionReply },
  /** The quick grid's save: many rows' statuses in one transaction, each changed row in the history. */
  'attendance/set-statuses': {
    input: input(AttendanceSetStatusesBody),
    output: z.object({ meetingVersion: z.number().int(), changed: z.number().int() }),
  },
  'attendance/paste-preview': {
    input: z.object({
      meetingId: Id.nullable().default(null),
      text: z
        .string()
        .max(ATTENDANCE_PASTE_MAX_CHARS, issue('input.pasteTooLong', { max: ATTENDANCE_PASTE_MAX_CHARS })),
    }),
    output: PastePreview,
  },
  'attendance/add-many': {
    input: input(AttendanceAddManyBody),
    output: z.object({
      meetingVersion: z.number().int(),
      added: z.number().int(),
      createdPeople: z.number().int(),
    }),
  },
  'people/meetings': { input: z.object({ personId: Id, ...Paging }), output: PersonMeetings },

  'conclusions/list': { input: z.object({ meetingId: Id }), output: ConclusionList },
  'conclusions/add': { input: input(ConclusionAddBody), output: ConclusionReply },
  'conclusions/update': { input: input(ConclusionUpdateBody), output: ConclusionReply },
  'conclusions/remove': { input: input(RowIdBody), output: MeetingVersionReply },
  'conclusions/reorder': { input: input(ReorderBody), output: MeetingVersionReply },
  /** Follow-up of a task; allowed on finalized records too (the status is not part of the seal). */
  'tasks/set-status': { input: input({ id: Id, status: TaskStatus }), output: ConclusionReply },
  'tasks/list': { input: TaskQuery, output: TaskPage },

  'documents/list': { input: z.object({ meetingId: Id }), output: DocumentRefList },
  'documents/add': { input: input(DocumentAddBody), output: DocumentRefReply },
  'documents/update': { input: input(DocumentUpdateBody), output: DocumentRefReply },
  'documents/remove': { input: input(RowIdBody), output: MeetingVersionReply },
  'documents/reorder': { input: input(ReorderBody), output: MeetingVersionReply },

  'tags/list': { input: z.object({ query: text(100, 'tagName').default('') }), output: z.array(TagCount) },
  'tags/set': { input: input(TagsSetBody), output: TagsReply },
} as const;
