import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { jpeg } from '../helpers/images';
import { fillRecord, makeBag } from '../helpers/makeBag';
import { tempDir } from '../helpers/tempArchive';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { addPhoto } from '../../db/photos';
import { translate, type MessageLanguage } from '../../contract/messages/translate';
import { historyAt, historyChangeLines, historySentence } from '../../contract/historyWording';
import type { HistoryEntry } from '../../contract/recordContract';

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

/** An entry as the clerk reads it: the sentence, then "field: before → after" per change. */
function read(entry: HistoryEntry, language: MessageLanguage = 'vi'): string[] {
  return [
    translate(language, historySentence(entry)),
    ...historyChangeLines(entry).map((l) => `${translate(language, l.field)}: ${translate(language, l.before)} → ${translate(language, l.after)}`),
  ];
}

/** What the archive stores and a clerk must never read: coded values, ids, hashes, technical field names. */
const CODE = /\b(dai_bieu|co_mat|vang_co_ly_do|khach_moi|chu_tri|chua_lam|dang_lam|draft|finalized|thuong|fileHash|mime|byteSize|personId|createdAt|updatedAt|position|true|false)\b|[0-9a-f]{8}-[0-9a-f]{4}-|[0-9a-f]{40}/;

async function history(id: string) {
  return [...(await s.call('meetings/history', { id, offset: 0, limit: 500 })).rows].reverse();
}

