/**
 * The report and outgoing-register channels of the contract (spread into `contract` in contract.ts):
 * printing (HTML preview, PDF, DOCX) of the five kinds of document, the conclusion notice a clerk edits
 * before printing, and the outgoing register (sổ văn bản đi). Pure TypeScript + zod.
 */
import { z } from 'zod';
import { issue, msg } from './messages/message';
import { Id, IsoDate, text, type FieldKey } from './fields';

export const REPORT_KINDS = [
  'conclusion',
  'minutes',
  'attendance',
  'photos',
  'period',
  'secret-log',
] as const;
/** The kinds that print a date range rather than one meeting. */
export const RANGE_KINDS: readonly ReportKind[] = ['period', 'secret-log'];
export const ReportKind = z.enum(REPORT_KINDS, issue('input.reportKindInvalid'));
export type ReportKind = z.output<typeof ReportKind>;
export const ReportVariant = z.enum(['state', 'party'], issue('input.reportVariantInvalid'));

export const ReportRequest = z
  .object({
    kind: ReportKind,
    /** The meeting (every kind but the period summary). */
    meetingId: Id.nullable().default(null),
    /** The period summary's (and the secret log's) range, inclusive. */
    from: IsoDate.nullable().default(null),
    to: IsoDate.nullable().default(null),
    /** null: the layout chosen in settings. */
    variant: ReportVariant.nullable().default(null),
    /** Attendance sheet: protocol order (chairs, titles, rank: contract/titlePrecedence) or name order. */
    order: z.enum(['protocol', 'name']).default('protocol'),
    /** Photo sheet: photos per A4 page. */
    perPage: z.union([z.literal(2), z.literal(4), z.literal(6)]).default(4),
    /** Period summary: sections by month or by meeting kind. */
    groupBy: z.enum(['month', 'kind']).default('month'),
    /**
     * For the in-app preview: photos by their /photos/<hash> address instead of inlined, so a long photo
     * sheet does not travel as base64. Saved files and prints never set it (they must stand alone).
     */
    preview: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (RANGE_KINDS.includes(r.kind)) {
      if (!r.from || !r.to)
        ctx.addIssue({
          code: 'custom',
          path: ['from'],
          message: issue(r.kind === 'period' ? 'input.periodNeedsRange' : 'input.secretLogNeedsRange').error,
        });
      else if (r.from > r.to)
        ctx.addIssue({ code: 'custom', path: ['to'], message: issue('input.dateRangeOrder').error });
    } else if (!r.meetingId) {
      ctx.addIssue({ code: 'custom', path: ['meetingId'], message: issue('input.reportNeedsMeeting').error });
    }
  });
export type ReportRequest = z.output<typeof ReportRequest>;
export type ReportRequestInput = z.input<typeof ReportRequest>;

export const ReportHtml = z.object({ html: z.string(), fileName: z.string(), title: z.string() });
export const ReportFile = z.object({ base64: z.string(), fileName: z.string(), mime: z.string() });
export type ReportFile = z.output<typeof ReportFile>;

const lines = (max: number, field: FieldKey) =>
  z.array(text(2000, field)).max(max, issue('input.tooManyLines', { field: msg(`field.${field}`), max }));

/** The conclusion notice as the clerk edits it before printing (the composed text is a starting point). */
export const NoticeFields = z.object({
  variant: ReportVariant,
  subject: text(1000, 'summary'),
  /** Body paragraphs in order: the opening, the numbered conclusions, the closing sentence. */
  paragraphs: lines(500, 'paragraphs'),
  placeName: text(100, 'placeName'),
  issuedOn: IsoDate.nullable(),
  signerAuthority: text(300, 'signerAuthority'),
  signerTitle: text(200, 'signerTitle'),
  signerName: text(200, 'signerName'),
  /** "- …;" lines of Nơi nhận, the last one "- Lưu: VT, …." */
  recipients: lines(100, 'recipients'),
});
export type NoticeFields = z.output<typeof NoticeFields>;

