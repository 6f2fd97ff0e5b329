import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDraft } from '../../services/import/extract';
import { readFileSource } from '../../services/import/sources';
import type { ImportDraft } from '../../contract/importContract';
import { bienBanXaDocx, thongBaoHuyenUyDocx } from '../fixtures/import/official/officialDocx';
import { at, FIXTURE_TODAY, people, refs, texts } from '../helpers/importFixtures';

/*
 * Issue 16 item 9: official documents (Thông báo kết luận, Biên bản) as well as news reports. The
 * fixtures in test/fixtures/import/official are our own documents (invented bodies, names and content)
 * laid out as offices lay them out: issuer header, Quốc hiệu/Tiêu ngữ, số/ký hiệu, place and date, the
 * document type with its trích yếu, labelled participants, numbered conclusions, Nơi nhận, signer.
 * Each assertion is what a careful clerk takes from the paper.
 */

const DIR = resolve(import.meta.dirname, '..', 'fixtures', 'import', 'official');

/** A file read the way the import reads it (its format from its name), then extracted. */
async function fromFile(
  name: string,
  bytes: Buffer = readFileSync(resolve(DIR, name)),
): Promise<ImportDraft> {
  return extractDraft(await readFileSource(name, bytes), { today: FIXTURE_TODAY });
}

/** Loads a draft once per describe block. */
function loaded(read: () => Promise<ImportDraft>): () => ImportDraft {
  let d: ImportDraft | undefined;
  beforeAll(async () => {
    d = await read();
  });
  return () => {
    if (!d) throw new Error('draft not loaded');
    return d;
  };
}

type Role = ImportDraft['attendees'][number]['role'];
const withRole = (d: ImportDraft, role: Role) => people(d.attendees.filter((a) => a.role === role));
const bodyOf = (d: ImportDraft) => texts(d.body).join('\n\n');
/** The issuer as the clerk reads it: case and line breaks of the header do not matter. */
const issuerOf = (d: ImportDraft) =>
  d.issuer?.value.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi') ?? null;

/**
 * The furniture of an official document that is not the minutes: Quốc hiệu, Tiêu ngữ, the Party's
 * name, the number line, the document type line, Nơi nhận and its recipients, the signer block, page
 * markers of a PDF copy.
 */
function expectNoFurniture(body: string) {
  expect(body, 'Quốc hiệu').not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(body, 'Tiêu ngữ').not.toContain('Độc lập - Tự do - Hạnh phúc');
  expect(body, 'ĐẢNG CỘNG SẢN VIỆT NAM').not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(body, 'số, ký hiệu').not.toMatch(/^Số:? \d/m);
  expect(body, 'tên loại').not.toMatch(/^(THÔNG BÁO|BIÊN BẢN|T H Ô N G {1,2}B Á O)$/m);
  expect(body, 'Nơi nhận').not.toContain('Nơi nhận');
  expect(body, 'recipients').not.toMatch(/^- Lưu/m);
  expect(body, 'signer block').not.toMatch(/^(T\/M|TM\.|KT\.|TL\.) /m);
  expect(body, 'signed').not.toContain('(Đã ký)');
  expect(body, 'page marker').not.toMatch(/Trang \d+\/\d+/);
  expect(body, 'rule under the trích yếu').not.toMatch(/^-{3,}$/m);
}

/** Nothing of the header, the Nơi nhận list or the signer block is a conclusion. */
function expectConclusionsClean(d: ImportDraft) {
  for (const c of texts(d.conclusions)) {
    expect(c).not.toMatch(/Nơi nhận|^- |Lưu:|T\/M|KT\.|TL\.|\(Đã ký\)|thông báo để|kết thúc|Trang \d/);
    // The item's own number or letter is not part of its text.
    expect(c).not.toMatch(/^(\d+\.|[a-đ]\))\s/);
  }
}

