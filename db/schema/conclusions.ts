import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { meetings } from './meetings';
import { people } from './people';

export const TASK_STATUSES = ['chua_lam', 'dang_lam', 'hoan_thanh', 'huy'] as const;

/** An ordered conclusion (kết luận); any one may also be a task (nhiệm vụ) with assignee and deadline. */
export const conclusions = sqliteTable(
  'conclusions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    isTask: integer('is_task', { mode: 'boolean' }).notNull().default(false),
    assigneePersonId: text('assignee_person_id').references(() => people.id, { onDelete: 'set null' }),
    assigneeUnit: text('assignee_unit').notNull().default(''),
    /** YYYY-MM-DD */
    deadline: text('deadline'),
    taskStatus: text('task_status', { enum: TASK_STATUSES }),
    doneAt: integer('done_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('conclusions_meeting_idx').on(t.meetingId, t.position),
    index('conclusions_task_idx').on(t.isTask, t.taskStatus, t.deadline),
  ],
);
