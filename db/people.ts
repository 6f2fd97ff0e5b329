import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Archive, Connection } from './open';
import { people, type PersonRow } from './schema';
import { cachedStatement } from './statementCache';
import { uuidv7 } from './ids';
import { nameSortKey } from '../contract/vietnamese/collation';
import { foldVietnamese } from '../contract/vietnamese/fold';
import { appendAudit } from './audit';
import { indexMeeting } from './search/indexer';
import { HosoError } from '../contract/errors';
import type { PeoplePage, Person, PersonFields } from '../contract/contract';

export function toPerson(row: PersonRow): Person {
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

/** A person's directory columns as written: the name exactly as given, with its sort and search keys. */
export interface PersonColumns {
  fullName: string;
  rank: string;
  title: string;
  unit: string;
  notes: string;
}

/** The person's keys derived from the name: Vietnamese name order and the folded form lookups match. */
function nameKeys(fullName: string) {
  return { nameSort: nameSortKey(fullName), nameFolded: foldVietnamese(fullName) };
}

/**
 * Writes a new person row. Every writer of the directory (the screens, a merge, the demo) comes here,
 * so the name's sort and search keys are always derived the same way.
 */
export function insertPersonRow(sqlite: Connection, p: PersonRecord): void {
  cachedStatement(
    sqlite,
    `INSERT INTO people (id, full_name, name_sort, name_folded, rank, title, unit, notes, version, created_at, updated_at)
     VALUES (@id, @fullName, @nameSort, @nameFolded, @rank, @title, @unit, @notes, @version, @createdAt, @updatedAt)`,
  ).run({
    id: p.id,
    fullName: p.fullName,
    ...nameKeys(p.fullName),
    rank: p.rank,
    title: p.title,
    unit: p.unit,
    notes: p.notes,
    version: p.version,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  });
}

/** Overwrites a person's directory columns and moves the row to its next version. */
export function updatePersonRow(sqlite: Connection, id: string, p: PersonColumns, updatedAt: number): void {
  cachedStatement(
    sqlite,
    `UPDATE people SET full_name = @fullName, name_sort = @nameSort, name_folded = @nameFolded, rank = @rank, title = @title,
            unit = @unit, notes = @notes, version = version + 1, updated_at = @updatedAt
     WHERE id = @id`,
  ).run({ id, fullName: p.fullName, ...nameKeys(p.fullName), rank: p.rank, title: p.title, unit: p.unit, notes: p.notes, updatedAt });
}

/** The person's name is in the search entry of every meeting they attended: those entries follow a rename. */
export function reindexMeetingsOf(archive: Pick<Archive, 'sqlite'>, personId: string): void {
  const attended = cachedStatement(archive.sqlite, 'SELECT DISTINCT meeting_id FROM attendance WHERE person_id = ?')
    .pluck()
    .all(personId) as string[];
  for (const id of attended) indexMeeting(archive, id);
}

/** A person as a bag's meeting JSON and a merge see them: the directory columns with id, version and times. */
export type PersonRecord = PersonColumns & { id: string; version: number; createdAt: number; updatedAt: number };

/** A person's row as the directory holds it (deleted or not), or undefined. */
export function personRow(archive: Pick<Archive, 'sqlite'>, id: string): PersonRecord | undefined {
  return cachedStatement(
    archive.sqlite,
    'SELECT id, full_name AS fullName, rank, title, unit, notes, version, created_at AS createdAt, updated_at AS updatedAt FROM people WHERE id = ?',
  ).get(id) as PersonRecord | undefined;
}

function fieldColumns(fields: PersonFields): PersonColumns {
  return {
    fullName: fields.fullName.normalize('NFC').replace(/\s+/g, ' ').trim(),
    rank: fields.rank,
    title: fields.title,
    unit: fields.unit,
    notes: fields.notes,
  };
}

/** A person's row in the directory (not in the trash), or NOT_FOUND. */
export function liveRow(archive: Archive, id: string): PersonRow {
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
  const columns = fieldColumns(fields);
  const row: PersonRow = {
    id: uuidv7(now),
    ...columns,
    ...nameKeys(columns.fullName),
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    mergedInto: null,
  };
  archive.sqlite.transaction(() => {
    insertPersonRow(archive.sqlite, row);
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
    const columns = fieldColumns(fields);
    const after: PersonRow = { ...before, ...columns, ...nameKeys(columns.fullName), version: before.version + 1, updatedAt: now };
    updatePersonRow(archive.sqlite, id, columns, now);
    reindexMeetingsOf(archive, id);
    appendAudit(
      archive,
      { actor, action: 'update', entity: 'person', entityId: id, before: toPerson(before), after: toPerson(after) },
      now,
    );
    return toPerson(after);
  })();
}

/**
 * The ids of the meetings (live or in the trash) that use the person @id: as an attendee, in a photo, or
 * as a task's assignee. Every reference to a person in the schema is one of these three.
 */
export const MEETINGS_USING_SQL = `SELECT meeting_id FROM attendance WHERE person_id = @id
  UNION SELECT p.meeting_id FROM photo_people pp JOIN photos p ON p.id = pp.photo_id WHERE pp.person_id = @id
  UNION SELECT meeting_id FROM conclusions WHERE assignee_person_id = @id`;

/** How many meetings use a person. */
function meetingsUsing(archive: Archive, id: string): number {
  const row = archive.sqlite.prepare(`SELECT count(*) AS n FROM (${MEETINGS_USING_SQL})`).get({ id }) as { n: number };
  return row.n;
}

/**
 * Deletes a directory entry that no meeting uses (one typed twice, a typo). Like a meeting, it goes to
 * the trash (DESIGN §3): the row stays, marked `deleted_at`, out of the directory's lists and lookups, and
 * the audit log keeps it as it was. A person some meeting uses, even one in the trash, is refused with
 * PERSON_IN_USE: the records say who attended, and deleting would change them.
 */
export function deletePerson(archive: Archive, id: string, expectedVersion: number, actor: string, now: number = Date.now()) {
  return archive.sqlite.transaction(() => {
    const before = liveRow(archive, id);
    if (before.version !== expectedVersion) throw new HosoError('VERSION_CONFLICT');
    if (meetingsUsing(archive, id) > 0) throw new HosoError('PERSON_IN_USE');
    archive.sqlite.prepare('UPDATE people SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(now, now, id);
    appendAudit(archive, { actor, action: 'delete', entity: 'person', entityId: id, before: toPerson(before) }, now);
    return { deleted: true as const };
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

