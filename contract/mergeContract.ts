import { z } from 'zod';
import { issue, MessageSchema } from './messages/message';
import { ErrorReport } from './errors';

/**
 * Merge of a USB bag into this archive (`merge/*`) and rotating backups (`backups/*`), spread into the
 * contract in contract.ts. Pure TypeScript + zod.
 *
 * A merge is two steps: `merge/preview` reads and verifies the bag and classifies every meeting and
 * person; `merge/apply` takes the clerk's choices with the preview's `token` and writes everything in
 * one transaction (MERGE_PREVIEW_STALE when the archive or the bag changed in between). The screen runs
 * both as jobs (`merge/preview-start`, `merge/apply-start`, followed with `jobs/status`, cancelled with
 * `jobs/cancel`) and pages the preview's rows (`merge/rows`); the CLI calls the two blocking channels.
 */

// Windows' "Copy as path" wraps the path in double quotes: they are not part of it.
const BagPath = z
  .string()
  .trim()
  .transform((p) => p.replace(/^"(.*)"$/, '$1').trim())
  .pipe(z.string().min(1, issue('input.bagRequired')).max(4096, issue('input.pathTooLong')));

/**
 * What one bag may hold (issue 19: a bag is hostile input). A record over these is refused as the whole
 * bag (MERGE_RECORD_INVALID), before it costs memory: the file's size is read before it is parsed, the
 * rows are counted before each is checked. Each is far above a real record: the largest hoso meeting
 * file (a million characters of minutes, 4 MB of HTML, a congress of 2 000 attendees) is about 15 MB.
 */
export const MERGE_LIMITS = {
  /** Bytes of one meeting JSON file, read from the file system before a byte of it is parsed. */
  meetingFileBytes: 64 * 1024 * 1024,
  /** Meeting files in one bag (a bag of 100 000 meetings is the archive's own benchmark). */
  meetings: 200_000,
  /** Rows of one record, per part. */
  attendance: 20_000,
  people: 25_000,
  photos: 5_000,
  conclusions: 5_000,
  documents: 5_000,
  /**
   * Different people across the bag's records, and rows of all its records together (each row id is
   * kept while the bag is read, to find one used twice): what a merge holds in memory besides one record.
   * The 2 000-meeting demo archive has 100 people and 38 000 rows (19 a meeting): a bag of 100 000 such
   * meetings holds about 1 900 000 rows. A row id costs 32–64 bytes while the bag is read (uuidSet.ts).
   */
  bagPeople: 200_000,
  bagRows: 4_000_000,
  /** Entries in an encrypted bag's tar (a 100 000-meeting bag has about 200 000 files). */
  tarMembers: 1_000_000,
} as const;

/** keep mine / take theirs / keep both (theirs as a new record with new ids). */
export const MergeChoice = z.enum(['mine', 'theirs', 'both']);
export type MergeChoice = z.output<typeof MergeChoice>;
export const PersonMergeChoice = z.enum(['mine', 'theirs']);

/**
 * new: only in the bag. identical: same content here. changed: differs, and only one side changed since
 * the last merge of this record (`newer` says which: the default takes it). conflict: both sides
 * changed, or no common merge is known, or this archive's copy is sealed or in the trash: the clerk chooses.
 */
export const MergeClass = z.enum(['new', 'identical', 'changed', 'conflict']);
export type MergeClass = z.output<typeof MergeClass>;

const MeetingSide = z.object({
  title: z.string(),
  meetingDate: z.string().nullable(),
  status: z.enum(['draft', 'finalized']),
  version: z.number().int(),
  updatedAt: z.number(),
  contentHash: z.string(),
  attendees: z.number().int(),
  photos: z.number().int(),
  conclusions: z.number().int(),
  trashed: z.boolean(),
});

