import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../services/context';
import { createHandlers, handlerGroups } from '../../services/handlers';
import { combineHandlers, createDispatcher } from '../../services/dispatch';
import { CHANNELS } from '../../contract/contract';
import { silentLogger } from '../../services/log';
import { recordSession, type RecordSession } from '../helpers/recordSession';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

describe('the contract boundary', () => {
  it('creates and reads back a meeting through the contract', async () => {
    const created = await s.dispatch('meetings/create', {
      title: '  Hội nghị Ban Chấp hành Đảng bộ tỉnh  ',
      kind: 'Hội nghị',
      meetingDate: '2026-01-05',
      startTime: '08:00',
      endTime: null,
    });
    expect(created).toMatchObject({ ok: true, data: { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', version: 1, status: 'draft' } });
    const id = (created as { data: { id: string } }).data.id;
    expect(await s.dispatch('meetings/get', { id })).toMatchObject({ ok: true, data: { id, location: '' } });
  });

  it('answers bad input with a Vietnamese message naming the problem', async () => {
    const reply = await s.dispatch('meetings/create', { title: '   ', kind: 'Hội nghị', meetingDate: '2026-02-30', startTime: '25:00', endTime: null });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INVALID_INPUT');
    expect(reply.error.message).toContain('Tên cuộc họp không được để trống.');
    expect(reply.error.message).toContain('Ngày không tồn tại trên lịch.');
    expect(reply.error.message).toContain('Giờ phải có dạng giờ:phút');
  });

  it('refuses a 10 MB paste into the minutes with a clear message and stores nothing', async () => {
    const reply = await s.dispatch('meetings/create', {
      title: 'Họp',
      kind: 'Cuộc họp',
      meetingDate: null,
      startTime: null,
      endTime: null,
      minutesText: 'Nội dung '.repeat(1_200_000),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toMatch(/Nội dung quá dài/);
    expect(s.archive.sqlite.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 0 });
  });

  it('offers the folder dialog only where the host has one', async () => {
    expect(await s.dispatch('app/choose-folder', {})).toEqual({ ok: true, data: { available: false, path: null } });
    const asked: string[] = [];
    const desktop = createDispatcher(
      createHandlers(createContext(s.archive, 'electron', '0.0.0-test', { chooseFolder: async (title) => (asked.push(title), 'E:\\') })),
      silentLogger,
    );
    expect(await desktop('app/choose-folder', { title: 'Chọn USB' })).toEqual({ ok: true, data: { available: true, path: 'E:\\' } });
    expect(asked).toEqual(['Chọn USB']);
  });

  it('refuses unknown channels and non-object payloads without throwing', async () => {
    expect(await s.dispatch('meetings/drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await s.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await s.dispatch('meetings/get', 'x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await s.dispatch('meetings/get', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reports a missing record as NOT_FOUND with a message a clerk understands', async () => {
    const reply = await s.dispatch('meetings/get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!reply.ok && reply.error.message).toMatch(/Không tìm thấy/);
  });

  it('reports a version conflict from a second window', async () => {
    const created = await s.dispatch('people/create', { fullName: 'Nguyễn Thị Tuyến', title: 'Phó Bí thư Thường trực Thành ủy' });
    const id = (created as { data: { id: string } }).data.id;
    const fields = { fullName: 'Nguyễn Thị Tuyến' };
    expect(await s.dispatch('people/update', { id, version: 1, fields })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await s.dispatch('people/update', { id, version: 1, fields })).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
  });

  it('searches with the abbreviation dictionary the clerk keeps in settings', async () => {
    await s.dispatch('meetings/create', { title: 'Hội nghị triển khai chuyển đổi số năm 2026', kind: 'Hội nghị', meetingDate: '2026-02-10', startTime: null, endTime: null });
    await s.dispatch('meetings/create', { title: 'Sơ kết phát triển kinh tế - xã hội quý I', kind: 'Sơ kết', meetingDate: '2026-04-02', startTime: null, endTime: null });
    const titles = async (query: string) => {
      const r = await s.dispatch('search/query', { query });
      return r.ok ? (r.data as { rows: { title: string }[] }).rows.map((x) => x.title) : r.error.code;
    };
    expect(await titles('CĐS')).toEqual([]);
    expect(await titles('KT-XH')).toEqual(['Sơ kết phát triển kinh tế - xã hội quý I']);

    const settings = await s.dispatch('settings/get', {});
    const current = (settings as { data: { abbreviations: [string, string][] } }).data.abbreviations;
    const updated = await s.dispatch('settings/update', {
      abbreviations: [...current.filter(([a]) => a !== 'KT-XH'), ['CĐS', 'chuyển đổi số']],
    });
    expect(updated.ok).toBe(true);
    expect(await titles('CĐS')).toEqual(['Hội nghị triển khai chuyển đổi số năm 2026']);
    expect(await titles('KT-XH')).toEqual([]);
  });

  it('refuses an abbreviation row with an empty side, in Vietnamese', async () => {
    const reply = await s.dispatch('settings/update', { abbreviations: [['QP', '  ']] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toContain('Nghĩa đầy đủ của chữ viết tắt không được để trống.');
  });

  it('tells the app where the archive is and how much it holds', async () => {
    await s.dispatch('people/create', { fullName: 'Trần Sỹ Thanh' });
    expect(await s.dispatch('app/info', {})).toMatchObject({
      ok: true,
      data: { archiveFile: s.archive.file, transport: 'direct', counts: { meetings: 0, people: 1 } },
    });
  });
});

describe('handler groups (services/handlers/, one file per domain)', () => {
  it('answer every channel of the contract exactly once, and nothing else', () => {
    const owners = new Map<string, number>();
    for (const group of handlerGroups(createContext(s.archive, 'direct', '0.0.0-test')))
      for (const channel of Object.keys(group)) owners.set(channel, (owners.get(channel) ?? 0) + 1);
    expect([...owners.keys()].sort()).toEqual([...CHANNELS].sort());
    expect([...owners].filter(([, n]) => n !== 1)).toEqual([]);
  });

  it('refuse, at startup, two groups answering one channel, naming it', () => {
    const groups = handlerGroups(createContext(s.archive, 'direct', '0.0.0-test'));
    const again = { 'meetings/get': () => null };
    expect(() => combineHandlers([...groups, again])).toThrow(/Two handlers for channel meetings\/get/);
    expect(() => combineHandlers(groups.slice(1))).toThrow(/No handler for channel app\/info, app\/choose-folder/);
    expect(() => combineHandlers([...groups, { 'meetings/drop': () => null }])).toThrow(/meetings\/drop, which is not a channel/);
  });

  it('keep the app lock wired to the dispatcher through the combined table', async () => {
    const locked = createDispatcher(createHandlers(createContext(s.archive, 'web', '0.0.0-test')), silentLogger);
    expect(await locked('lock/set', { newPassword: 'Mật khẩu văn thư 2026' })).toMatchObject({ ok: true });
    expect(await locked('lock/lock', {})).toMatchObject({ ok: true });
    expect(locked.isLocked?.()).toBe(true);
    expect(await locked('meetings/list', {})).toMatchObject({ ok: false, error: { code: 'APP_LOCKED' } });
  });
});

describe('reports/pdf and the host', () => {
  it('answers PDF_UNAVAILABLE where the host brings no renderer (services never start a browser)', async () => {
    const created = await s.dispatch('meetings/create', { title: 'Họp giao ban', kind: 'Giao ban', meetingDate: '2026-03-02', startTime: null, endTime: null });
    const meetingId = (created as { data: { id: string } }).data.id;
    expect(await s.dispatch('reports/pdf', { kind: 'minutes', meetingId })).toMatchObject({ ok: false, error: { code: 'PDF_UNAVAILABLE' } });
  });
});