describe('a Party conclusion notice, pasted (Số: 127-TB/TU, labelled Chủ trì/Tham dự/Thư ký, T/M signer who is not the chair)', () => {
  const d = loaded(() => fromFile('tb-btv-tinh-uy.txt'));

  it('takes the two lines under "THÔNG BÁO" as the title', () => {
    expect(d().title?.value).toBe(
      'Kết luận của Ban Thường vụ Tỉnh ủy về công tác phòng, chống hạn hán và xâm nhập mặn mùa khô năm 2026',
    );
  });

  it('takes the meeting’s date ("Ngày 10/3/2026, … họp"), not the notice’s own date (12/3)', () => {
    expect(d().date).toMatchObject({ value: '2026-03-10', year: 2026, yearFrom: 'written' });
  });

  it('lists its own number as a document reference, with the notice’s date', () => {
    expect(refs(d())).toEqual([['127-TB/TU', 'Thông báo', '2026-03-12']]);
  });

  it('reads "Chủ trì: Đồng chí …, titles"; the signer (T/M … PHÓ BÍ THƯ THƯỜNG TRỰC) is not a chair', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Lương Đức Khiêm', rank: null, titles: ['Ủy viên Trung ương Đảng', 'Bí thư Tỉnh ủy'] },
    ]);
    expect(d().chairs[0]!.role).toBe('chu_tri');
  });

  it('reads "Tham dự: Đại tá …, …; đồng chí …, …; Ông … – …" and "Thư ký: …" (role thu_ky)', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Trần Văn Bính', rank: 'Đại tá', titles: ['Chính ủy Bộ CHQS tỉnh'] },
      { name: 'Hà Thị Ngọc Lan', rank: null, titles: ['Phó Chủ tịch UBND tỉnh'] },
      { name: 'Đậu Xuân Trường', rank: null, titles: ['Giám đốc Sở Nông nghiệp và Môi trường'] },
    ]);
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Cao Thị Hạnh', rank: null, titles: ['Phó Chánh Văn phòng Tỉnh ủy'] },
    ]);
    expect(d().attendees).toHaveLength(4);
  });

  it('takes one conclusion per numbered item, with the deadline of the second', () => {
    expect(d().conclusions).toHaveLength(4);
    expect(d().conclusions[0]!.text).toMatch(/^Thống nhất đánh giá các sở, ngành/);
    expect(d().conclusions[1]!.text).toBe(
      'Giao Ban Cán sự đảng UBND tỉnh chỉ đạo nạo vét các kênh trục chính, hoàn thành trước ngày 30/4/2026.',
    );
    expect(d().conclusions[1]!.deadline).toBe('2026-04-30');
    expect(d().conclusions[3]!.text).toMatch(/^Văn phòng Tỉnh ủy theo dõi/);
    expectConclusionsClean(d());
  });

  it('names the issuer from the header (the issuing body, not the Đảng bộ above it)', () => {
    expect(issuerOf(d())).toBe('BAN THƯỜNG VỤ TỈNH ỦY');
    expect(at(d(), d().issuer!.span)).toBe('BAN THƯỜNG VỤ TỈNH ỦY');
  });

  it('keeps the header, Nơi nhận and the signer block out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toContain('ĐẢNG BỘ TỈNH THANH HÓA');
    expect(body).not.toContain('Thanh Hóa, ngày 12 tháng 3 năm 2026');
    expect(body, 'second line of the trích yếu').not.toMatch(/^về công tác phòng, chống hạn hán/m);
    expect(body).not.toContain('Phạm Thị Thu Hiền');
    expect(body).toContain(
      'Ngày 10/3/2026, Ban Thường vụ Tỉnh ủy họp nghe Ban Cán sự đảng UBND tỉnh báo cáo',
    );
  });
});

