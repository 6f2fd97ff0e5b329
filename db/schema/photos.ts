import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { meetings } from './meetings';
import { people } from './people';

/**
 * A photo of a meeting. The file lives content-addressed beside the archive: photos/ab/<sha256>.<ext>.
 * A card may wait for its picture (an imported report's caption whose photo was not in the paste):
 * file_hash is then null, mime '' and byte_size 0, until the clerk attaches the file.
 */
export const photos = sqliteTable(
  'photos',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    fileHash: text('file_hash'),
    mime: text('mime').notNull(),
    byteSize: integer('byte_size').notNull(),
    width: integer('width'),
    height: integer('height'),
    caption: text('caption').notNull().default(''),
    /** e.g. "Ảnh: Việt Hà". */
    credit: text('credit').notNull().default(''),
    takenAt: integer('taken_at'),
    position: integer('position').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('photos_meeting_idx').on(t.meetingId, t.position), index('photos_hash_idx').on(t.fileHash)],
);

/** People who appear in a photo (picked from the attendance list). */
export const photoPeople = sqliteTable(
  'photo_people',
  {
    photoId: text('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    personId: text('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.personId] })],
);
