import { describe, expect, it } from 'vitest';
import { draftToCliJson } from '../../services/import/extract';
import { translate } from '../../contract/messages/translate';
import { at, draftOf, fixture, fromMarkdown, people, refs, texts } from '../helpers/importFixtures';

// Fixtures in test/fixtures/import are our own reports, written in the style of the real samples.
describe('a military unit report (Rank Name, titles; "dưới sự chủ trì của"; year in the sentence)', () => {
  const d = draftOf(fixture('quan-su-tinh.txt'));

  it('finds title, kind, date with its year and part of day, and the place', () => {
    expect(d.title?.value).toBe('Đảng ủy Quân sự tỉnh Quảng Trị ra nghị quyết lãnh đạo nhiệm vụ quý II');
    expect(d.kind?.value).toBe('Hội nghị');
    expect(d.date).toMatchObject({
      value: '2024-04-09',
      day: 9,
      month: 4,
      year: 2024,
      yearFrom: 'context',
      partOfDay: 'sáng',
    });
    expect(at(d, d.date!.span)).toBe('Sáng 9-4');
    expect(d.location?.value).toBe('Hội trường Bộ Chỉ huy Quân sự tỉnh');
  });

  it('reads the chair after "dưới sự chủ trì của", rank in capitals written the official way', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Hồ Quang Minh', rank: 'Đại tá', titles: ['Bí thư Đảng ủy', 'Chính ủy Bộ CHQS tỉnh'] },
    ]);
    expect(d.chairs[0]!.role).toBe('chu_tri');
    expect(at(d, d.chairs[0]!.span)).toBe('ĐẠI TÁ Hồ Quang Minh, Bí thư Đảng ủy, Chính ủy Bộ CHQS tỉnh');
  });

  it('reads every attendee of "Tham dự hội nghị có các đồng chí: …", ranks in any case, abbreviations kept', () => {
    expect(people(d.attendees)).toEqual([
      {
        name: 'Lê Đình Khải',
        rank: 'Thượng tá',
        titles: ['Phó Bí thư Đảng ủy', 'Chỉ huy trưởng Bộ CHQS tỉnh'],
      },
      { name: 'Đoàn Thị Mỹ Hạnh', rank: 'Trung tá', titles: ['Ủy viên Ban Thường vụ', 'Phó Chính ủy'] },
      { name: 'Ngô Sỹ Toàn', rank: 'Đại tá', titles: ['Phó Chỉ huy trưởng - Tham mưu trưởng'] },
    ]);
  });

  it('takes the caption under each placeholder and keeps placeholders out of the minutes', () => {
    expect(texts(d.captions)).toEqual([
      'Quang cảnh hội nghị sơ kết quý I.',
      'Đại tá Hồ Quang Minh phát biểu kết luận hội nghị.',
    ]);
    const body = draftToCliJson(d).body;
    expect(body).not.toContain('leftcenterrightdel');
    expect(body).not.toContain('Quang cảnh hội nghị');
    expect(body).not.toContain('Bài liên quan');
    expect(body).not.toContain('Tin, ảnh');
    // The attendance list is a field of its own; the narrative paragraphs stay, one per paragraph.
    expect(body).not.toContain('Tham dự hội nghị có');
    expect(body.split('\n\n')).toHaveLength(4);
    expect(body.split('\n\n')[0]).toMatch(/^Sáng 9-4, tại Hội trường/);
  });

  it('reads document references with their type and date', () => {
    expect(refs(d)).toEqual([
      ['847-NQ/QUTW', 'Nghị quyết', '2021-12-28'],
      ['152/KH-BCH', 'Kế hoạch', '2024-01-12'],
      ['12/2023/TT-BQP', 'Thông tư', null],
    ]);
    expect(at(d, d.documentRefs[0]!.span)).toBe('Nghị quyết số 847-NQ/QUTW ngày 28-12-2021');
  });

  it('takes the conclusions after "yêu cầu:" of the closing speech, one per sentence, and the byline', () => {
    expect(texts(d.conclusions)).toEqual([
      'Các cơ quan, đơn vị tiếp tục quán triệt nghiêm các chỉ thị, nghị quyết của cấp trên.',
      'Tập trung huấn luyện sát thực tế chiến đấu, bảo đảm an toàn tuyệt đối.',
      'Chuẩn bị chu đáo diễn tập khu vực phòng thủ huyện Hải Lăng năm 2024.',
    ]);
    expect(d.byline?.value).toBe('Tin, ảnh: NGỌC ANH - ĐỨC THỊNH');
  });
});

