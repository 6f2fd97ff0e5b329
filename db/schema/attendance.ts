import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meetings } from './meetings';
import { people } from './people';

export const ATTENDANCE_ROLES = ['chu_tri', 'dong_chu_tri', 'thu_ky', 'dai_bieu', 'khach_moi'] as const;
export const ATTENDANCE_STATUSES = ['co_mat', 'vang_co_ly_do', 'vang', 'den_muon'] as const;

/** Who took part in a meeting, with rank, titles and unit *as they were at the time*. */
export const attendance = sqliteTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
    role: text('role', { enum: ATTENDANCE_ROLES }).notNull().default('dai_bieu'),
    rank: text('rank').notNull().default(''),
    titles: text('titles').notNull().default(''),
    unit: text('unit').notNull().default(''),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull().default('co_mat'),
    absenceReason: text('absence_reason').notNull().default(''),
    position: integer('position').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('attendance_meeting_person_uq').on(t.meetingId, t.personId),
    index('attendance_person_idx').on(t.personId),
  ],
);
