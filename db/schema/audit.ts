import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';

/**
 * Append-only audit log. Each entry's hash covers the previous entry's hash, so an edited or removed
 * entry breaks the chain from that point on (checked by `hoso check`).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    reason: text('reason').notNull().default(''),
    /** JSON of the record before and after the change (null for create / delete respectively). */
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);