describe("a People's Committee report (Title Name order, honorifics ông/bà, full date)", () => {
  const d = draftOf(fixture('ubnd-huyen.txt'));

  it('reads "Chủ tịch UBND huyện Phùng Văn Thắng chủ trì" as the chair, title before the name', () => {
    expect(d.date?.value).toBe('2024-07-08');
    expect(d.date?.yearFrom).toBe('written');
    expect(d.kind?.value).toBe('Cuộc họp');
    expect(people(d.chairs)).toEqual([
      { name: 'Phùng Văn Thắng', rank: null, titles: ['Chủ tịch UBND huyện'] },
    ]);
  });

  it('drops ông/bà and keeps "TN&MT", "QLDA" as written', () => {
    expect(people(d.attendees)).toEqual([
      { name: 'Kiều Thị Thu Hằng', rank: null, titles: ['Phó Chủ tịch UBND huyện'] },
      { name: 'Nguyễn Hữu Phúc', rank: null, titles: ['Trưởng phòng TN&MT'] },
      { name: 'Lưu Văn Toản', rank: null, titles: ['Giám đốc Ban QLDA huyện'] },
    ]);
  });

  it('reads the decision, the conclusions after "đề nghị" and a "(TTXVN)" byline', () => {
    expect(refs(d)).toEqual([['1234/QĐ-UBND', 'Quyết định', '2024-03-15']]);
    expect(texts(d.conclusions)).toEqual([
      'Các xã chủ động tuyên truyền, vận động nhân dân.',
      'Giao phòng TN&MT hoàn thành hồ sơ thu hồi đất trước ngày 30/7/2024.',
      'Ban QLDA huyện báo cáo tiến độ hằng tuần.',
    ]);
    expect(d.byline?.value).toBe('Minh Châu (TTXVN)');
    expect(d.location).toBeNull();
  });
});

describe('a Party committee report (dateline year, co-chairs, unaccented alt-text placeholders, broken numbers)', () => {
  const d = draftOf(fixture('huyen-uy-giao-ban.txt'));

  it('skips the dateline for the title and takes the year from it', () => {
    expect(d.title?.value).toBe('Ban Thường vụ Huyện ủy Đông Anh giao ban công tác quý II');
    expect(d.kind?.value).toBe('Giao ban');
    expect(d.date).toMatchObject({ value: '2024-06-26', yearFrom: 'context', partOfDay: 'chiều' });
  });

  it('reads "A và đồng chí B đồng chủ trì hội nghị; C dự" as two co-chairs and an attendee', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Nguyễn Xuân Linh', rank: null, titles: ['Bí thư Huyện ủy'] },
      { name: 'Đàm Thị Hồng Nhung', rank: null, titles: ['Phó Bí thư Thường trực Huyện ủy'] },
    ]);
    expect(d.chairs.map((c) => c.role)).toEqual(['dong_chu_tri', 'dong_chu_tri']);
    expect(people(d.attendees)).toEqual([
      { name: 'Vũ Minh Sơn', rank: null, titles: ['Chủ tịch UBND huyện'] },
    ]);
  });

  it('treats "… hinh 1" lines as pictures: the next line is the caption, a picture without one has none', () => {
    expect(texts(d.captions)).toEqual(['Toàn cảnh hội nghị giao ban.']);
    expect(texts(d.body).join('\n')).not.toMatch(/hinh \d/);
    expect(texts(d.body)).toContain(
      'Thu ngân sách 6 tháng đạt 61% dự toán; các xã hoàn thành đại hội chi bộ nhiệm kỳ 2024-2027 đúng kế hoạch.',
    );
  });

  it('repairs "2927 -TB/TU" and "05 - CT/HU", with their dates; "2024-2027" is not a document', () => {
    expect(refs(d)).toEqual([
      ['2927-TB/TU', 'Thông báo', '2020-02-04'],
      ['05-CT/HU', 'Chỉ thị', '2024-05-10'],
    ]);
    expect(at(d, d.documentRefs[0]!.span)).toBe('Thông báo kết luận số 2927 -TB/TU ngày 4/2/2020');
    expect(d.byline?.value).toBe('Thu Hà/VOV.VN');
    expect(texts(d.conclusions)).toEqual([
      'Các chi, đảng bộ cơ sở tập trung chuẩn bị đại hội đảng bộ các cấp.',
      'Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân.',
    ]);
  });
});

