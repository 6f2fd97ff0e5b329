/**
 * The one API contract between the UI and the archive, carried by three transports: Electron IPC,
 * HTTP on loopback (web host) and direct calls (CLI, tests). Channels are `domain/verb`. Every input is
 * parsed with its schema at the boundary (services/dispatch.ts); replies are `Reply<T>`.
 * Pure TypeScript + zod: no node, electron or DOM here.
 */
import { z } from 'zod';
import { issue, msg, MessageSchema } from './messages/message';
import type { ErrorPayload } from './errors';
import { archiveChannels } from './archiveContract';
import { mergeChannels } from './mergeContract';
import { lockChannels } from './lockContract';
import { importChannels } from './importContract';
import { photoChannels } from './photoContract';
import { reportChannels } from './reportContract';
import { recordChannels } from './recordContract';
import { AttendanceRole, AttendanceStatus } from './recordPartsContract';

import { Id, IsoDate, Paging, requiredText, text } from './fields';

// Dates, ids and text fields are shared with the part contracts (photoContract.ts, recordContract.ts).
export { Id, IsoDate };
/** A time of day as `HH:MM`, 24-hour. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, issue('input.timeFormat'));

export const IdInput = z.object({ id: Id });
export const Empty = z.object({}).strict();

export const MINUTES_MAX_CHARS = 1_000_000;
/** Markup around a million characters of text (tables, lists) stays well under this. */
export const MINUTES_HTML_MAX_CHARS = 4_000_000;

/** Độ mật: Thường, Mật, Tối mật, Tuyệt mật. */
export const Secrecy = z.enum(['thuong', 'mat', 'toi_mat', 'tuyet_mat']);
export type Secrecy = z.output<typeof Secrecy>;

export const MeetingFields = z.object({
  title: requiredText(500, 'meetingTitle'),
  kind: requiredText(100, 'kind'),
  meetingDate: IsoDate.nullable(),
  startTime: TimeOfDay.nullable(),
  endTime: TimeOfDay.nullable(),
  location: text(500, 'location').default(''),
  organizer: text(500, 'organizer').default(''),
  minutesText: z
    .string()
    .max(MINUTES_MAX_CHARS, issue('input.minutesTooLong', { max: MINUTES_MAX_CHARS }))
    .default(''),
  /**
   * The minutes as the rich-text editor wrote them. When present it is the truth: the archive sanitizes
   * it and derives minutesText from it (db/richText.ts). Absent (CLI, imports of plain text), the HTML
   * is built from minutesText.
   */
  minutesHtml: z
    .string()
    .max(MINUTES_HTML_MAX_CHARS, issue('input.minutesTooLong', { max: MINUTES_MAX_CHARS }))
    .optional(),
  /** Absent: a new meeting is Thường, an existing one keeps its level. */
  secrecy: Secrecy.optional(),
});
export type MeetingFields = z.output<typeof MeetingFields>;
export type MeetingFieldsInput = z.input<typeof MeetingFields>;

export const MeetingStatus = z.enum(['draft', 'finalized']);

