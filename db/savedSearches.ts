import { desc, eq } from 'drizzle-orm';
import type { Archive } from './open';
import { savedSearches } from './schema';
import { uuidv7 } from './ids';
import type { SavedSearch } from '../contract/contract';

export function listSavedSearches(archive: Archive): SavedSearch[] {
  return archive.db.select().from(savedSearches).orderBy(desc(savedSearches.createdAt)).all();
}

export function createSavedSearch(archive: Archive, fields: { name: string; query: string }, now: number = Date.now()): SavedSearch {
  const row = { id: uuidv7(now), name: fields.name, query: fields.query, createdAt: now };
  archive.db.insert(savedSearches).values(row).run();
  return row;
}

export function deleteSavedSearch(archive: Archive, id: string): boolean {
  return archive.db.delete(savedSearches).where(eq(savedSearches.id, id)).run().changes > 0;
}
