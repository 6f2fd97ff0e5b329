import { describe, expect, it } from 'vitest';
import { draftToCliJson } from '../../services/import/extract';
import { translate } from '../../contract/messages/translate';
import { at, draftOf, fixture, fromMarkdown, people, refs, texts } from '../helpers/importFixtures';

// Five more fixtures of our own (invented names), written in the style of the real samples.
describe('a Military Region report (co-chairs with general ranks, "Cùng dự có các đồng chí:", Nghị định)', () => {
  const d = draftOf(fixture('quan-khu-phoi-hop.txt'));

  it('finds title, kind, "Chiều 14/8" with the year from the sentence, and the place', () => {
    expect(d.title?.value).toBe('Bộ Tư lệnh Quân khu 5 và Tỉnh ủy Gia Lai sơ kết quy chế phối hợp');
    expect(d.kind?.value).toBe('Hội nghị');
    expect(d.date).toMatchObject({
      value: '2024-08-14',
      day: 14,
      month: 8,
      year: 2024,
      yearFrom: 'context',
      partOfDay: 'chiều',
      startTime: null,
    });
    expect(at(d, d.date!.span)).toBe('Chiều 14/8');
    expect(d.location?.value).toBe('Sở chỉ huy Quân khu 5');
    // A year not written beside the date is for the clerk to check, even when the sentence names it.
    expect(d.notes.map((n) => translate('vi', n))).toEqual([
      'Văn bản chỉ ghi ngày 14/8, không ghi năm: năm 2024 được suy ra, hãy kiểm tra.',
    ]);
  });

  it('reads "Thượng tướng A, … và đồng chí B, … đồng chủ trì hội nghị; Đại tướng C, … dự"', () => {
    expect(people(d.chairs)).toEqual([
      {
        name: 'Lâm Quốc Bảo',
        rank: 'Thượng tướng',
        titles: ['Ủy viên Trung ương Đảng', 'Thứ trưởng Bộ Quốc phòng'],
      },
      { name: 'Trương Thị Diệu Linh', rank: null, titles: ['Bí thư Tỉnh ủy Gia Lai'] },
    ]);
    expect(d.chairs.map((c) => c.role)).toEqual(['dong_chu_tri', 'dong_chu_tri']);
    expect(at(d, d.chairs[0]!.span)).toBe(
      'Thượng tướng Lâm Quốc Bảo, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng',
    );
    expect(at(d, d.chairs[1]!.span)).toBe('đồng chí Trương Thị Diệu Linh, Bí thư Tỉnh ủy Gia Lai');
  });

  it('reads the attendee of the chair sentence and every one of "Cùng dự có các đồng chí: …" (ông dropped, QUTƯ/HĐND kept)', () => {
    expect(people(d.attendees)).toEqual([
      {
        name: 'Tôn Thất Vĩnh',
        rank: 'Đại tướng',
        titles: ['Ủy viên Bộ Chính trị', 'Ủy viên Thường vụ QUTƯ'],
      },
      { name: 'Huỳnh Bá Lộc', rank: 'Trung tướng', titles: ['Tư lệnh Quân khu'] },
      { name: 'Võ Đăng Khoa', rank: null, titles: ['Chủ tịch HĐND tỉnh Gia Lai'] },
      { name: 'Mạc Văn Kiên', rank: 'Thiếu tướng', titles: ['Phó Tư lệnh Quân khu'] },
    ]);
    expect(d.attendees.every((a) => a.role === 'dai_bieu')).toBe(true);
  });

  it('takes the caption under "leftcenterrightdel"; placeholder, caption, attendance list and site furniture stay out of the minutes', () => {
    expect(texts(d.captions)).toEqual(['Các đại biểu dự hội nghị sơ kết quy chế phối hợp.']);
    const body = draftToCliJson(d).body;
    expect(body).not.toContain('leftcenterrightdel');
    expect(body).not.toContain('Các đại biểu dự hội nghị sơ kết');
    expect(body).not.toContain('Cùng dự có');
    expect(body).not.toContain('Bài liên quan');
    expect(body).not.toContain('QĐND.VN');
    expect(body.split('\n\n')).toHaveLength(4);
    expect(body.split('\n\n')[0]).toMatch(/^Chiều 14\/8, tại Sở chỉ huy Quân khu 5/);
  });

  it('reads "Nghị định số 45/2020/NĐ-CP" (no date) and "Nghị quyết số 12-NQ/ĐU ngày 3-4-2023"', () => {
    expect(refs(d)).toEqual([
      ['45/2020/NĐ-CP', 'Nghị định', null],
      ['12-NQ/ĐU', 'Nghị quyết', '2023-04-03'],
    ]);
    expect(at(d, d.documentRefs[0]!.span)).toBe('Nghị định số 45/2020/NĐ-CP');
    expect(at(d, d.documentRefs[1]!.span)).toBe('Nghị quyết số 12-NQ/ĐU ngày 3-4-2023');
  });

  it('takes the conclusions after "đề nghị", one per sentence, and the "Name/SOURCE" byline', () => {
    expect(texts(d.conclusions)).toEqual([
      'Hai bên tiếp tục duy trì giao ban định kỳ sáu tháng một lần.',
      'Quan tâm chính sách hậu phương quân đội trên địa bàn tỉnh.',
      'Phối hợp chuẩn bị tốt diễn tập khu vực phòng thủ tỉnh năm 2025.',
    ]);
    expect(d.byline?.value).toBe('Minh Châu/QĐND.VN');
  });
});