describe('a provincial People’s Committee notice (two-line issuer, "Chiều ngày 03/02/2025", "Thành viên dự họp:" separated by semicolons, KT. signer who is the chair)', () => {
  const d = loaded(() => fromFile('tb-ubnd-tinh.txt'));

  it('takes the trích yếu as the title and the meeting’s date with its part of day', () => {
    expect(d().title?.value).toBe(
      'Kết luận của Phó Chủ tịch UBND tỉnh Nguyễn Hữu Tín tại cuộc họp nghe báo cáo tiến độ giải phóng mặt bằng tuyến đường ven biển',
    );
    expect(d().date).toMatchObject({ value: '2025-02-03', yearFrom: 'written', partOfDay: 'chiều' });
  });

  it('lists "Số: 45/TB-UBND" with the notice’s date', () => {
    expect(refs(d())).toEqual([['45/TB-UBND', 'Thông báo', '2025-02-05']]);
  });

  it('reads the chair of "đồng chí …, Phó Chủ tịch UBND tỉnh chủ trì"; signing as KT. CHỦ TỊCH does not make him an attendee', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Nguyễn Hữu Tín', rank: null, titles: ['Phó Chủ tịch UBND tỉnh'] },
    ]);
    expect(d().attendees.map((a) => a.name)).not.toContain('Nguyễn Hữu Tín');
  });

  it('reads every member of "Thành viên dự họp: ông …; bà …; Đại tá …; ông …" (ông/bà dropped)', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Hoàng Ngọc Sơn', rank: null, titles: ['Giám đốc Sở Tài chính'] },
      { name: 'Trịnh Thu Thủy', rank: null, titles: ['Phó Giám đốc Sở Xây dựng'] },
      { name: 'Mai Xuân Hùng', rank: 'Đại tá', titles: ['Chỉ huy trưởng Bộ CHQS tỉnh'] },
      { name: 'Võ Tấn Phát', rank: null, titles: ['Chủ tịch UBND huyện Lệ Thủy'] },
    ]);
    expect(d().attendees).toHaveLength(4);
  });

  it('takes the three numbered items; "… thông báo để … thực hiện./." and Nơi nhận are not conclusions', () => {
    expect(d().conclusions).toHaveLength(3);
    expect(d().conclusions[0]!.text).toMatch(/^Ghi nhận sự nỗ lực của các địa phương/);
    expect(d().conclusions[1]!.deadline).toBe('2025-02-28');
    expectConclusionsClean(d());
  });

  it('names the issuer written on two lines', () => {
    expect(issuerOf(d())).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH');
  });

  it('keeps the header, Nơi nhận and the signer block out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toMatch(/^TỈNH QUẢNG BÌNH$/m);
    expect(body).not.toContain('Các sở: Tài chính, Xây dựng');
    expect(body).toContain('Chiều ngày 03/02/2025, tại Phòng họp số 1 UBND tỉnh');
  });
});

describe('an inspection Biên bản of a provincial department ("Hôm nay, ngày 14 tháng 11 năm 2025, tại …", "I. THÀNH PHẦN" with "Ông X – chức vụ." lines, "III. KẾT LUẬN")', () => {
  const d = loaded(() => fromFile('bien-ban-so-xay-dung.txt'));

  it('takes the line under "BIÊN BẢN" as the title and "Hôm nay, ngày …" as the date', () => {
    expect(d().title?.value).toBe(
      'Kiểm tra công tác nghiệm thu công trình Nhà văn hóa trung tâm huyện Can Lộc',
    );
    expect(d().date).toMatchObject({ value: '2025-11-14', year: 2025, yearFrom: 'written' });
  });

  it('lists its own number and the plan it cites, each with its date', () => {
    expect(refs(d())).toEqual([
      ['08/BB-SXD', 'Biên bản', '2025-11-14'],
      ['214/KH-SXD', 'Kế hoạch', '2025-11-03'],
    ]);
  });

  it('takes the head of the inspection team (listed first, signs as TRƯỞNG ĐOÀN) as the chair', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Thái Quang Định', rank: null, titles: ['Phó Giám đốc Sở Xây dựng', 'Trưởng đoàn'] },
    ]);
  });

  it('reads the "Ông/Bà X – chức vụ." lines of "I. THÀNH PHẦN"; "thư ký đoàn" is the secretary; signers are not added twice', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Lê Thị Bích Ngọc', rank: null, titles: ['Trưởng phòng Quản lý xây dựng'] },
      { name: 'Trần Đình Hợi', rank: null, titles: ['Giám đốc Ban Quản lý dự án huyện Can Lộc'] },
    ]);
    const secretaries = withRole(d(), 'thu_ky');
    expect(secretaries.map((p) => p.name)).toEqual(['Nguyễn Văn Sửu']);
    expect(secretaries[0]!.titles[0]).toBe('Chuyên viên Phòng Quản lý xây dựng');
    expect(d().attendees).toHaveLength(3);
  });

  it('takes the numbered items under "III. KẾT LUẬN VÀ KIẾN NGHỊ" only (not "1. Đoàn kiểm tra …:" of section I)', () => {
    expect(d().conclusions).toHaveLength(3);
    expect(d().conclusions[0]!.text).toMatch(/^Chủ đầu tư bổ sung các biên bản nghiệm thu/);
    expect(d().conclusions[0]!.deadline).toBe('2025-11-30');
    expectConclusionsClean(d());
  });

  it('names the issuing department, not the UBND above it', () => {
    expect(issuerOf(d())).toBe('SỞ XÂY DỰNG');
  });

  it('keeps the header and the signatures out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toMatch(/^UBND TỈNH HÀ TĨNH$/m);
    expect(body).not.toContain('TRƯỞNG ĐOÀN KIỂM TRA');
    expect(body).not.toContain('ĐẠI DIỆN CHỦ ĐẦU TƯ');
    expect(body).toContain(
      'Hôm nay, ngày 14 tháng 11 năm 2025, tại công trường Nhà văn hóa trung tâm huyện Can Lộc',
    );
  });
});

