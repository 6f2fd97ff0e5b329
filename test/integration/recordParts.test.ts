import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSession, type RecordSession } from '../helpers/recordSession';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

describe('conclusions and tasks', () => {
  it('keeps conclusions in order, any of them a task; reorders; clears task data from a plain conclusion', async () => {
    const m = await s.meeting();
    const a = await s.call('conclusions/add', { meetingId: m.id, version: 1, fields: { text: 'Hai bên thống nhất tiếp tục phối hợp chặt chẽ.' } });
    const b = await s.call('conclusions/add', {
      meetingId: m.id,
      version: a.meetingVersion,
      fields: { text: 'Bộ CHQS tỉnh tham mưu kế hoạch diễn tập khu vực phòng thủ.', isTask: true, assigneeUnit: 'Bộ CHQS tỉnh', deadline: '2025-09-30' },
    });
    expect(b.row).toMatchObject({ isTask: true, taskStatus: 'chua_lam', assigneeUnit: 'Bộ CHQS tỉnh', deadline: '2025-09-30', position: 1 });
    const r = await s.call('conclusions/reorder', { meetingId: m.id, version: b.meetingVersion, ids: [b.row.id, a.row.id] });
    const list = await s.call('conclusions/list', { meetingId: m.id });
    expect(list.rows.map((c) => [c.position, c.id])).toEqual([[0, b.row.id], [1, a.row.id]]);
    expect(list.meetingVersion).toBe(r.meetingVersion);

    const mixed = await s.dispatch('conclusions/update', { meetingId: m.id, version: r.meetingVersion, id: a.row.id, fields: { text: 'x', deadline: '2025-01-01' } });
    expect(!mixed.ok && mixed.error.message).toContain('chỉ dùng khi kết luận là một nhiệm vụ');
    const plain = await s.call('conclusions/update', { meetingId: m.id, version: r.meetingVersion, id: b.row.id, fields: { text: b.row.text } });
    expect(plain.row).toMatchObject({ isTask: false, taskStatus: null, deadline: null, assigneeUnit: '' });
    expect(s.found('"dien tap khu vuc phong thu"')).toEqual([m.id]);
    expect(s.indexOk()).toBe(true);
  });

  it('lists every meeting’s tasks: overdue first, then by deadline; filters by status, overdue and assignee', async () => {
    const chief = await s.call('people/create', { fullName: 'Trịnh Minh Khoa', rank: 'Đại tá' });
    const m1 = await s.meeting({ title: 'Giao ban tháng 6', meetingDate: '2025-06-02' });
    const m2 = await s.meeting({ title: 'Hội nghị sơ kết', meetingDate: '2025-07-01' });
    const versions: Record<string, number> = { [m1.id]: 1, [m2.id]: 1 };
    const task = async (meetingId: string, text: string, more: Record<string, unknown>) => {
      const r = await s.call('conclusions/add', { meetingId, version: versions[meetingId], fields: { text, isTask: true, ...more } });
      versions[meetingId] = r.meetingVersion;
      return r.row;
    };
    await task(m1.id, 'Rà soát quy chế phối hợp', { deadline: '2025-08-15', assigneeUnit: 'Văn phòng' });
    const late = await task(m1.id, 'Báo cáo kết quả diễn tập', { deadline: '2025-06-30', assigneePersonId: chief.id });
    await task(m2.id, 'Hoàn thiện đề án', { deadline: '2025-06-10', taskStatus: 'hoan_thanh', assigneeUnit: 'Sở Tài chính' });
    await task(m2.id, 'Tổng hợp ý kiến', { assigneeUnit: 'Sở Tài chính' });
    await task(m2.id, 'Kiểm tra tiến độ', { deadline: '2025-07-05', assigneeUnit: 'Sở Xây dựng' });
    await task(m2.id, 'Hủy bỏ việc cũ', { deadline: '2025-05-01', taskStatus: 'huy' });
    versions[m2.id] = (await s.call('conclusions/add', { meetingId: m2.id, version: versions[m2.id], fields: { text: 'Không phải nhiệm vụ' } })).meetingVersion;

    const all = await s.call('tasks/list', { today: '2025-07-10' });
    expect(all.rows.map((t) => [t.text, t.overdue])).toEqual([
      ['Báo cáo kết quả diễn tập', true],
      ['Kiểm tra tiến độ', true],
      ['Hủy bỏ việc cũ', false],
      ['Hoàn thiện đề án', false],
      ['Rà soát quy chế phối hợp', false],
      ['Tổng hợp ý kiến', false],
    ]);
    expect([all.total, all.overdue]).toEqual([6, 2]);
    expect(all.rows[0]).toMatchObject({ assigneeName: 'Trịnh Minh Khoa', meetingTitle: 'Giao ban tháng 6', meetingDate: '2025-06-02' });
    expect((await s.call('tasks/list', { today: '2025-07-10', overdue: true })).rows.map((t) => t.text)).toEqual(['Báo cáo kết quả diễn tập', 'Kiểm tra tiến độ']);
    expect((await s.call('tasks/list', { today: '2025-07-10', status: ['hoan_thanh', 'huy'] })).total).toBe(2);
    expect((await s.call('tasks/list', { today: '2025-07-10', assignee: 'so tai chinh' })).rows.map((t) => t.text)).toEqual(['Hoàn thiện đề án', 'Tổng hợp ý kiến']);
    expect((await s.call('tasks/list', { today: '2025-07-10', assignee: 'khoa' })).rows.map((t) => t.id)).toEqual([late.id]);
    expect((await s.call('tasks/list', { today: '2025-07-10', assigneePersonId: chief.id })).total).toBe(1);

    // Done is no longer overdue; a trashed meeting's tasks leave the list.
    const done = await s.call('tasks/set-status', { meetingId: m1.id, version: versions[m1.id], id: late.id, status: 'hoan_thanh' });
    expect(done.row.doneAt).toEqual(expect.any(Number));
    expect((await s.call('tasks/list', { today: '2025-07-10' })).overdue).toBe(1);
    await s.call('meetings/trash', { id: m2.id, version: versions[m2.id] });
    expect((await s.call('tasks/list', { today: '2025-07-10' })).rows.map((t) => t.text)).toEqual(['Báo cáo kết quả diễn tập', 'Rà soát quy chế phối hợp']);
  });
});