describe('a regiment Party committee report ("THIẾU TƯỚNG … chủ trì.", "Tham dự cuộc họp có …", numbered conclusions)', () => {
  const d = draftOf(fixture('trung-doan-hop-dang-uy.txt'));

  it('reads a written full date with its part of day', () => {
    expect(d.title?.value).toBe('Đảng ủy Trung đoàn 812 ra nghị quyết lãnh đạo huấn luyện 6 tháng cuối năm');
    expect(d.kind?.value).toBe('Hội nghị');
    expect(d.date).toMatchObject({ value: '2024-07-02', year: 2024, yearFrom: 'written', partOfDay: 'sáng' });
    expect(at(d, d.date!.span)).toBe('Sáng 2/7/2024');
    expect(d.location).toBeNull();
  });

  it('reads a rank in capitals before "… chủ trì." as the chair, written the official way', () => {
    expect(people(d.chairs)).toEqual([
      {
        name: 'Lò Văn Thiện',
        rank: 'Thiếu tướng',
        titles: ['Phó Chính ủy Sư đoàn', 'Bí thư Đảng ủy Trung đoàn'],
      },
    ]);
    expect(d.chairs[0]!.role).toBe('chu_tri');
    expect(at(d, d.chairs[0]!.span)).toBe(
      'THIẾU TƯỚNG Lò Văn Thiện, Phó Chính ủy Sư đoàn, Bí thư Đảng ủy Trung đoàn',
    );
  });

  it('reads "Tham dự cuộc họp có đại tá …; Trung tá …" with the lower-case rank normalised', () => {
    expect(people(d.attendees)).toEqual([
      { name: 'Chu Minh Đạt', rank: 'Đại tá', titles: ['Trung đoàn trưởng', 'Phó Bí thư Đảng ủy'] },
      { name: 'Triệu Thị Ánh', rank: 'Trung tá', titles: ['Chủ nhiệm Chính trị Trung đoàn'] },
    ]);
  });

  it('takes the caption, the directive with its date and the numbered items after "yêu cầu:"', () => {
    expect(texts(d.captions)).toEqual(['Thiếu tướng Lò Văn Thiện phát biểu tại hội nghị.']);
    expect(refs(d)).toEqual([['91-CT/QUTW', 'Chỉ thị', '2023-08-04']]);
    expect(texts(d.conclusions)).toEqual([
      'Các tiểu đoàn duy trì nghiêm chế độ sẵn sàng chiến đấu.',
      'Tổ chức hội thao kỹ thuật cấp Trung đoàn trong tháng 9.',
      'Hoàn thành sửa chữa doanh trại trước mùa mưa bão.',
    ]);
    expect(d.byline?.value).toBe('Tin, ảnh: Đức Mạnh');
    const body = draftToCliJson(d).body;
    expect(body).not.toContain('leftcenterrightdel');
    expect(body).not.toContain('Tham dự cuộc họp có');
    expect(body).not.toContain('Tin, ảnh');
    expect(body).toContain('Kết luận hội nghị, đồng chí Lò Văn Thiện yêu cầu:');
  });
});

