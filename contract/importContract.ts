/**
 * The import channels of the contract (spread into `contract` in contract.ts). Pure TypeScript + zod.
 *
 * Import turns a pasted report or a file (.txt .md .html .docx) into a *draft*: every extracted item
 * carries the span of the source text it came from, so the review screen can highlight it. Nothing is
 * written until the clerk saves the reviewed draft.
 */
import { z } from 'zod';
import { IsoDate, Id, requiredText } from './fields';
import { MessageSchema } from './messages/message';

/** Largest text accepted from a paste or a file once decoded (a whole year of reports is far less). */
export const IMPORT_TEXT_MAX_CHARS = 2_000_000;
/** Largest file accepted (a .docx with its photos). */
export const IMPORT_FILE_MAX_BYTES = 50 * 1024 * 1024;
/** Files in one batch call. */
export const IMPORT_BATCH_MAX = 200;

/** Offsets into the draft's `sourceText` (UTF-16 code units, end exclusive). */
export const ImportSpan = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });
export type ImportSpan = z.output<typeof ImportSpan>;

export const DraftText = z.object({ value: z.string(), span: ImportSpan });
export type DraftText = z.output<typeof DraftText>;

export const DraftRole = z.enum(['chu_tri', 'dong_chu_tri', 'dai_bieu', 'thu_ky']);
export const DraftPerson = z.object({
  name: z.string(),
  rank: z.string().nullable(),
  titles: z.array(z.string()),
  role: DraftRole,
  span: ImportSpan,
});
export type DraftPerson = z.output<typeof DraftPerson>;

export const DraftDate = z.object({
  /** YYYY-MM-DD: the year written, else inferred (see yearFrom); null only for a day no year has. */
  value: IsoDate.nullable(),
  day: z.number().int(),
  month: z.number().int(),
  year: z.number().int().nullable(),
  /**
   * Where the year came from: the date itself; the report's own evidence (dateline, byline, "năm 2024"
   * nearby, its other dates); today (nothing in the text); or nowhere. All but 'written' are for the
   * clerk to check.
   */
  yearFrom: z.enum(['written', 'context', 'inferred', 'none']),
  partOfDay: z.enum(['sáng', 'trưa', 'chiều', 'tối']).nullable(),
  startTime: z.string().nullable(),
  span: ImportSpan,
});
export type DraftDate = z.output<typeof DraftDate>;

export const DraftCaption = z.object({
  text: z.string(),
  span: ImportSpan,
  /** The picture this caption belongs to (index into `images`), when the source holds pictures. */
  image: z.number().int().nullable(),
});
export type DraftCaption = z.output<typeof DraftCaption>;

export const DraftDocumentRef = z.object({
  number: z.string(),
  type: z.string().nullable(),
  date: IsoDate.nullable(),
  span: ImportSpan,
});
export type DraftDocumentRef = z.output<typeof DraftDocumentRef>;

export const DraftParagraph = z.object({ text: z.string(), span: ImportSpan });

/**
 * One conclusion or directive of the meeting. `deadline` is the day a directive names for its work
 * ("trước ngày 31/12/2025", "trong quý I năm 2026" → its last day), when it lies after the meeting: the
 * review offers it as a task with that deadline, for the clerk to tick on (never made a task silently).
 */
export const DraftConclusion = z.object({
  text: z.string(),
  span: ImportSpan,
  deadline: IsoDate.nullable(),
  /** The words the deadline was read from, as written ("trước ngày 31/12"). */
  deadlineText: z.string().nullable(),
});
export type DraftConclusion = z.output<typeof DraftConclusion>;

/** Fields of a draft the importer was unsure of: the review highlights them so the clerk checks them first. */
export const UnsureField = z.enum(['title', 'date', 'location', 'chairs', 'attendees', 'issuer', 'captions']);
export type UnsureField = z.output<typeof UnsureField>;

export const DraftImage = z.object({
  index: z.number().int(),
  mime: z.string(),
  byteSize: z.number().int(),
  hash: z.string(),
});

export const ImportDraft = z.object({
  sourceName: z.string(),
  /** How the bytes were read: utf-8, utf-16le, tcvn3, vni, docx, html… */
  encoding: z.string(),
  /** SHA-256 of the decoded text: the same report imported twice is found by it. */
  contentHash: z.string(),
  sourceText: z.string(),
  title: DraftText.nullable(),
  kind: DraftText.nullable(),
  date: DraftDate.nullable(),
  location: DraftText.nullable(),
  chairs: z.array(DraftPerson),
  attendees: z.array(DraftPerson),
  captions: z.array(DraftCaption),
  documentRefs: z.array(DraftDocumentRef),
  conclusions: z.array(DraftConclusion),
  /** The body that held the meeting or issued the document ("Ban Thường vụ Tỉnh ủy", "UBND tỉnh Gia Lai"). */
  issuer: DraftText.nullable(),
  byline: DraftText.nullable(),
  body: z.array(DraftParagraph),
  images: z.array(DraftImage),
  /** Things the clerk should look at (no title found, a date without its year…), worded where shown. */
  notes: z.array(MessageSchema),
  /** The fields behind those notes (and others guessed from weak evidence), highlighted in the review. */
  unsure: z.array(UnsureField),
});
export type ImportDraft = z.output<typeof ImportDraft>;

