import { sqliteTable, text, integer, uniqueIndex, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { meetings } from './meetings';

export const tags = sqliteTable(
  'tags',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Folded name: "Quốc phòng" and "quoc phong" are the same tag. */
    nameFolded: text('name_folded').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('tags_name_folded_uq').on(t.nameFolded)],
);

export const meetingTags = sqliteTable(
  'meeting_tags',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    tagId: text('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.tagId] }), index('meeting_tags_tag_idx').on(t.tagId)],
);
