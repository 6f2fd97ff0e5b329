import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Archive } from '../../db/open';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, type Dispatch } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { tempArchive } from '../helpers/tempArchive';

let archive: Archive;
let cleanup: () => void;
let dispatch: Dispatch;
beforeEach(async () => {
  ({ archive, cleanup } = await tempArchive());
  dispatch = createDispatcher(createHandlers(createContext(archive, 'direct', '0.0.0-test')), silentLogger);
});
afterEach(() => cleanup());

describe('the contract boundary', () => {
  it('creates and reads back a meeting through the contract', async () => {
    const created = await dispatch('meetings/create', {
      title: '  Hội nghị Ban Chấp hành Đảng bộ tỉnh  ',
      kind: 'Hội nghị',
      meetingDate: '2026-01-05',
      startTime: '08:00',
      endTime: null,
    });
    expect(created).toMatchObject({ ok: true, data: { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', version: 1, status: 'draft' } });
    const id = (created as { data: { id: string } }).data.id;
    expect(await dispatch('meetings/get', { id })).toMatchObject({ ok: true, data: { id, location: '' } });
  });

  it('answers bad input with a Vietnamese message naming the problem', async () => {
    const reply = await dispatch('meetings/create', { title: '   ', kind: 'Hội nghị', meetingDate: '2026-02-30', startTime: '25:00', endTime: null });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('INVALID_INPUT');
    expect(reply.error.message).toContain('Tên cuộc họp không được để trống.');
    expect(reply.error.message).toContain('Ngày không tồn tại trên lịch.');
    expect(reply.error.message).toContain('Giờ phải có dạng giờ:phút');
  });

  it('refuses a 10 MB paste into the minutes with a clear message and stores nothing', async () => {
    const reply = await dispatch('meetings/create', {
      title: 'Họp',
      kind: 'Cuộc họp',
      meetingDate: null,
      startTime: null,
      endTime: null,
      minutesText: 'Nội dung '.repeat(1_200_000),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toMatch(/Nội dung quá dài/);
    expect(archive.sqlite.prepare('SELECT count(*) AS n FROM meetings').get()).toEqual({ n: 0 });
  });

  it('offers the folder dialog only where the host has one', async () => {
    expect(await dispatch('app/choose-folder', {})).toEqual({ ok: true, data: { available: false, path: null } });
    const asked: string[] = [];
    const desktop = createDispatcher(
      createHandlers(createContext(archive, 'electron', '0.0.0-test', { chooseFolder: async (title) => (asked.push(title), 'E:\\') })),
      silentLogger,
    );
    expect(await desktop('app/choose-folder', { title: 'Chọn USB' })).toEqual({ ok: true, data: { available: true, path: 'E:\\' } });
    expect(asked).toEqual(['Chọn USB']);
  });

  it('refuses unknown channels and non-object payloads without throwing', async () => {
    expect(await dispatch('meetings/drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(await dispatch('meetings/get', 'x')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch('meetings/get', { id: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reports a missing record as NOT_FOUND with a message a clerk understands', async () => {
    const reply = await dispatch('meetings/get', { id: '01900000-0000-7000-8000-000000000000' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!reply.ok && reply.error.message).toMatch(/Không tìm thấy/);
  });

  it('reports a version conflict from a second window', async () => {
    const created = await dispatch('people/create', { fullName: 'Nguyễn Thị Tuyến', title: 'Phó Bí thư Thường trực Thành ủy' });
    const id = (created as { data: { id: string } }).data.id;
    const fields = { fullName: 'Nguyễn Thị Tuyến' };
    expect(await dispatch('people/update', { id, version: 1, fields })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await dispatch('people/update', { id, version: 1, fields })).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
  });

  it('searches with the abbreviation dictionary the clerk keeps in settings', async () => {
    await dispatch('meetings/create', { title: 'Hội nghị triển khai chuyển đổi số năm 2026', kind: 'Hội nghị', meetingDate: '2026-02-10', startTime: null, endTime: null });
    await dispatch('meetings/create', { title: 'Sơ kết phát triển kinh tế - xã hội quý I', kind: 'Sơ kết', meetingDate: '2026-04-02', startTime: null, endTime: null });
    const titles = async (query: string) => {
      const r = await dispatch('search/query', { query });
      return r.ok ? (r.data as { rows: { title: string }[] }).rows.map((x) => x.title) : r.error.code;
    };
    expect(await titles('CĐS')).toEqual([]);
    expect(await titles('KT-XH')).toEqual(['Sơ kết phát triển kinh tế - xã hội quý I']);

    const settings = await dispatch('settings/get', {});
    const current = (settings as { data: { abbreviations: [string, string][] } }).data.abbreviations;
    const updated = await dispatch('settings/update', {
      abbreviations: [...current.filter(([a]) => a !== 'KT-XH'), ['CĐS', 'chuyển đổi số']],
    });
    expect(updated.ok).toBe(true);
    expect(await titles('CĐS')).toEqual(['Hội nghị triển khai chuyển đổi số năm 2026']);
    expect(await titles('KT-XH')).toEqual([]);
  });

  it('refuses an abbreviation row with an empty side, in Vietnamese', async () => {
    const reply = await dispatch('settings/update', { abbreviations: [['QP', '  ']] });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!reply.ok && reply.error.message).toContain('Nghĩa đầy đủ của chữ viết tắt không được để trống.');
  });

  it('tells the app where the archive is and how much it holds', async () => {
    await dispatch('people/create', { fullName: 'Trần Sỹ Thanh' });
    expect(await dispatch('app/info', {})).toMatchObject({
      ok: true,
      data: { archiveFile: archive.file, transport: 'direct', counts: { meetings: 0, people: 1 } },
    });
  });
});
