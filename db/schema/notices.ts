import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meetings } from './meetings';

/**
 * The outgoing register (sổ văn bản đi): one number per agency, year and document type, never reused.
 * A row is written the moment a number is taken, even if the notice is later abandoned, so a number
 * that went out on paper can never be handed out again.
 */
export const registerEntries = sqliteTable(
  'register_entries',
  {
    id: text('id').primaryKey(),
    agencyCode: text('agency_code').notNull(),
    year: integer('year').notNull(),
    /** Abbreviation of the document type: TB (thông báo), BB (biên bản), BC (báo cáo)… */
    docType: text('doc_type').notNull(),
    seq: integer('seq').notNull(),
    /** The number as printed, e.g. "05/TB-UBND" or "1445-TB/QUTW-TUHN". */
    number: text('number').notNull(),
    issuedOn: text('issued_on').notNull(),
    subject: text('subject').notNull().default(''),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('register_entries_seq_uq').on(t.agencyCode, t.year, t.docType, t.seq)],
);

/** An outgoing document composed from a meeting (conclusion notice, minutes…), as edited before printing. */
export const notices = sqliteTable(
  'notices',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    registerEntryId: text('register_entry_id').references(() => registerEntries.id, {
      onDelete: 'restrict',
    }),
    template: text('template').notNull(),
    /** state (Nghị định 30/2020/NĐ-CP) or party (Hướng dẫn 36-HD/VPTW). */
    variant: text('variant', { enum: ['state', 'party'] }).notNull(),
    subject: text('subject').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    placeName: text('place_name').notNull().default(''),
    issuedOn: text('issued_on'),
    signerAuthority: text('signer_authority').notNull().default(''),
    signerTitle: text('signer_title').notNull().default(''),
    signerName: text('signer_name').notNull().default(''),
    /** JSON array of recipient lines ("Nơi nhận"). */
    recipients: text('recipients').notNull().default('[]'),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
  },
  (t) => [index('notices_meeting_idx').on(t.meetingId)],
);
