/**
 * The USB archive channels of the contract (spread into `contract` in contract.ts): export to a bag
 * (README.md, "Lưu trữ USB: xuất và kiểm tra"), verify a bag, and the long-job channels the UI polls (`jobs/status`, `jobs/cancel`).
 * Pure TypeScript + zod.
 *
 * An export or a verification runs as a job: `archive/export` and `archive/verify` answer at once with a
 * job id; the screen polls `jobs/status` for progress (bytes, files, time left) and the result, and may
 * call `jobs/cancel` at any moment.
 */
import { z } from 'zod';
import { ErrorReport } from './errors';
import { issue, msg, MessageSchema, type Message } from './messages/message';
import { Id, IsoDate, requiredText } from './fields';
import { FoundBag, MergePreviewSummary, MergeResult } from './mergeContract';

/** Which meetings go into a bag. Filters combine; none at all means every live meeting. */
export const ExportSelection = z
  .object({
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    tag: requiredText(100, 'tagName').nullable().default(null),
    /** The clerk's current search results, as ids… */
    ids: z
      .array(Id)
      .max(100_000, issue('input.exportTooManyMeetings', { max: 100_000 }))
      .nullable()
      .default(null),
    /** …or as the search itself (the same syntax as the search screen), run when the export starts. */
    query: requiredText(2000, 'query').nullable().default(null),
  })
  .refine((s) => s.from === null || s.to === null || s.from <= s.to, {
    ...issue('input.dateRangeOrder'),
    path: ['to'],
  });
export type ExportSelection = z.output<typeof ExportSelection>;

const Path = z.string().trim().min(1, issue('input.destRequired')).max(4096, issue('input.pathTooLong'));
const Passphrase = z
  .string()
  .max(1024, issue('input.tooLong', { field: msg('field.passphrase'), max: 1024 }));

export const ExportEstimateInput = z.object({
  selection: ExportSelection.default({ from: null, to: null, tag: null, ids: null, query: null }),
  dest: Path.nullable().default(null),
});

export const ExportEstimate = z.object({
  meetings: z.number().int(),
  photos: z.number().int(),
  /** Expected size of the bag (snapshot, photos, JSON, pages). */
  bytes: z.number(),
  /** Selected meetings classified Mật or above: encryption is then required. */
  secretMeetings: z.number().int(),
  destination: z
    .object({
      freeBytes: z.number(),
      /** FAT32: no single file over 4 GiB. */
      fat32: z.boolean(),
      enoughSpace: z.boolean(),
    })
    .nullable(),
  /** Why the destination cannot be used (EXPORT_DEST_INVALID and its details); null when it can. */
  destinationProblem: ErrorReport.nullable(),
});
export type ExportEstimate = z.output<typeof ExportEstimate>;

export const ExportStart = z.object({
  selection: ExportSelection.default({ from: null, to: null, tag: null, ids: null, query: null }),
  dest: Path,
  /** Set to encrypt (age, scrypt); null for a plain bag. */
  passphrase: Passphrase.min(1, issue('input.required', { field: msg('field.passphrase') }))
    .nullable()
    .default(null),
});

export const VerifyStart = z.object({
  path: Path,
  passphrase: Passphrase.nullable().default(null),
});

export const BagProblem = z.object({
  kind: z.string(),
  path: z.string().nullable(),
  /** One line for the clerk, worded where it is shown (contract/messages). */
  message: MessageSchema,
});
export type BagProblem = z.output<typeof BagProblem>;

export const ExportResult = z.object({
  /** Final path of the bag folder or the .tar.age file. */
  path: z.string(),
  name: z.string(),
  encrypted: z.boolean(),
  meetings: z.number().int(),
  photos: z.number().int(),
  /** Payload of the bag (bytes, files), as in Payload-Oxum. */
  payloadBytes: z.number(),
  payloadFiles: z.number().int(),
  /** Size written to the stick. */
  writtenBytes: z.number(),
  /** Read back from the stick and checked against the manifests: only then is it safe to remove. */
  verified: z.boolean(),
  warnings: z.array(MessageSchema),
  seconds: z.number(),
});
export type ExportResult = z.output<typeof ExportResult>;

export const VerifyResult = z.object({
  path: z.string(),
  ok: z.boolean(),
  encrypted: z.boolean(),
  problems: z.array(BagProblem),
  payloadBytes: z.number(),
  payloadFiles: z.number().int(),
  bagInfo: z.record(z.string(), z.string()),
});
export type VerifyResult = z.output<typeof VerifyResult>;

/**
 * Export and verify: preparing → writing | encrypting → verifying → finishing. A merge's preview:
 * decrypting (an encrypted bag) → verifying (every checksum) → reading (each meeting judged) → comparing
 * (with this archive); its apply reads the bag the same way, then copying (photo files) → merging.
 */
export const JobPhase = z.enum([
  'preparing',
  'writing',
  'encrypting',
  'verifying',
  'finishing',
  'decrypting',
  'reading',
  'comparing',
  'copying',
  'merging',
  'done',
]);
export type JobPhase = z.output<typeof JobPhase>;

