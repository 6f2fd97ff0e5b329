import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { checkSeal } from '../../db/seal';
import { translate } from '../../contract/messages/translate';
import { verifyAuditChain } from '../../db/audit';
import { findPhotoFile } from '../../services/photoFiles';
import { jpeg } from '../helpers/images';
import { recordSession, type RecordSession } from '../helpers/recordSession';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

/** A draft with something in every part (a real photo through the photo store), ready to finalize. */
async function fullRecord() {
  const m = await s.meeting({ title: 'Hội nghị công tác quốc phòng địa phương' });
  let v = m.version;
  const step = async <T extends { meetingVersion: number }>(p: Promise<T>) => {
    const r = await p;
    v = r.meetingVersion;
    return r;
  };
  const chair = await step(s.call('attendance/add', { meetingId: m.id, version: v, person: { kind: 'new', fullName: 'Phan Văn Giang', rank: 'Đại tướng' }, role: 'chu_tri' }));
  await step(s.call('attendance/add', { meetingId: m.id, version: v, person: { kind: 'new', fullName: 'Nguyễn Thị Tuyến' } }));
  const c = await step(s.call('conclusions/add', { meetingId: m.id, version: v, fields: { text: 'Tiếp tục xây dựng khu vực phòng thủ vững chắc.', isTask: true, deadline: '2025-12-31' } }));
  await step(s.call('documents/add', { meetingId: m.id, version: v, fields: { number: '1374-QC/QUTW-TUHN' } }));
  await step(s.call('tags/set', { meetingId: m.id, version: v, names: ['Quốc phòng'] }));
  const photo = await s.call('photos/add', { meetingId: m.id, version: v, fileName: 'quang-canh.jpg', dataBase64: (await jpeg()).toString('base64'), caption: 'Quang cảnh hội nghị.' });
  v = photo.meetingVersion;
  return { id: m.id, version: v, chairRow: chair.row.id, conclusion: c.row.id, photo: photo.photo };
}

