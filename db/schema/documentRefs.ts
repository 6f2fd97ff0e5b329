import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { meetings } from './meetings';

/** A document a meeting refers to: số và ký hiệu (1374-QC/QUTW-TUHN, 03/2019/NĐ-CP), type, date, issuer. */
export const documentRefs = sqliteTable(
  'document_refs',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    number: text('number').notNull(),
    docType: text('doc_type').notNull().default(''),
    /** YYYY-MM-DD, or null when the text did not say. */
    issuedOn: text('issued_on'),
    issuer: text('issuer').notNull().default(''),
    summary: text('summary').notNull().default(''),
    position: integer('position').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('document_refs_meeting_idx').on(t.meetingId), index('document_refs_number_idx').on(t.number)],
);
