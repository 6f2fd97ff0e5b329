import { describe, expect, it } from 'vitest';
import { draftToCliJson } from '../../services/import/extract';
import { findDeadline } from '../../services/import/extract/deadlines';
import { splitPhotoCredit } from '../../services/import/extract/lineKinds';
import { translate } from '../../contract/messages/translate';
import { at, draftOf, FIXTURE_TODAY, people, refs, texts } from '../helpers/importFixtures';

// Short reports of our own (invented people, agencies and places), one family of rules per block.

describe('mentions: people named in the sentences of a report', () => {
  it('a rank written in lower case is the rank; the titles stop at "nhấn mạnh"', () => {
    const d = draftOf(
      'Bộ CHQS tỉnh Tuyên Quang tổng kết diễn tập\n\nTại hội nghị, thiếu tướng Bàn Văn Thước, Phó Tư lệnh Quân khu 2 nhấn mạnh vai trò của lực lượng vũ trang địa phương.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Bàn Văn Thước', rank: 'Thiếu tướng', titles: ['Phó Tư lệnh Quân khu 2'] },
    ]);
    expect(at(d, d.attendees[0]!.span)).toBe('thiếu tướng Bàn Văn Thước, Phó Tư lệnh Quân khu 2');
  });

  it('"Ông", "Đồng chí", "Bà" capitalised at the start of a sentence are dropped; titles stop at "báo cáo", "đến dự và trao đổi"', () => {
    const d = draftOf(
      'Ông Hứa Minh Khang, Giám đốc Sở Xây dựng báo cáo tiến độ các công trình giao thông. Đồng chí Lục Thị Xuân, Bí thư Huyện ủy Na Rì đến dự và trao đổi với cán bộ xã. Bà Khổng Thị Lan phát biểu ý kiến.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Hứa Minh Khang', rank: null, titles: ['Giám đốc Sở Xây dựng'] },
      { name: 'Lục Thị Xuân', rank: null, titles: ['Bí thư Huyện ủy Na Rì'] },
      { name: 'Khổng Thị Lan', rank: null, titles: [] },
    ]);
  });

  it('an office before the name: "Phó Chủ tịch Thường trực UBND tỉnh Kon Tum A báo cáo", "Tổng Bí thư, Chủ tịch nước B"', () => {
    const d = draftOf(
      'Phó Chủ tịch Thường trực UBND tỉnh Kon Tum Phùng Đức Hậu báo cáo tình hình kinh tế - xã hội. Tổng Bí thư, Chủ tịch nước Đặng Quang Vinh đã gửi thư chúc mừng.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Phùng Đức Hậu', rank: null, titles: ['Phó Chủ tịch Thường trực UBND tỉnh Kon Tum'] },
      { name: 'Đặng Quang Vinh', rank: null, titles: ['Tổng Bí thư', 'Chủ tịch nước'] },
    ]);
  });

  it('an office before the name that ends in "tỉnh": "Phó Chủ tịch Thường trực UBND tỉnh A báo cáo" names A', () => {
    const d = draftOf(
      'Phó Chủ tịch Thường trực UBND tỉnh Mạc Văn Toản báo cáo tình hình giải ngân vốn đầu tư công.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Mạc Văn Toản', rank: null, titles: ['Phó Chủ tịch Thường trực UBND tỉnh'] },
    ]);
  });

  it('an office after the name: "A, Phó Giám đốc Sở … trình bày"', () => {
    const d = draftOf(
      'Trong buổi làm việc, Đinh Thị Ngọc Hà, Phó Giám đốc Sở Tài chính tỉnh Cao Bằng trình bày dự thảo phương án phân bổ vốn.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Đinh Thị Ngọc Hà', rank: null, titles: ['Phó Giám đốc Sở Tài chính tỉnh Cao Bằng'] },
    ]);
  });

  it('the same person named twice is one attendee, with the rank of the later mention and the titles of the first', () => {
    const d = draftOf(
      'Đồng chí Quách Văn Tiến, Chỉ huy trưởng Bộ CHQS tỉnh phát biểu. Sau đó, đại tá Quách Văn Tiến trao giấy khen cho các tập thể.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Quách Văn Tiến', rank: 'Đại tá', titles: ['Chỉ huy trưởng Bộ CHQS tỉnh'] },
    ]);
  });

  it('not people: a province after an office, places after a classifier, "tư tưởng Hồ Chí Minh", "Đoàn Chủ tịch", "Trưởng Ban Tổ chức"; "Ông Ma Đình Tùng" is Ma Đình Tùng', () => {
    const d = draftOf(
      'Chủ tịch UBND tỉnh Lâm Đồng phát biểu chỉ đạo. Các xã thuộc huyện Đông Sơn, Thọ Xuân đã hoàn thành kế hoạch. Cán bộ học tập và làm theo tư tưởng Hồ Chí Minh. Đoàn Chủ tịch điều hành hội nghị. Ông Ma Đình Tùng, Phó Chủ tịch UBND huyện Bảo Lạc phát biểu. Trưởng Ban Tổ chức Huyện ủy trình bày tờ trình.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Ma Đình Tùng', rank: null, titles: ['Phó Chủ tịch UBND huyện Bảo Lạc'] },
    ]);
    expect(d.chairs).toEqual([]);
  });

  it('an agency whose name has "và" in it keeps its whole name in the title ("Sở Nông nghiệp và Môi trường")', () => {
    const d = draftOf(
      'Ông Hứa Minh Khang, Giám đốc Sở Nông nghiệp và Môi trường báo cáo kết quả sản xuất vụ mùa.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Hứa Minh Khang', rank: null, titles: ['Giám đốc Sở Nông nghiệp và Môi trường'] },
    ]);
  });

  it('a family name written with its marks that is not among the most common ("Bà Lã Thị Ngọc Hà") is still a person', () => {
    const d = draftOf(
      'Bà Lã Thị Ngọc Hà, Phó Giám đốc Sở Tài chính trình bày dự thảo phương án phân bổ vốn.',
    );
    expect(people(d.attendees)).toEqual([
      { name: 'Lã Thị Ngọc Hà', rank: null, titles: ['Phó Giám đốc Sở Tài chính'] },
    ]);
  });
});