describe('a district Party committee report (dateline year, "dưới sự chủ trì của đồng chí …", alt-text pictures, "318 -TB/HU")', () => {
  const d = draftOf(fixture('huyen-uy-so-ket-xa.txt'));

  it('skips the dateline for the title and gives "ngày 9-4" its year', () => {
    expect(d.title?.value).toBe('Huyện ủy Tam Dương sơ kết thực hiện kết luận về xây dựng nông thôn mới');
    expect(d.kind?.value).toBe('Hội nghị');
    expect(d.date).toMatchObject({
      value: '2024-04-09',
      day: 9,
      month: 4,
      year: 2024,
      yearFrom: 'context',
      partOfDay: null,
    });
    expect(at(d, d.date!.span)).toBe('9-4');
  });

  it('reads the chair after "dưới sự chủ trì của đồng chí", then "Title Name" and "bà Name, title" attendees', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Tạ Quang Vinh', rank: null, titles: ['Phó Bí thư Thường trực Huyện ủy'] },
    ]);
    expect(d.chairs[0]!.role).toBe('chu_tri');
    expect(people(d.attendees)).toEqual([
      { name: 'Dương Thị Phượng', rank: null, titles: ['Chủ tịch UBND huyện'] },
      { name: 'Nông Thị Xuân', rank: null, titles: ['Trưởng ban Tuyên giáo Huyện ủy'] },
    ]);
  });

  it('treats "hoi nghi so ket hinh N" as pictures: one with a caption, one without; none in the minutes', () => {
    expect(texts(d.captions)).toEqual(['Quang cảnh hội nghị sơ kết.']);
    const body = draftToCliJson(d).body;
    expect(body).not.toMatch(/hinh \d/);
    expect(body).not.toContain('Quang cảnh hội nghị sơ kết.');
    expect(body).not.toContain('Thứ Sáu, 12/04/2024');
    expect(body.split('\n\n')).toContain(
      'Đến nay, 9/12 xã đạt chuẩn nông thôn mới nâng cao; thu nhập bình quân đầu người đạt 68 triệu đồng/năm.',
    );
  });

  it('repairs "318 -TB/HU" with its date; "9/12 xã" is not a document; conclusions after "nhấn mạnh:"; the byline', () => {
    expect(refs(d)).toEqual([['318-TB/HU', 'Thông báo', '2024-03-06']]);
    expect(at(d, d.documentRefs[0]!.span)).toBe('Thông báo kết luận số 318 -TB/HU ngày 6/3/2024');
    expect(texts(d.conclusions)).toEqual([
      'Các xã rà soát từng tiêu chí còn thiếu để có giải pháp cụ thể.',
      'Huy động nguồn lực xã hội hóa cho giao thông nội đồng.',
    ]);
    expect(d.byline?.value).toBe('Phương Anh/baovinhphuc.com.vn');
  });
});