describe('a military Biên bản in Markdown (bold labels, "Thành viên dự họp:" one per line, chair named only in the signature block, "a)" items)', () => {
  const d = loaded(() => fromFile('bien-ban-ban-chqs-huyen.md'));

  it('takes the heading under "BIÊN BẢN" as the title, the labelled time and place', () => {
    expect(d().title?.value).toBe('Họp Ban Chỉ huy Quân sự huyện đánh giá công tác tuyển quân năm 2025');
    expect(d().date).toMatchObject({ value: '2025-04-22', yearFrom: 'written', startTime: '08:00' });
    expect(d().location?.value).toBe('Phòng họp Ban CHQS huyện Tuần Giáo');
  });

  it('lists "Số: 31/BB-BCH" with its date', () => {
    expect(refs(d())).toEqual([['31/BB-BCH', 'Biên bản', '2025-04-22']]);
  });

  it('names the chair from the "CHỦ TRÌ" signature, with the title of the "Chủ trì:" line', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Mùa A Dính', rank: 'Thượng tá', titles: ['Chỉ huy trưởng Ban CHQS huyện'] },
    ]);
    expect(d().chairs[0]!.role).toBe('chu_tri');
  });

  it('reads one member per line (no bullets, no semicolons) and the secretary once, though she also signs', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Lường Văn Pọm', rank: 'Thiếu tá', titles: ['Chính trị viên Ban CHQS huyện'] },
      { name: 'Cầm Thị Xuân', rank: 'Thiếu tá', titles: ['Phó Chỉ huy trưởng - Tham mưu trưởng'] },
      { name: 'Vàng A Sùng', rank: 'Đại úy', titles: ['Trợ lý Quân lực'] },
      { name: 'Quàng Văn Tỉnh', rank: null, titles: ['Phó Chủ tịch UBND huyện'] },
    ]);
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Lò Thị Khánh', rank: 'Thượng úy', titles: ['Trợ lý Tham mưu'] },
    ]);
    expect(d().attendees).toHaveLength(5);
  });

  it('takes one conclusion per "a)", "b)", "c)" item under "Kết luận:"', () => {
    expect(d().conclusions).toHaveLength(3);
    expect(d().conclusions[0]!.text).toMatch(/^Duy trì nắm số lượng, chất lượng công dân/);
    expect(d().conclusions[1]!.deadline).toBe('2025-09-30');
    expectConclusionsClean(d());
  });

  it('names the issuer (the Ban CHQS, not the Bộ CHQS above it)', () => {
    expect(issuerOf(d())).toBe('BAN CHQS HUYỆN TUẦN GIÁO');
  });

  it('keeps the header and the signatures out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toMatch(/^BỘ CHQS TỈNH ĐIỆN BIÊN$/m);
    expect(body).not.toMatch(/^(THƯ KÝ|CHỦ TRÌ)$/m);
    expect(body).not.toContain('Thượng tá Mùa A Dính');
    expect(body).toContain('Ban CHQS huyện đánh giá kết quả giao, nhận quân năm 2025');
  });
});