describe('chairs: the sentence shapes that name who presided', () => {
  it('"dưới sự chủ trì của đồng chí A, … và các đồng chí: B, …; C, …, Kỳ họp … đã …": three chairs, the main clause left out', () => {
    const d = draftOf(
      'HĐND tỉnh Bắc Kạn họp phiên bất thường\n\nSáng 12/9/2025, dưới sự chủ trì của đồng chí Hoàng Thu Trang, Chủ tịch HĐND tỉnh và các đồng chí: Nông Văn Chí, Phó Chủ tịch HĐND tỉnh; Triệu Đức Lâm, Phó Chủ tịch HĐND tỉnh, Kỳ họp thứ 29 HĐND tỉnh khóa X đã xem xét, thông qua 6 nghị quyết quan trọng.',
    );
    expect(people(d.chairs)).toEqual([
      { name: 'Hoàng Thu Trang', rank: null, titles: ['Chủ tịch HĐND tỉnh'] },
      { name: 'Nông Văn Chí', rank: null, titles: ['Phó Chủ tịch HĐND tỉnh'] },
      { name: 'Triệu Đức Lâm', rank: null, titles: ['Phó Chủ tịch HĐND tỉnh'] },
    ]);
    expect(d.chairs.map((c) => c.role)).toEqual(['chu_tri', 'chu_tri', 'chu_tri']);
    expect(at(d, d.chairs[2]!.span)).not.toContain('Kỳ họp');
    expect(d.attendees).toEqual([]);
    expect(d.unsure).not.toContain('chairs');
  });

  it('"Chủ trì phiên họp, đồng chí A, …, thay mặt …"', () => {
    const d = draftOf(
      'UBND thành phố Cao Bằng họp thường kỳ tháng 10\n\nChủ trì phiên họp, đồng chí Vương Quốc Bình, Chủ tịch UBND thành phố, thay mặt lãnh đạo thành phố ghi nhận nỗ lực của các sở, ngành.',
    );
    expect(people(d.chairs)).toEqual([
      { name: 'Vương Quốc Bình', rank: null, titles: ['Chủ tịch UBND thành phố'] },
    ]);
    expect(d.chairs[0]!.role).toBe('chu_tri');
  });

  it('"Chủ tịch Đoàn Chủ tịch là đồng chí A"', () => {
    const d = draftOf(
      'Đại hội Hội Cựu chiến binh huyện Hòa An lần thứ VIII\n\nĐại hội diễn ra trong hai ngày. Chủ tịch Đoàn Chủ tịch là đồng chí Đàm Văn Khải, Chủ tịch Hội Cựu chiến binh huyện.',
    );
    expect(people(d.chairs)).toEqual([
      { name: 'Đàm Văn Khải', rank: null, titles: ['Chủ tịch Hội Cựu chiến binh huyện'] },
    ]);
  });

  it('"Cùng điều hành kỳ họp còn có bà B – …" names a co-chair beside the chair', () => {
    const d = draftOf(
      'HĐND huyện Trùng Khánh họp kỳ thứ 15\n\nKỳ họp do ông Thân Văn Lực, Chủ tịch HĐND huyện chủ trì. Cùng điều hành kỳ họp còn có bà Tạ Thị Hồng – Phó Chủ tịch HĐND huyện.',
    );
    expect(people(d.chairs)).toEqual([
      { name: 'Thân Văn Lực', rank: null, titles: ['Chủ tịch HĐND huyện'] },
      { name: 'Tạ Thị Hồng', rank: null, titles: ['Phó Chủ tịch HĐND huyện'] },
    ]);
    expect(d.chairs.map((c) => c.role)).toEqual(['chu_tri', 'dong_chu_tri']);
  });

  it('"Ông A, Bộ trưởng … đã đến thăm và chủ trì buổi làm việc": the titles stop before "đã đến thăm"', () => {
    const d = draftOf(
      'Bộ trưởng Bộ Xây dựng làm việc với tỉnh Lạng Sơn\n\nÔng Cù Minh Đạt, Bộ trưởng Bộ Xây dựng đã đến thăm và chủ trì buổi làm việc với lãnh đạo tỉnh về tiến độ đường cao tốc.',
    );
    expect(people(d.chairs)).toEqual([
      { name: 'Cù Minh Đạt', rank: null, titles: ['Bộ trưởng Bộ Xây dựng'] },
    ]);
  });

  const opened =
    'Hội nghị tổng kết công tác dân vận năm 2025\n\nSáng 20/12/2025, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận.\n\nĐồng chí Lương Thị Mến, Trưởng ban Dân vận Tỉnh ủy phát biểu khai mạc hội nghị. Đồng chí Kiều Văn Nam, Phó Trưởng ban trình bày báo cáo.';

  it('with no sentence naming a chair, the one who "phát biểu khai mạc" is the chair, marked unsure', () => {
    const d = draftOf(opened);
    expect(people(d.chairs)).toEqual([
      { name: 'Lương Thị Mến', rank: null, titles: ['Trưởng ban Dân vận Tỉnh ủy'] },
    ]);
    expect(d.chairs[0]!.role).toBe('chu_tri');
    expect(people(d.attendees)).toEqual([{ name: 'Kiều Văn Nam', rank: null, titles: ['Phó Trưởng ban'] }]);
    expect(d.unsure).toContain('chairs');
    expect(d.notes.map((n) => n.key)).toContain('importNote.chairFromOpening');
  });

  it('the note for the opener as chair names that person, in Vietnamese and in English', () => {
    const d = draftOf(opened);
    const note = d.notes.find((n) => n.key === 'importNote.chairFromOpening')!;
    expect(translate('vi', note)).toContain('Lương Thị Mến');
    expect(translate('en', note)).toContain('Lương Thị Mến');
    expect(translate('vi', note)).not.toMatch(/[{}]/);
  });

  it('with a chair sentence, the opener is not made the chair and nothing is marked unsure about chairs', () => {
    const d = draftOf(
      opened.replace(
        'tổ chức hội nghị tổng kết công tác dân vận.',
        'tổ chức hội nghị tổng kết công tác dân vận. Hội nghị do đồng chí Sùng A Dình, Phó Bí thư Tỉnh ủy chủ trì.',
      ),
    );
    expect(d.chairs.map((c) => c.name)).toEqual(['Sùng A Dình']);
    expect(d.attendees.map((a) => a.name)).toContain('Lương Thị Mến');
    expect(d.unsure).not.toContain('chairs');
    expect(d.notes.map((n) => n.key)).not.toContain('importNote.chairFromOpening');
  });
});