describe('minutes in Markdown (labels "Thời gian:", "Địa điểm:", "Chủ trì:", "Thành phần tham dự:" with a list)', () => {
  const d = fromMarkdown('bien-ban-xa.md');

  it('reads the heading, the labelled date with its time, and the place', () => {
    expect(d.title?.value).toBe('Biên bản họp Ban Chỉ huy Quân sự xã Tân Lập');
    expect(d.date).toMatchObject({ value: '2024-08-15', startTime: '14:00' });
    expect(d.location?.value).toBe('Phòng họp số 2, trụ sở UBND xã Tân Lập');
  });

  it('reads the chair, the listed attendees (đ/c dropped) and the secretary', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Hoàng Văn Quý', rank: null, titles: ['Chủ tịch UBND xã', 'Chỉ huy trưởng Ban CHQS xã'] },
    ]);
    expect(people(d.attendees)).toEqual([
      { name: 'Trịnh Công Hậu', rank: null, titles: ['Chính trị viên Ban CHQS xã'] },
      { name: 'Mai Thị Lụa', rank: null, titles: ['Phó Chỉ huy trưởng'] },
      { name: 'Phan Đức Huy', rank: 'Trung úy', titles: ['Trợ lý Ban CHQS huyện'] },
      { name: 'Lý Thị Ngân', rank: null, titles: ['Văn phòng UBND xã'] },
    ]);
    expect(d.attendees.at(-1)!.role).toBe('thu_ky');
  });

  it('takes the numbered items under "kết luận như sau:" as conclusions; markdown emphasis is unwrapped', () => {
    expect(texts(d.conclusions)).toEqual([
      'Hoàn thành sơ tuyển nghĩa vụ quân sự trước ngày 30/9/2024.',
      'Giao Phó Chỉ huy trưởng lập danh sách dân quân huấn luyện năm thứ nhất.',
    ]);
    expect(d.sourceText).toContain('Nội dung: Ban Chỉ huy');
    expect(d.documentRefs.map((r) => r.number)).toEqual(['77/KH-UBND']);
  });
});

describe('old Word minutes with the official header (agency, số, Quốc hiệu/Đảng, place and date, BIÊN BẢN)', () => {
  const d = draftOf(fixture('bien-ban-dang-uy.txt'));

  it('takes the line under "BIÊN BẢN" as the title; the header is neither title nor body, its number a reference', () => {
    expect(d.title?.value).toBe('Hội nghị Đảng ủy cơ quan Bộ CHQS tỉnh tháng 3');
    expect(d.date).toMatchObject({ value: '2024-03-19', startTime: '07:30', yearFrom: 'written' });
    expect(d.location?.value).toBe('Hội trường Sở chỉ huy Bộ CHQS tỉnh');
    // The minutes' own number is a reference of the meeting (issue 16, item 9); the header line is not body.
    expect(d.documentRefs.map((r) => r.number)).toEqual(['27-BB/ĐU', '05-NQ/ĐU']);
    const body = draftToCliJson(d).body;
    expect(body).not.toMatch(/ĐẢNG BỘ|Số: 27|BIÊN BẢN|Bắc Kạn, ngày/);
    expect(body).toContain('Hội nghị kết thúc lúc 10 giờ 30 phút cùng ngày.');
  });

  it('reads "Chủ trì: Đồng chí Thượng tá …" and "Thư ký: …"; "9/9 đồng chí đảng ủy viên" is nobody', () => {
    expect(people(d.chairs)).toEqual([
      { name: 'Hoàng Đình Tuấn', rank: 'Thượng tá', titles: ['Bí thư Đảng ủy cơ quan'] },
    ]);
    expect(people(d.attendees)).toEqual([
      { name: 'Ma Thị Thanh Hương', rank: 'Đại úy', titles: ['Trợ lý Tuyên huấn'] },
    ]);
    expect(d.attendees[0]!.role).toBe('thu_ky');
    expect(texts(d.conclusions)).toEqual([
      'Các chi bộ tổ chức sinh hoạt chuyên đề đúng hướng dẫn.',
      'Hoàn thành kiểm tra đảng viên chấp hành Điều lệ Đảng trong quý II.',
    ]);
  });
});

describe('a date without a year anywhere', () => {
  const d = draftOf(fixture('so-ket-khong-nam.txt'));
  it('keeps day and month; the year is today’s (9/4 before 1/6/2025), flagged in the CLI shape and noted', () => {
    expect(d.date).toMatchObject({
      value: '2025-04-09',
      day: 9,
      month: 4,
      year: 2025,
      yearFrom: 'inferred',
      partOfDay: 'sáng',
    });
    expect(draftToCliJson(d)).toMatchObject({ date: '2025-04-09', dateYearInferred: true });
    expect(d.notes.map((n) => translate('vi', n))).toContain(
      'Văn bản chỉ ghi ngày 9/4, không ghi năm: năm 2025 được suy ra, hãy kiểm tra.',
    );
    expect(people(d.chairs)).toEqual([
      { name: 'Khuất Duy Tiến', rank: 'Thượng tá', titles: ['Trưởng Công an huyện'] },
    ]);
    expect(d.byline?.value).toBe('Tin và ảnh: Quốc Khánh');
  });
});

