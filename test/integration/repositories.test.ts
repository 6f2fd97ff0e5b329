import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open';
import { createMeeting, getMeeting, listMeetings, meetingFacets, updateMeeting } from '../../db/meetings';
import { createPerson, listPeople, updatePerson } from '../../db/people';
import { getSettings, updateSettings } from '../../db/settings';
import { verifyAuditChain } from '../../db/audit';
import { searchMeetings } from '../../db/search/search';
import { abbreviationIndexFor } from '../../db/search/abbreviations';
import { MeetingFields, MeetingListQuery, PersonFields } from '../../contract/contract';
import { tempArchive } from '../helpers/tempArchive';

let archive: Archive;
let cleanup: () => void;
beforeEach(async () => {
  ({ archive, cleanup } = await tempArchive());
});
afterEach(() => cleanup());

const meeting = (over: Partial<MeetingFields> = {}) =>
  MeetingFields.parse({
    title: 'Hội nghị công tác quân sự, quốc phòng',
    kind: 'Hội nghị',
    meetingDate: '2025-05-26',
    startTime: '14:00',
    endTime: null,
    location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    organizer: 'Đảng ủy Quân sự tỉnh',
    ...over,
  });
const SEARCH = { sort: 'relevance', offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null } as const;
const list = (q: Partial<MeetingListQuery> = {}) => listMeetings(archive, MeetingListQuery.parse(q));

