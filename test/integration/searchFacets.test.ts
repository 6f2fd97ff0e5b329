import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openArchive } from '../../db/open';
import { searchMeetings } from '../../db/search/search';
import { docFacets, docFacetsReady } from '../../db/search/docFacets';
import { indexMeeting, rebuildSearchIndex } from '../../db/search/indexer';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { SearchQuery } from '../../contract/contract';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { fillRecord, makeBag } from '../helpers/makeBag';
import { addRecord } from '../helpers/meetingRecord';
import { tempDir } from '../helpers/tempArchive';

/**
 * The person and tag facets are counted from an in-memory table once it is loaded (db/search/docFacets.ts)
 * and in SQL before. A clerk would see a stale count as a wrong number beside a name: after every kind
 * of write, both ways must give the same lists, and the lists must show the write.
 */
let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const SQL_FACETS = { facetsInMemory: false };

/** The facets of a search, from the loaded in-memory table, after checking the SQL facets agree. */
async function facets(session: RecordSession, query = 'hội nghị') {
  await docFacetsReady(session.archive.sqlite);
  expect(docFacets(session.archive.sqlite)).not.toBeNull();
  const req = SearchQuery.parse({ query, limit: 200 });
  const memory = searchMeetings(session.archive, req);
  const sql = searchMeetings(session.archive, req, undefined, SQL_FACETS);
  expect(memory.facets).toEqual(sql.facets);
  return memory.facets;
}
const countOf = (list: { label: string; count: number }[], label: string) => list.find((f) => f.label === label)?.count ?? 0;

async function version(id: string) {
  return (await s.call('meetings/get', { id })).version;
}

