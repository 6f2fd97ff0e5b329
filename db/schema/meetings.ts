import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * A meeting record. Calendar fields are wall-clock text (`YYYY-MM-DD`, `HH:MM`) on purpose: a meeting
 * held "Chiều 26/5 lúc 14:00" in Hà Nội is that date and hour on every PC that opens the archive,
 * whatever the PC's time zone. Instants (created/updated/deleted) are integer milliseconds.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    /** Binary-sortable Vietnamese collation key of the title (see contract/vietnamese/collation.ts). */
    titleSort: text('title_sort').notNull(),
    kind: text('kind').notNull(),
    meetingDate: text('meeting_date'),
    startTime: text('start_time'),
    endTime: text('end_time'),
    location: text('location').notNull().default(''),
    organizer: text('organizer').notNull().default(''),
    /** draft → finalized (sealed). */
    status: text('status', { enum: ['draft', 'finalized'] }).notNull().default('draft'),
    /** Độ mật: thuong / mat / toi_mat / tuyet_mat. */
    secrecy: text('secrecy', { enum: ['thuong', 'mat', 'toi_mat', 'tuyet_mat'] })
      .notNull()
      .default('thuong'),
    minutesHtml: text('minutes_html').notNull().default(''),
    minutesText: text('minutes_text').notNull().default(''),
    /** Where the record came from: byline of an imported report, file name, "nhập tay"… */
    source: text('source').notNull().default(''),
    sealHash: text('seal_hash'),
    sealedAt: integer('sealed_at'),
    /** Optimistic concurrency: every update must name the version it started from. */
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Set when moved to the trash (Thùng rác); null while live. */
    deletedAt: integer('deleted_at'),
  },
  // The meetings list pages through 100 000 rows with LIMIT/OFFSET in these exact orders; each index
  // covers its order completely (tie-breaks included), so skipping rows walks the index, not the table.
  (t) => [
    index('meetings_list_date_idx').on(t.deletedAt, t.meetingDate, t.startTime, t.id),
    index('meetings_list_kind_date_idx').on(t.deletedAt, t.kind, t.meetingDate, t.startTime, t.id),
    index('meetings_list_title_idx').on(t.deletedAt, t.titleSort, t.id),
  ],
);

export type MeetingRow = typeof meetings.$inferSelect;
export type NewMeetingRow = typeof meetings.$inferInsert;