describe('a caption and its photo credit apart, as a photo card keeps them', () => {
  it('the credit after the caption\'s sentence, after a dash, or in brackets', () => {
    expect(splitPhotoCredit('Toàn cảnh hội nghị. Ảnh: Văn Điệp')).toEqual({ caption: 'Toàn cảnh hội nghị.', credit: 'Ảnh: Văn Điệp' });
    expect(splitPhotoCredit('Đại biểu dự hội nghị - Ảnh: Minh Châu')).toEqual({ caption: 'Đại biểu dự hội nghị', credit: 'Ảnh: Minh Châu' });
    expect(splitPhotoCredit('Đồng chí Bí thư Tỉnh ủy phát biểu (Ảnh: TTXVN)')).toEqual({ caption: 'Đồng chí Bí thư Tỉnh ủy phát biểu', credit: 'Ảnh: TTXVN' });
  });

  it('a line that is only a name after "Ảnh:" is a credit; "Ảnh:" before a description is the caption itself', () => {
    expect(splitPhotoCredit('ẢNH: THANH LỘC')).toEqual({ caption: '', credit: 'Ảnh: THANH LỘC' });
    expect(splitPhotoCredit('Ảnh: Toàn cảnh hội nghị')).toEqual({ caption: 'Ảnh: Toàn cảnh hội nghị', credit: '' });
    expect(splitPhotoCredit('Quang cảnh kỳ họp.')).toEqual({ caption: 'Quang cảnh kỳ họp.', credit: '' });
  });
});