export const MeetingMergeItem = z.object({
  id: z.string(),
  class: MergeClass,
  newer: z.enum(['mine', 'theirs']).nullable(),
  /** Why this is a conflict, for the clerk: both-changed, no-base, mine-sealed, mine-trashed. */
  reason: z.enum(['both-changed', 'no-base', 'mine-sealed', 'mine-trashed']).nullable(),
  /** The choices allowed (a sealed record here is never replaced by a draft). */
  choices: z.array(MergeChoice),
  /** What the CLI does without --mine/--theirs; null for a conflict (left as it is). */
  defaultChoice: MergeChoice.nullable(),
  /** Names of the fields/parts that differ ("title", "attendance"…). */
  differences: z.array(z.string()),
  mine: MeetingSide.nullable(),
  theirs: MeetingSide,
});
export type MeetingMergeItem = z.output<typeof MeetingMergeItem>;

const PersonSide = z.object({
  fullName: z.string(),
  rank: z.string(),
  title: z.string(),
  unit: z.string(),
  updatedAt: z.number(),
});
export const PersonMergeItem = z.object({
  id: z.string(),
  class: MergeClass,
  newer: z.enum(['mine', 'theirs']).nullable(),
  defaultChoice: PersonMergeChoice.nullable(),
  mine: PersonSide.nullable(),
  theirs: PersonSide,
});
export type PersonMergeItem = z.output<typeof PersonMergeItem>;

const Counts = z.object({
  new: z.number().int(),
  identical: z.number().int(),
  changed: z.number().int(),
  conflict: z.number().int(),
});

export const MergePlan = z.object({
  bag: z.object({
    path: z.string(),
    name: z.string(),
    id: z.string(),
    info: z.record(z.string(), z.string()),
  }),
  meetings: z.array(MeetingMergeItem),
  people: z.array(PersonMergeItem),
  counts: z.object({ meetings: Counts, people: Counts }),
  /** Names the state previewed (bag + this archive's copies); apply refuses another state. */
  token: z.string(),
});
export type MergePlan = z.output<typeof MergePlan>;

/**
 * One meeting row of a preview as the list draws it (the preview job keeps every row; `merge/rows` sends
 * a page): not the whole MeetingMergeItem, whose two sides carry hashes, versions and counts the list
 * never shows.
 */
export const MergeRow = MeetingMergeItem.pick({
  id: true,
  class: true,
  newer: true,
  reason: true,
  choices: true,
  defaultChoice: true,
  differences: true,
}).extend({
  date: z.string().nullable(),
  title: z.string(),
  /** This archive's title when it differs from the bag's. */
  mineTitle: z.string().nullable(),
});
export type MergeRow = z.output<typeof MergeRow>;

/**
 * A preview as the job answers it: the plan without its meetings (counted, and paged with `merge/rows`)
 * and only the people the clerk may have to choose for (changed or conflicting).
 */
export const MergePreviewSummary = MergePlan.omit({ meetings: true }).extend({
  /** Meetings that need a look (all but the identical ones): the rows `merge/rows` pages. */
  rows: z.number().int(),
});
export type MergePreviewSummary = z.output<typeof MergePreviewSummary>;

/** Which rows of a preview: all that need a look, or one class of them. */
export const MergeRowFilter = z.enum(['all', 'conflict', 'changed', 'new']);
export type MergeRowFilter = z.output<typeof MergeRowFilter>;

/** For an encrypted bag (.tar.age); ignored for a bag folder. */
const Passphrase = z.string().max(1000).nullable().default(null);

export const MergeApplyInput = z.object({
  path: BagPath,
  passphrase: Passphrase,
  token: z.string().min(1),
  /** Per meeting id; items not named take their default (a conflict without a choice is left as it is). */
  meetings: z.record(z.string(), MergeChoice).default({}),
  people: z.record(z.string(), PersonMergeChoice).default({}),
});
export type MergeApplyInput = z.output<typeof MergeApplyInput>;

export const MergeResult = z.object({
  bag: z.string(),
  meetings: z.object({
    added: z.number().int(),
    replaced: z.number().int(),
    keptBoth: z.number().int(),
    keptMine: z.number().int(),
    identical: z.number().int(),
    /** Conflicts left without a choice: nothing changed for them. */
    unresolved: z.number().int(),
  }),
  people: z.object({
    added: z.number().int(),
    updated: z.number().int(),
    identical: z.number().int(),
    unresolved: z.number().int(),
  }),
  photoFilesCopied: z.number().int(),
  /** False when nothing needed writing (the same bag merged again). */
  changed: z.boolean(),
});
export type MergeResult = z.output<typeof MergeResult>;