describe('meetings', () => {
  it('lists newest first by default, undated drafts last', () => {
    createMeeting(archive, meeting({ title: 'Giao ban tháng 3', meetingDate: '2024-03-04' }), 'thư ký');
    createMeeting(archive, meeting({ title: 'Bản nháp chưa có ngày', meetingDate: null }), 'thư ký');
    createMeeting(archive, meeting({ title: 'Sơ kết 6 tháng', meetingDate: '2025-07-08' }), 'thư ký');
    expect(list().rows.map((r) => r.title)).toEqual(['Sơ kết 6 tháng', 'Giao ban tháng 3', 'Bản nháp chưa có ngày']);
    expect(list({ dir: 'asc' }).rows.map((r) => r.title)).toEqual(['Giao ban tháng 3', 'Sơ kết 6 tháng', 'Bản nháp chưa có ngày']);
  });

  it('sorts titles in Vietnamese alphabetical order (Đ after D, Ư after U)', () => {
    for (const title of ['Ưu tiên ngân sách', 'Đánh giá kết quả', 'Dự thảo quy chế', 'Ủy ban nhân dân làm việc', 'Bàn giao']) {
      createMeeting(archive, meeting({ title }), 'thư ký');
    }
    expect(list({ sort: 'title', dir: 'asc' }).rows.map((r) => r.title)).toEqual([
      'Bàn giao',
      'Dự thảo quy chế',
      'Đánh giá kết quả',
      'Ủy ban nhân dân làm việc',
      'Ưu tiên ngân sách',
    ]);
  });

  it('filters by year and kind, pages with offset/limit, and counts facets', () => {
    for (let i = 0; i < 30; i++) {
      createMeeting(
        archive,
        meeting({ meetingDate: `${2023 + (i % 3)}-0${1 + (i % 9)}-15`, kind: i % 2 ? 'Giao ban' : 'Hội nghị', title: `Cuộc họp ${i}` }),
        'thư ký',
      );
    }
    const y2024 = list({ year: 2024 });
    expect(y2024.total).toBe(10);
    expect(y2024.rows.every((r) => r.meetingDate!.startsWith('2024'))).toBe(true);
    expect(list({ year: 2024, kind: 'Giao ban' }).total).toBe(5);
    const page1 = list({ limit: 7 });
    const page2 = list({ limit: 7, offset: 7 });
    expect(page1.rows).toHaveLength(7);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(14);
    const facets = meetingFacets(archive);
    expect(facets.years).toEqual([
      { year: 2025, count: 10 },
      { year: 2024, count: 10 },
      { year: 2023, count: 10 },
    ]);
    expect(facets.kinds).toEqual(expect.arrayContaining([{ kind: 'Giao ban', count: 15 }, { kind: 'Hội nghị', count: 15 }]));
  });

  it('refuses a save based on a stale version instead of overwriting the other window', () => {
    const m = createMeeting(archive, meeting(), 'thư ký A');
    const saved = updateMeeting(archive, m.id, 1, meeting({ location: 'Phòng họp số 2' }), 'thư ký A');
    expect(saved.version).toBe(2);
    expect(() => updateMeeting(archive, m.id, 1, meeting({ location: 'Phòng họp số 3' }), 'thư ký B')).toThrow(
      expect.objectContaining({ code: 'VERSION_CONFLICT' }),
    );
    expect(getMeeting(archive, m.id).location).toBe('Phòng họp số 2');
  });

  it('records every change in the audit chain, who and what', () => {
    const m = createMeeting(archive, meeting(), 'Nguyễn Thị Hoa');
    updateMeeting(archive, m.id, 1, meeting({ title: 'Hội nghị (đã sửa tên)' }), 'Nguyễn Thị Hoa');
    const entries = archive.sqlite.prepare('SELECT actor, action, entity_id AS id, before, after FROM audit_log ORDER BY seq').all() as {
      actor: string;
      action: string;
      id: string;
      before: string | null;
      after: string;
    }[];
    expect(entries.map((e) => [e.actor, e.action, e.id])).toEqual([
      ['Nguyễn Thị Hoa', 'create', m.id],
      ['Nguyễn Thị Hoa', 'update', m.id],
    ]);
    expect(JSON.parse(entries[1]!.before!).title).toBe('Hội nghị công tác quân sự, quốc phòng');
    expect(JSON.parse(entries[1]!.after).title).toBe('Hội nghị (đã sửa tên)');
    expect(verifyAuditChain(archive)).toMatchObject({ ok: true, entries: 2 });
  });

  it('detects an audit entry edited behind the app’s back', () => {
    const m = createMeeting(archive, meeting(), 'thư ký');
    updateMeeting(archive, m.id, 1, meeting({ title: 'Tên mới' }), 'thư ký');
    updateMeeting(archive, m.id, 2, meeting({ title: 'Tên mới hơn' }), 'thư ký');
    archive.sqlite.prepare("UPDATE audit_log SET actor = 'người lạ' WHERE seq = 2").run();
    expect(verifyAuditChain(archive)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });

  it('keeps minutes as plain text plus escaped HTML paragraphs', () => {
    const m = createMeeting(archive, meeting({ minutesText: 'Đoạn một <script>x</script>\n\nĐoạn hai' }), 'thư ký');
    expect(m.minutesHtml).toBe('<p>Đoạn một &lt;script&gt;x&lt;/script&gt;</p><p>Đoạn hai</p>');
  });

  it('keeps the secrecy level: Thường by default, changed only when given, every change in the audit log', () => {
    const m = createMeeting(archive, meeting(), 'thư ký');
    expect(m.secrecy).toBe('thuong');
    const mat = updateMeeting(archive, m.id, 1, meeting({ secrecy: 'mat' }), 'thư ký');
    expect(mat.secrecy).toBe('mat');
    // A write that does not name the level (CLI, import, an older client) leaves it alone.
    expect(updateMeeting(archive, m.id, 2, meeting({ title: 'Tên mới' }), 'thư ký').secrecy).toBe('mat');
    expect(createMeeting(archive, meeting({ secrecy: 'toi_mat' }), 'thư ký').secrecy).toBe('toi_mat');
    const entry = archive.sqlite.prepare("SELECT before, after FROM audit_log WHERE entity = 'meeting' AND entity_id = ? AND action = 'update' ORDER BY seq LIMIT 1").get(m.id) as { before: string; after: string };
    expect([JSON.parse(entry.before).secrecy, JSON.parse(entry.after).secrecy]).toEqual(['thuong', 'mat']);
  });

  it('stores rich-text minutes sanitized, with their text derived and indexed', () => {
    const m = createMeeting(archive, meeting(), 'thư ký');
    const html =
      '<h2>Diễn biến</h2><p onclick="x()">Ý kiến <strong>thống nhất</strong><script>alert(1)</script></p>' +
      '<table><tbody><tr><th>Đơn vị</th><th>Kết quả</th></tr><tr><td><p>Xã Phú Mỹ</p></td><td><p>Đạt 97%</p></td></tr></tbody></table>';
    const saved = updateMeeting(archive, m.id, 1, meeting({ minutesHtml: html }), 'thư ký');
    expect(saved.minutesHtml).not.toMatch(/script|onclick|alert/);
    expect(saved.minutesHtml).toContain('<td><p>Xã Phú Mỹ</p></td>');
    expect(saved.minutesText).toBe('Diễn biến\n\nÝ kiến thống nhất\n\nĐơn vị | Kết quả\nXã Phú Mỹ | Đạt 97%');
    // A word only in a table cell is found, without its marks too.
    const hits = searchMeetings(archive, { ...SEARCH, query: 'phu my' }, abbreviationIndexFor([]));
    expect(hits.rows.map((r) => r.id)).toEqual([m.id]);
    expect(hits.rows[0]!.snippet.html).toContain('Xã <mark>Phú Mỹ</mark> | Đạt 97%');
    // Clearing the editor clears both.
    const cleared = updateMeeting(archive, m.id, 2, meeting({ minutesHtml: '' }), 'thư ký');
    expect([cleared.minutesHtml, cleared.minutesText]).toEqual(['', '']);
  });
});

describe('people', () => {
  const person = (fullName: string, over: Partial<PersonFields> = {}) => PersonFields.parse({ fullName, ...over });

  it('finds people by name typed without marks, in Vietnamese name order', () => {
    for (const n of ['Nguyễn Văn Thắng', 'Trần Sỹ Thanh', 'Nguyễn Thị Tuyến', 'Nguyễn Văn An', 'Lê Huy Vịnh']) {
      createPerson(archive, person(n), 'thư ký');
    }
    expect(listPeople(archive, { query: 'nguyen van', offset: 0, limit: 50 }).rows.map((p) => p.fullName)).toEqual([
      'Nguyễn Văn An',
      'Nguyễn Văn Thắng',
    ]);
    expect(listPeople(archive, { query: 'TUYEN', offset: 0, limit: 50 }).rows.map((p) => p.fullName)).toEqual(['Nguyễn Thị Tuyến']);
    expect(listPeople(archive, { query: '', offset: 0, limit: 50 }).rows.map((p) => p.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Sỹ Thanh',
      'Nguyễn Văn Thắng',
      'Nguyễn Thị Tuyến',
      'Lê Huy Vịnh',
    ]);
  });

  it('treats % and _ typed by a clerk as plain characters', () => {
    createPerson(archive, person('Phạm Hoài Nam'), 'thư ký');
    expect(listPeople(archive, { query: '%', offset: 0, limit: 50 }).total).toBe(0);
    expect(listPeople(archive, { query: '_', offset: 0, limit: 50 }).total).toBe(0);
  });

  it('updates with a version check and keeps the new rank', () => {
    const p = createPerson(archive, person('Phan Văn Giang', { rank: 'Thượng tướng' }), 'thư ký');
    const updated = updatePerson(archive, p.id, 1, person('Phan Văn Giang', { rank: 'Đại tướng' }), 'thư ký');
    expect(updated).toMatchObject({ rank: 'Đại tướng', version: 2 });
    expect(() => updatePerson(archive, p.id, 1, person('Phan Văn Giang'), 'thư ký')).toThrow(
      expect.objectContaining({ code: 'VERSION_CONFLICT' }),
    );
  });
});

describe('settings', () => {
  it('starts from sensible defaults and keeps what the clerk saves', () => {
    expect(getSettings(archive)).toMatchObject({ documentVariant: 'state', language: 'vi', issuingAgency: '' });
    expect(getSettings(archive).meetingKinds).toContain('Hội nghị');
    updateSettings(archive, { issuingAgency: 'VĂN PHÒNG UBND TỈNH', placeName: 'Bắc Ninh', signerAuthority: 'TL.' }, 'thư ký');
    expect(getSettings(archive)).toMatchObject({ issuingAgency: 'VĂN PHÒNG UBND TỈNH', placeName: 'Bắc Ninh', signerAuthority: 'TL.' });
  });

  it('falls back to the default for a stored value that no longer parses', () => {
    archive.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('documentVariant', '\"bogus\"', 0)").run();
    archive.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('placeName', 'not json', 0)").run();
    expect(getSettings(archive)).toMatchObject({ documentVariant: 'state', placeName: '' });
  });
});