describe('captions: lines that describe a picture, kept out of the minutes', () => {
  const lead =
    'Tỉnh Hà Giang tổng kết phong trào thi đua yêu nước\n\nSáng 5/12/2024, UBND tỉnh Hà Giang tổ chức hội nghị tổng kết phong trào thi đua yêu nước giai đoạn 2020-2024.\n\n';
  const tail = '\n\nHội nghị đã khen thưởng 45 tập thể và 80 cá nhân.';
  const bodyOf = (d: ReturnType<typeof draftOf>) => texts(d.body);
  const leadParagraph =
    'Sáng 5/12/2024, UBND tỉnh Hà Giang tổ chức hội nghị tổng kết phong trào thi đua yêu nước giai đoạn 2020-2024.';

  it('a caption with its credit at the end ("… phát biểu tại hội nghị. Ảnh: Thu Hằng"); its speaker is an attendee', () => {
    const line = 'Đồng chí Sầm Văn Hiếu, Phó Chủ tịch UBND tỉnh phát biểu tại hội nghị. Ảnh: Thu Hằng';
    const d = draftOf(lead + line + tail);
    expect(texts(d.captions)).toEqual([line]);
    expect(bodyOf(d)).toEqual([leadParagraph, 'Hội nghị đã khen thưởng 45 tập thể và 80 cá nhân.']);
    expect(d.attendees.map((a) => a.name)).toEqual(['Sầm Văn Hiếu']);
  });

  it('a credit line alone under the caption ("ẢNH: THU HẰNG"): the line above is the caption, the credit is neither', () => {
    const d = draftOf(
      lead + 'Các đại biểu tham quan gian hàng trưng bày sản phẩm OCOP.\nẢNH: THU HẰNG' + tail,
    );
    expect(texts(d.captions)).toEqual(['Các đại biểu tham quan gian hàng trưng bày sản phẩm OCOP.']);
    expect(bodyOf(d)).toEqual([leadParagraph, 'Hội nghị đã khen thưởng 45 tập thể và 80 cá nhân.']);
  });

  it('"Toàn cảnh hội nghị." is a caption even in a report that shows no picture', () => {
    const d = draftOf(lead + 'Toàn cảnh hội nghị.' + tail);
    expect(texts(d.captions)).toEqual(['Toàn cảnh hội nghị.']);
    expect(d.captions[0]!.image).toBeNull();
    expect(bodyOf(d)).not.toContain('Toàn cảnh hội nghị.');
  });

  it('a line that shows a speaker and nothing more is a caption', () => {
    const line = 'Phó Chủ tịch UBND tỉnh Sầm Văn Hiếu phát biểu chỉ đạo tại hội nghị.';
    const d = draftOf(lead + line + tail);
    expect(texts(d.captions)).toEqual([line]);
    expect(bodyOf(d)).toHaveLength(2);
  });

  it("a picture's file name: the line under it is its caption; the file name is in neither", () => {
    const d = draftOf(
      lead +
        'pho-chu-tich-trao-bang-khen.jpg\nPhó Chủ tịch UBND tỉnh trao Bằng khen cho các tập thể xuất sắc.' +
        tail,
    );
    expect(texts(d.captions)).toEqual(['Phó Chủ tịch UBND tỉnh trao Bằng khen cho các tập thể xuất sắc.']);
    expect(draftToCliJson(d).body).not.toContain('.jpg');
    expect(bodyOf(d)).toHaveLength(2);
  });

  it('a picture titled "… - Ảnh 1." under the headline: the line under it is its caption', () => {
    const d = draftOf(
      lead +
        'Tỉnh Hà Giang tổng kết phong trào thi đua yêu nước - Ảnh 1.\nLãnh đạo tỉnh trao cờ thi đua cho các đơn vị dẫn đầu.' +
        tail,
    );
    expect(texts(d.captions)).toEqual(['Lãnh đạo tỉnh trao cờ thi đua cho các đơn vị dẫn đầu.']);
    expect(draftToCliJson(d).body).not.toContain('Ảnh 1');
    expect(bodyOf(d)).toHaveLength(2);
  });

  it('the lead restated in fewer words under a picture is a caption, not a second lead', () => {
    const d = draftOf(
      lead + '[Ảnh 1]\n\nUBND tỉnh Hà Giang tổ chức hội nghị tổng kết phong trào thi đua yêu nước.' + tail,
    );
    expect(texts(d.captions)).toEqual([
      'UBND tỉnh Hà Giang tổ chức hội nghị tổng kết phong trào thi đua yêu nước.',
    ]);
    expect(bodyOf(d)).toEqual([leadParagraph, 'Hội nghị đã khen thưởng 45 tập thể và 80 cá nhân.']);
  });

  it('not captions: a short paragraph of typed minutes, and a paragraph that goes on after "phát biểu tại hội nghị, …"', () => {
    const d = draftOf(
      'Biên bản họp chi bộ tháng 10\n\nNgày 07/10/2025, Chi bộ Phòng Tư pháp họp thường kỳ.\n\nĐại biểu thảo luận sôi nổi.\n\nĐồng chí Giáp Văn Toàn, Bí thư Chi bộ phát biểu tại hội nghị, đề nghị các đảng viên hoàn thành hồ sơ trước ngày 25/10/2025.',
    );
    expect(d.captions).toEqual([]);
    expect(texts(d.body)).toEqual([
      'Ngày 07/10/2025, Chi bộ Phòng Tư pháp họp thường kỳ.',
      'Đại biểu thảo luận sôi nổi.',
      'Đồng chí Giáp Văn Toàn, Bí thư Chi bộ phát biểu tại hội nghị, đề nghị các đảng viên hoàn thành hồ sơ trước ngày 25/10/2025.',
    ]);
  });
});

