import { describe, expect, it } from 'vitest';
import { nameSortKey, splitVietnameseName, viSortKey } from '../../contract/vietnamese/collation';
import { foldVietnamese } from '../../contract/vietnamese/fold';

const collator = new Intl.Collator('vi');

describe('Vietnamese collation keys', () => {
  it('orders words as Intl.Collator("vi") does (a ă â b c d đ e ê …, tones as tie-breakers)', () => {
    const words = [
      'đường', 'dương', 'Dũng', 'dung', 'ăn', 'ân', 'an', 'anh', 'ấn', 'bàn', 'bán', 'bản', 'ban', 'bạn', 'bãn',
      'ơn', 'ôn', 'on', 'ưu', 'uống', 'Ủy ban', 'Uỷ ban', 'ủy viên', 'Quốc phòng', 'quốc hội', 'Hà Nội', 'Hà Nam',
      'Hải Phòng', 'hội nghị', 'Hội nghị', 'hồi', 'hỏi', 'hơi', 'Thường vụ', 'thượng', 'Thủ đô', 'Thượng tướng', 'Trung tướng',
      'Đại tướng', 'Đại tá', 'đại biểu', 'Lê', 'Lương', 'Ngô', 'Nguyễn', 'Phạm', 'Phan', 'Trần', 'Vịnh', 'Vũ', 'Võ', 'x', 'y',
      '2024', '10', '9', 'Kế hoạch 05', 'Kế hoạch 5',
    ];
    const byKey = [...words].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : viSortKey(a) > viSortKey(b) ? 1 : 0));
    const byIntl = [...words].sort(collator.compare);
    // Compare primary+secondary order: both must agree word for word.
    expect(byKey).toEqual(byIntl);
  });

  it('puts đ after every d word and â/ă after a, as a Vietnamese reader expects', () => {
    const sorted = ['Đông', 'Dung', 'Ân', 'An', 'Ăn', 'Bắc'].sort((a, b) => (viSortKey(a) < viSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['An', 'Ăn', 'Ân', 'Bắc', 'Dung', 'Đông']);
  });

  it('sorts names by given name, then middle name, then family name', () => {
    const names = ['Trần Sỹ Thanh', 'Nguyễn Thị Tuyến', 'Lê Huy Vịnh', 'Phạm Hoài Nam', 'Nguyễn Văn An', 'Đỗ Văn An', 'Bùi Thị An'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Bùi Thị An', 'Đỗ Văn An', 'Nguyễn Văn An', 'Phạm Hoài Nam', 'Trần Sỹ Thanh', 'Nguyễn Thị Tuyến', 'Lê Huy Vịnh']);
  });

  it('splits a Vietnamese full name into family, middle and given name', () => {
    expect(splitVietnameseName('  Nguyễn  Thị   Tuyến ')).toEqual({ family: 'Nguyễn', middle: 'Thị', given: 'Tuyến' });
    expect(splitVietnameseName('Lịch')).toEqual({ family: '', middle: '', given: 'Lịch' });
  });
});

describe('Vietnamese folding', () => {
  it('folds đ, two-mark letters and both tone placements to the same plain form', () => {
    expect(foldVietnamese('Đại tướng')).toBe('dai tuong');
    expect(foldVietnamese('Nguyễn Thị Tuyến')).toBe('nguyen thi tuyen');
    expect(foldVietnamese('hoà bình')).toBe(foldVietnamese('hòa bình'));
    expect(foldVietnamese('Thuỷ')).toBe(foldVietnamese('Thủy'));
    expect(foldVietnamese('KINH TẾ - XÃ HỘI')).toBe('kinh te - xa hoi');
  });

  it('treats decomposed (NFD) input the same as composed text', () => {
    expect(foldVietnamese('Quốc phòng'.normalize('NFD'))).toBe('quoc phong');
  });
});
