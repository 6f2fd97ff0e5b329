/**
 * The app lock (`lock/*`) and the archive's health page (`health/*`), spread into contract.ts.
 * Pure TypeScript + zod. Lock secrets never travel back: no reply carries a hash, a salt or a password;
 * the only secret ever sent to the UI is a fresh recovery code, once, right after it was made.
 */
import { z } from 'zod';
import { ErrorReport } from './errors';
import { issue, msg, MessageSchema } from './messages/message';

const Empty = z.object({}).strict();

/** The idle delays offered in Cài đặt; the service accepts any of them. */
export const LOCK_IDLE_CHOICES = [5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;
export const PASSWORD_MIN_CHARS = 6;

export const IdleMinutes = z
  .number()
  .int()
  .refine(
    (n) => (LOCK_IDLE_CHOICES as readonly number[]).includes(n),
    issue('input.lockIdleChoice', { choices: LOCK_IDLE_CHOICES.join(', ') }),
  );

/** A new password: not trimmed (a space is a character like any other), at least 6 characters. */
export const NewPassword = z
  .string()
  .min(PASSWORD_MIN_CHARS, issue('input.passwordTooShort', { min: PASSWORD_MIN_CHARS }))
  .max(200, issue('input.tooLong', { field: msg('field.password'), max: 200 }));
/** A password being checked: any length is tried (and wrong), only absurd sizes are refused. */
const GivenPassword = z.string().max(200, issue('input.tooLong', { field: msg('field.password'), max: 200 }));

export const LockStatus = z.object({
  /** A password is set. */
  enabled: z.boolean(),
  /** Calls other than lock/* and app/info are refused with APP_LOCKED. */
  locked: z.boolean(),
  idleMinutes: z.number().int(),
  /** Wrong passwords or recovery codes since the last success. */
  failedAttempts: z.number().int(),
  /** 0 when a try is accepted now; otherwise how long until the next one is even checked. */
  retryAfterMs: z.number().int(),
  /** The UI language chosen in Cài đặt: the lock screen speaks it although the settings cannot be read. */
  language: z.enum(['vi', 'en']),
});
export type LockStatus = z.output<typeof LockStatus>;

/** A password was set or recovered: the new recovery code, shown to the clerk once and never again. */
export const LockWithCode = z.object({ status: LockStatus, recoveryCode: z.string() });
export type LockWithCode = z.output<typeof LockWithCode>;

export const HealthStatus = z.object({
  archiveFile: z.string(),
  /** The archive file with its WAL and shared-memory files. */
  archiveBytes: z.number().int(),
  /** Photo originals as recorded in the archive (thumbnails not counted). */
  photoBytes: z.number().int(),
  meetings: z.number().int(),
  backupDir: z.string(),
  /** Why the backup folder cannot be used (a relative folder stored by an older version), or null. */
  backupProblem: ErrorReport.nullable(),
  backupCount: z.number().int(),
  /** The newest backup and the verdict of checking it now (integrity_check of the copy). */
  lastBackup: z
    .object({
      file: z.string(),
      name: z.string(),
      bytes: z.number().int(),
      createdAt: z.number(),
      ok: z.boolean(),
      /** The verdict, worded where it is shown. */
      message: MessageSchema,
    })
    .nullable(),
  index: z.object({
    ok: z.boolean(),
    documents: z.number().int(),
    /** Meetings whose index entry is missing, left over or out of date. */
    mismatched: z.number().int(),
    structureError: z.string().nullable(),
  }),
  audit: z.object({
    ok: z.boolean(),
    entries: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
  }),
  checkedAt: z.number(),
});
export type HealthStatus = z.output<typeof HealthStatus>;

export const IntegrityReport = z.object({
  kind: z.enum(['quick', 'full']),
  ok: z.boolean(),
  /** One line per problem, worded where it is shown. */
  problems: z.array(MessageSchema),
  notes: z.array(MessageSchema),
  ms: z.number(),
  checkedAt: z.number(),
});
export type IntegrityReport = z.output<typeof IntegrityReport>;

/** Channels answered even while the app is locked (everything else gets APP_LOCKED). */
export const CHANNELS_OPEN_WHILE_LOCKED = ['lock/status', 'lock/unlock', 'lock/recover', 'app/info'] as const;

export const lockChannels = {
  'lock/status': { input: Empty, output: LockStatus },
  'lock/unlock': { input: z.object({ password: GivenPassword }), output: LockStatus },
  'lock/recover': {
    input: z.object({
      recoveryCode: z.string().max(100, issue('input.recoveryCodeTooLong')),
      newPassword: NewPassword,
    }),
    output: LockWithCode,
  },
  /** Sets the first password, or changes it (then currentPassword must be right). */
  'lock/set': {
    input: z.object({
      currentPassword: GivenPassword.default(''),
      newPassword: NewPassword,
      idleMinutes: IdleMinutes.optional(),
    }),
    output: LockWithCode,
  },
  'lock/remove': { input: z.object({ currentPassword: GivenPassword }), output: LockStatus },
  'lock/configure': { input: z.object({ idleMinutes: IdleMinutes }), output: LockStatus },
  /** Khóa ngay: lock at once (the clerk leaves the desk). */
  'lock/lock': { input: Empty, output: LockStatus },
  'health/status': { input: Empty, output: HealthStatus },
  'health/verify': { input: z.object({ full: z.boolean().default(false) }), output: IntegrityReport },
} as const;
