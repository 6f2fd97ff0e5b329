import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { jpeg } from '../helpers/images';
import { vi } from '../helpers/words';
import { verifyAuditChain } from '../../db/audit';
import { historySentence } from '../../contract/historyWording';
import { translate } from '../../contract/messages/translate';
import { ERROR_MESSAGES } from '../../contract/errors';

/**
 * Danh bạ, "Gộp với người khác…": two entries of one person become one. Every reference to the
 * duplicate (attendance, people in photos, tasks' assignees) goes to the entry kept, each meeting gets a
 * history entry in the clerk's words, a sealed one is corrected with the reason and sealed again, and
 * the duplicate goes to the trash pointing at the entry kept.
 */

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const person = (fullName: string, rank: string) => s.call('people/create', { fullName, rank, title: 'Phó Chỉ huy trưởng', unit: 'Bộ CHQS tỉnh' });
const attend = (meetingId: string, version: number, id: string, extra: Record<string, unknown> = {}) =>
  s.call('attendance/add', { meetingId, version, person: { kind: 'existing', id }, ...extra });
const photo = async (meetingId: string, version: number, caption: string, color: string) =>
  s.call('photos/add', { meetingId, version, fileName: `${caption}.jpg`, dataBase64: (await jpeg({ color })).toString('base64'), caption });

const sql = <T>(query: string, ...params: unknown[]) => s.archive.sqlite.prepare(query).all(...params) as T[];

/** The history sentences of a meeting, newest first, as the Lịch sử tab words them in Vietnamese. */
async function sentences(meetingId: string) {
  const page = await s.call('meetings/history', { id: meetingId });
  return page.rows.map((r) => ({ action: r.action, reason: r.reason, text: translate('vi', historySentence(r)) }));
}

/**
 * Three meetings that name the duplicate: a draft where it chaired (rank then "Thượng tá"), is in a photo
 * and is a task's assignee; a sealed one it attended; a draft both entries attended, in one photo.
 */
async function archiveWithTwins() {
  const keep = await person('Nguyễn Văn An', 'Đại tá');
  const dup = await person('Nguyễn Văn An', 'Thượng tá');
  const other = await person('Trần Thị Bình', '');

  const a = await s.meeting({ title: 'Hội nghị quân sự, quốc phòng quý I', meetingDate: '2025-03-10' });
  let v = (await attend(a.id, a.version, dup.id, { role: 'chu_tri' })).meetingVersion;
  v = (await attend(a.id, v, other.id)).meetingVersion;
  const pa = await photo(a.id, v, 'Đồng chí An phát biểu', '#aa3322');
  v = (await s.call('photos/set-people', { id: pa.photo.id, version: pa.meetingVersion, personIds: [dup.id, other.id] })).meetingVersion;
  const task = await s.call('conclusions/add', { meetingId: a.id, version: v, fields: { text: 'Rà soát kế hoạch huấn luyện dự bị động viên', isTask: true, assigneePersonId: dup.id, deadline: '2025-06-30' } });

  const b = await s.meeting({ title: 'Hội nghị tổng kết công tác năm 2024', meetingDate: '2025-01-15' });
  const vb = (await attend(b.id, b.version, dup.id, { role: 'dai_bieu' })).meetingVersion;
  const sealed = await s.call('meetings/finalize', { id: b.id, version: vb });

  const c = await s.meeting({ title: 'Giao ban tháng 4', meetingDate: '2025-04-02' });
  let vc = (await attend(c.id, c.version, keep.id, { role: 'dai_bieu' })).meetingVersion;
  vc = (await attend(c.id, vc, dup.id, { role: 'khach_moi', status: 'vang_co_ly_do', absenceReason: 'đi công tác' })).meetingVersion;
  const pc = await photo(c.id, vc, 'Toàn cảnh giao ban', '#2233aa');
  await s.call('photos/set-people', { id: pc.photo.id, version: pc.meetingVersion, personIds: [keep.id, dup.id] });

  return { keep, dup, other, a: a.id, b: b.id, c: c.id, photoA: pa.photo.id, photoC: pc.photo.id, task: task.row.id, sealHashBefore: sealed.sealHash };
}

describe('people/merge-preview', () => {
  it('counts what points at the duplicate, names the sealed meetings and the ones both attended', async () => {
    const t = await archiveWithTwins();
    const p = await s.call('people/merge-preview', { keepId: t.keep.id, duplicateId: t.dup.id });
    expect(p).toMatchObject({ meetings: 3, attendance: 3, photos: 2, tasks: 1 });
    expect(p.keep.id).toBe(t.keep.id);
    expect(p.duplicate.rank).toBe('Thượng tá');
    expect(p.sealed).toEqual({ total: 1, rows: [{ id: t.b, title: 'Hội nghị tổng kết công tác năm 2024', meetingDate: '2025-01-15' }] });
    expect(p.both).toEqual({
      total: 1,
      rows: [
        {
          id: t.c,
          title: 'Giao ban tháng 4',
          meetingDate: '2025-04-02',
          keep: { role: 'dai_bieu', status: 'co_mat' },
          duplicate: { role: 'khach_moi', status: 'vang_co_ly_do' },
        },
      ],
    });
    expect(p.stamp).toMatch(/^[0-9a-f]{64}$/);
    // A preview changes nothing.
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM attendance WHERE person_id = ?', t.dup.id)[0]!.n).toBe(3);
  });

  it('refuses the same entry twice, in words', async () => {
    const keep = await person('Lê Văn Cường', '');
    const r = await s.dispatch('people/merge-preview', { keepId: keep.id, duplicateId: keep.id });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toContain('Hãy chọn hai người khác nhau để gộp');
  });
});

