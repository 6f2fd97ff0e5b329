import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { translate } from '../../contract/messages/translate';
import { historyChangeLines, historySentence } from '../../contract/historyWording';
import { ATTENDANCE_STATUS_BATCH_MAX, type HistoryEntry } from '../../contract/recordContract';

/** The quick grid's save (`attendance/set-statuses`): many rows' statuses in one call, one transaction. */

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

/** A meeting with `n` attendees pasted in (all "có mặt"), their rows in the entered order. */
async function meetingWith(n: number) {
  const m = await s.meeting({ title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh' });
  const rows = Array.from({ length: n }, (_, i) => ({ fullName: `Nguyễn Văn Số ${i + 1}`, rank: i % 2 ? 'Thiếu tá' : '' }));
  const added = await s.call('attendance/add-many', { meetingId: m.id, version: m.version, rows });
  const list = await s.call('attendance/list', { meetingId: m.id });
  return { id: m.id, version: added.meetingVersion, rows: list.rows };
}

function read(e: HistoryEntry): string[] {
  return [
    translate('vi', historySentence(e)),
    ...historyChangeLines(e).map((l) => `${translate('vi', l.field)}: ${translate('vi', l.before)} → ${translate('vi', l.after)}`),
  ];
}

async function historyOf(id: string) {
  return (await s.call('meetings/history', { id, offset: 0, limit: 500 })).rows;
}

const messageOf = async (p: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
  const r = await p;
  return r.ok ? null : r.error!;
};

describe('attendance/set-statuses: the quick grid’s one save', () => {
  it('writes many rows in one call; each changed row reads in Lịch sử as a single-row edit does, in words, never codes', async () => {
    const m = await meetingWith(300);
    const audit = s.count('audit_log');
    const changes = [
      ...m.rows.slice(0, 120).map((r) => ({ id: r.id, status: 'vang' as const })),
      { id: m.rows[200]!.id, status: 'vang_co_ly_do' as const, absenceReason: '  đi công tác Hà Nội ' },
      { id: m.rows[201]!.id, status: 'den_muon' as const },
      // Sent but not changed: not written, not in the history.
      { id: m.rows[202]!.id, status: 'co_mat' as const },
    ];
    const r = await s.call('attendance/set-statuses', { meetingId: m.id, version: m.version, rows: changes });
    expect(r).toEqual({ meetingVersion: m.version + 1, changed: 122 });

    const list = await s.call('attendance/list', { meetingId: m.id });
    expect(list.counts).toMatchObject({ total: 300, present: 179, absent: 121, byStatus: { co_mat: 178, den_muon: 1, vang: 120, vang_co_ly_do: 1 } });
    expect(list.rows[200]).toMatchObject({ status: 'vang_co_ly_do', absenceReason: 'đi công tác Hà Nội' });
    expect(s.count('audit_log')).toBe(audit + 122);
    expect(s.indexOk()).toBe(true);

    const entries = (await historyOf(m.id)).slice(0, 122).map(read);
    const excused = entries.find((e) => e[0]!.includes('Nguyễn Văn Số 201'));
    expect(excused).toEqual([
      'Sửa thông tin dự họp của Nguyễn Văn Số 201',
      'Trạng thái: Có mặt → Vắng có lý do',
      'Lý do vắng: — → đi công tác Hà Nội',
    ]);
    expect(entries.find((e) => e[0] === 'Sửa thông tin dự họp của Nguyễn Văn Số 202')).toEqual([
      'Sửa thông tin dự họp của Nguyễn Văn Số 202',
      'Trạng thái: Có mặt → Đến muộn',
    ]);
    expect(entries.filter((e) => e[1] === 'Trạng thái: Có mặt → Vắng')).toHaveLength(120);
    expect(entries.flat().join('\n')).not.toMatch(/\b(co_mat|vang_co_ly_do|vang|den_muon|dai_bieu)\b/);

    // The same words as a single-row edit of the same change.
    const single = await s.call('attendance/update', {
      meetingId: m.id,
      version: r.meetingVersion,
      id: m.rows[250]!.id,
      fields: { ...m.rows[250]!, status: 'vang' },
    });
    expect(single.row.status).toBe('vang');
    const [last] = await historyOf(m.id);
    expect(read(last!)).toEqual(['Sửa thông tin dự họp của Nguyễn Văn Số 251', 'Trạng thái: Có mặt → Vắng']);
  });

  it('refuses, in Vietnamese and with nothing stored: too many rows, a missing or too long reason, a row twice, a row of another meeting, a stale version', async () => {
    const m = await meetingWith(3);
    const other = await meetingWith(1);
    const before = { audit: s.count('audit_log'), version: (await s.call('meetings/get', { id: m.id })).version };
    const [a, b] = [m.rows[0]!.id, m.rows[1]!.id];
    const send = (rows: unknown[], version = m.version) => s.dispatch('attendance/set-statuses', { meetingId: m.id, version, rows });

    const tooMany = Array.from({ length: ATTENDANCE_STATUS_BATCH_MAX + 1 }, () => ({ id: a, status: 'vang' }));
    expect((await messageOf(send(tooMany)))!.message).toContain(
      'Mỗi lần lưu điểm danh tối đa 1.000 người được đổi tình trạng. Không có gì được lưu; hãy lưu thành nhiều lần.',
    );
    expect((await messageOf(send([])))!.message).toContain('Chưa có người nào được đổi tình trạng dự họp để lưu.');
    expect((await messageOf(send([{ id: a, status: 'vang' }, { id: b, status: 'vang_co_ly_do' }])))!.message).toContain(
      'Hãy ghi lý do vắng (vắng có lý do).',
    );
    expect((await messageOf(send([{ id: a, status: 'vang_co_ly_do', absenceReason: 'x'.repeat(501) }])))!.message).toContain(
      'Lý do vắng quá dài',
    );
    expect((await messageOf(send([{ id: a, status: 'vang' }, { id: a, status: 'co_mat' }])))!.message).toContain(
      'Một người có hai tình trạng trong cùng một lần lưu điểm danh.',
    );
    expect((await messageOf(send([{ id: a, status: 'vang' }, { id: b, status: 'sick' }])))!.message).toContain(
      'Tình trạng dự họp không hợp lệ.',
    );
    // A row of another meeting anywhere in the list refuses the whole save: the rows before it are not kept.
    const foreign = await messageOf(send([{ id: a, status: 'vang' }, { id: other.rows[0]!.id, status: 'vang' }]));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    const stale = await messageOf(send([{ id: a, status: 'vang' }], m.version - 1));
    expect(stale).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(stale!.message).toMatch(/[ạảãàáâầấậẩẫăằắặẳẵđ]/);

    expect(s.count('audit_log')).toBe(before.audit);
    expect((await s.call('meetings/get', { id: m.id })).version).toBe(before.version);
    expect((await s.call('attendance/list', { meetingId: m.id })).counts.byStatus.co_mat).toBe(3);
  });

  it('a sealed record follows the single-row rule: refused directly, accepted as a correction with its reason, then sealed again', async () => {
    const m = await meetingWith(4);
    const sealed = await s.call('meetings/finalize', { id: m.id, version: m.version });
    const rows = [
      { id: m.rows[0]!.id, status: 'vang' as const },
      { id: m.rows[3]!.id, status: 'vang_co_ly_do' as const, absenceReason: 'ốm' },
    ];
    const direct = await messageOf(s.dispatch('attendance/set-statuses', { meetingId: m.id, version: sealed.meetingVersion, rows }));
    const single = await messageOf(s.dispatch('attendance/update', { meetingId: m.id, version: sealed.meetingVersion, id: m.rows[0]!.id, fields: { status: 'vang' } }));
    expect(direct).toMatchObject({ code: 'MEETING_FINALIZED', message: single!.message });
    expect(direct!.message).toContain('Hãy dùng chức năng đính chính.');
    expect((await s.call('attendance/list', { meetingId: m.id })).counts.absent).toBe(0);

    const noReason = await messageOf(
      s.dispatch('meetings/correct', { id: m.id, version: sealed.meetingVersion, reason: '  ', change: { kind: 'attendance/set-statuses', rows } }),
    );
    expect(noReason!.message).toContain('Lý do đính chính');

    const corrected = await s.call('meetings/correct', {
      id: m.id,
      version: sealed.meetingVersion,
      reason: 'Điểm danh nhầm hai đồng chí',
      change: { kind: 'attendance/set-statuses', rows },
    });
    expect(corrected.sealHash).not.toBe(sealed.sealHash);
    expect((await s.call('meetings/seal-check', { id: m.id })).ok).toBe(true);
    expect((await s.call('attendance/list', { meetingId: m.id })).counts).toMatchObject({ present: 2, absent: 2 });

    const [reseal, second, first] = await historyOf(m.id);
    expect(translate('vi', historySentence(reseal!))).toBe('Niêm phong lại hồ sơ sau đính chính');
    expect(read(first!)).toEqual(['Sửa thông tin dự họp của Nguyễn Văn Số 1', 'Trạng thái: Có mặt → Vắng']);
    expect(read(second!)).toEqual(['Sửa thông tin dự họp của Nguyễn Văn Số 4', 'Trạng thái: Có mặt → Vắng có lý do', 'Lý do vắng: — → ốm']);
    expect([first!.reason, second!.reason]).toEqual(['Điểm danh nhầm hai đồng chí', 'Điểm danh nhầm hai đồng chí']);
  });
});
