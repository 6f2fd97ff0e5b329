import { describe, expect, it } from 'vitest';
import { parseAttendanceText, rankSeniority } from '../../contract/attendanceParse';
import { translate } from '../../contract/messages/translate';

const people = (text: string) => parseAttendanceText(text).entries.map(({ rank, fullName, titles }) => ({ rank, fullName, titles }));

// Fixtures in the style of the sample reports (rank, name, titles; ";" between people), in our own words.
describe('pasted attendance lists', () => {
  it('reads "Rank Name, title, title; …" lists, keeping abbreviations in titles as written', () => {
    const text =
      'Cùng dự có các đồng chí Ủy viên Ban Thường vụ: Thiếu tướng Hoàng Văn Bình, Phó Tư lệnh Quân khu, Ủy viên BTV QUTƯ; ' +
      'Đại tá Trịnh Minh Khoa, Chỉ huy trưởng Bộ CHQS tỉnh; Lâm Thị Hồng Nhung, Phó Chủ tịch UBND tỉnh; ' +
      'Nguyễn Quang Thái, Giám đốc Sở KH-ĐT.';
    expect(people(text)).toEqual([
      { rank: 'Thiếu tướng', fullName: 'Hoàng Văn Bình', titles: 'Phó Tư lệnh Quân khu, Ủy viên BTV QUTƯ' },
      { rank: 'Đại tá', fullName: 'Trịnh Minh Khoa', titles: 'Chỉ huy trưởng Bộ CHQS tỉnh' },
      { rank: '', fullName: 'Lâm Thị Hồng Nhung', titles: 'Phó Chủ tịch UBND tỉnh' },
      { rank: '', fullName: 'Nguyễn Quang Thái', titles: 'Giám đốc Sở KH-ĐT' },
    ]);
  });

  it('reads "Title Name" lists, telling a place name in the title from the person', () => {
    const text = [
      'Bí thư Tỉnh ủy Nguyễn Văn Quyết',
      'Chủ tịch UBND thành phố Hải Phòng Trần Văn Lực',
      'Bí thư Thành ủy Hà Nội Đinh Công Sơn',
      'Giám đốc Công an tỉnh Lâm Đồng Nguyễn Hữu Tài',
      'Thứ trưởng Bộ Quốc phòng Thượng tướng Võ Minh Lương',
    ].join('\n');
    expect(people(text)).toEqual([
      { rank: '', fullName: 'Nguyễn Văn Quyết', titles: 'Bí thư Tỉnh ủy' },
      { rank: '', fullName: 'Trần Văn Lực', titles: 'Chủ tịch UBND thành phố Hải Phòng' },
      { rank: '', fullName: 'Đinh Công Sơn', titles: 'Bí thư Thành ủy Hà Nội' },
      { rank: '', fullName: 'Nguyễn Hữu Tài', titles: 'Giám đốc Công an tỉnh Lâm Đồng' },
      { rank: 'Thượng tướng', fullName: 'Võ Minh Lương', titles: 'Thứ trưởng Bộ Quốc phòng' },
    ]);
  });

  it('drops honorifics (ông, bà, đồng chí, đ/c) but keeps names that merely look like them', () => {
    const text = 'Ông Đại tướng Ngô Xuân Thành, Bộ trưởng; bà Lê Thị Thu, Chủ tịch Hội LHPN; đồng chí Hà Sĩ Đông, Trưởng ban; Đ/c Ông Văn Long, Chánh Văn phòng';
    expect(people(text)).toEqual([
      { rank: 'Đại tướng', fullName: 'Ngô Xuân Thành', titles: 'Bộ trưởng' },
      { rank: '', fullName: 'Lê Thị Thu', titles: 'Chủ tịch Hội LHPN' },
      // "Hà Sĩ" is a name, not the rank "Hạ sĩ".
      { rank: '', fullName: 'Hà Sĩ Đông', titles: 'Trưởng ban' },
      // "Ông" is also a family name: dropped once as the honorific "Đ/c", kept as the name.
      { rank: '', fullName: 'Ông Văn Long', titles: 'Chánh Văn phòng' },
    ]);
  });

  it('finds ranks in any case and any place, written the official way; upper-case names are title-cased', () => {
    const text = [
      'THƯỢNG TƯỚNG Lê Văn Hải, Chính ủy',
      'đại tá NGUYỄN VĂN AN, Chỉ huy trưởng',
      'Trung Tá Phạm Đức Minh',
      'DAI UY Tran Van Binh, tro ly',
      'Trần Quốc Huy, Thiếu uý, Trợ lý tác chiến',
      'Phó Đô đốc Phạm Hoài Sơn, Tư lệnh Quân chủng Hải quân',
    ].join('\n');
    expect(people(text)).toEqual([
      { rank: 'Thượng tướng', fullName: 'Lê Văn Hải', titles: 'Chính ủy' },
      { rank: 'Đại tá', fullName: 'Nguyễn Văn An', titles: 'Chỉ huy trưởng' },
      { rank: 'Trung tá', fullName: 'Phạm Đức Minh', titles: '' },
      { rank: 'Đại úy', fullName: 'Tran Van Binh', titles: 'tro ly' },
      { rank: 'Thiếu úy', fullName: 'Trần Quốc Huy', titles: 'Trợ lý tác chiến' },
      { rank: 'Phó Đô đốc', fullName: 'Phạm Hoài Sơn', titles: 'Tư lệnh Quân chủng Hải quân' },
    ]);
  });

  it('splits at new lines, semicolons and "và đồng chí", strips list markers, reports lines', () => {
    const text = '1. Đại tá Lê Văn Tám, Chính ủy;\r\n\n2) Trung tá Đỗ Văn Chín\n- Nguyễn Văn Mười, Trưởng phòng và đồng chí Bùi Thị Mai, Phó phòng\n• Trần Văn Một';
    const r = parseAttendanceText(text);
    expect(r.problems).toEqual([]);
    expect(r.entries.map((e) => [e.line, e.fullName])).toEqual([
      [1, 'Lê Văn Tám'],
      [3, 'Đỗ Văn Chín'],
      [4, 'Nguyễn Văn Mười'],
      [4, 'Bùi Thị Mai'],
      [5, 'Trần Văn Một'],
    ]);
  });

  it('hints the role named in the text: an intro, or "… đồng chủ trì hội nghị" for everyone it covers', () => {
    const text = [
      'Đại tướng Phan Văn Hòa, Bộ trưởng Bộ Quốc phòng và đồng chí Đinh Văn Dũng, Bí thư Thành ủy đồng chủ trì hội nghị; Đại tướng Lương Văn Cường, Chủ nhiệm Tổng cục Chính trị dự.',
      'Chủ trì: Bí thư Tỉnh ủy Nguyễn Văn Quyết',
      'Thư ký: Trần Thị Hoa, chuyên viên',
      'Khách mời: Lê Văn Khách, Giám đốc; Phạm Thị Mời, Phó Giám đốc',
    ].join('\n');
    expect(parseAttendanceText(text).entries.map((e) => [e.fullName, e.role, e.titles])).toEqual([
      ['Phan Văn Hòa', 'dong_chu_tri', 'Bộ trưởng Bộ Quốc phòng'],
      ['Đinh Văn Dũng', 'dong_chu_tri', 'Bí thư Thành ủy'],
      ['Lương Văn Cường', null, 'Chủ nhiệm Tổng cục Chính trị'],
      ['Nguyễn Văn Quyết', 'chu_tri', 'Bí thư Tỉnh ủy'],
      ['Trần Thị Hoa', 'thu_ky', 'chuyên viên'],
      ['Lê Văn Khách', 'khach_moi', 'Giám đốc'],
      ['Phạm Thị Mời', 'khach_moi', 'Phó Giám đốc'],
    ]);
  });

  it('reports entries with no person in them instead of inventing one', () => {
    const text =
      'Cùng dự có các đồng chí: Thủ trưởng Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam; thủ trưởng các Tổng cục: Hậu cần, Kỹ thuật; Lan';
    const r = parseAttendanceText(text);
    expect(r.entries).toEqual([]);
    expect(r.problems.map((p) => p.source)).toEqual(['Thủ trưởng Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam', 'Hậu cần, Kỹ thuật', 'Lan']);
    expect(translate('vi', r.problems[0]!.message)).toBe(
      'Không nhận ra họ tên trong mục này (cần có họ và tên, ví dụ “Đại tá Nguyễn Văn An, Chỉ huy trưởng”).',
    );
    expect(translate('en', r.problems[0]!.message)).toMatch(/^No full name found in this entry/);
  });

  it('parses 5 000 lines quickly and can stop early once a limit is passed', () => {
    const given = ['An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Giang', 'Hải', 'Khoa', 'Long', 'Minh'];
    const text = Array.from({ length: 5000 }, (_, i) => `Đại tá Nguyễn Văn ${given[i % 10]}, Trợ lý số ${i}`).join('\n');
    const started = performance.now();
    const all = parseAttendanceText(text);
    const ms = performance.now() - started;
    expect(all.entries.length + all.problems.length).toBe(5000);
    expect(parseAttendanceText(text, { maxEntries: 1000 })).toMatchObject({ truncated: true });
    // Not a timing assertion on purpose (performance claims come from bench/), just what it cost here, for the record.
    expect(ms).toBeGreaterThan(0);
  });

  it('ranks by seniority, navy ranks equal to their army peers, unknown ranks last', () => {
    const order = ['Thiếu úy', 'Đại tá', '', 'Đại tướng', 'Chuẩn Đô đốc', 'THƯỢNG TƯỚNG', 'Trung tướng', 'PGS.TS'].sort((a, b) => rankSeniority(a) - rankSeniority(b));
    expect(order).toEqual(['Đại tướng', 'THƯỢNG TƯỚNG', 'Trung tướng', 'Chuẩn Đô đốc', 'Đại tá', 'Thiếu úy', '', 'PGS.TS']);
    expect(rankSeniority('Đô đốc')).toBe(rankSeniority('Thượng tướng'));
  });
});