/** A source sent from the UI: pasted text, or a file's bytes (base64). */
export const ImportSource = z.union([
  z.object({
    kind: z.literal('text'),
    name: z.string().max(300).default('Văn bản dán vào'),
    text: z.string(),
  }),
  z.object({
    kind: z.literal('file'),
    name: z.string().min(1).max(300),
    dataBase64: z.string(),
    /** The day the file was last saved (from the disk or the browser): evidence of a date's year. */
    modifiedOn: IsoDate.optional(),
  }),
]);
export type ImportSource = z.input<typeof ImportSource>;

/** How a person in the draft is matched to the directory (asked, never assumed, when unsure). */
export const PersonMatch = z.object({
  match: z.enum(['same', 'possible', 'new']),
  personId: Id.nullable(),
  reasons: z.array(z.enum(['several_people', 'marks_differ', 'rank_differs'])),
  candidates: z.array(
    z.object({ id: Id, fullName: z.string(), rank: z.string(), title: z.string(), unit: z.string() }),
  ),
});
export type PersonMatch = z.output<typeof PersonMatch>;

export const DuplicateOf = z.object({
  id: Id,
  title: z.string(),
  meetingDate: z.string().nullable(),
  reason: z.enum(['same_content', 'same_title_date']),
});
export type DuplicateOf = z.output<typeof DuplicateOf>;

export const ImportPreview = z.object({
  draft: ImportDraft,
  /** One per chair then attendee, in the draft's order. */
  chairMatches: z.array(PersonMatch),
  attendeeMatches: z.array(PersonMatch),
  duplicate: DuplicateOf.nullable(),
});
export type ImportPreview = z.output<typeof ImportPreview>;

/** A person as the clerk confirmed it: an existing directory person, or a new one. */
export const ReviewedPerson = z.object({
  name: z.string().trim().min(1).max(200),
  rank: z.string().trim().max(100).default(''),
  titles: z.string().trim().max(500).default(''),
  role: DraftRole,
  personId: Id.nullable().default(null),
});

/** The draft after review: what will be saved. */
export const ReviewedDraft = z.object({
  title: requiredText(500, 'meetingTitle'),
  kind: z.string().trim().min(1).max(100),
  meetingDate: IsoDate.nullable(),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .default(null),
  location: z.string().trim().max(500).default(''),
  /** The body that held the meeting (the draft's issuer, as the clerk kept it): the meeting's organizer. */
  organizer: z.string().trim().max(500).default(''),
  byline: z.string().trim().max(500).default(''),
  body: z.string().max(1_000_000).default(''),
  people: z.array(ReviewedPerson).max(1000).default([]),
  captions: z
    .array(z.object({ text: z.string().trim().max(2000), image: z.number().int().nullable() }))
    .max(500)
    .default([]),
  documentRefs: z
    .array(
      z.object({
        number: z.string().trim().min(1).max(100),
        type: z.string().trim().max(100).default(''),
        date: IsoDate.nullable(),
      }),
    )
    .max(500)
    .default([]),
  /**
   * A conclusion's text, or the text with the clerk's choice to make it a task: `task` only when the
   * clerk ticked the deadline the importer offered (or typed one).
   */
  conclusions: z
    .array(
      z.union([
        z.string().trim().min(1).max(10_000),
        z.object({
          text: z.string().trim().min(1).max(10_000),
          task: z.object({ deadline: IsoDate.nullable() }).nullable().default(null),
        }),
      ]),
    )
    .max(500)
    .default([]),
});
export type ReviewedDraft = z.output<typeof ReviewedDraft>;
export type ReviewedDraftInput = z.input<typeof ReviewedDraft>;

export const ImportSaveResult = z.object({
  status: z.enum(['imported', 'duplicate']),
  meetingId: Id.nullable(),
  duplicate: DuplicateOf.nullable(),
  counts: z.object({
    people: z.number().int(),
    photos: z.number().int(),
    /** Cards made for captions whose picture was not in the source, waiting for it to be attached. */
    photoCards: z.number().int(),
    documents: z.number().int(),
    conclusions: z.number().int(),
  }),
  /** What was left out (a picture that could not be stored, a bad document number…), worded where shown. */
  notes: z.array(MessageSchema),
});
export type ImportSaveResult = z.output<typeof ImportSaveResult>;

export const ImportBatchItem = z.object({
  name: z.string(),
  status: z.enum(['imported', 'needs_review', 'failed', 'duplicate']),
  meetingId: Id.nullable(),
  title: z.string().nullable(),
  /** How it went, one line when worded in turn (translateAll): the error, the notes, or "Đã nhập.". */
  messages: z.array(MessageSchema),
});
export type ImportBatchItem = z.output<typeof ImportBatchItem>;

export const importChannels = {
  /** Reads a source and proposes a draft with directory matches; writes nothing. */
  'import/preview': { input: z.object({ source: ImportSource }), output: ImportPreview },
  /** Saves a reviewed draft (pictures come from the source again) as a draft meeting, in one transaction. */
  'import/save': {
    input: z.object({
      source: ImportSource,
      draft: ReviewedDraft,
      allowDuplicate: z.boolean().default(false),
    }),
    output: ImportSaveResult,
  },
  /** Many files at once, saved as extracted; duplicates skipped, drafts missing a title or date flagged. */
  'import/batch': {
    input: z.object({
      sources: z.array(ImportSource).min(1).max(IMPORT_BATCH_MAX),
      allowDuplicate: z.boolean().default(false),
    }),
    output: z.object({ items: z.array(ImportBatchItem) }),
  },
} as const;