describe('finalizing (khóa hồ sơ)', () => {
  it('seals the record, then refuses every direct change with MEETING_FINALIZED', async () => {
    const r = await fullRecord();
    const sealed = await s.call('meetings/finalize', { id: r.id, version: r.version });
    expect(sealed).toMatchObject({ meetingVersion: r.version + 1, sealHash: expect.stringMatching(/^[0-9a-f]{64}$/), sealedAt: expect.any(Number) });
    const v = sealed.meetingVersion;
    expect((await s.call('meetings/get', { id: r.id })).status).toBe('finalized');
    expect(await s.call('meetings/seal-check', { id: r.id })).toMatchObject({ sealed: true, ok: true, changedParts: [], badPhotoFiles: [], photoFilesChecked: true });

    const attempts: [string, Record<string, unknown>][] = [
      ['meetings/update', { id: r.id, version: v, fields: { title: 'Đổi tên', kind: 'Hội nghị', meetingDate: null, startTime: null, endTime: null } }],
      ['attendance/add', { meetingId: r.id, version: v, person: { kind: 'new', fullName: 'Trần Văn Mới' } }],
      ['attendance/update', { meetingId: r.id, version: v, id: r.chairRow, fields: { rank: 'Thượng tướng' } }],
      ['conclusions/add', { meetingId: r.id, version: v, fields: { text: 'Thêm kết luận' } }],
      ['documents/add', { meetingId: r.id, version: v, fields: { number: '15-NQ/TW' } }],
      ['tags/set', { meetingId: r.id, version: v, names: [] }],
      ['meetings/trash', { id: r.id, version: v }],
      ['meetings/finalize', { id: r.id, version: v }],
      ['photos/update', { id: r.photo.id, version: v, fields: { caption: 'Sửa chú thích' } }],
    ];
    for (const [channel, input] of attempts) {
      expect([channel, await s.dispatch(channel, input)]).toMatchObject([channel, { ok: false, error: { code: 'MEETING_FINALIZED' } }]);
    }
    expect((await s.call('meetings/get', { id: r.id })).version).toBe(v);
    // Following up a task is not a change to what was decided: allowed, and the seal still holds.
    const followed = await s.call('tasks/set-status', { meetingId: r.id, version: v, id: r.conclusion, status: 'dang_lam' });
    expect(followed.row.taskStatus).toBe('dang_lam');
    expect((await s.call('meetings/seal-check', { id: r.id })).ok).toBe(true);
  });

  it('detects a row changed behind the app’s back, an edited seal, and a photo file that no longer checks', async () => {
    const r = await fullRecord();
    await s.call('meetings/finalize', { id: r.id, version: r.version });

    s.archive.sqlite.prepare("UPDATE attendance SET rank = 'Thượng tướng' WHERE id = ?").run(r.chairRow);
    const tampered = await s.call('meetings/seal-check', { id: r.id });
    expect(tampered).toMatchObject({ sealed: true, ok: false, changedParts: ['attendance'] });
    expect(translate('vi', tampered.message)).toBe(
      'Hồ sơ đã bị thay đổi ngoài ứng dụng sau khi khóa: thành phần dự họp. Hãy đối chiếu với bản sao lưu.',
    );
    // The clerk reads it in the UI's language: an English UI gets English, the part named in English.
    expect(translate('en', tampered.message)).toBe(
      'The record was changed outside the application after it was finalized: attendance. Compare it with a backup.',
    );
    expect(tampered.currentHash).not.toBe(tampered.storedHash);

    // Someone "fixes" the seal column to match: the audit log still holds the real seal.
    s.archive.sqlite.prepare('UPDATE meetings SET seal_hash = ? WHERE id = ?').run(tampered.currentHash, r.id);
    const resealed = await s.call('meetings/seal-check', { id: r.id });
    expect(resealed.changedParts).toEqual(['seal', 'attendance']);
    expect(translate('vi', resealed.message)).toBe(
      'Hồ sơ đã bị thay đổi ngoài ứng dụng sau khi khóa: mã niêm phong, thành phần dự họp. Hãy đối chiếu với bản sao lưu.',
    );
    s.archive.sqlite.prepare("UPDATE attendance SET rank = 'Đại tướng' WHERE id = ?").run(r.chairRow);
    s.archive.sqlite.prepare('UPDATE meetings SET seal_hash = ? WHERE id = ?').run(tampered.storedHash, r.id);
    expect((await s.call('meetings/seal-check', { id: r.id })).ok).toBe(true);

    // The photo store's verdict is part of the check: a callback saying no, and a real file edited on disk.
    expect(checkSeal(s.archive, r.id, { verifyPhotoFile: () => false })).toMatchObject({ ok: false, changedParts: [], badPhotoFiles: [r.photo.fileHash] });
    expect(checkSeal(s.archive, r.id)).toMatchObject({ ok: true, photoFilesChecked: false });
    writeFileSync(findPhotoFile(s.dir, r.photo.fileHash!)!.path, await jpeg({ color: '#1b5e20' }));
    const photoCheck = await s.call('meetings/seal-check', { id: r.id });
    expect(photoCheck).toMatchObject({ ok: false, changedParts: [], badPhotoFiles: [r.photo.fileHash] });
    expect(translate('vi', photoCheck.message)).toContain('1 tệp ảnh bị thiếu hoặc hỏng');

    s.archive.sqlite.prepare("UPDATE photos SET caption = 'Chú thích khác' WHERE id = ?").run(r.photo.id);
    expect((await s.call('meetings/seal-check', { id: r.id })).changedParts).toEqual(['photos']);
  });

  it('says a draft has no seal yet', async () => {
    const m = await s.meeting();
    const report = await s.call('meetings/seal-check', { id: m.id });
    expect(report).toMatchObject({ sealed: false, ok: false });
    expect(translate('vi', report.message)).toBe('Hồ sơ chưa khóa nên chưa có niêm phong để kiểm tra.');
  });
});