describe('the history of a record in the clerk’s words (contract/historyWording.ts)', () => {
  it('words every action on a record, part by part, with labels instead of codes, in Vietnamese and English', async () => {
    const m = await s.meeting({ title: 'Hội nghị quân chính' });
    let v = m.version;
    const step = <T extends { meetingVersion: number }>(r: T) => ((v = r.meetingVersion), r);
    const guest = step(await s.call('attendance/add', { meetingId: m.id, version: v, person: { kind: 'new', fullName: 'Nguyễn Văn A' }, role: 'khach_moi', status: 'vang_co_ly_do', absenceReason: 'đi công tác' }));
    const chair = step(await s.call('attendance/add', { meetingId: m.id, version: v, person: { kind: 'new', fullName: 'Trần Thị B', rank: 'Đại tá' }, role: 'chu_tri' }));
    step(await s.call('attendance/update', { meetingId: m.id, version: v, id: guest.row.id, fields: { role: 'dai_bieu', status: 'co_mat', absenceReason: '', rank: 'Trung tá', titles: '', unit: '' } }));
    step(await s.call('attendance/remove', { meetingId: m.id, version: v, id: guest.row.id }));
    const task = step(await s.call('conclusions/add', { meetingId: m.id, version: v, fields: { text: 'Hoàn thành huấn luyện trước 31/12', isTask: true, deadline: '2025-12-31', assigneePersonId: chair.row.personId } }));
    step(await s.call('tasks/set-status', { meetingId: m.id, version: v, id: task.row.id, status: 'dang_lam' }));
    const other = step(await s.call('conclusions/add', { meetingId: m.id, version: v, fields: { text: 'Kết luận tạm' } }));
    step(await s.call('conclusions/remove', { meetingId: m.id, version: v, id: other.row.id }));
    const doc = step(await s.call('documents/add', { meetingId: m.id, version: v, fields: { number: '1374-QC/QUTW-TUHN', docType: 'Quy chế', issuedOn: '2025-01-02' } }));
    step(await s.call('documents/update', { meetingId: m.id, version: v, id: doc.row.id, fields: { number: '1374-QC/QUTW-TUHN', docType: 'Thông báo', issuedOn: '2025-01-03' } }));
    step(await s.call('tags/set', { meetingId: m.id, version: v, names: ['Quốc phòng'] }));
    const photo = step(await s.call('photos/add', { meetingId: m.id, version: v, fileName: 'quang-canh.jpg', dataBase64: (await jpeg()).toString('base64'), caption: 'Quang cảnh hội nghị.' }));
    step(await s.call('photos/set-people', { id: photo.photo.id, version: v, personIds: [chair.row.personId] }));
    const card = step(addPhoto(s.archive, m.id, v, null, { caption: 'Đồng chí Trần Thị B phát biểu.', credit: '' }, 'Văn thư'));
    step(await s.call('photos/attach', { id: card.photo.id, version: v, fileName: 'phat-bieu.jpg', dataBase64: (await jpeg({ color: '#c62828' })).toString('base64') }));
    v = (await s.call('photos/remove', { id: card.photo.id, version: v })).meetingVersion;
    v = (await s.call('meetings/finalize', { id: m.id, version: v })).meetingVersion;
    v = (await s.call('meetings/correct', { id: m.id, version: v, reason: 'Sai chú thích', change: { kind: 'photos/update', id: photo.photo.id, fields: { caption: 'Toàn cảnh hội nghị.' } } })).meetingVersion;
    v = (await s.call('meetings/correct', { id: m.id, version: v, reason: 'Nhập nhầm', change: { kind: 'meetings/trash' } })).meetingVersion;
    await s.call('meetings/restore', { id: m.id });

    const entries = await history(m.id);
    const vi = entries.map((e) => read(e));
    const sentences = vi.map((lines) => lines[0]);
    expect(sentences).toEqual([
      'Tạo hồ sơ «Hội nghị quân chính»',
      'Thêm khách mời Nguyễn Văn A (vắng có lý do: đi công tác)',
      'Thêm người chủ trì Trần Thị B',
      'Sửa thông tin dự họp của Nguyễn Văn A',
      'Xóa đại biểu Nguyễn Văn A khỏi thành phần dự họp',
      'Thêm nhiệm vụ «Hoàn thành huấn luyện trước 31/12»',
      'Cập nhật tình trạng nhiệm vụ «Hoàn thành huấn luyện trước 31/12»: Đang làm',
      'Thêm kết luận «Kết luận tạm»',
      'Xóa kết luận «Kết luận tạm»',
      'Thêm văn bản 1374-QC/QUTW-TUHN',
      'Sửa văn bản 1374-QC/QUTW-TUHN',
      'Cập nhật thẻ: Quốc phòng',
      'Thêm ảnh «Quang cảnh hội nghị.»',
      'Gắn người trong ảnh «Toàn cảnh hội nghị.»',
      'Thêm ảnh «Đồng chí Trần Thị B phát biểu.» (chưa có tệp ảnh)',
      'Đính kèm tệp ảnh vào ảnh «Đồng chí Trần Thị B phát biểu.»',
      'Xóa ảnh «Đồng chí Trần Thị B phát biểu.»',
      'Khóa hồ sơ và niêm phong',
      'Sửa ảnh «Quang cảnh hội nghị.»',
      'Niêm phong lại hồ sơ sau đính chính',
      'Chuyển hồ sơ vào thùng rác',
      'Niêm phong lại hồ sơ sau đính chính',
      'Khôi phục hồ sơ từ thùng rác',
    ]);
    // Old → new by their labels: roles, statuses, yes/no, dates, a person by name.
    expect(vi[3]).toEqual([
      'Sửa thông tin dự họp của Nguyễn Văn A',
      'Vai trò: Khách mời → Đại biểu',
      'Cấp bậc: — → Trung tá',
      'Trạng thái: Vắng có lý do → Có mặt',
      'Lý do vắng: đi công tác → —',
    ]);
    expect(vi[5]).toContain('Là nhiệm vụ: — → Có');
    expect(vi[5]).toContain('Người thực hiện: — → Trần Thị B');
    expect(vi[5]).toContain('Thời hạn: — → 31/12/2025');
    expect(vi[10]).toEqual(['Sửa văn bản 1374-QC/QUTW-TUHN', 'Loại văn bản: Quy chế → Thông báo', 'Ngày ban hành: 02/01/2025 → 03/01/2025']);
    expect(vi[13]).toEqual(['Gắn người trong ảnh «Toàn cảnh hội nghị.»', 'Người trong ảnh: — → Trần Thị B']);
    expect(vi[12]).toEqual(['Thêm ảnh «Quang cảnh hội nghị.»', 'Chú thích: — → Quang cảnh hội nghị.', 'Tên tệp: — → quang-canh.jpg']);
    expect(vi[17]).toEqual(['Khóa hồ sơ và niêm phong', 'Trạng thái: Bản nháp → Đã khóa']);
    expect(entries[18]!.reason).toBe('Sai chú thích');
    expect(historyAt(entries[0]!.at)).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);

    const en = entries.map((e) => read(e, 'en'));
    expect(en[1]![0]).toBe('Added guest Nguyễn Văn A (excused absence: đi công tác)');
    expect(en[3]).toContain('Role: Guest → Delegate');
    for (const lines of [...vi, ...en]) for (const line of lines) expect(line).not.toMatch(CODE);
  });

  it('words a record merged from a USB bag, and the entries a merge or an export leave', async () => {
    const pc = await recordSession();
    const bags = tempDir('hoso-bags-');
    try {
      const r = await fillRecord(pc, { title: 'Họp từ máy khác', finalize: true });
      const bag = await makeBag(pc.archive, join(bags.dir, 'bag-1'), { meetingIds: [r.id] });
      const plan = await previewMerge(s.archive, bag);
      await applyMerge(s.archive, { path: bag, token: plan.token, meetings: {}, people: {} }, { actor: 'Văn thư B' });
      const sentences = (await history(r.id)).map((e) => read(e)[0]);
      expect(sentences).toEqual(['Khóa hồ sơ và niêm phong', 'Nhập hồ sơ từ gói USB bag-1']);
    } finally {
      pc.cleanup();
      bags.cleanup();
    }
    const entry = (action: string, changes: HistoryEntry['changes']): HistoryEntry =>
      ({ id: 'x', seq: 1, at: 0, actor: 'A', action, part: 'meeting', reason: '', changes, subject: '', restorable: false });
    const theirs = entry('merge.theirs', [
      { field: 'contentHash', before: 'ab', after: 'cd' },
      { field: 'bag', before: null, after: 'hoso-2026-11-20' },
      { field: 'differences', before: null, after: ['title', 'attendance'] },
      { field: 'trashed', before: false, after: null },
    ]);
    expect(read(theirs)).toEqual(['Thay bằng bản trong gói USB hoso-2026-11-20', 'Khác nhau ở: — → Tên cuộc họp, Thành phần']);
    expect(read(entry('merge.mine', [{ field: 'bag', before: null, after: 'b' }]))).toEqual(['Giữ bản trên máy này, không lấy bản trong gói USB b']);
    expect(read(entry('merge.both', [{ field: 'bag', before: null, after: 'b' }, { field: 'fromId', before: null, after: '01a24af7-bca0-740c-8a30-8bf002c71ffc' }]))).toEqual([
      'Tạo bản sao từ gói USB b (giữ cả hai bản)',
    ]);
    const pasted = { ...entry('attendance.add-many', [{ field: '', before: null, after: ['Thiếu tá Lê Văn C', 'Đồng chí Tạ Thu Hà'] }]), part: 'attendance' as const };
    expect(read(pasted)).toEqual(['Thêm 2 người dự họp', 'Người dự họp: — → Thiếu tá Lê Văn C; Đồng chí Tạ Thu Hà']);
    expect(read(pasted, 'en')[0]).toBe('Added attendees: 2');
    expect(read(entry('export', [{ field: 'path', before: null, after: 'E:\\hoso' }, { field: 'encrypted', before: null, after: true }, { field: 'level', before: null, after: 'mat' }]))).toEqual([
      'Xuất hồ sơ ra USB: E:\\hoso',
      'Mã hóa: — → Có',
      'Độ mật khi xuất: — → Mật',
    ]);
  });
});
