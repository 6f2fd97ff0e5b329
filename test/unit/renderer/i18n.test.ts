import { describe, expect, it } from 'vitest';
import { vi } from '../../../renderer/src/i18n/vi';
import { en } from '../../../renderer/src/i18n/en';
import { CONNECTION_LOST_MESSAGE } from '../../../renderer/src/api/client';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const viLeaves = leaves(vi);
const enLeaves = leaves(en);

describe('translations', () => {
  it('have the same keys in both languages and no empty text', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...viLeaves.keys()].sort());
    for (const [key, text] of [...viLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}|<(\w+)>/g)].map((m) => m[1] ?? m[2]).sort();
    for (const [key, text] of viLeaves) expect(vars(enLeaves.get(key)!), key).toEqual(vars(text));
  });

  it('name the sections and fields with proper Vietnamese diacritics', () => {
    expect(vi.nav).toEqual({
      meetings: 'Hội nghị',
      import: 'Nhập hồ sơ',
      tasks: 'Nhiệm vụ',
      search: 'Tìm kiếm',
      people: 'Danh bạ',
      reports: 'Báo cáo',
      usb: 'Xuất ra USB',
      usbMerge: 'Nhập từ USB',
      settings: 'Cài đặt',
      trash: 'Thùng rác',
    });
    expect(vi.meetings.new).toBe('Thêm cuộc họp');
    expect(vi.common.save).toBe('Lưu');
    expect(vi.common.saved).toBe('Đã lưu');
    expect(vi.people.column).toEqual({
      fullName: 'Họ và tên',
      rank: 'Cấp bậc',
      title: 'Chức vụ',
      unit: 'Đơn vị',
    });
    expect(vi.meetingForm.field).toMatchObject({
      kind: 'Loại',
      date: 'Ngày',
      start: 'Giờ bắt đầu',
      end: 'Giờ kết thúc',
      location: 'Địa điểm',
      organizer: 'Cơ quan tổ chức',
      minutes: 'Nội dung',
    });
    expect(vi.meetings.yearFilter).toBe('Năm');
    expect(vi.common.all).toBe('Tất cả');
    expect(vi.meetings.status).toEqual({ draft: 'Bản nháp', finalized: 'Đã khóa' });
  });

  it('are stored in composed Unicode (NFC), as Vietnamese text must be for search and sorting', () => {
    for (const [key, text] of viLeaves) expect(text, key).toBe(text.normalize('NFC'));
  });

  it('say the same thing as the transport when the connection is lost', () => {
    expect(vi.errors.connectionLost).toBe(CONNECTION_LOST_MESSAGE);
  });
});