describe('corrections (đính chính)', () => {
  it('needs a reason, applies the change, records it with the reason and re-seals', async () => {
    const r = await fullRecord();
    const sealed = await s.call('meetings/finalize', { id: r.id, version: r.version });
    const change = { kind: 'attendance/update', id: r.chairRow, fields: { role: 'chu_tri', rank: 'Đại tướng', titles: 'Bộ trưởng Bộ Quốc phòng' } };

    const noReason = await s.dispatch('meetings/correct', { id: r.id, version: sealed.meetingVersion, reason: '   ', change });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!noReason.ok && noReason.error.message).toContain('Lý do đính chính không được để trống.');
    const stale = await s.dispatch('meetings/correct', { id: r.id, version: sealed.meetingVersion - 1, reason: 'Bổ sung chức vụ', change });
    expect(stale).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });

    const corrected = await s.call('meetings/correct', { id: r.id, version: sealed.meetingVersion, reason: 'Bổ sung chức vụ theo văn bản gốc', change });
    expect(corrected.meetingVersion).toBe(sealed.meetingVersion + 1);
    expect(corrected.sealHash).not.toBe(sealed.sealHash);
    expect((await s.call('attendance/list', { meetingId: r.id })).rows[0]!.titles).toBe('Bộ trưởng Bộ Quốc phòng');
    expect(await s.call('meetings/seal-check', { id: r.id })).toMatchObject({ ok: true, storedHash: corrected.sealHash });
    expect(s.found('"bo truong bo quoc phong"')).toEqual([r.id]);
    expect(s.indexOk()).toBe(true);

    const history = await s.call('meetings/history', { id: r.id });
    const [correct, part] = history.rows;
    expect(correct).toMatchObject({ action: 'correct', part: 'meeting', reason: 'Bổ sung chức vụ theo văn bản gốc' });
    expect(correct!.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['sealHash', 'sealedAt']));
    expect(part).toMatchObject({ action: 'attendance.update', part: 'attendance', reason: 'Bổ sung chức vụ theo văn bản gốc' });
    expect(part!.changes).toEqual([{ field: 'titles', before: '', after: 'Bộ trưởng Bộ Quốc phòng' }]);

    // Corrections of the meeting's own fields and of the other parts go the same way.
    let v = corrected.meetingVersion;
    for (const c of [
      { kind: 'meetings/update', fields: { title: 'Hội nghị công tác quốc phòng địa phương năm 2025', kind: 'Hội nghị', meetingDate: '2025-05-26', startTime: '14:00', endTime: null } },
      { kind: 'conclusions/add', fields: { text: 'Bổ sung kết luận bị sót.' } },
      { kind: 'documents/add', fields: { number: '15-NQ/TW' } },
      { kind: 'tags/set', names: ['Quốc phòng', 'Đính chính'] },
      { kind: 'attendance/remove', id: r.chairRow },
    ]) {
      v = (await s.call('meetings/correct', { id: r.id, version: v, reason: `Đính chính ${c.kind}`, change: c })).meetingVersion;
      expect([c.kind, (await s.call('meetings/seal-check', { id: r.id })).ok, s.indexOk()]).toEqual([c.kind, true, true]);
    }
    const badTitle = await s.dispatch('meetings/correct', { id: r.id, version: v, reason: 'x', change: { kind: 'meetings/update', fields: { title: '' } } });
    expect(!badTitle.ok && badTitle.error.message).toContain('Tên cuộc họp không được để trống.');
    expect(verifyAuditChain(s.archive).ok).toBe(true);
  });

  it('corrects the photos of a finalized record: caption, people, a photo added, the album reordered, one removed', async () => {
    const r = await fullRecord();
    const sealed = await s.call('meetings/finalize', { id: r.id, version: r.version });
    const added = await s.dispatch('photos/add', { meetingId: r.id, version: sealed.meetingVersion, fileName: 'b.jpg', dataBase64: (await jpeg({ color: '#1b5e20' })).toString('base64') });
    expect(added).toMatchObject({ ok: false, error: { code: 'MEETING_FINALIZED' } });

    let v = sealed.meetingVersion;
    let seal = sealed.sealHash;
    const correct = async (reason: string, change: Record<string, unknown>) => {
      const c = await s.call('meetings/correct', { id: r.id, version: v, reason, change });
      expect(c.sealHash).not.toBe(seal);
      v = c.meetingVersion;
      seal = c.sealHash;
      expect(await s.call('meetings/seal-check', { id: r.id })).toMatchObject({ ok: true, photoFilesChecked: true, badPhotoFiles: [] });
      expect(s.indexOk()).toBe(true);
    };
    await correct('Sửa chú thích theo bản in', { kind: 'photos/update', id: r.photo.id, fields: { caption: 'Đại tướng Phan Văn Giang phát biểu chỉ đạo hội nghị.', credit: 'Ảnh: Việt Hà' } });
    expect(s.found('"phat bieu chi dao"')).toEqual([r.id]);
    const chair = (await s.call('attendance/list', { meetingId: r.id })).rows.find((row) => row.role === 'chu_tri')!;
    await correct('Gắn tên người trong ảnh', { kind: 'photos/set-people', id: r.photo.id, personIds: [chair.personId] });
    await correct('Bổ sung ảnh bị sót', { kind: 'photos/add', fileName: 'trao-qua.jpg', dataBase64: (await jpeg({ color: '#0d47a1' })).toString('base64'), caption: 'Trao quà cho các đơn vị.' });
    const album = await s.call('photos/list', { meetingId: r.id });
    expect(album.photos.map((p) => p.caption)).toEqual(['Đại tướng Phan Văn Giang phát biểu chỉ đạo hội nghị.', 'Trao quà cho các đơn vị.']);
    expect(album.photos[0]!.people.map((p) => p.fullName)).toEqual(['Phan Văn Giang']);
    await correct('Đổi thứ tự ảnh', { kind: 'photos/reorder', photoIds: album.photos.map((p) => p.id).reverse() });
    await correct('Ảnh chụp nhầm cuộc họp khác', { kind: 'photos/remove', id: album.photos[0]!.id });
    expect((await s.call('photos/list', { meetingId: r.id })).photos.map((p) => p.caption)).toEqual(['Trao quà cho các đơn vị.']);

    const history = await s.call('meetings/history', { id: r.id, offset: 0, limit: 50 });
    const reasons = history.rows.filter((h) => h.part === 'photos').map((h) => h.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Sửa chú thích theo bản in', 'Bổ sung ảnh bị sót', 'Ảnh chụp nhầm cuộc họp khác']));
    expect(verifyAuditChain(s.archive).ok).toBe(true);
  });

  it('is refused on a draft (edit it directly)', async () => {
    const m = await s.meeting();
    const r = await s.dispatch('meetings/correct', { id: m.id, version: 1, reason: 'Sửa', change: { kind: 'tags/set', names: ['A'] } });
    expect(r).toMatchObject({ ok: false, error: { code: 'MEETING_NOT_FINALIZED' } });
  });
});