export const Meeting = MeetingFields.extend({
  id: Id,
  status: MeetingStatus,
  secrecy: Secrecy,
  minutesHtml: z.string(),
  source: z.string(),
  version: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Meeting = z.output<typeof Meeting>;

export const MeetingSummary = z.object({
  id: Id,
  title: z.string(),
  kind: z.string(),
  meetingDate: z.string().nullable(),
  startTime: z.string().nullable(),
  location: z.string(),
  organizer: z.string(),
  status: MeetingStatus,
});
export type MeetingSummary = z.output<typeof MeetingSummary>;

export const MeetingListQuery = z.object({
  year: z.number().int().min(1900).max(2200).nullable().default(null),
  kind: z.string().max(100).nullable().default(null),
  sort: z.enum(['date', 'title']).default('date'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type MeetingListQuery = z.output<typeof MeetingListQuery>;

export const MeetingListPage = z.object({ total: z.number().int(), rows: z.array(MeetingSummary) });
export type MeetingListPage = z.output<typeof MeetingListPage>;

export const MeetingFacets = z.object({
  years: z.array(z.object({ year: z.number().int(), count: z.number().int() })),
  kinds: z.array(z.object({ kind: z.string(), count: z.number().int() })),
  undated: z.number().int(),
});
export type MeetingFacets = z.output<typeof MeetingFacets>;

export const MeetingUpdate = z.object({ id: Id, version: z.number().int().min(1), fields: MeetingFields });

export const PersonFields = z.object({
  fullName: requiredText(200, 'fullName'),
  rank: text(100, 'rank').default(''),
  title: text(500, 'personTitle').default(''),
  unit: text(500, 'unit').default(''),
  notes: text(5000, 'notes').default(''),
});
export type PersonFields = z.output<typeof PersonFields>;
export type PersonFieldsInput = z.input<typeof PersonFields>;

export const Person = PersonFields.extend({
  id: Id,
  version: z.number().int(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Person = z.output<typeof Person>;

export const PeopleQuery = z.object({
  /** Matched with Vietnamese folding: "nguyen van" finds "Nguyễn Văn …". */
  query: z.string().trim().max(200).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export const PeoplePage = z.object({ total: z.number().int(), rows: z.array(Person) });
export type PeoplePage = z.output<typeof PeoplePage>;

export const PersonUpdate = z.object({ id: Id, version: z.number().int().min(1), fields: PersonFields });
/** Deleting a directory entry no meeting uses (PERSON_IN_USE otherwise); the audit log keeps it. */
export const PersonDelete = z.object({ id: Id, version: z.number().int().min(1) });

/**
 * A directory entry in the trash (people/trash-list): deleted, or merged into another entry (then
 * `mergedInto` names the entry kept, which may itself be in the trash since).
 */
export const TrashedPerson = z.object({
  id: Id,
  fullName: z.string(),
  rank: z.string(),
  title: z.string(),
  unit: z.string(),
  deletedAt: z.number(),
  mergedInto: z.object({ id: Id, fullName: z.string() }).nullable(),
});
export type TrashedPerson = z.output<typeof TrashedPerson>;
export const PeopleTrashPage = z.object({ total: z.number().int(), rows: z.array(TrashedPerson) });
export type PeopleTrashPage = z.output<typeof PeopleTrashPage>;
/**
 * A person restored from the trash: back in the directory as their own entry. A merged entry's meetings
 * stay with the entry kept (`meetingsStayWith` names it): the merge did not record which rows it moved
 * well enough to move them back exactly, and a guess would rewrite sealed records.
 */
export const PersonRestoreResult = z.object({
  person: Person,
  meetingsStayWith: z.object({ id: Id, fullName: z.string() }).nullable(),
});
export type PersonRestoreResult = z.output<typeof PersonRestoreResult>;

/**
 * Merging two directory entries of the same person (people/merge-preview, people/merge): every reference
 * to the duplicate goes to the entry kept, the duplicate goes to the trash pointing at it. The preview's
 * lists are bounded (their totals say how many); a merge touches at most PERSON_MERGE_MEETINGS_MAX meetings.
 */
export const PERSON_MERGE_LIST_MAX = 100;
export const PERSON_MERGE_MEETINGS_MAX = 5000;
const differentPeople = (v: { keepId: string; duplicateId: string }) => v.keepId !== v.duplicateId;
export const PersonMergePair = z
  .object({ keepId: Id, duplicateId: Id })
  .refine(differentPeople, issue('input.mergeSamePerson'));
/** A meeting the merge changes, as the preview names it. */
export const PersonMergeMeeting = z.object({ id: Id, title: z.string(), meetingDate: z.string().nullable() });
export const PersonMergePreview = z.object({
  keep: Person,
  duplicate: Person,
  /** Meetings that name the duplicate (attendance, photos, task assignees), and the rows of each kind. */
  meetings: z.number().int(),
  attendance: z.number().int(),
  photos: z.number().int(),
  tasks: z.number().int(),
  /** Finalized (sealed) meetings among them: the merge is a correction there, with the clerk's reason. */
  sealed: z.object({ total: z.number().int(), rows: z.array(PersonMergeMeeting) }),
  /** Meetings both entries attended: the kept entry's row stays, the duplicate's is told in the history. */
  both: z.object({
    total: z.number().int(),
    rows: z.array(
      PersonMergeMeeting.extend({
        keep: z.object({ role: AttendanceRole, status: AttendanceStatus }),
        duplicate: z.object({ role: AttendanceRole, status: AttendanceStatus }),
      }),
    ),
  }),
  /** The versions the preview was made from (both entries and every meeting), for people/merge. */
  stamp: z.string(),
});
export type PersonMergePreview = z.output<typeof PersonMergePreview>;
export const PersonMergeInput = z
  .object({
    keepId: Id,
    duplicateId: Id,
    keepVersion: z.number().int().min(1, issue('input.versionInvalid')),
    duplicateVersion: z.number().int().min(1, issue('input.versionInvalid')),
    /** The preview's stamp: a meeting changed since the preview is a VERSION_CONFLICT. */
    stamp: z.string().min(1).max(100),
    /** Required when a sealed meeting is among them (the correction's reason), ignored otherwise. */
    reason: text(2000, 'correctionReason').default(''),
  })
  .refine(differentPeople, issue('input.mergeSamePerson'));
export const PersonMergeResult = z.object({ keep: Person, meetings: z.number().int(), corrected: z.number().int() });
export type PersonMergeResult = z.output<typeof PersonMergeResult>;

/**
 * A full path on Windows (`D:\\…`, `\\\\server\\share`) or elsewhere (`/…`). A relative one would be
 * relative to wherever the app happens to run (found by the fuzz: a backup folder "SaoLuu" was created
 * in the process's working directory).
 */
const isAbsolutePath = (p: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\[^\\]+)/.test(p);

export const SignerAuthority = z.enum(['', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.', 'T/M', 'K/T']);
export const DocumentVariant = z.enum(['state', 'party']);
export const Language = z.enum(['vi', 'en']);
export const SetupState = z.enum(['pending', 'done', 'skipped']);
export type SetupState = z.output<typeof SetupState>;

export const Settings = z.object({
  /** Cơ quan chủ quản (e.g. "UBND TỈNH BẮC NINH"); may be empty. */
  parentAgency: text(300, 'parentAgency'),
  /** Cơ quan ban hành (e.g. "VĂN PHÒNG UBND TỈNH"). */
  issuingAgency: text(300, 'issuingAgency'),
  /** Chữ viết tắt tên cơ quan in số ký hiệu (e.g. "UBND", "QUTW"). */
  agencyCode: text(50, 'agencyCode'),
  /** Địa danh on documents (e.g. "Hà Nội"). */
  placeName: text(100, 'placeName'),
  signerAuthority: SignerAuthority,
  signerTitle: text(200, 'signerTitle'),
  signerName: text(200, 'signerName'),
  documentVariant: DocumentVariant,
  meetingKinds: z.array(requiredText(100, 'kind')).min(1, issue('input.meetingKindsRequired')).max(100),
  language: Language,
  /** Name written in the audit log as the person making changes. */
  clerkName: text(200, 'clerkName'),
  /** Search abbreviations, each [abbreviation, full form]; both directions are searched. */
  abbreviations: z
    .array(z.tuple([requiredText(30, 'abbreviation'), requiredText(200, 'abbreviationMeaning')]))
    .max(1000, issue('input.abbreviationsTooMany', { max: 1000 })),
  /** Automatic backups: the folder ('' = `backups` beside the archive), how many to keep, once a day or not. Optional so older settings objects stay valid; db/settings.ts gives the defaults. */
  backupDir: text(1000, 'backupDir')
    .refine((d) => d === '' || isAbsolutePath(d), issue('input.backupDirRelative'))
    .optional(),
  backupKeep: z
    .number()
    .int()
    .min(1, issue('input.backupKeepMin', { min: 1 }))
    .max(365, issue('input.backupKeepMax', { max: 365 }))
    .optional(),
  backupDaily: z.boolean().optional(),
  /** The first-run setup: not answered yet, completed, or put off ("Bỏ qua, để sau"); shown again only from Cài đặt. Optional like the backup fields. */
  setup: SetupState.optional(),
});
export type Settings = z.output<typeof Settings>;
export const SettingsPatch = Settings.partial();

export const AppInfo = z.object({
  version: z.string(),
  archiveFile: z.string(),
  schemaVersion: z.number().int(),
  transport: z.enum(['electron', 'web', 'direct']),
  counts: z.object({ meetings: z.number().int(), people: z.number().int() }),
  /** Where the archive was copied to by `archive/move` in this run (restart to work there), else null. */
  movedTo: z.string().nullable(),
});
export type AppInfo = z.output<typeof AppInfo>;

export const SearchColumn = z.enum([
  'title',
  'conclusions',
  'minutes',
  'captions',
  'people',
  'place',
  'docs',
  'tags',
]);

export const SearchQuery = z.object({
  /** What the clerk typed: words, "phrases", OR, -word, prefix*, nguoi: loai: the: tu: den:. */
  query: z.string().max(2000, issue('input.tooLong', { field: msg('field.query'), max: 2000 })),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(200).default(20),
  year: z.number().int().min(1900).max(2200).nullable().default(null),
  kind: z.string().max(100).nullable().default(null),
  personId: Id.nullable().default(null),
  tag: z.string().max(100).nullable().default(null),
});
export type SearchQuery = z.output<typeof SearchQuery>;

const FacetCount = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export const SearchResult = z.object({
  total: z.number().int(),
  rows: z.array(
    z.object({
      id: Id,
      title: z.string(),
      /** The title as the snippet's HTML: hits of the query in <mark>…</mark>, everything else escaped. */
      titleHtml: z.string(),
      kind: z.string(),
      date: z.string().nullable(),
      score: z.number(),
      exact: z.boolean(),
      /** Original text with diacritics, hits in <mark>…</mark>, everything else HTML-escaped. */
      snippet: z.object({ field: SearchColumn, html: z.string() }),
    }),
  ),
  facets: z.object({
    years: z.array(FacetCount),
    kinds: z.array(FacetCount),
    people: z.array(FacetCount),
    tags: z.array(FacetCount),
    sampledOver: z.number().int().nullable(),
  }),
  /** Why there is nothing to show (nothing to look for), worded where shown. */
  message: MessageSchema.nullable(),
  /** Parts of the query that were ignored (a bad date…), worded where shown. */
  notes: z.array(MessageSchema),
});
export type SearchResult = z.output<typeof SearchResult>;

export const SavedSearch = z.object({ id: Id, name: z.string(), query: z.string(), createdAt: z.number() });
export type SavedSearch = z.output<typeof SavedSearch>;
export const SavedSearchFields = z.object({
  name: requiredText(200, 'savedSearchName'),
  query: requiredText(2000, 'query'),
});

export const IndexStatus = z.object({
  ok: z.boolean(),
  documents: z.number().int(),
  missing: z.number().int(),
  orphaned: z.number().int(),
  stale: z.number().int(),
  structureError: z.string().nullable(),
  /** Words of the ranked index whose postings disagree with the records (at most 50 counted). */
  words: z.number().int(),
});
export type IndexStatus = z.output<typeof IndexStatus>;

/** A folder chosen with the desktop's own dialog; `available: false` where there is none (web host). */
export const ChosenFolder = z.object({ available: z.boolean(), path: z.string().nullable() });
export type ChosenFolder = z.output<typeof ChosenFolder>;

export const contract = {
  'app/info': { input: Empty, output: AppInfo },
  'app/choose-folder': {
    input: z.object({ title: text(200, 'dialogTitle').default('') }),
    output: ChosenFolder,
  },
  'meetings/list': { input: MeetingListQuery, output: MeetingListPage },
  'meetings/facets': { input: Empty, output: MeetingFacets },
  'meetings/get': { input: IdInput, output: Meeting },
  'meetings/create': { input: MeetingFields, output: Meeting },
  'meetings/update': { input: MeetingUpdate, output: Meeting },
  'people/list': { input: PeopleQuery, output: PeoplePage },
  'people/get': { input: IdInput, output: Person },
  'people/create': { input: PersonFields, output: Person },
  'people/update': { input: PersonUpdate, output: Person },
  'people/delete': { input: PersonDelete, output: z.object({ deleted: z.literal(true) }) },
  'people/merge-preview': { input: PersonMergePair, output: PersonMergePreview },
  'people/merge': { input: PersonMergeInput, output: PersonMergeResult },
  'people/trash-list': { input: z.object(Paging), output: PeopleTrashPage },
  'people/restore': { input: IdInput, output: PersonRestoreResult },
  'settings/get': { input: Empty, output: Settings },
  'settings/update': { input: SettingsPatch, output: Settings },
  'search/query': { input: SearchQuery, output: SearchResult },
  'search/saved-list': { input: Empty, output: z.array(SavedSearch) },
  'search/saved-create': { input: SavedSearchFields, output: SavedSearch },
  'search/saved-delete': { input: IdInput, output: z.object({ deleted: z.boolean() }) },
  'search/check': { input: Empty, output: IndexStatus },
  'search/rebuild': { input: Empty, output: z.object({ documents: z.number().int(), ms: z.number() }) },
  ...photoChannels,
  ...recordChannels,
  ...importChannels,
  ...reportChannels,
  ...archiveChannels,
  ...mergeChannels,
  ...lockChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export type Reply<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

/**
 * The channels still answered while a merge is being written (services/writeGate.ts): they only read the
 * archive (or files outside it), or follow and cancel the merge itself. Every other channel answers
 * ARCHIVE_BUSY until the merge ends, so nothing else writes into the merge's transaction or is lost when
 * a cancel rolls it back; a channel missing here is refused, which is the safe side. Left out although
 * they read: report documents (`reports/html` logs a classified document shown in full), `archive/export`
 * (its snapshot would see the merge's uncommitted rows) and `backups/*` that copy the archive.
 */
export const CHANNELS_OPEN_DURING_MERGE = [
  'app/info',
  'app/choose-folder',
  'jobs/status',
  'jobs/cancel',
  'merge/rows',
  'merge/find-bags',
  'archive/drives',
  'archive/estimate',
  'archive/verify',
  'archive/passphrase-check',
  'lock/status',
  'lock/unlock',
  'lock/lock',
  'health/status',
  'meetings/list',
  'meetings/facets',
  'meetings/get',
  'meetings/record',
  'meetings/trash-list',
  'meetings/history',
  'meetings/seal-check',
  'people/list',
  'people/get',
  'people/meetings',
  'people/merge-preview',
  'people/trash-list',
  'archive/move-check',
  'settings/get',
  'search/query',
  'search/saved-list',
  'search/check',
  'photos/list',
  'attendance/list',
  'attendance/paste-preview',
  'conclusions/list',
  'tasks/list',
  'documents/list',
  'tags/list',
  'reports/secret-log',
  'register/list',
  'register/html',
  'backups/list',
  'backups/check-dir',
] as const satisfies readonly Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the preload exposes as `window.archive` and what the web host's client implements. */
export interface ArchiveApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Reply<ChannelOutput<C>>>;
}

/** Name of the IPC channel that carries every contract call (defined in ipc.ts, see why there). */
export { IPC_INVOKE } from './ipc';