export const BackupEntry = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int(),
  /** ms, from the file's time. */
  createdAt: z.number(),
  /** automatic (daily), manual (Sao lưu ngay / hoso backup), before-restore, before-migration. */
  kind: z.enum(['auto', 'manual', 'before-restore', 'other']),
});
export type BackupEntry = z.output<typeof BackupEntry>;

export const BackupList = z.object({
  dir: z.string(),
  keep: z.number().int(),
  daily: z.boolean(),
  /** Newest first. */
  rows: z.array(BackupEntry),
});
export type BackupList = z.output<typeof BackupList>;

export const BackupCheck = z.object({
  file: z.string(),
  ok: z.boolean(),
  /** What the clerk reads: why it can or cannot be restored (worded where it is shown). */
  message: MessageSchema,
  meetings: z.number().int().nullable(),
  schemaVersion: z.number().int().nullable(),
});
export type BackupCheck = z.output<typeof BackupCheck>;

const BackupFile = z.object({ file: z.string().trim().min(1).max(4096) });

/** A backup folder the clerk proposes (first-run setup): '' is the default beside the archive. */
export const BackupDirCheck = z.object({
  /** The folder backups would go to ('' resolved to the default). */
  dir: z.string(),
  /** Why it cannot be used (relative, not writable, the archive's own folder); null when it can. */
  problem: ErrorReport.nullable(),
});
export type BackupDirCheck = z.output<typeof BackupDirCheck>;

/** A bag found on a stick or in a folder (`merge/find-bags`): what the clerk chooses it by. */
export const FoundBag = z.object({
  path: z.string(),
  /** Its folder or file name. */
  name: z.string(),
  /** An encrypted `.tar.age` (a passphrase is needed; its content is unknown until then). */
  encrypted: z.boolean(),
  /** YYYY-MM-DD: the day it was written (Bagging-Date), else the file's date. */
  date: z.string(),
  /** Meetings in it (bag-info.txt's Hoso-Meetings), null when unknown. */
  meetings: z.number().int().nullable(),
});
export type FoundBag = z.output<typeof FoundBag>;

export const mergeChannels = {
  'merge/find-bags': { input: z.object({ path: BagPath }), output: z.array(FoundBag) },
  'merge/preview': { input: z.object({ path: BagPath, passphrase: Passphrase }), output: MergePlan },
  'merge/apply': { input: MergeApplyInput, output: MergeResult },
  /** The same two steps as jobs (progress, Hủy), followed with `jobs/status`: what the screen uses. */
  'merge/preview-start': {
    input: z.object({ path: BagPath, passphrase: Passphrase }),
    output: z.object({ jobId: z.string() }),
  },
  'merge/apply-start': { input: MergeApplyInput, output: z.object({ jobId: z.string() }) },
  /** A page of a finished preview job's rows, conflicts first, then changed, then new; by date within each. */
  'merge/rows': {
    input: z.object({
      jobId: z.string().min(1).max(100),
      shown: MergeRowFilter.default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({
      total: z.number().int(),
      counts: z.object({ all: z.number().int(), conflict: z.number().int(), changed: z.number().int(), new: z.number().int() }),
      rows: z.array(MergeRow),
    }),
  },
  'backups/list': { input: z.object({}), output: BackupList },
  'backups/create': { input: z.object({}), output: BackupEntry },
  'backups/check': { input: BackupFile, output: BackupCheck },
  'backups/check-dir': { input: z.object({ dir: z.string().trim().max(1000) }), output: BackupDirCheck },
  'backups/restore': {
    input: BackupFile,
    output: z.object({ restoredFrom: z.string(), safetyBackup: z.string(), meetings: z.number().int() }),
  },
} as const;