describe('a provincial People’s Council report in Markdown ("Ngày 08/7/2024", "Title Name chủ trì", numbered "đề nghị:")', () => {
  const d = fromMarkdown('hdnd-tinh-giam-sat.md');

  it('takes the Markdown heading as the title and the written date', () => {
    expect(d.title?.value).toBe('Thường trực HĐND tỉnh giám sát thực hiện chính sách hỗ trợ người có công');
    expect(d.kind?.value).toBe('Cuộc họp');
    expect(d.date).toMatchObject({ value: '2024-07-08', day: 8, month: 7, year: 2024, yearFrom: 'written' });
    expect(at(d, d.date!.span)).toBe('08/7/2024');
    expect(d.location).toBeNull();
  });

  it('reads "Phó Chủ tịch HĐND tỉnh Sầm Văn Tuấn chủ trì" as the chair, title before the name', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Sầm Văn Tuấn', rank: null, titles: ['Phó Chủ tịch HĐND tỉnh'] },
    ]);
    expect(at(d, d.chairs[0]!.span)).toBe('Phó Chủ tịch HĐND tỉnh Sầm Văn Tuấn');
  });

  it('drops ông/bà and keeps "LĐ-TB&XH" and "HĐND" as written', () => {
    expect(people(d.attendees)).toEqual([
      { name: 'Lục Văn Hưng', rank: null, titles: ['Giám đốc Sở LĐ-TB&XH'] },
      { name: 'Đinh Thị Mai', rank: null, titles: ['Phó Trưởng ban Văn hóa - Xã hội HĐND tỉnh'] },
    ]);
  });

  it('reads the decision, the numbered conclusions, and finds no pictures or byline', () => {
    expect(refs(d)).toEqual([['256/QĐ-UBND', 'Quyết định', '2024-02-20']]);
    expect(texts(d.conclusions)).toEqual([
      'Sở LĐ-TB&XH rà soát lại danh sách hộ chưa được hỗ trợ.',
      'Các huyện báo cáo kết quả trước ngày 15/8/2024.',
    ]);
    expect(d.captions).toEqual([]);
    expect(d.byline).toBeNull();
    expect(d.notes).toEqual([]);
  });
});

describe('a report with "Chiều 14/8" and no year anywhere ("đại tá …, title chủ trì giao ban", "nhấn mạnh:")', () => {
  const d = draftOf(fixture('ban-chqs-khong-nam.txt'));

  it('keeps day, month and part of day; the year is the last 14/8 before today (1/6/2025), marked for checking', () => {
    expect(d.title?.value).toBe('Ban CHQS huyện Mường Tè giao ban công tác quân sự địa phương');
    expect(d.kind?.value).toBe('Giao ban');
    expect(d.date).toMatchObject({
      value: '2024-08-14',
      day: 14,
      month: 8,
      year: 2024,
      yearFrom: 'inferred',
      partOfDay: 'chiều',
    });
    expect(at(d, d.date!.span)).toBe('Chiều 14/8');
    expect(draftToCliJson(d)).toMatchObject({ date: '2024-08-14', dateYearInferred: true });
    expect(d.notes.map((n) => translate('vi', n))).toEqual([
      'Văn bản chỉ ghi ngày 14/8, không ghi năm: năm 2024 được suy ra, hãy kiểm tra.',
    ]);
  });

  it('reads a lower-case "đại tá" chair, no attendees, the conclusions and the byline', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Pờ Văn Sáng', rank: 'Đại tá', titles: ['Chỉ huy trưởng Ban CHQS huyện'] },
    ]);
    expect(at(d, d.chairs[0]!.span)).toBe('đại tá Pờ Văn Sáng, Chỉ huy trưởng Ban CHQS huyện');
    expect(d.attendees).toEqual([]);
    expect(d.documentRefs).toEqual([]);
    expect(texts(d.conclusions)).toEqual([
      'Các xã bám sát địa bàn, nắm chắc tình hình.',
      'Kiện toàn lực lượng dân quân thường trực.',
    ]);
    expect(d.byline?.value).toBe('Tin, ảnh: Hà Linh');
    expect(draftToCliJson(d).body.split('\n\n')).toHaveLength(3);
  });
});

describe('bylines naming the outlet in several words', () => {
  it('reads "Name/Outlet" whatever the outlet is called, and keeps the line out of the minutes', () => {
    for (const byline of ['Minh Châu/Báo Quân khu 5', 'Phương Anh/Báo Vĩnh Phúc', 'Thu Hà/VOV.VN']) {
      const d = draftOf(
        `Hội nghị giao ban công tác dân vận quý III năm 2024\n\nSáng 3/10/2024, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận quý III.\n\n${byline}`,
      );
      expect(d.byline?.value, byline).toBe(byline);
      expect(draftToCliJson(d).body, byline).not.toContain(byline);
    }
  });

  it('does not take an ordinary sentence with a slash for a byline', () => {
    const d = draftOf(
      'Hội nghị sơ kết 6 tháng\n\nSáng 3/10/2024, các đại biểu thảo luận kết quả đạt 95/100 chỉ tiêu.',
    );
    expect(d.byline).toBeNull();
  });
});
