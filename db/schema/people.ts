import { sqliteTable, text, integer, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** The people directory: a person's *current* rank, title and unit. Attendance keeps the values at the time. */
export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    fullName: text('full_name').notNull(),
    /** Vietnamese name-order key: given name, then middle, then family name (contract/vietnamese/collation.ts). */
    nameSort: text('name_sort').notNull(),
    /** Folded (no marks, đ→d, lower case) full name, for type-ahead lookups. */
    nameFolded: text('name_folded').notNull(),
    rank: text('rank').notNull().default(''),
    title: text('title').notNull().default(''),
    unit: text('unit').notNull().default(''),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deletedAt: integer('deleted_at'),
    /**
     * Set when this entry was a duplicate merged into another (people/merge): the entry it was merged into.
     * The row stays in the trash (deleted_at) so its own history and the audit log still name it.
     */
    mergedInto: text('merged_into').references((): AnySQLiteColumn => people.id, { onDelete: 'restrict' }),
  },
  (t) => [
    index('people_name_sort_idx').on(t.deletedAt, t.nameSort),
    index('people_name_folded_idx').on(t.nameFolded),
  ],
);

export type PersonRow = typeof people.$inferSelect;