describe('people and tag facets in memory', () => {
  it('count what SQL counts after adding and removing attendees, setting tags, trashing and restoring', async () => {
    const first = await fillRecord(s, { title: 'Hội nghị quân chính đầu năm' });
    const second = await fillRecord(s, { title: 'Hội nghị sơ kết 6 tháng', chairId: first.chairPersonId, secretaryId: first.secretaryPersonId });
    await fillRecord(s, { title: 'Hội nghị tổng kết công tác quốc phòng', chairId: first.chairPersonId });
    let f = await facets(s);
    expect(countOf(f.people, 'Trần Quang Phương')).toBe(3);
    expect(countOf(f.tags, 'Quốc phòng')).toBe(3);

    const added = await s.call('attendance/add', {
      meetingId: first.id,
      version: await version(first.id),
      person: { kind: 'new', fullName: 'Lê Thị Thu Hằng', rank: 'Trung tá', title: 'Phó Chủ nhiệm Chính trị' },
      role: 'dai_bieu',
    });
    f = await facets(s);
    expect(countOf(f.people, 'Lê Thị Thu Hằng')).toBe(1);

    await s.call('attendance/remove', { meetingId: first.id, version: await version(first.id), id: added.row.id });
    f = await facets(s);
    expect(countOf(f.people, 'Lê Thị Thu Hằng')).toBe(0);

    await s.call('tags/set', { meetingId: second.id, version: await version(second.id), names: ['Quốc phòng', 'Dân vận'] });
    f = await facets(s);
    expect(countOf(f.tags, 'Dân vận')).toBe(1);

    await s.call('meetings/trash', { id: second.id, version: await version(second.id) });
    f = await facets(s);
    expect(countOf(f.people, 'Trần Quang Phương')).toBe(2);
    expect(countOf(f.tags, 'Dân vận')).toBe(0);

    await s.call('meetings/restore', { id: second.id });
    f = await facets(s);
    expect(countOf(f.people, 'Trần Quang Phương')).toBe(3);
    expect(countOf(f.tags, 'Dân vận')).toBe(1);
  });

  it('tell namesakes apart when one replaces the other in one write (the indexed text does not change)', async () => {
    const m = await s.meeting({ title: 'Hội nghị cán bộ chủ chốt' });
    const first = await s.call('attendance/add', {
      meetingId: m.id,
      version: m.version,
      person: { kind: 'new', fullName: 'Nguyễn Văn Hùng', rank: 'Đại tá', title: 'Chính ủy' },
      role: 'dai_bieu',
    });
    const other = await s.call('people/create', { fullName: 'Nguyễn Văn Hùng', rank: 'Đại tá', title: 'Chính ủy', unit: '', notes: '' });
    const before = await facets(s);
    expect(before.people.map((p) => p.value)).toEqual([first.row.personId]);

    // As a merge replaces a meeting's parts with those of the other PC: the namesake's row, same words.
    s.archive.sqlite.transaction(() => {
      s.archive.sqlite.prepare('UPDATE attendance SET person_id = ? WHERE id = ?').run(other.id, first.row.id);
      indexMeeting(s.archive, m.id);
    })();
    const after = await facets(s);
    expect(after.people.map((p) => p.value)).toEqual([other.id]);
  });

  it('a write rolled back leaves the counts as they were, even after a search inside it', async () => {
    const r = await fillRecord(s, { title: 'Hội nghị giao ban quý' });
    await facets(s);
    const archive = s.archive;
    expect(() =>
      archive.sqlite.transaction(() => {
        archive.sqlite.prepare('DELETE FROM attendance WHERE meeting_id = ?').run(r.id);
        archive.sqlite.prepare('DELETE FROM meeting_tags WHERE meeting_id = ?').run(r.id);
        indexMeeting(archive, r.id);
        addRecord(archive, { title: 'Hội nghị không được lưu', attendees: [{ name: 'Phạm Hồng Sơn' }], tags: ['Dân vận'] });
        // A search inside the transaction sees its uncommitted rows…
        const inside = searchMeetings(archive, SearchQuery.parse({ query: 'hội nghị' }));
        expect(countOf(inside.facets.people, 'Phạm Hồng Sơn')).toBe(1);
        expect(countOf(inside.facets.people, 'Trần Quang Phương')).toBe(0);
        throw new Error('mất điện giữa chừng');
      })(),
    ).toThrow('mất điện');
    // …and after the rollback none of them is counted.
    const f = await facets(s);
    expect(countOf(f.people, 'Trần Quang Phương')).toBe(1);
    expect(countOf(f.people, 'Phạm Hồng Sơn')).toBe(0);
    expect(f.tags.map((t) => t.label)).toEqual(['Quốc phòng']);
  });

  it('a merge from another PC is counted', async () => {
    const other = await recordSession();
    const bags = tempDir('hoso-bags-');
    try {
      await fillRecord(s, { title: 'Hội nghị triển khai nhiệm vụ' });
      await facets(s);
      const theirs = await fillRecord(other, { title: 'Hội nghị phối hợp với địa phương' });
      await other.call('attendance/add', {
        meetingId: theirs.id,
        version: await other.call('meetings/get', { id: theirs.id }).then((m) => m.version),
        person: { kind: 'new', fullName: 'Võ Minh Lương', rank: 'Thượng tướng', title: 'Thứ trưởng' },
        role: 'dai_bieu',
      });
      const bag = await makeBag(other.archive, join(bags.dir, 'bag'));
      const plan = await previewMerge(s.archive, bag);
      await applyMerge(s.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, { actor: 'Văn thư' });
      const f = await facets(s);
      expect(countOf(f.people, 'Võ Minh Lương')).toBe(1);
      expect(countOf(f.tags, 'Quốc phòng')).toBe(2);
    } finally {
      other.cleanup();
      bags.cleanup();
    }
  });

  it('a commit by another process is counted once the table is loaded again; meanwhile SQL counts it', async () => {
    await fillRecord(s, { title: 'Hội nghị quân chính' });
    await facets(s);
    const cli = await openArchive({ file: s.archive.sqlite.name });
    try {
      addRecord(cli, { title: 'Hội nghị do máy khác ghi', attendees: [{ name: 'Đỗ Thị Mai' }], tags: ['Dân vận'] });
    } finally {
      cli.close();
    }
    // Right after the other commit the table is stale: searches count in SQL until it is loaded again.
    const meanwhile = searchMeetings(s.archive, SearchQuery.parse({ query: 'hội nghị' }));
    expect(docFacets(s.archive.sqlite)).toBeNull();
    expect(countOf(meanwhile.facets.people, 'Đỗ Thị Mai')).toBe(1);
    const f = await facets(s);
    expect(countOf(f.people, 'Đỗ Thị Mai')).toBe(1);
    expect(countOf(f.tags, 'Dân vận')).toBe(1);
  });

  it('a rebuilt index (new docids) gets a new table with the same counts', async () => {
    await fillRecord(s, { title: 'Hội nghị sơ kết' });
    addRecord(s.archive, { title: 'Hội nghị tập huấn', attendees: [{ name: 'Đỗ Thị Mai' }] });
    const before = await facets(s);
    rebuildSearchIndex(s.archive);
    expect(docFacets(s.archive.sqlite)).toBeNull();
    expect(await facets(s)).toEqual(before);
  });

  it('more than 20 people with the same count: the first 20 by name, both ways', async () => {
    const names = Array.from({ length: 24 }, (_, i) => `Đại biểu ${String.fromCharCode(0x41 + ((i * 7) % 24))} ${i}`);
    addRecord(s.archive, { title: 'Hội nghị đại biểu', attendees: names.map((name) => ({ name })) });
    const f = await facets(s);
    expect(f.people).toHaveLength(20);
    const sorted = s.archive.sqlite.prepare('SELECT full_name FROM people ORDER BY name_sort, id LIMIT 20').pluck().all();
    expect(f.people.map((p) => p.label)).toEqual(sorted);
  });
});