export const Notice = NoticeFields.extend({
  /** null: composed from the record just now, not saved yet. */
  id: Id.nullable(),
  meetingId: Id,
  version: z.number().int(),
  /** The number from the outgoing register ("05/TB-UBND"), null until one is taken. */
  number: z.string().nullable(),
  /** The last day to issue it: 5 working days after the meeting (null when the meeting has no date). */
  dueBy: z.string().nullable().default(null),
  updatedAt: z.number().nullable(),
});
export type Notice = z.output<typeof Notice>;

export const RegisterEntry = z.object({
  id: Id,
  agencyCode: z.string(),
  year: z.number().int(),
  docType: z.string(),
  seq: z.number().int(),
  number: z.string(),
  issuedOn: z.string(),
  subject: z.string(),
  meetingId: Id.nullable(),
  createdAt: z.number(),
});
export type RegisterEntry = z.output<typeof RegisterEntry>;

export const RegisterQuery = z.object({
  year: z.number().int().min(1900).max(2200).nullable().default(null),
  docType: text(20, 'docType').nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export const RegisterPage = z.object({ total: z.number().int(), rows: z.array(RegisterEntry) });
export type RegisterPage = z.output<typeof RegisterPage>;

const SecretLevel = z.enum(['mat', 'toi_mat', 'tuyet_mat']);

/** One print or export of a secret (Mật or above) meeting, from the audit log (db/printAudit.ts). */
export const SecretLogEntry = z.object({
  seq: z.number().int(),
  at: z.number(),
  /** Local day (YYYY-MM-DD) and clock time (HH:mm) of the print or export. */
  day: z.string(),
  time: z.string(),
  action: z.enum(['print', 'export']),
  meetingId: z.string(),
  title: z.string(),
  level: SecretLevel,
  /** print: the report kind; export: 'archive'. */
  document: z.string(),
  /** print: pdf, docx, html or print (the print dialog); export: encrypted or plain. */
  format: z.string(),
  actor: z.string(),
  /** export: the folder written to. */
  destination: z.string(),
});
export type SecretLogEntry = z.output<typeof SecretLogEntry>;

const DateRange = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((r) => r.from <= r.to, { path: ['to'], ...issue('input.dateRangeOrder') });

export const reportChannels = {
  /** The document as HTML (the preview, the browser's print, "Lưu HTML"). */
  'reports/html': { input: ReportRequest, output: ReportHtml },
  'reports/pdf': { input: ReportRequest, output: ReportFile },
  'reports/docx': { input: ReportRequest, output: ReportFile },
  /**
   * The app's In button is about to open the print dialog for this document: a secret one is written to
   * the audit log (whether the clerk then confirms the dialog cannot be known; opening it is logged).
   */
  'reports/printed': { input: ReportRequest, output: z.object({ logged: z.number().int() }) },
  /** Sổ theo dõi in, xuất tài liệu mật: prints and exports of secret meetings in a date range. */
  'reports/secret-log': { input: DateRange, output: z.object({ rows: z.array(SecretLogEntry) }) },
  /** The meeting's conclusion notice: the saved one, or one composed from the record (id null). */
  'reports/notice-get': {
    input: z.object({
      meetingId: Id,
      variant: ReportVariant.nullable().default(null),
      recompose: z.boolean().default(false),
    }),
    output: Notice,
  },
  'reports/notice-save': {
    input: z.object({
      meetingId: Id,
      id: Id.nullable(),
      version: z.number().int().min(0),
      fields: NoticeFields,
    }),
    output: Notice,
  },
  /** Takes the next number of the outgoing register for the saved notice (once: a number is never reused). */
  'reports/notice-number': { input: z.object({ id: Id }), output: Notice },
  'register/list': { input: RegisterQuery, output: RegisterPage },
  /** The register printed as a document (HTML). */
  'register/html': { input: z.object({ year: z.number().int().min(1900).max(2200) }), output: ReportHtml },
} as const;