describe("bylines and the site's furniture: kept out of the minutes", () => {
  it("a reporter's name alone at the end, then the site's address: the name is the byline, neither is in the body", () => {
    const d = draftOf(
      'Huyện Bảo Lâm sơ kết 9 tháng\n\nChiều 8/10/2024, UBND huyện Bảo Lâm tổ chức hội nghị sơ kết công tác 9 tháng đầu năm.\n\nHội nghị đã chỉ ra những tồn tại trong công tác thu ngân sách.\n\nCác xã cam kết hoàn thành chỉ tiêu năm.\n\nPhương Linh\n\nbaobaolam.vn',
    );
    expect(d.byline?.value).toBe('Phương Linh');
    expect(at(d, d.byline!.span)).toBe('Phương Linh');
    expect(texts(d.body)).toEqual([
      'Chiều 8/10/2024, UBND huyện Bảo Lâm tổ chức hội nghị sơ kết công tác 9 tháng đầu năm.',
      'Hội nghị đã chỉ ra những tồn tại trong công tác thu ngân sách.',
      'Các xã cam kết hoàn thành chỉ tiêu năm.',
    ]);
    expect(d.attendees).toEqual([]);
  });

  it('the name above the time stamp under the headline (written twice), "Đọc thêm", "Không có bình luận" and an address line', () => {
    const d = draftOf(
      'Sư đoàn 395 huấn luyện chiến sĩ mới\n\nTrọng Nghĩa\n\nTrọng Nghĩa\n\n10/03/2025 09:15 GMT+7\n\nSáng 9/3/2025, Sư đoàn 395 tổ chức khai mạc huấn luyện chiến sĩ mới năm 2025.\n\nĐọc thêm\n\nBuổi lễ có 600 chiến sĩ mới tham gia.\n\nKhông có bình luận\n\nquandoi395.vn/tin-tuc',
    );
    expect(d.byline?.value).toBe('Trọng Nghĩa');
    expect(d.title?.value).toBe('Sư đoàn 395 huấn luyện chiến sĩ mới');
    expect(d.date?.value).toBe('2025-03-09');
    expect(texts(d.body)).toEqual([
      'Sáng 9/3/2025, Sư đoàn 395 tổ chức khai mạc huấn luyện chiến sĩ mới năm 2025.',
      'Buổi lễ có 600 chiến sĩ mới tham gia.',
    ]);
    expect(d.captions).toEqual([]);
    expect(d.attendees).toEqual([]);
  });
});

