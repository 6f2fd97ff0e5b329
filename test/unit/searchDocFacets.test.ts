import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DocFacets } from '../../db/search/docFacets';
import { seededRandom } from '../helpers/seededRandom';

/**
 * The in-memory facet table keeps every meeting's list in one pool that it rewrites and compacts as
 * lists change. After thousands of random rewrites (longer, shorter, emptied) its counts must equal a
 * plain model's, with ties ordered by name as SQL orders them.
 */
describe('DocFacets', () => {
  it('counts the people and tags of any set of meetings after many rewrites, ties by name', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE people (id TEXT PRIMARY KEY, full_name TEXT NOT NULL, name_sort TEXT NOT NULL);
             CREATE TABLE tags (id TEXT PRIMARY KEY, name TEXT NOT NULL);`);
    const personIds = Array.from({ length: 300 }, (_, i) => `p${i}`);
    const tagIds = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const insertPerson = db.prepare('INSERT INTO people VALUES (?, ?, ?)');
    personIds.forEach((id, i) => insertPerson.run(id, `Người số ${i}`, `nguoi ${String((i * 37) % 300).padStart(3, '0')}`));
    tagIds.forEach((id, i) => db.prepare('INSERT INTO tags VALUES (?, ?)').run(id, `Thẻ ${String.fromCharCode(0x41 + ((i * 5) % 12))}`));

    const random = seededRandom(20261122);
    const pick = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => list[Math.floor(random() * list.length)]!))];
    const facets = new DocFacets();
    const model = new Map<number, { people: string[]; tags: string[] }>();
    const write = (docid: number) => {
      const doc = { people: pick(personIds, Math.floor(random() * 30)), tags: pick(tagIds, Math.floor(random() * 4)) };
      model.set(docid, doc);
      facets.setDoc(docid, doc.people, doc.tags);
    };
    for (let d = 1; d <= 5000; d++) write(d);
    for (let i = 0; i < 20000; i++) write(1 + Math.floor(random() * 6000));

    const expected = (docids: number[], of: 'people' | 'tags') => {
      const counts = new Map<string, number>();
      for (const d of docids) for (const id of model.get(d)?.[of] ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    };
    for (const size of [1, 50, 2000]) {
      const docids = Array.from({ length: size }, (_, i) => 1 + ((i * 2654435761) % 6000)).sort((a, b) => a - b);
      const sample = Int32Array.from(new Set(docids));
      const people = facets.topPeople(db, sample);
      const peopleCounts = expected(Array.from(sample), 'people');
      const sortOf = (id: string) => (db.prepare('SELECT name_sort FROM people WHERE id = ?').pluck().get(id) as string);
      const wantPeople = [...peopleCounts]
        .sort((a, b) => b[1] - a[1] || (sortOf(a[0]) < sortOf(b[0]) ? -1 : sortOf(a[0]) > sortOf(b[0]) ? 1 : 0))
        .slice(0, 20)
        .map(([id, count]) => ({ value: id, count }));
      expect(people.map((p) => ({ value: p.value, count: p.count }))).toEqual(wantPeople);

      const tags = facets.topTags(db, sample);
      const tagName = (id: string) => db.prepare('SELECT name FROM tags WHERE id = ?').pluck().get(id) as string;
      const wantTags = [...expected(Array.from(sample), 'tags')]
        .map(([id, count]) => ({ value: tagName(id), count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
        .slice(0, 20);
      expect(tags.map((t) => ({ value: t.value, count: t.count }))).toEqual(wantTags);
    }
    db.close();
  });
});