describe('short pastes in the samples’ patterns', () => {
  it('"Ông Đại tướng …" honorific before a rank; "Hội nghị do … chủ trì"; a title line without a full stop', () => {
    const d = draftOf(
      'Quân khu 4 tổng kết diễn tập\n\nNgày 3/11/2023, Quân khu 4 tổ chức hội nghị tổng kết diễn tập. Hội nghị do Trung tướng Nguyễn Doãn Anh, Tư lệnh Quân khu chủ trì.\n\nÔng Thiếu tướng Trần Võ Dũng, Chính ủy Quân khu và bà Lê Thị Hòa, Phó Chủ tịch UBND tỉnh Nghệ An cùng dự.',
    );
    expect(d.date?.value).toBe('2023-11-03');
    expect(people(d.chairs)).toEqual([
      { name: 'Nguyễn Doãn Anh', rank: 'Trung tướng', titles: ['Tư lệnh Quân khu'] },
    ]);
    expect(people(d.attendees)).toEqual([
      { name: 'Trần Võ Dũng', rank: 'Thiếu tướng', titles: ['Chính ủy Quân khu'] },
      { name: 'Lê Thị Hòa', rank: null, titles: ['Phó Chủ tịch UBND tỉnh Nghệ An'] },
    ]);
  });

  it('a first line that is a sentence is not the title: the "Hội nghị …" named in the text is', () => {
    const d = draftOf(
      'Đại tá Lê Văn Thành, Chỉ huy trưởng chủ trì hội nghị; Thượng tá Đỗ Minh Hải, Chính trị viên dự.\n\nCác đơn vị báo cáo kết quả thực hiện Thông báo số 15-TB/ĐU ngày 02/3/2023 về Hội nghị tổng kết công tác huấn luyện năm 2023.',
    );
    expect(d.title?.value).toBe('Hội nghị tổng kết công tác huấn luyện năm 2023');
    expect(people(d.chairs)).toEqual([{ name: 'Lê Văn Thành', rank: 'Đại tá', titles: ['Chỉ huy trưởng'] }]);
    expect(people(d.attendees)).toEqual([
      { name: 'Đỗ Minh Hải', rank: 'Thượng tá', titles: ['Chính trị viên'] },
    ]);
    expect(d.body).toHaveLength(1);
  });

  it('a title the intro gives the whole list ("các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: …") goes to each person', () => {
    const d = draftOf(
      'Cùng dự có các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy: Đại tá Vi Văn Sơn, Chỉ huy trưởng Bộ CHQS tỉnh; Hà Thị Nga, Trưởng ban Dân vận.',
    );
    expect(people(d.attendees)).toEqual([
      {
        name: 'Vi Văn Sơn',
        rank: 'Đại tá',
        titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Chỉ huy trưởng Bộ CHQS tỉnh'],
      },
      { name: 'Hà Thị Nga', rank: null, titles: ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng ban Dân vận'] },
    ]);
  });

  it('standalone captions only in a report with pictures (or a photo credit); typed minutes keep their lines', () => {
    const minutes =
      'Họp Chi bộ Văn phòng tháng 9\n\nNgày 05/9/2024, Chi bộ Văn phòng họp thường kỳ.\n\nĐại biểu thảo luận sôi nổi.\n\nTrao tặng giấy khen cho hai đảng viên (Ảnh: Minh Đức).';
    const d = draftOf(minutes);
    expect(texts(d.captions)).toEqual(['Trao tặng giấy khen cho hai đảng viên (Ảnh: Minh Đức).']);
    expect(texts(d.body)).toContain('Đại biểu thảo luận sôi nổi.');
    const news = draftOf(`${minutes.replace(' (Ảnh: Minh Đức)', '')}\n\nTin, ảnh: Minh Đức`);
    expect(texts(news.captions)).toEqual([
      'Đại biểu thảo luận sôi nổi.',
      'Trao tặng giấy khen cho hai đảng viên.',
    ]);
  });

  it('a report with nothing recognisable still gives a draft, titled from its first sentence, with notes for the clerk', () => {
    const d = draftOf('ghi chú ngắn.');
    expect(d.title?.value).toBe('ghi chú ngắn');
    expect(d.notes.map((n) => translate('vi', n))).toEqual([
      'Văn bản không có tên cuộc họp: tạm lấy câu đầu làm tên, hãy sửa lại.',
      'Chưa tìm thấy ngày họp: hãy nhập ngày.',
      'Chưa tìm thấy người chủ trì.',
    ]);
    expect(draftToCliJson(d)).toEqual({
      title: 'ghi chú ngắn',
      date: null,
      dateYearInferred: false,
      location: null,
      chairs: [],
      attendees: [],
      captions: [],
      documentRefs: [],
      conclusions: [],
      issuer: null,
      byline: null,
      body: 'ghi chú ngắn.',
    });
  });
});