export const JobProgress = z.object({
  phase: JobPhase,
  bytesDone: z.number(),
  bytesTotal: z.number(),
  filesDone: z.number().int(),
  filesTotal: z.number().int(),
  /**
   * Estimated seconds left in the current phase (writing, then reading back); null until there is enough
   * to go on, never negative or infinite (services/archive/jobEta.ts).
   */
  secondsLeft: z.number().nullable(),
});
export type JobProgress = z.output<typeof JobProgress>;

export const JobStatus = z.object({
  id: z.string(),
  kind: z.enum(['export', 'verify', 'merge-preview', 'merge-apply']),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: JobProgress,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  exportResult: ExportResult.nullable(),
  verifyResult: VerifyResult.nullable(),
  /** A merge preview's answer without its meetings (`merge/rows` pages them). */
  mergePreview: MergePreviewSummary.nullable(),
  mergeResult: MergeResult.nullable(),
  /** Why the job failed or was cancelled; a failed read-back names each file in `problems`. */
  error: ErrorReport.extend({ problems: z.array(BagProblem) }).nullable(),
});
export type JobStatus = z.output<typeof JobStatus>;

export const JobRef = z.object({ jobId: z.string().min(1).max(100) });

/**
 * A USB stick plugged into this PC (`archive/drives`), as the stick picker shows it: export writes into
 * its root, merge reads the bags already on it.
 */
export const Drive = z.object({
  /** Where it is mounted: `E:\\`, `/media/an/USB-VANTHU`, `/Volumes/USB`. */
  root: z.string(),
  /** The volume's label (with its letter on Windows), else its folder or letter. */
  label: z.string(),
  freeBytes: z.number().nullable(),
  totalBytes: z.number().nullable(),
  /** The hoso bags on it (findBags: newest first, bounded). */
  bags: z.array(FoundBag),
  /** Why it could not be read (an errno code such as EACCES or ETIMEDOUT, worded by the picker); null when it was. */
  unreadable: z.string().nullable(),
});
export type Drive = z.output<typeof Drive>;

/**
 * Moving the archive to another folder (Cài đặt → Nơi lưu kho, and the first-run setup): the folder is
 * judged first (`archive/move-check`), then `archive/move` copies the archive with SQLite's backup API
 * and its photos/ beside it, checks the copy, and records the new place for the next start. The old copy
 * is never deleted.
 */
export const ArchiveMoveInput = z.object({ dir: z.string().trim().min(1).max(1000) });
export const ArchiveMoveCheck = z.object({
  /** The archive file the move would write (the folder chosen + the archive's file name). */
  target: z.string(),
  /** Bytes the copy needs: the archive with its -wal, and its photos. */
  bytes: z.number(),
  /** Free bytes where it would go; null when the system cannot tell. */
  free: z.number().nullable(),
  /** Why it cannot go there (the same place, a file already there, no room, not writable…); null when it can. */
  problem: ErrorReport.nullable(),
});
export type ArchiveMoveCheck = z.output<typeof ArchiveMoveCheck>;
export const ArchiveMoveResult = z.object({
  /** The new archive file, checked (integrity_check), recorded for the next start. */
  file: z.string(),
  /** The old archive file, left where it was. */
  oldFile: z.string(),
  photos: z.number().int(),
  /** HOSO_DB (or --db) names the archive: it still wins at the next start until it is changed. */
  overridden: z.boolean(),
});
export type ArchiveMoveResult = z.output<typeof ArchiveMoveResult>;

export const archiveChannels = {
  'archive/move-check': { input: ArchiveMoveInput, output: ArchiveMoveCheck },
  'archive/move': { input: ArchiveMoveInput, output: ArchiveMoveResult },
  'archive/drives': { input: z.object({}), output: z.array(Drive) },
  'archive/estimate': { input: ExportEstimateInput, output: ExportEstimate },
  'archive/export': { input: ExportStart, output: JobRef },
  'archive/verify': { input: VerifyStart, output: JobRef },
  'archive/passphrase-check': {
    input: z.object({ passphrase: Passphrase }),
    output: z.object({ warning: MessageSchema.nullable() }),
  },
  'jobs/status': { input: JobRef, output: JobStatus },
  'jobs/cancel': { input: JobRef, output: z.object({ cancelled: z.boolean() }) },
} as const;

/**
 * Why a passphrase is weak, or null. A warning, not a refusal: the clerk decides, but an export that
 * leaves the building on a stick should resist guessing (age's scrypt slows each guess, it cannot save
 * "123456").
 */
export function passphraseWarning(passphrase: string): Message | null {
  const p = passphrase.normalize('NFC');
  if (p.length === 0) return msg('passphrase.empty');
  const classes = [/[a-zà-ỹđ]/, /[A-ZÀ-ỸĐ]/, /\d/, /[^\p{L}\d]/u].filter((r) => r.test(p)).length;
  if (/^(.)\1*$/.test(p) || /^(0123|1234|abcd|qwer|matkhau|password)/i.test(p))
    return msg('passphrase.guessable');
  if (p.length < 12 && !(p.length >= 10 && classes >= 3))
    return msg('passphrase.weak');
  return null;
}
