import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Key/value settings (agency names, place name, signer, numbering, meeting kinds…), values as JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Searches a clerk saved by name. */
export const savedSearches = sqliteTable('saved_searches', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  query: text('query').notNull(),
  createdAt: integer('created_at').notNull(),
});