describe('document references', () => {
  it('normalizes số và ký hiệu, names the type from it, refuses duplicates and non-numbers', async () => {
    const m = await s.meeting();
    const a = await s.call('documents/add', { meetingId: m.id, version: 1, fields: { number: 'Số: 2927 -TB/TU', issuedOn: '2022-10-12', issuer: 'Thành ủy Hà Nội' } });
    expect(a.row).toMatchObject({ number: '2927-TB/TU', docType: 'Thông báo', issuedOn: '2022-10-12', issuer: 'Thành ủy Hà Nội' });
    const b = await s.call('documents/add', { meetingId: m.id, version: a.meetingVersion, fields: { number: '03/2019/nđ-cp', docType: 'Nghị định' } });
    expect(b.row.number).toBe('03/2019/NĐ-CP');

    const dup = await s.dispatch('documents/add', { meetingId: m.id, version: b.meetingVersion, fields: { number: '2927-TB/TU' } });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE_DOCUMENT' } });
    const bad = await s.dispatch('documents/add', { meetingId: m.id, version: b.meetingVersion, fields: { number: 'Nghị quyết Trung ương 8' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!bad.ok && bad.error.message).toContain('không phải là số và ký hiệu văn bản');

    const upd = await s.call('documents/update', { meetingId: m.id, version: b.meetingVersion, id: b.row.id, fields: { number: '1374 - QC/QUTW-TUHN', docType: '' } });
    expect(upd.row).toMatchObject({ number: '1374-QC/QUTW-TUHN', docType: 'Quy chế' });
    const rm = await s.call('documents/remove', { meetingId: m.id, version: upd.meetingVersion, id: a.row.id });
    const list = await s.call('documents/list', { meetingId: m.id });
    expect(list.rows.map((d) => [d.number, d.position])).toEqual([['1374-QC/QUTW-TUHN', 0]]);
    expect(list.meetingVersion).toBe(rm.meetingVersion);
    expect(s.found('1374-QC/QUTW-TUHN')).toEqual([m.id]);
    expect(s.found('2927')).toEqual([]);
    expect(s.indexOk()).toBe(true);
  });
});

describe('tags', () => {
  it('creates tags on the fly, one per folded name, with counts; search finds the meeting by tag', async () => {
    const m1 = await s.meeting();
    const m2 = await s.meeting({ title: 'Giao ban' });
    const t1 = await s.call('tags/set', { meetingId: m1.id, version: 1, names: ['Quốc phòng', 'Diễn tập', 'quoc  phong'] });
    expect(t1.tags.map((t) => t.name)).toEqual(['Diễn tập', 'Quốc phòng']);
    const t2 = await s.call('tags/set', { meetingId: m2.id, version: 1, names: ['QUỐC PHÒNG', 'Kinh tế - xã hội'] });
    // The tag keeps the spelling it was first typed with.
    expect(t2.tags.map((t) => t.name)).toEqual(['Kinh tế - xã hội', 'Quốc phòng']);
    expect(s.count('tags')).toBe(3);
    expect((await s.call('tags/list', {})).map((t) => [t.name, t.count])).toEqual([
      ['Diễn tập', 1],
      ['Kinh tế - xã hội', 1],
      ['Quốc phòng', 2],
    ]);
    expect((await s.call('tags/list', { query: 'dien' })).map((t) => t.name)).toEqual(['Diễn tập']);
    expect(s.found('the:"dien tap"')).toEqual([m1.id]);

    await s.call('tags/set', { meetingId: m1.id, version: t1.meetingVersion, names: [] });
    expect(s.found('the:"dien tap"')).toEqual([]);
    expect(s.indexOk()).toBe(true);
    const empty = await s.dispatch('tags/set', { meetingId: m2.id, version: t2.meetingVersion, names: ['  '] });
    expect(!empty.ok && empty.error.message).toContain('Tên thẻ không được để trống.');
  });
});

describe('the whole record', () => {
  it('comes in one call with its parts, attendance in protocol order', async () => {
    const m = await s.meeting();
    const a = await s.call('attendance/add', { meetingId: m.id, version: 1, person: { kind: 'new', fullName: 'Nguyễn Văn Một' } });
    const b = await s.call('attendance/add', { meetingId: m.id, version: a.meetingVersion, person: { kind: 'new', fullName: 'Lê Văn Hai', rank: 'Đại tướng' }, role: 'chu_tri' });
    const c = await s.call('conclusions/add', { meetingId: m.id, version: b.meetingVersion, fields: { text: 'Kết luận.' } });
    const d = await s.call('documents/add', { meetingId: m.id, version: c.meetingVersion, fields: { number: '15-NQ/TW' } });
    const t = await s.call('tags/set', { meetingId: m.id, version: d.meetingVersion, names: ['Quốc phòng'] });
    const record = await s.call('meetings/record', { id: m.id });
    expect(record.meeting.version).toBe(t.meetingVersion);
    expect(record.attendance.rows.map((r) => r.fullName)).toEqual(['Lê Văn Hai', 'Nguyễn Văn Một']);
    expect([record.conclusions.length, record.documents[0]!.docType, record.tags[0]!.name, record.sealHash]).toEqual([1, 'Nghị quyết', 'Quốc phòng', null]);
  });
});