describe('dates: the meeting day in the shapes reports write it', () => {
  it('"Hôm nay, ngày 14 tháng 11 năm 2025, tại …" is the meeting date, its year written', () => {
    const d = draftOf(
      'Hôm nay, ngày 14 tháng 11 năm 2025, tại Hội trường UBND xã Tân Lập, Hội đồng nhân dân xã tổ chức kỳ họp thứ 12.',
    );
    expect(d.date).toMatchObject({ value: '2025-11-14', yearFrom: 'written' });
    expect(at(d, d.date!.span)).toBe('ngày 14 tháng 11 năm 2025');
    expect(d.location?.value).toBe('Hội trường UBND xã Tân Lập');
  });

  it('a date glued after the page\'s "( Cập nhật ngày: … )" is the meeting date, not the update stamp', () => {
    const d = draftOf(
      '( Cập nhật ngày: 18/3/2025 )Chiều 17/3, Huyện ủy Mường Khương tổ chức hội nghị học tập nghị quyết.',
    );
    expect(d.date).toMatchObject({ value: '2025-03-17', day: 17, month: 3, partOfDay: 'chiều' });
    expect(at(d, d.date!.span)).toBe('Chiều 17/3');
    // Before the day the fixtures are read on: the year is this one.
    expect(d.date!.year).toBe(FIXTURE_TODAY.year);
  });

  it("a worded date after a document number is the date of that document, not the meeting's", () => {
    const d = draftOf(
      'Sở Tư pháp triển khai văn bản mới\n\nSáng 10/3/2025, Sở Tư pháp tổ chức hội nghị triển khai Nghị định số 12/2025/NĐ-CP ngày 3 tháng 2 năm 2025 của Chính phủ.',
    );
    expect(refs(d)).toEqual([['12/2025/NĐ-CP', 'Nghị định', '2025-02-03']]);
    expect(at(d, d.documentRefs[0]!.span)).toBe('Nghị định số 12/2025/NĐ-CP ngày 3 tháng 2 năm 2025');
    expect(d.date?.value).toBe('2025-03-10');
  });
});

