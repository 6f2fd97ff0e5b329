import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMeeting } from '../../db/meetings';
import { translate } from '../../contract/messages/translate';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { reportDocx } from '../fixtures/import/reportDocx';

/** A short report in the style of a provincial news item (written for this test). */
const REPORT = `Ban Chỉ huy Quân sự huyện Tam Nông giao ban công tác quý III

Sáng 12-9, Ban Chỉ huy Quân sự huyện Tam Nông tổ chức hội nghị giao ban công tác quân sự, quốc phòng quý III. Thượng tá Đặng Văn Hòa, Chỉ huy trưởng chủ trì hội nghị.

Hội nghị thống nhất giao Ban Tham mưu hoàn thành kế hoạch huấn luyện dân quân năm 2027 trước ngày 15/12/2026.

Các cơ quan tiếp tục duy trì nghiêm chế độ trực sẵn sàng chiến đấu.`;

let s: RecordSession;
beforeEach(async () => {
  s = await recordSession();
});
afterEach(() => s.cleanup());

const reviewed = {
  title: 'Giao ban công tác quân sự, quốc phòng quý III',
  kind: 'Hội nghị',
  meetingDate: '2026-09-12',
};

describe('import: a conclusion becomes a task only when the clerk ticked it', () => {
  it('a ticked conclusion is saved as a task (Chưa làm) with its deadline, the others as plain conclusions', async () => {
    const source = { kind: 'text', name: 'giao-ban.txt', text: REPORT };
    const saved = await s.call('import/save', {
      source,
      draft: {
        ...reviewed,
        conclusions: [
          'Các cơ quan tiếp tục duy trì nghiêm chế độ trực sẵn sàng chiến đấu.',
          {
            text: 'Giao Ban Tham mưu hoàn thành kế hoạch huấn luyện dân quân năm 2027 trước ngày 15/12/2026.',
            task: { deadline: '2026-12-15' },
          },
          // An offer the clerk left unticked arrives as an object without a task.
          { text: 'Tổng kết công tác tuyển quân.', task: null },
        ],
      },
    });
    expect(saved).toMatchObject({ status: 'imported', counts: { conclusions: 3 } });
    // What the meeting's Kết luận tab reads.
    const list = await s.call('conclusions/list', { meetingId: saved.meetingId });
    expect(list.rows.map((c) => [c.isTask, c.deadline, c.taskStatus])).toEqual([
      [false, null, null],
      [true, '2026-12-15', 'chua_lam'],
      [false, null, null],
    ]);
  });

  it('the batch import (no review) never makes a task, whatever deadline a directive names', async () => {
    const r = await s.call('import/batch', {
      sources: [{ kind: 'text', name: 'giao-ban.txt', text: REPORT }],
    });
    const meetingId = r.items[0]!.meetingId;
    const rows = (await s.call('conclusions/list', { meetingId })).rows;
    expect(rows.every((c) => !c.isTask && c.deadline === null && c.taskStatus === null)).toBe(true);
  });
});

describe('import: captions are never dropped', () => {
  it('captions without a picture file become photo cards (caption and credit apart) waiting for the picture, and the clerk is told', async () => {
    const source = { kind: 'text', name: 'giao-ban.txt', text: REPORT };
    const saved = await s.call('import/save', {
      source,
      draft: {
        ...reviewed,
        body: 'Hội nghị giao ban quý III.',
        captions: [
          { text: 'Thượng tá Đặng Văn Hòa phát biểu tại hội nghị. Ảnh: Minh Châu', image: null },
          // A pasted "[Ảnh 2]": the text names a picture whose file never came.
          { text: 'Quang cảnh hội nghị.', image: 1 },
        ],
      },
    });
    expect(saved.counts).toMatchObject({ photos: 0, photoCards: 2 });
    // The minutes are the report's text: the captions are in the album, not appended.
    expect(getMeeting(s.archive, saved.meetingId!).minutesText).toBe('Hội nghị giao ban quý III.');
    const photos = await s.call('photos/list', { meetingId: saved.meetingId });
    expect(photos.photos.map((p) => [p.caption, p.credit, p.fileHash])).toEqual([
      ['Thượng tá Đặng Văn Hòa phát biểu tại hội nghị.', 'Ảnh: Minh Châu', null],
      ['Quang cảnh hội nghị.', '', null],
    ]);
    expect(saved.notes.map((n) => translate('vi', n))).toEqual([
      '2 chú thích ảnh chưa có tệp ảnh kèm theo được giữ thành thẻ ảnh chờ ảnh; đính kèm ảnh cho từng thẻ ở thẻ Ảnh.',
    ]);
    // Captions and credits are searchable like the rest of the record.
    const found = await s.call('search/query', { query: '"Minh Châu"' });
    expect(found.rows.map((r) => r.id)).toEqual([saved.meetingId]);
  });

  it('a Word file: the picture takes its caption (credit apart); a second caption on it and a standalone credit become cards', async () => {
    const docx = await reportDocx({ caption: 'Quang cảnh hội nghị triển khai nhiệm vụ. Ảnh: Thanh Tùng' });
    const source = { kind: 'file', name: 'hoi-nghi.docx', dataBase64: docx.toString('base64') };
    const preview = await s.call('import/preview', { source });
    expect(preview.draft.images.map((i) => i.index)).toEqual([0]);
    const saved = await s.call('import/save', {
      source,
      draft: {
        ...reviewed,
        title: 'Hội nghị triển khai nhiệm vụ quân sự, quốc phòng năm 2025',
        captions: [
          { text: 'Quang cảnh hội nghị triển khai nhiệm vụ. Ảnh: Thanh Tùng', image: 0 },
          { text: 'Đại biểu dự hội nghị.', image: 0 },
          { text: 'Ảnh: Hoàng Hà', image: null },
        ],
      },
    });
    expect(saved.counts).toMatchObject({ photos: 1, photoCards: 2 });
    const photos = await s.call('photos/list', { meetingId: saved.meetingId });
    expect(photos.photos.map((p) => [p.caption, p.credit, p.fileHash === null])).toEqual([
      ['Quang cảnh hội nghị triển khai nhiệm vụ.', 'Ảnh: Thanh Tùng', false],
      ['Đại biểu dự hội nghị.', '', true],
      ['', 'Ảnh: Hoàng Hà', true],
    ]);
  });
});