describe('people/merge', () => {
  it('re-points attendance, photos and tasks, keeps the rank at the time, corrects and reseals the sealed meeting', async () => {
    const t = await archiveWithTwins();
    const p = await s.call('people/merge-preview', { keepId: t.keep.id, duplicateId: t.dup.id });
    const base = { keepId: t.keep.id, duplicateId: t.dup.id, keepVersion: p.keep.version, duplicateVersion: p.duplicate.version, stamp: p.stamp };

    // A sealed meeting is among them: no reason, no merge, and nothing changed.
    const noReason = await s.dispatch('people/merge', base);
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noReason.ok && noReason.error.message).toContain('Lý do đính chính không được để trống');
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM attendance WHERE person_id = ?', t.dup.id)[0]!.n).toBe(3);

    const reason = 'Nhập trùng danh bạ khi nhập báo cáo; gộp về một người';
    const done = await s.call('people/merge', { ...base, reason });
    expect(done).toMatchObject({ keep: { id: t.keep.id }, meetings: 3, corrected: 1 });

    // Nothing names the duplicate any more.
    expect(sql('SELECT id FROM attendance WHERE person_id = ?', t.dup.id)).toEqual([]);
    expect(sql('SELECT photo_id FROM photo_people WHERE person_id = ?', t.dup.id)).toEqual([]);
    expect(sql('SELECT id FROM conclusions WHERE assignee_person_id = ?', t.dup.id)).toEqual([]);

    // Meeting A: the chair's row is the kept entry's now, still with the rank and role it had then.
    const recA = await s.call('meetings/record', { id: t.a });
    const chair = recA.attendance.rows.find((r) => r.personId === t.keep.id)!;
    expect(chair).toMatchObject({ role: 'chu_tri', rank: 'Thượng tá', fullName: 'Nguyễn Văn An' });
    expect(recA.conclusions.find((c) => c.id === t.task)!.assigneePersonId).toBe(t.keep.id);
    expect(sql<{ person_id: string }>('SELECT person_id FROM photo_people WHERE photo_id = ? ORDER BY person_id', t.photoA).map((r) => r.person_id).sort()).toEqual(
      [t.keep.id, t.other.id].sort(),
    );

    // Meeting C: both were there; the kept entry's row stays, one row only, one tag in the photo.
    const recC = await s.call('meetings/record', { id: t.c });
    expect(recC.attendance.rows.map((r) => [r.personId, r.role, r.status])).toEqual([[t.keep.id, 'dai_bieu', 'co_mat']]);
    expect(sql<{ person_id: string }>('SELECT person_id FROM photo_people WHERE photo_id = ?', t.photoC)).toEqual([{ person_id: t.keep.id }]);
    const historyC = await sentences(t.c);
    expect(historyC[0]).toEqual({
      action: 'people.merge',
      reason: '',
      text: 'Gộp người: Nguyễn Văn An (bản trùng) → Nguyễn Văn An; cả hai cùng có trong danh sách dự họp: giữ dòng của Nguyễn Văn An, bỏ dòng của bản trùng (khách mời, vắng có lý do)',
    });

    // Meeting B (sealed): a correction with the clerk's reason, sealed again, and the seal verifies.
    const historyB = await sentences(t.b);
    expect(historyB.slice(0, 2)).toEqual([
      { action: 'correct', reason, text: 'Niêm phong lại hồ sơ sau đính chính' },
      { action: 'people.merge', reason, text: 'Gộp người: Nguyễn Văn An (bản trùng) → Nguyễn Văn An' },
    ]);
    const check = await s.call('meetings/seal-check', { id: t.b });
    expect(check).toMatchObject({ sealed: true, ok: true, changedParts: [] });
    expect(check.storedHash).not.toBe(t.sealHashBefore);
    expect((await s.call('meetings/get', { id: t.b })).status).toBe('finalized');
    expect((await sentences(t.a))[0]!.text).toBe('Gộp người: Nguyễn Văn An (bản trùng) → Nguyễn Văn An');

    // The duplicate is in the trash, pointing at the entry kept; both histories are kept.
    expect(await s.dispatch('people/get', { id: t.dup.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(sql('SELECT merged_into AS mergedInto, deleted_at > 0 AS trashed, full_name AS fullName FROM people WHERE id = ?', t.dup.id)).toEqual([
      { mergedInto: t.keep.id, trashed: 1, fullName: 'Nguyễn Văn An' },
    ]);
    expect((await s.call('people/list', { query: 'nguyen van an' })).rows.map((r) => r.id)).toEqual([t.keep.id]);
    expect(sql<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY seq", t.dup.id).map((r) => r.action)).toEqual([
      'create',
      'merge-into',
    ]);
    expect(sql<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'person' AND entity_id = ? ORDER BY seq", t.keep.id).map((r) => r.action)).toEqual([
      'create',
      'merge-from',
    ]);
    expect((await s.call('people/meetings', { personId: t.keep.id })).total).toBe(3);
    expect(verifyAuditChain(s.archive).ok).toBe(true);
    expect(s.indexOk()).toBe(true);
    expect(s.found('nguoi:"Nguyễn Văn An"').sort()).toEqual([t.a, t.b, t.c].sort());
  });

  it('refuses a stale preview (a meeting or an entry changed since) and changes nothing', async () => {
    const t = await archiveWithTwins();
    const p = await s.call('people/merge-preview', { keepId: t.keep.id, duplicateId: t.dup.id });
    const input = { keepId: t.keep.id, duplicateId: t.dup.id, keepVersion: p.keep.version, duplicateVersion: p.duplicate.version, stamp: p.stamp, reason: 'Trùng' };

    // Another window edits meeting C after the preview was read.
    const c = await s.call('meetings/get', { id: t.c });
    await s.call('tags/set', { meetingId: t.c, version: c.version, names: ['Giao ban'] });
    const stale = await s.dispatch('people/merge', input);
    expect(stale).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT', message: ERROR_MESSAGES.VERSION_CONFLICT.vi } });
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM attendance WHERE person_id = ?', t.dup.id)[0]!.n).toBe(3);
    expect((await s.call('people/get', { id: t.dup.id })).version).toBe(p.duplicate.version);

    // The kept entry renamed in between: refused too.
    const fresh = await s.call('people/merge-preview', { keepId: t.keep.id, duplicateId: t.dup.id });
    await s.call('people/update', { id: t.keep.id, version: fresh.keep.version, fields: { fullName: 'Nguyễn Văn Ân' } });
    expect(await s.dispatch('people/merge', { ...input, stamp: fresh.stamp, keepVersion: fresh.keep.version })).toMatchObject({
      ok: false,
      error: { code: 'VERSION_CONFLICT' },
    });
    expect((await s.call('meetings/seal-check', { id: t.b })).ok).toBe(true);
  });

  it('refuses while a meeting in the trash names the duplicate, naming that meeting', async () => {
    const keep = await person('Phạm Thu Hà', '');
    const dup = await person('Pham Thu Ha', '');
    const m = await s.meeting({ title: 'Họp chi bộ tháng 5' });
    const v = (await attend(m.id, m.version, dup.id)).meetingVersion;
    await s.call('meetings/trash', { id: m.id, version: v });
    const p = await s.call('people/merge-preview', { keepId: keep.id, duplicateId: dup.id });
    expect(p.meetings).toBe(1);
    const r = await s.dispatch('people/merge', { keepId: keep.id, duplicateId: dup.id, keepVersion: 1, duplicateVersion: 1, stamp: p.stamp });
    expect(r).toMatchObject({ ok: false, error: { code: 'PERSON_MERGE_TRASHED' } });
    expect(!r.ok && r.error.message).toMatch(/^Chưa gộp được: bản trùng còn có trong hồ sơ đang ở thùng rác.*«Họp chi bộ tháng 5»/s);
    expect((await s.call('people/get', { id: dup.id })).fullName).toBe('Pham Thu Ha');
  });

  it('bounds its input: ids, the reason’s length, the stamp', async () => {
    const keep = await person('Đỗ Minh Tuấn', '');
    const dup = await person('Đỗ Minh Tuấn', '');
    const base = { keepId: keep.id, duplicateId: dup.id, keepVersion: 1, duplicateVersion: 1, stamp: 'x' };
    const long = await s.dispatch('people/merge', { ...base, reason: 'a'.repeat(2001) });
    expect(long).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!long.ok && long.error.message).toContain(vi({ key: 'input.tooLong', params: { field: { key: 'field.correctionReason' }, max: 2000 } }));
    expect(await s.dispatch('people/merge', { ...base, keepId: 'không-phải-mã' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await s.dispatch('people/merge', { ...base, stamp: 'x'.repeat(101) })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // Nothing names the duplicate: the merge only sends it to the trash (the stamp still has to match).
    expect(await s.dispatch('people/merge', base)).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });
    const p = await s.call('people/merge-preview', { keepId: keep.id, duplicateId: dup.id });
    expect(await s.call('people/merge', { ...base, stamp: p.stamp })).toMatchObject({ meetings: 0, corrected: 0 });
    expect((await s.call('people/list', { query: 'do minh tuan' })).total).toBe(1);
  });
});