describe('a Party notice as an HTML page (header and signer laid out in tables, <br> inside cells and lists, "Số 215-TB/ĐU" without colon)', () => {
  const d = loaded(() => fromFile('tb-dang-uy-quan-su.html'));

  it('joins the trích yếu broken by <br> into the title and takes the meeting’s date', () => {
    expect(d().title?.value).toBe('Kết luận hội nghị Ban Thường vụ Đảng ủy Quân sự tỉnh tháng 5 năm 2024');
    expect(d().date).toMatchObject({ value: '2024-05-17', yearFrom: 'written' });
  });

  it('lists its own Party-style number (no colon) with the notice’s date', () => {
    expect(refs(d())).toEqual([['215-TB/ĐU', 'Thông báo', '2024-05-20']]);
  });

  it('reads the chair of "Đại tá …, titles chủ trì hội nghị" once, though he also signs as BÍ THƯ', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Võ Trọng Khiêm', rank: 'Đại tá', titles: ['Bí thư Đảng ủy', 'Chính ủy Bộ CHQS tỉnh'] },
    ]);
    expect(d().attendees.map((a) => a.name)).not.toContain('Võ Trọng Khiêm');
  });

  it('reads the "Tham dự:" list split by <br> and the secretary', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      {
        name: 'Phan Văn Lịch',
        rank: 'Đại tá',
        titles: ['Phó Bí thư Đảng ủy', 'Chỉ huy trưởng Bộ CHQS tỉnh'],
      },
      { name: 'Hồ Thị Thanh Mai', rank: 'Thượng tá', titles: ['Ủy viên Ban Thường vụ', 'Phó Chính ủy'] },
      { name: 'Lang Văn Toàn', rank: 'Thượng tá', titles: ['Phó Chỉ huy trưởng - Tham mưu trưởng'] },
    ]);
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Nguyễn Thị Hoài Thu', rank: 'Thiếu tá', titles: ['Trợ lý Tổ chức'] },
    ]);
  });

  it('takes the three numbered paragraphs; the Nơi nhận/signer table is not a conclusion', () => {
    expect(d().conclusions).toHaveLength(3);
    expect(d().conclusions[0]!.text).toMatch(/^Lãnh đạo các cơ quan, đơn vị duy trì nghiêm/);
    expect(d().conclusions[1]!.deadline).toBe('2024-07-15');
    expectConclusionsClean(d());
  });

  it('names the issuer from the header cell', () => {
    expect(issuerOf(d())).toBe('ĐẢNG ỦY QUÂN SỰ TỈNH');
  });

  it('keeps the header table, Nơi nhận and the signer out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toContain('ĐẢNG BỘ TỈNH NGHỆ AN');
    expect(body, 'second line of the trích yếu').not.toMatch(/^tháng 5 năm 2024$/m);
    expect(body).not.toContain('Thường vụ Đảng ủy Quân khu,');
    expect(body).not.toMatch(/^BÍ THƯ$/m);
    expect(body).toContain('Ngày 17/5/2024, tại Sở chỉ huy Bộ CHQS tỉnh');
  });
});

describe('a district notice copied out of a PDF (columns run together, "T H Ô N G  B Á O", lines broken mid-sentence, "Trang 1/2" inside an item)', () => {
  const d = loaded(() => fromFile('tb-ubnd-huyen-tu-pdf.txt'));

  it('reads the letter-spaced type line and joins the broken trích yếu into the title', () => {
    expect(d().title?.value).toBe(
      'Kết luận của Chủ tịch UBND huyện tại cuộc họp giao ban xây dựng nông thôn mới quý I năm 2025',
    );
  });

  it('takes the meeting’s date (4/4), not the notice’s (8/4) on the line it shares with the number', () => {
    expect(d().date).toMatchObject({ value: '2025-04-04', yearFrom: 'written' });
  });

  it('lists "Số: 112/TB-UBND" with the notice’s date, though the line also holds the place and date', () => {
    expect(refs(d())).toEqual([['112/TB-UBND', 'Thông báo', '2025-04-08']]);
  });

  it('reads the chair whose title runs onto the next line', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Thái Bá Khương', rank: null, titles: ['Chủ tịch UBND huyện'] },
    ]);
  });

  it('reads "Thành phần: Title Name; …" across broken lines; "Chủ tịch UBND các xã" and the TL. signer are nobody', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Lê Văn Cường', rank: null, titles: ['Phó Chủ tịch UBND huyện'] },
      { name: 'Bùi Thị Sen', rank: null, titles: ['Trưởng phòng Nông nghiệp và PTNT'] },
      { name: 'Hồ Đức Thịnh', rank: null, titles: ['Chánh Văn phòng Điều phối nông thôn mới'] },
    ]);
    expect(d().attendees).toHaveLength(3);
  });

  it('takes three items, each rejoined across its broken lines and the page break', () => {
    expect(texts(d().conclusions)).toEqual([
      'Quý I năm 2025, huyện có thêm 02 xã được công nhận đạt chuẩn nông thôn mới nâng cao; tuy nhiên tiến độ thực hiện tiêu chí môi trường ở một số xã còn chậm.',
      'Giao phòng Nông nghiệp và PTNT phối hợp các xã Hợp Thành, Bắc Thành hoàn thành hồ sơ đề nghị xét công nhận trước ngày 30/5/2025.',
      'Văn phòng Điều phối nông thôn mới tổng hợp khó khăn, vướng mắc của các xã, báo cáo UBND huyện trong tháng 4 năm 2025.',
    ]);
    expect(d().conclusions[1]!.deadline).toBe('2025-05-30');
    expectConclusionsClean(d());
  });

  it('names the issuer from the left column of the run-together header lines', () => {
    expect(issuerOf(d())).toBe('ỦY BAN NHÂN DÂN HUYỆN YÊN THÀNH');
  });

  it('keeps header, page markers, Nơi nhận and the signer out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toContain('Đinh Công Tráng');
    expect(body, 'trích yếu').not.toContain('Kết luận của Chủ tịch UBND huyện tại cuộc họp');
    expect(body).not.toContain('CHÁNH VĂN PHÒNG');
    expect(body).toContain('Ngày 04/4/2025, tại Hội trường UBND huyện, đồng chí Thái Bá Khương');
  });
});