describe('trash', () => {
  it('removes a meeting from lists and search, lists it in the trash, and restores it with everything', async () => {
    const r = await fullRecord();
    expect(s.found('"khu vuc phong thu"')).toEqual([r.id]);
    const stale = await s.dispatch('meetings/trash', { id: r.id, version: r.version - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'VERSION_CONFLICT' } });

    const trashed = await s.call('meetings/trash', { id: r.id, version: r.version });
    expect(s.found('"khu vuc phong thu"')).toEqual([]);
    expect(s.indexOk()).toBe(true);
    expect((await s.call('meetings/list', {})).total).toBe(0);
    expect(await s.dispatch('meetings/get', { id: r.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.dispatch('attendance/list', { meetingId: r.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await s.call('meetings/trash-list', {})).toEqual({
      total: 1,
      rows: [{ id: r.id, title: 'Hội nghị công tác quốc phòng địa phương', kind: 'Hội nghị', meetingDate: '2025-05-26', status: 'draft', deletedAt: trashed.deletedAt }],
    });

    const restored = await s.call('meetings/restore', { id: r.id });
    expect(restored.meetingVersion).toBe(r.version + 2);
    expect(s.found('"khu vuc phong thu"')).toEqual([r.id]);
    expect(s.found('the:"quoc phong"')).toEqual([r.id]);
    expect(s.indexOk()).toBe(true);
    expect((await s.call('meetings/record', { id: r.id })).attendance.counts.total).toBe(2);
    expect((await s.call('meetings/trash-list', {})).total).toBe(0);
    expect(await s.dispatch('meetings/restore', { id: r.id })).toMatchObject({ ok: false, error: { code: 'NOT_IN_TRASH' } });
  });

  it('trashes a finalized record only as a correction', async () => {
    const r = await fullRecord();
    const sealed = await s.call('meetings/finalize', { id: r.id, version: r.version });
    const out = await s.call('meetings/correct', { id: r.id, version: sealed.meetingVersion, reason: 'Nhập trùng hồ sơ', change: { kind: 'meetings/trash' } });
    expect(out.sealHash).toBe(sealed.sealHash);
    expect((await s.call('meetings/trash-list', {})).rows.map((t) => [t.id, t.status])).toEqual([[r.id, 'finalized']]);
    expect(s.indexOk()).toBe(true);
  });
});

describe('history', () => {
  it('shows who changed what in the meeting and its parts, field by field, and restores an earlier version', async () => {
    const m = await s.meeting({ title: 'Giao ban tháng 3', location: 'Phòng họp số 1' });
    const v2 = await s.call('meetings/update', {
      id: m.id,
      version: 1,
      fields: { title: 'Giao ban tháng 3 năm 2025', kind: 'Hội nghị', meetingDate: '2025-05-26', startTime: '14:00', endTime: null, location: 'Phòng họp số 2' },
    });
    const add = await s.call('attendance/add', { meetingId: m.id, version: v2.version, person: { kind: 'new', fullName: 'Lê Văn Tám', rank: 'Đại tá' } });
    const doc = await s.call('documents/add', { meetingId: m.id, version: add.meetingVersion, fields: { number: '05/TB-UBND' } });
    const photo = await s.call('photos/add', { meetingId: m.id, version: doc.meetingVersion, fileName: 'a.jpg', dataBase64: (await jpeg()).toString('base64'), caption: 'Ảnh 1' });

    const h = await s.call('meetings/history', { id: m.id });
    expect(h.rows.map((e) => [e.action, e.part])).toEqual([
      ['create', 'photos'],
      ['documents.add', 'documents'],
      ['attendance.add', 'attendance'],
      ['update', 'meeting'],
      ['create', 'meeting'],
    ]);
    const update = h.rows[3]!;
    expect(update).toMatchObject({ actor: expect.any(String), restorable: true });
    expect(update.changes).toEqual([
      { field: 'title', before: 'Giao ban tháng 3', after: 'Giao ban tháng 3 năm 2025' },
      { field: 'location', before: 'Phòng họp số 1', after: 'Phòng họp số 2' },
    ]);
    expect(h.rows[2]!.changes).toEqual(expect.arrayContaining([{ field: 'fullName', before: null, after: 'Lê Văn Tám' }, { field: 'rank', before: null, after: 'Đại tá' }]));
    expect(h.rows[2]!.restorable).toBe(false);

    const notRestorable = await s.dispatch('meetings/restore-version', { id: m.id, version: photo.meetingVersion, auditId: h.rows[1]!.id });
    expect(notRestorable).toMatchObject({ ok: false, error: { code: 'VERSION_NOT_RESTORABLE' } });
    const restored = await s.call('meetings/restore-version', { id: m.id, version: photo.meetingVersion, auditId: h.rows[4]!.id });
    expect(restored).toMatchObject({ title: 'Giao ban tháng 3', location: 'Phòng họp số 1', version: photo.meetingVersion + 1 });
    // Parts are left as they are; the restore is a new entry, the log is only appended to.
    expect((await s.call('attendance/list', { meetingId: m.id })).counts.total).toBe(1);
    const after = await s.call('meetings/history', { id: m.id, limit: 1 });
    expect(after.total).toBe(6);
    expect(after.rows[0]).toMatchObject({ action: 'restore-version', part: 'meeting', restorable: true });
    expect(after.rows[0]!.changes.map((c) => c.field)).toEqual(['title', 'location']);
    expect(s.found('"phong hop so 1"')).toEqual([m.id]);
    expect(s.indexOk()).toBe(true);
    expect(verifyAuditChain(s.archive).ok).toBe(true);

    // History of a trashed meeting stays readable; unknown meetings are NOT_FOUND.
    await s.call('meetings/trash', { id: m.id, version: restored.version });
    expect((await s.call('meetings/history', { id: m.id, limit: 1 })).rows[0]!.action).toBe('trash');
    expect(await s.dispatch('meetings/history', { id: '01900000-0000-7000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