describe('deadlines: the last day a directive gives, after the meeting', () => {
  const november = { year: 2025, month: 11, day: 18 };
  const december2026 = { year: 2026, month: 12, day: 10 };

  it('a day without its year takes the first year after the meeting', () => {
    expect(findDeadline('Các xã hoàn thành rà soát hộ nghèo trước ngày 31/12.', november)).toEqual({
      date: '2025-12-31',
      text: 'trước ngày 31/12',
    });
    expect(findDeadline('Chủ đầu tư hoàn thành giải phóng mặt bằng trước ngày 15/1.', december2026)).toEqual({
      date: '2027-01-15',
      text: 'trước ngày 15/1',
    });
  });

  it('a period names its last day: "trong quý I năm 2027", "trong tháng 12"; "chậm nhất ngày …"', () => {
    expect(findDeadline('Hoàn thành thủ tục đầu tư trong quý I năm 2027.', november)?.date).toBe(
      '2027-03-31',
    );
    expect(findDeadline('Phòng Lao động nộp báo cáo tổng hợp trong tháng 12.', november)?.date).toBe(
      '2025-12-31',
    );
    expect(findDeadline('Phòng Lao động nộp báo cáo tổng hợp trong tháng 2.', november)?.date).toBe(
      '2026-02-28',
    );
    expect(findDeadline('Gửi hồ sơ chậm nhất ngày 5/12/2025.', november)).toEqual({
      date: '2025-12-05',
      text: 'chậm nhất ngày 5/12/2025',
    });
  });

  it('not deadlines: a cited plan\'s date, a date before the meeting, "trước ngày 20 hằng tháng", any date when the meeting has none', () => {
    expect(
      findDeadline('Các xã tiếp tục thực hiện Kế hoạch số 12 ngày 5/3/2026 của UBND huyện.', november),
    ).toBeNull();
    expect(
      findDeadline('Ban Quản lý dự án đã bàn giao mặt bằng trước ngày 10/11/2025.', november),
    ).toBeNull();
    expect(findDeadline('Phòng Tài chính gửi số liệu trước ngày 20 hằng tháng.', november)).toBeNull();
    expect(findDeadline('Các xã hoàn thành rà soát hộ nghèo trước ngày 31/12.', null)).toBeNull();
  });

  it('through the draft: each conclusion of a November meeting gets its deadline or none', () => {
    const d = draftOf(
      'Huyện Si Ma Cai họp bàn giảm nghèo\n\nSáng 18/11/2025, UBND huyện Si Ma Cai họp bàn công tác giảm nghèo bền vững.\n\nKết luận cuộc họp, đồng chí Giàng Seo Phử, Chủ tịch UBND huyện yêu cầu các xã hoàn thành rà soát hộ nghèo trước ngày 31/12. Phòng Lao động nộp báo cáo tổng hợp trong tháng 12. Các xã tiếp tục thực hiện Kế hoạch số 12 ngày 5/3/2026 của UBND huyện về hỗ trợ sinh kế. Phòng Tài chính gửi số liệu cho UBND huyện trước ngày 20 hằng tháng. Ban Quản lý dự án hoàn thành hồ sơ công trình nước sạch chậm nhất ngày 10/12/2025.',
    );
    expect(d.date?.value).toBe('2025-11-18');
    expect(d.conclusions.map((c) => [c.text, c.deadline, c.deadlineText])).toEqual([
      ['Các xã hoàn thành rà soát hộ nghèo trước ngày 31/12.', '2025-12-31', 'trước ngày 31/12'],
      ['Phòng Lao động nộp báo cáo tổng hợp trong tháng 12.', '2025-12-31', 'trong tháng 12'],
      [
        'Các xã tiếp tục thực hiện Kế hoạch số 12 ngày 5/3/2026 của UBND huyện về hỗ trợ sinh kế.',
        null,
        null,
      ],
      ['Phòng Tài chính gửi số liệu cho UBND huyện trước ngày 20 hằng tháng.', null, null],
      [
        'Ban Quản lý dự án hoàn thành hồ sơ công trình nước sạch chậm nhất ngày 10/12/2025.',
        '2025-12-10',
        'chậm nhất ngày 10/12/2025',
      ],
    ]);
  });

  it('through the draft: after a December 2026 meeting "trước ngày 15/1" is in 2027; a date already past is none', () => {
    const d = draftOf(
      'Thành phố Lào Cai họp về dự án\n\nChiều 10/12/2026, UBND thành phố Lào Cai họp về tiến độ các dự án trọng điểm.\n\nPhát biểu kết luận, đồng chí Vàng Văn Dũng, Chủ tịch UBND thành phố đề nghị chủ đầu tư hoàn thành giải phóng mặt bằng trước ngày 15/1. Các dự án chuyển tiếp phải hoàn thành thủ tục đầu tư trong quý I năm 2027. Ban Quản lý dự án đã bàn giao mặt bằng trước ngày 30/11/2026 theo chỉ đạo.',
    );
    expect(d.conclusions.map((c) => c.deadline)).toEqual(['2027-01-15', '2027-03-31', null]);
  });

  it('through the draft: a meeting without a date offers no deadline at all', () => {
    const d = draftOf(
      'Cuộc họp bàn giảm nghèo\n\nKết luận cuộc họp, đồng chí Giàng Seo Phử, Chủ tịch UBND huyện yêu cầu các xã hoàn thành rà soát hộ nghèo trước ngày 31/12/2025.',
    );
    expect(d.date).toBeNull();
    expect(d.conclusions.map((c) => c.text)).toEqual([
      'Các xã hoàn thành rà soát hộ nghèo trước ngày 31/12/2025.',
    ]);
    expect(d.conclusions[0]!.deadline).toBeNull();
    expect(d.conclusions[0]!.deadlineText).toBeNull();
  });
});

describe('issuer: the body that held the meeting, as the subject of the lead', () => {
  it('reads "…, Ban Thường vụ Huyện ủy Kim Sơn đã tổ chức hội nghị …" from a news report', () => {
    const d = draftOf(
      'Huyện ủy Kim Sơn sơ kết quý III\n\nSáng 4/10, Ban Thường vụ Huyện ủy Kim Sơn đã tổ chức hội nghị sơ kết công tác quý III. Đồng chí Lã Văn Thông, Bí thư Huyện ủy chủ trì.',
    );
    expect(d.issuer?.value).toBe('Ban Thường vụ Huyện ủy Kim Sơn');
    expect(at(d, d.issuer!.span)).toBe('Ban Thường vụ Huyện ủy Kim Sơn');
    expect(draftToCliJson(d).issuer).toBe('Ban Thường vụ Huyện ủy Kim Sơn');
  });

  it('names no issuer when no body is the subject of the meeting', () => {
    const d = draftOf(
      'Ghi chép buổi trao đổi\n\nChiều 4/10, các đồng chí trong tổ công tác trao đổi về lịch trực.',
    );
    expect(d.issuer).toBeNull();
  });
});