describe('a department notice whose chair is named only by title in the text and by name under "GIÁM ĐỐC" ("Thành viên dự họp:" one "- Ông …;" per line)', () => {
  const d = loaded(() => fromFile('tb-so-nong-nghiep.txt'));

  it('takes the trích yếu as the title and the meeting’s date', () => {
    expect(d().title?.value).toBe(
      'Kết luận của Giám đốc Sở tại cuộc họp triển khai phòng cháy, chữa cháy rừng mùa khô 2024-2025',
    );
    expect(d().date).toMatchObject({ value: '2025-01-21', yearFrom: 'written' });
  });

  it('lists "Số: 19/TB-SNNMT" with its date; "2024-2025" is not a document', () => {
    expect(refs(d())).toEqual([['19/TB-SNNMT', 'Thông báo', '2025-01-23']]);
  });

  it('names the chair ("Giám đốc Sở chủ trì") from the signer under "GIÁM ĐỐC"', () => {
    const chairs = people(d().chairs);
    expect(chairs.map((c) => [c.name, c.rank])).toEqual([['Ngô Thanh Liêm', null]]);
    expect(chairs[0]!.titles).toHaveLength(1);
    expect(chairs[0]!.titles[0]).toMatch(/^Giám đốc Sở/);
  });

  it('reads one "- Ông/Bà …, title;" per line and "Thư ký cuộc họp:"; "Đại diện Công an tỉnh, Bộ CHQS tỉnh" is nobody', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Kha Văn Lực', rank: null, titles: ['Phó Giám đốc Sở'] },
      { name: 'Đặng Thị Mỹ Nương', rank: null, titles: ['Chi cục trưởng Chi cục Kiểm lâm'] },
      { name: 'Ya Tuấn Kiệt', rank: null, titles: ['Trưởng Ban Quản lý rừng phòng hộ Đa Nhim'] },
    ]);
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Phùng Thị Lệ', rank: null, titles: ['Chuyên viên Văn phòng Sở'] },
    ]);
    expect(d().attendees).toHaveLength(4);
  });

  it('takes the four numbered items, not the closing "… thông báo để … thực hiện./."', () => {
    expect(d().conclusions).toHaveLength(4);
    expect(d().conclusions[0]!.text).toMatch(/^Năm nay nắng nóng đến sớm/);
    expect(d().conclusions[2]!.deadline).toBe('2025-02-15');
    expectConclusionsClean(d());
  });

  it('names the issuing department', () => {
    expect(issuerOf(d())).toBe('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG');
  });

  it('takes no byline from the signature ("GIÁM ĐỐC" over the name is the signer’s capacity)', () => {
    expect(d().byline).toBeNull();
  });

  it('keeps the header, Nơi nhận ("Như thành phần dự họp") and the signer out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toContain('Như thành phần dự họp');
    expect(body).not.toMatch(/^GIÁM ĐỐC$/m);
    expect(body).not.toContain('Ngô Thanh Liêm');
    expect(body).toContain('Ngày 21/01/2025, tại trụ sở Sở Nông nghiệp và Môi trường, Giám đốc Sở chủ trì');
  });
});

