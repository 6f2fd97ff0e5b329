import { describe, expect, it } from 'vitest';
import { errorAsMessage, errorMessages, HosoError } from '../../contract/errors';
import { literal, msg } from '../../contract/messages/message';
import { commaList } from '../../contract/messages/recordParts';
import { translate, translateAll } from '../../contract/messages/translate';
import { vi } from '../../contract/messages/vi';

describe('record-side messages (contract/messages/recordMessages.ts)', () => {
  it('word a seal report in Vietnamese as before, and in English for an English UI', () => {
    const parts = commaList([msg('seal.part.seal'), msg('seal.part.photos'), msg('seal.badPhotoFiles', { n: 1200 })]);
    const m = msg('seal.changed', { problems: parts! });
    expect(translate('vi', m)).toBe(
      'Hồ sơ đã bị thay đổi ngoài ứng dụng sau khi khóa: mã niêm phong, ảnh, 1.200 tệp ảnh bị thiếu hoặc hỏng. Hãy đối chiếu với bản sao lưu.',
    );
    expect(translate('en', m)).toBe(
      'The record was changed outside the application after it was finalized: seal code, photos, 1,200 photo files missing or damaged. Compare it with a backup.',
    );
  });

  it('list every part of a record (the most a seal check names) flat, one level deep', () => {
    const all = ['meeting', 'attendance', 'conclusions', 'documents', 'tags', 'photos', 'seal'] as const;
    const list = commaList([...all.map((p) => msg(`seal.part.${p}`)), msg('seal.badPhotoFiles', { n: 2 })])!;
    // Nested inside `hoso check`'s line it is still worded in full.
    const line = msg('check.sealBroken', { title: 'Giao ban', reason: msg('seal.changed', { problems: list }) });
    expect(translate('vi', line)).toContain(
      'thông tin chung, thành phần dự họp, kết luận, văn bản liên quan, thẻ, ảnh, mã niêm phong, 2 tệp ảnh bị thiếu hoặc hỏng.',
    );
    expect(commaList([])).toBeNull();
    expect(commaList([msg('seal.part.tags')])).toEqual(msg('seal.part.tags'));
  });

  it('an error as one message or as the messages of its line reads as the error did', () => {
    const e = new HosoError('PHOTO_NOT_IMAGE', msg('importNote.photoOf', { source: 'bao-cao.docx', n: 3 }));
    expect(translateAll('vi', errorMessages(e))).toBe(e.message);
    expect(translate('vi', errorAsMessage(e))).toBe(e.message);
    expect(translate('vi', msg('importNote.photoNotSaved', { n: 3, error: errorAsMessage(e) }))).toBe(
      `Ảnh 3 không lưu được: ${vi.errors.PHOTO_NOT_IMAGE} (bao-cao.docx — ảnh 3)`,
    );
    const dup = new HosoError('DUPLICATE_ATTENDEE', literal('Phạm Hoài Nam'));
    expect(translate('en', errorAsMessage(dup))).toBe(
      'This person is already on the attendance list of this meeting; not added again. (Phạm Hoài Nam)',
    );
  });

  it('word the wrong-password details in English for an English lock screen', () => {
    const m = msg('lockTries.failedWait', { n: 5, wait: msg('lockTries.waitSeconds', { n: 30 }) });
    expect(translate('vi', m)).toBe('Đã sai 5 lần. Hãy thử lại sau 30 giây.');
    expect(translate('en', m)).toBe('5 wrong tries. Try again in 30 seconds.');
  });
});
