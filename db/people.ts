import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Archive } from './open';
import { people, type PersonRow } from './schema';
import { uuidv7 } from './ids';
import { nameSortKey } from '../contract/vietnamese/collation';
import { foldVietnamese } from '../contract/vietnamese/fold';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { HosoError } from '../contract/errors';
import type { PeoplePage, Person, PersonFields } from '../contract/contract';

function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    fullName: row.fullName,
    rank: row.rank,
    title: row.title,
    unit: row.unit,
    notes: row.notes,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function fieldColumns(fields: PersonFields) {
  const fullName = fields.fullName.normalize('NFC').replace(/\s+/g, ' ').trim();
  return {
    fullName,
    nameSort: nameSortKey(fullName),
    nameFolded: foldVietnamese(fullName),
    rank: fields.rank,
    title: fields.title,
    unit: fields.unit,
    notes: fields.notes,
  };
}

function liveRow(archive: Archive, id: string): PersonRow {
  const row = archive.db
    .select()
    .from(people)
    .where(and(eq(people.id, id), isNull(people.deletedAt)))
    .get();
  if (!row) throw new HosoError('NOT_FOUND');
  return row;
}

export function getPerson(archive: Archive, id: string): Person {
  return toPerson(liveRow(archive, id));
}

export function createPerson(archive: Archive, fields: PersonFields, actor: string, now: number = Date.now()): Person {
  const row: PersonRow = {
    id: uuidv7(now),
    ...fieldColumns(fields),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  archive.sqlite.transaction(() => {
    archive.db.insert(people).values(row).run();
    appendAudit(archive, { actor, action: 'create', entity: 'person', entityId: row.id, after: toPerson(row) }, now);
  })();
  return toPerson(row);
}

export function updatePerson(
  archive: Archive,
  id: string,
  expectedVersion: number,
  fields: PersonFields,
  actor: string,
  now: number = Date.now(),
): Person {
  return archive.sqlite.transaction(() => {
    const before = liveRow(archive, id);
    if (before.version !== expectedVersion) throw new HosoError('VERSION_CONFLICT');
    const after: PersonRow = { ...before, ...fieldColumns(fields), version: before.version + 1, updatedAt: now };
    archive.db
      .update(people)
      .set({ ...fieldColumns(fields), version: after.version, updatedAt: now })
      .where(eq(people.id, id))
      .run();
    // The person's name is part of every meeting they attended: those index entries change with it.
    const attended = archive.sqlite.prepare('SELECT meeting_id AS id FROM attendance WHERE person_id = ?').all(id) as { id: string }[];
    for (const m of attended) indexMeeting(archive, m.id);
    appendAudit(
      archive,
      { actor, action: 'update', entity: 'person', entityId: id, before: toPerson(before), after: toPerson(after) },
      now,
    );
    return toPerson(after);
  })();
}

/** Escapes LIKE wildcards so a clerk typing "%" or "_" searches for those characters. */
function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The directory in Vietnamese name order (given name, middle, family). `query` matches anywhere in the
 * folded name, so "nguyen van" finds "Nguyễn Văn An" and "tuyen" finds "Nguyễn Thị Tuyến".
 */
export function listPeople(archive: Archive, query: { query: string; offset: number; limit: number }): PeoplePage {
  const folded = foldVietnamese(query.query.replace(/\s+/g, ' ').trim());
  const where = folded
    ? and(isNull(people.deletedAt), sql`${people.nameFolded} LIKE ${likeContains(folded)} ESCAPE '\\'`)
    : isNull(people.deletedAt);
  const total = archive.db
    .select({ n: sql<number>`count(*)` })
    .from(people)
    .where(where)
    .get()!.n;
  const rows = archive.db
    .select()
    .from(people)
    .where(where)
    .orderBy(people.nameSort, people.id)
    .limit(query.limit)
    .offset(query.offset)
    .all();
  return { total, rows: rows.map(toPerson) };
}

export function countPeople(archive: Archive): number {
  return (archive.sqlite.prepare('SELECT count(*) AS n FROM people WHERE deleted_at IS NULL').get() as { n: number }).n;
}