describe('a school’s Biên bản (labels "Thời gian:", "Chủ tọa:", "Thư ký:", "Tham dự có:", names after "Thầy"/"Cô", signatures side by side on one line)', () => {
  const d = loaded(() => fromFile('bien-ban-hop-hoi-dong-truong.txt'));

  it('takes the title, the labelled date with its time and the place', () => {
    expect(d().title?.value).toBe('Họp Hội đồng sư phạm tháng 9 năm học 2024-2025');
    expect(d().date).toMatchObject({ value: '2024-09-09', yearFrom: 'written', startTime: '14:00' });
    expect(d().location?.value).toBe('Phòng Hội đồng nhà trường');
  });

  it('lists "Số: 05/BB-THCS" with its date', () => {
    expect(refs(d())).toEqual([['05/BB-THCS', 'Biên bản', '2024-09-09']]);
  });

  it('reads "Chủ tọa: Thầy … – Hiệu trưởng." as the chair, "Thầy" dropped', () => {
    expect(people(d().chairs)).toEqual([{ name: 'Lê Đăng Khoa', rank: null, titles: ['Hiệu trưởng'] }]);
    expect(d().chairs[0]!.role).toBe('chu_tri');
  });

  it('reads the secretary and the named participants ("Cô"/"Thầy" dropped); "41/44 cán bộ" is nobody', () => {
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Bùi Thị Hồng Vân', rank: null, titles: ['Giáo viên', 'Thư ký Hội đồng'] },
    ]);
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Trần Thị Ái', rank: null, titles: ['Phó Hiệu trưởng'] },
      { name: 'Đỗ Văn Mạnh', rank: null, titles: ['Chủ tịch Công đoàn'] },
    ]);
    expect(d().attendees).toHaveLength(3);
  });

  it('takes the numbered items under "KẾT LUẬN"', () => {
    expect(d().conclusions).toHaveLength(3);
    expect(d().conclusions[0]!.text).toMatch(/^Giáo viên chủ nhiệm hoàn thành hồ sơ lớp/);
    expect(d().conclusions[0]!.deadline).toBe('2024-09-20');
    expectConclusionsClean(d());
  });

  it('names the school as the issuer, not the Phòng GD&ĐT above it', () => {
    expect(issuerOf(d())).toBe('TRƯỜNG THCS MINH CHÂU');
  });

  it('keeps the header and the signature line out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toContain('PHÒNG GD&ĐT HUYỆN TRIỆU SƠN');
    expect(body).not.toMatch(/THƯ KÝ\s+CHỦ TỌA/);
    expect(body).not.toMatch(/Bùi Thị Hồng Vân\s+Lê Đăng Khoa/);
    expect(body).toContain('Thầy Hiệu trưởng đánh giá công tác chuẩn bị năm học mới');
  });
});

describe('a Party notice typed in Word (.docx: header and signer in borderless tables, "Thành phần: các đồng chí Ủy viên Ban Thường vụ Huyện ủy: …")', () => {
  const d = loaded(async () => fromFile('thong-bao-huyen-uy.docx', await thongBaoHuyenUyDocx()));

  it('takes the trích yếu as the title and the meeting’s date', () => {
    expect(d().title?.value).toBe(
      'Kết luận của Ban Thường vụ Huyện ủy về công tác bảo đảm an ninh trật tự dịp Tết Nguyên đán Ất Tỵ',
    );
    expect(d().date).toMatchObject({ value: '2024-12-25', yearFrom: 'written' });
  });

  it('lists "Số 388-TB/HU" with the notice’s date', () => {
    expect(refs(d())).toEqual([['388-TB/HU', 'Thông báo', '2024-12-27']]);
  });

  it('reads "Chủ trì: đồng chí …"; "Công an huyện chủ trì nắm chắc …" in a conclusion is no chair', () => {
    expect(people(d().chairs)).toEqual([{ name: 'Hoàng Thị Yến', rank: null, titles: ['Bí thư Huyện ủy'] }]);
  });

  it('gives the title the list opens with to each participant, and reads the secretary', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      {
        name: 'Triệu Văn Dũng',
        rank: 'Trung tá',
        titles: ['Ủy viên Ban Thường vụ Huyện ủy', 'Chỉ huy trưởng Ban CHQS huyện'],
      },
      {
        name: 'Nông Văn Thượng',
        rank: 'Thượng tá',
        titles: ['Ủy viên Ban Thường vụ Huyện ủy', 'Trưởng Công an huyện'],
      },
      {
        name: 'Lý Thị Hoa',
        rank: null,
        titles: ['Ủy viên Ban Thường vụ Huyện ủy', 'Trưởng ban Tổ chức Huyện ủy'],
      },
    ]);
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Mã Văn Khoa', rank: null, titles: ['Chuyên viên Văn phòng Huyện ủy'] },
    ]);
  });

  it('takes the three numbered paragraphs', () => {
    expect(d().conclusions).toHaveLength(3);
    expect(d().conclusions[0]!.text).toMatch(/^Công an huyện chủ trì nắm chắc tình hình/);
    expectConclusionsClean(d());
  });

  it('names the issuer from the header table', () => {
    expect(issuerOf(d())).toBe('HUYỆN ỦY BẢO LẠC');
  });

  it('keeps the header, Nơi nhận and the signer out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toMatch(/^HUYỆN ỦY BẢO LẠC$/m);
    expect(body).not.toMatch(/^\*$/m);
    expect(body).not.toContain('Các đồng chí Huyện ủy viên');
    expect(body).toContain('Ngày 25/12/2024, Ban Thường vụ Huyện ủy họp nghe');
  });
});

