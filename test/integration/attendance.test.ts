import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { translate } from '../../contract/messages/translate';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const person = (fullName: string, rank = '', title = '', unit = '') => s.call('people/create', { fullName, rank, title, unit });

describe('attendance rows', () => {
  it('copies rank, titles and unit at the time; a later promotion leaves the old meeting as it was', async () => {
    const p = await person('Lê Huy Vịnh', 'Trung tướng', 'Phó Tổng Tham mưu trưởng', 'Bộ Tổng Tham mưu');
    const m = await s.meeting({ meetingDate: '2022-10-12' });
    const added = await s.call('attendance/add', { meetingId: m.id, version: m.version, person: { kind: 'existing', id: p.id }, role: 'dong_chu_tri' });
    expect(added.meetingVersion).toBe(2);
    expect(added.row).toMatchObject({ fullName: 'Lê Huy Vịnh', rank: 'Trung tướng', titles: 'Phó Tổng Tham mưu trưởng', unit: 'Bộ Tổng Tham mưu', role: 'dong_chu_tri', position: 0 });

    await s.call('people/update', { id: p.id, version: p.version, fields: { fullName: 'Lê Huy Vịnh', rank: 'Thượng tướng', title: 'Thứ trưởng Bộ Quốc phòng', unit: 'Bộ Quốc phòng' } });
    const later = await s.meeting({ meetingDate: '2025-05-26', title: 'Giao ban quý II' });
    await s.call('attendance/add', { meetingId: later.id, version: later.version, person: { kind: 'existing', id: p.id }, titles: 'Thứ trưởng' });

    expect((await s.call('attendance/list', { meetingId: m.id })).rows[0]).toMatchObject({ rank: 'Trung tướng', titles: 'Phó Tổng Tham mưu trưởng' });
    expect((await s.call('attendance/list', { meetingId: later.id })).rows[0]).toMatchObject({ rank: 'Thượng tướng', titles: 'Thứ trưởng', unit: 'Bộ Quốc phòng' });
    // Each meeting is found by the rank its attendee had then.
    expect(s.found('"trung tuong"')).toEqual([m.id]);
    expect(s.indexOk()).toBe(true);

    const meetings = await s.call('people/meetings', { personId: p.id });
    expect(meetings.total).toBe(2);
    expect(meetings.rows.map((r) => [r.meetingId, r.role, r.rank, r.attendanceStatus])).toEqual([
      [later.id, 'dai_bieu', 'Thượng tướng', 'co_mat'],
      [m.id, 'dong_chu_tri', 'Trung tướng', 'co_mat'],
    ]);
  });

  it('adds a person created inline, and refuses an empty name with nothing stored', async () => {
    const m = await s.meeting();
    const r = await s.call('attendance/add', {
      meetingId: m.id,
      version: m.version,
      person: { kind: 'new', fullName: '  Nguyễn   Thị Tuyến ', title: 'Phó Bí thư Thường trực Thành ủy' },
    });
    expect(r.row).toMatchObject({ fullName: 'Nguyễn Thị Tuyến', titles: 'Phó Bí thư Thường trực Thành ủy' });
    expect((await s.call('people/list', { query: 'nguyen thi tuyen' })).total).toBe(1);
    const people = s.count('people');
    const audit = s.count('audit_log');

    const empty = await s.dispatch('attendance/add', { meetingId: m.id, version: r.meetingVersion, person: { kind: 'new', fullName: '   ' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!empty.ok && empty.error.message).toContain('Họ và tên không được để trống.');
    expect([s.count('people'), s.count('attendance'), s.count('audit_log')]).toEqual([people, 1, audit]);
    expect((await s.call('meetings/get', { id: m.id })).version).toBe(r.meetingVersion);
  });

  it('refuses the same person twice, unknown people, unknown meetings and a stale version', async () => {
    const p = await person('Phạm Hoài Nam', 'Thượng tướng');
    const m = await s.meeting();
    const first = await s.call('attendance/add', { meetingId: m.id, version: 1, person: { kind: 'existing', id: p.id } });
    const twice = await s.dispatch('attendance/add', { meetingId: m.id, version: first.meetingVersion, person: { kind: 'existing', id: p.id } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'DUPLICATE_ATTENDEE' } });
    expect(!twice.ok && twice.error.message).toContain('Phạm Hoài Nam');

    const ghost = '01900000-0000-7000-8000-000000000000';
    expect(await s.dispatch('attendance/add', { meetingId: m.id, version: 2, person: { kind: 'existing', id: ghost } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.dispatch('attendance/add', { meetingId: ghost, version: 1, person: { kind: 'existing', id: p.id } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.dispatch('attendance/update', { meetingId: m.id, version: 2, id: ghost, fields: {} })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.dispatch('attendance/list', { meetingId: 'abc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    // Two windows: the second saves from version 1 after the first moved the meeting on.
    const stale = await s.dispatch('attendance/add', { meetingId: m.id, version: 1, person: { kind: 'new', fullName: 'Trần Sỹ Thanh' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    expect(s.count('attendance')).toBe(1);
    expect((await s.call('people/list', { query: 'tran sy thanh' })).total).toBe(0);
  });

  it('sorts by protocol (chairs, then titles, then rank seniority, the secretary last) or by Vietnamese name order, and counts who came', async () => {
    const m = await s.meeting();
    let version = m.version;
    const add = async (fullName: string, rank: string, role: string, status = 'co_mat', absenceReason = '') => {
      const r = await s.call('attendance/add', { meetingId: m.id, version, person: { kind: 'new', fullName, rank }, role, status, absenceReason });
      version = r.meetingVersion;
      return r.row;
    };
    await add('Trần Thị An', '', 'thu_ky');
    await add('Nguyễn Văn Bình', 'Đại tá', 'dai_bieu', 'den_muon');
    await add('Đỗ Văn Cường', 'Thượng tướng', 'dai_bieu', 'vang_co_ly_do', 'Đi công tác');
    await add('Lê Văn Dũng', 'Đại tướng', 'dong_chu_tri');
    await add('Bùi Thị Ánh', '', 'khach_moi', 'vang');
    await add('Phan Văn Giang', 'Đại tướng', 'chu_tri');
    await add('Hoàng Văn Em', 'Thiếu tá', 'dai_bieu');

    const names = (rows: { fullName: string }[]) => rows.map((r) => r.fullName);
    const protocol = await s.call('attendance/list', { meetingId: m.id, order: 'protocol' });
    // No titles here: after the chairs, rank seniority decides; a guest without rank follows the officers.
    expect(names(protocol.rows)).toEqual(['Phan Văn Giang', 'Lê Văn Dũng', 'Đỗ Văn Cường', 'Nguyễn Văn Bình', 'Hoàng Văn Em', 'Bùi Thị Ánh', 'Trần Thị An']);
    const byName = await s.call('attendance/list', { meetingId: m.id, order: 'name' });
    expect(names(byName.rows)).toEqual(['Trần Thị An', 'Bùi Thị Ánh', 'Nguyễn Văn Bình', 'Đỗ Văn Cường', 'Lê Văn Dũng', 'Hoàng Văn Em', 'Phan Văn Giang']);
    expect(protocol.counts).toMatchObject({
      total: 7,
      present: 5,
      absent: 2,
      byStatus: { co_mat: 4, den_muon: 1, vang: 1, vang_co_ly_do: 1 },
      byRole: { chu_tri: 1, dong_chu_tri: 1, thu_ky: 1, khach_moi: 1, dai_bieu: 3 },
    });
    expect(protocol.rows.find((r) => r.fullName === 'Đỗ Văn Cường')!.absenceReason).toBe('Đi công tác');

    const noReason = await s.dispatch('attendance/update', { meetingId: m.id, version, id: protocol.rows[0]!.id, fields: { status: 'vang_co_ly_do' } });
    expect(!noReason.ok && noReason.error.message).toContain('Hãy ghi lý do vắng');
  });

  it('reorders and removes rows, refusing an order that does not match the list', async () => {
    const m = await s.meeting();
    let version = m.version;
    const ids: string[] = [];
    for (const name of ['Võ Văn Một', 'Võ Văn Hai', 'Võ Văn Ba']) {
      const r = await s.call('attendance/add', { meetingId: m.id, version, person: { kind: 'new', fullName: name } });
      version = r.meetingVersion;
      ids.push(r.row.id);
    }
    ({ meetingVersion: version } = await s.call('attendance/reorder', { meetingId: m.id, version, ids: [ids[2], ids[0], ids[1]] }));
    expect((await s.call('attendance/list', { meetingId: m.id })).rows.map((r) => r.fullName)).toEqual(['Võ Văn Ba', 'Võ Văn Một', 'Võ Văn Hai']);
    expect(await s.dispatch('attendance/reorder', { meetingId: m.id, version, ids: [ids[0], ids[1]] })).toMatchObject({ ok: false, error: { code: 'ORDER_MISMATCH' } });
    ({ meetingVersion: version } = await s.call('attendance/remove', { meetingId: m.id, version, id: ids[0] }));
    const left = await s.call('attendance/list', { meetingId: m.id });
    expect(left.rows.map((r) => [r.fullName, r.position])).toEqual([['Võ Văn Ba', 0], ['Võ Văn Hai', 1]]);
    expect(left.meetingVersion).toBe(version);
    expect(s.found('"vo van mot"')).toEqual([]);
    expect(s.indexOk()).toBe(true);
  });
});

describe('pasting a list', () => {
  const LIST =
    'Cùng dự có các đồng chí: Thượng tướng Lê Huy Vịnh, Thứ trưởng Bộ Quốc phòng; Đại tá Nguyễn Văn Ân, Chỉ huy trưởng; ' +
    'Trần Sỹ Thanh, Chủ tịch UBND thành phố Hà Nội; Nguyễn Thị Tuyến, Phó Bí thư Thường trực Thành ủy\n' +
    'Thủ trưởng một số cơ quan, đơn vị\nông Trần Sỹ Thanh, Chủ tịch UBND';

  it('previews rows matched by folded name: same, same name with a new rank, other marks, new', async () => {
    const vinh = await person('Lê Huy Vịnh', 'Trung tướng');
    const an = await person('Nguyễn Văn An', 'Đại tá');
    const thanh = await person('Trần Sỹ Thanh', '', 'Chủ tịch UBND thành phố');
    const m = await s.meeting();
    await s.call('attendance/add', { meetingId: m.id, version: m.version, person: { kind: 'existing', id: thanh.id } });

    const preview = await s.call('attendance/paste-preview', { meetingId: m.id, text: LIST });
    expect(preview.rows.map((r) => [r.fullName, r.rank, r.match, r.personId, r.reasons, r.inMeeting])).toEqual([
      // Same name, new rank: the same person most likely, but the clerk confirms.
      ['Lê Huy Vịnh', 'Thượng tướng', 'possible', null, ['rank_differs'], false],
      // "Ân" and "An" fold alike but are different names: never merged silently.
      ['Nguyễn Văn Ân', 'Đại tá', 'possible', null, ['marks_differ'], false],
      ['Trần Sỹ Thanh', '', 'same', thanh.id, [], true],
      ['Nguyễn Thị Tuyến', '', 'new', null, [], false],
    ]);
    expect(preview.rows[0]!.candidates.map((c) => c.id)).toEqual([vinh.id]);
    expect(preview.rows[1]!.candidates.map((c) => c.id)).toEqual([an.id]);
    expect(preview.problems.map((p) => ({ ...p, message: translate('vi', p.message) }))).toEqual([
      { line: 2, source: 'Thủ trưởng một số cơ quan, đơn vị', message: expect.stringMatching(/^Không nhận ra họ tên/) },
      { line: 3, source: 'ông Trần Sỹ Thanh, Chủ tịch UBND', message: 'Người này đã có ở dòng 1 của danh sách dán vào.' },
    ]);
    // An English UI reads the same problem in English.
    expect(translate('en', preview.problems[1]!.message)).toBe('This person is already on line 1 of the pasted list.');
    // A preview writes nothing.
    expect(s.count('attendance')).toBe(1);
  });

  it('adds the confirmed rows in one change, creating the new people, rank at the time from the list', async () => {
    const vinh = await person('Lê Huy Vịnh', 'Trung tướng');
    const m = await s.meeting();
    const preview = await s.call('attendance/paste-preview', { meetingId: m.id, text: LIST });
    const rows = preview.rows
      .filter((r) => !r.inMeeting)
      .map((r) => ({ personId: r.fullName === 'Lê Huy Vịnh' ? vinh.id : r.personId, fullName: r.fullName, rank: r.rank, titles: r.titles, role: r.role }));
    const r = await s.call('attendance/add-many', { meetingId: m.id, version: m.version, rows, role: 'dai_bieu' });
    expect(r).toEqual({ meetingVersion: 2, added: 4, createdPeople: 3 });
    const list = await s.call('attendance/list', { meetingId: m.id, order: 'protocol' });
    // Protocol order goes by the titles first: a Thứ trưởng, the chairman of Hà Nội's People's
    // Committee, a deputy secretary of a (city) Thành ủy, then an officer whose title names no level.
    expect(list.rows.map((x) => [x.fullName, x.rank])).toEqual([
      ['Lê Huy Vịnh', 'Thượng tướng'],
      ['Trần Sỹ Thanh', ''],
      ['Nguyễn Thị Tuyến', ''],
      ['Nguyễn Văn Ân', 'Đại tá'],
    ]);
    // The directory keeps the person's own (current) rank: the list only says what it was at this meeting.
    expect((await s.call('people/get', { id: vinh.id })).rank).toBe('Trung tướng');
    expect(s.found('nguoi:"nguyen thi tuyen"')).toEqual([m.id]);
    expect(s.indexOk()).toBe(true);

    // The same list again: every row is already there, so the whole batch is refused.
    const again = await s.dispatch('attendance/add-many', { meetingId: m.id, version: 2, rows: [{ personId: vinh.id, fullName: 'Lê Huy Vịnh' }] });
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE_ATTENDEE' } });
  });

  it('refuses a 5 000-row paste with a message, quickly, storing nothing', async () => {
    const m = await s.meeting();
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải', 'Khoa', 'Long', 'Minh', 'Nam'];
    const text = Array.from({ length: 5000 }, (_, i) => `Đại tá Nguyễn ${given[Math.floor(i / 10) % 10]} ${given[i % 10]}, Trợ lý ${i}`).join('\n');
    const before = [s.count('people'), s.count('attendance'), s.count('audit_log')];

    const preview = await s.dispatch('attendance/paste-preview', { meetingId: m.id, text });
    expect(preview).toMatchObject({ ok: false, error: { code: 'ATTENDANCE_TOO_MANY' } });
    expect(!preview.ok && preview.error.message).toContain('tối đa 1.000 người');

    const rows = Array.from({ length: 5000 }, (_, i) => ({ fullName: `Nguyễn Văn Số ${i}` }));
    const many = await s.dispatch('attendance/add-many', { meetingId: m.id, version: m.version, rows });
    expect(many).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!many.ok && many.error.message).toContain('mỗi lần thêm tối đa 1.000 người');

    // A batch refused for its last row leaves nothing of the 900 before it either.
    const dup = await s.dispatch('attendance/add-many', {
      meetingId: m.id,
      version: m.version,
      rows: [...rows.slice(0, 900), { fullName: 'Nguyễn Văn Số 3' }],
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'DUPLICATE_ATTENDEE' } });
    expect([s.count('people'), s.count('attendance'), s.count('audit_log')]).toEqual(before);
    expect((await s.call('meetings/get', { id: m.id })).version).toBe(m.version);
  });
});