describe('a commune’s Biên bản typed in Word (.docx: "Vào hồi 08 giờ 00 phút, ngày …", one "Ông/Bà X – chức vụ." per paragraph, conclusions as a Word numbered list)', () => {
  const d = loaded(async () => fromFile('bien-ban-xa.docx', await bienBanXaDocx()));

  it('takes the title and the date with its time from "Vào hồi …"', () => {
    expect(d().title?.value).toBe('Họp Ban Chỉ đạo chuyển đổi số xã quý I năm 2025');
    expect(d().date).toMatchObject({ value: '2025-03-06', yearFrom: 'written', startTime: '08:00' });
  });

  it('lists "Số: 17/BB-UBND" with its date', () => {
    expect(refs(d())).toEqual([['17/BB-UBND', 'Biên bản', '2025-03-06']]);
  });

  it('reads "Chủ trì: Ông X – titles." once, though he also signs as CHỦ TRÌ', () => {
    expect(people(d().chairs)).toEqual([
      { name: 'Đàm Văn Quế', rank: null, titles: ['Chủ tịch UBND xã', 'Trưởng Ban Chỉ đạo'] },
    ]);
    expect(d().attendees.map((a) => a.name)).not.toContain('Đàm Văn Quế');
  });

  it('reads the members under "Thành viên dự họp:", one per paragraph, and the secretary once', () => {
    expect(withRole(d(), 'dai_bieu')).toEqual([
      { name: 'Hà Thị Dung', rank: null, titles: ['Phó Chủ tịch UBND xã', 'Phó Trưởng Ban Chỉ đạo'] },
      { name: 'Lục Văn Chiến', rank: null, titles: ['Công chức Văn phòng - Thống kê'] },
      { name: 'Ma Đình Tùng', rank: null, titles: ['Trưởng Công an xã'] },
    ]);
    expect(withRole(d(), 'thu_ky')).toEqual([
      { name: 'Hoàng Thị Nhàn', rank: null, titles: ['Công chức Văn hóa - Xã hội'] },
    ]);
    expect(d().attendees).toHaveLength(4);
  });

  it('takes one conclusion per item of the Word list (its numbers are not in the text)', () => {
    expect(texts(d().conclusions)).toEqual([
      'Các thôn rà soát số hộ chưa có tài khoản định danh điện tử mức độ 2 trước ngày 31/3/2025.',
      'Công an xã hướng dẫn người cao tuổi sử dụng ứng dụng tại nhà văn hóa thôn.',
      'Văn phòng UBND xã cập nhật danh mục thủ tục hành chính trên cổng thông tin của xã.',
    ]);
    expect(d().conclusions[0]!.deadline).toBe('2025-03-31');
  });

  it('names the commune’s People’s Committee, not the district above it', () => {
    expect(issuerOf(d())).toBe('ỦY BAN NHÂN DÂN XÃ THANH VẬN');
  });

  it('keeps the header and the signatures out of the body', () => {
    const body = bodyOf(d());
    expectNoFurniture(body);
    expect(body).not.toMatch(/^UBND HUYỆN CHỢ MỚI$/m);
    expect(body).not.toMatch(/^(THƯ KÝ|CHỦ TRÌ)$/m);
    expect(body).not.toMatch(/^(Hoàng Thị Nhàn|Đàm Văn Quế)$/m);
    expect(body).toContain('Ban Chỉ đạo nghe báo cáo: 62% hộ gia đình');
  });
});
