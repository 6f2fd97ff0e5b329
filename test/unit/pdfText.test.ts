import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repairPastedText, repairPdfPages } from '../../services/import/pdfText';
import { readPastedSource } from '../../services/import';
import { isSyllable, splitGlued } from '../../services/import/vnSyllable';

/**
 * The repair of text copied out of a PDF (services/import/pdfText.ts). Every text here is written for
 * this test in the style of an official document or a news report.
 */

describe('letter-spaced headings', () => {
  it('rejoins the letters of each word, the wider gaps staying the word breaks', () => {
    expect(
      repairPastedText('T H Ô N G   B Á O   K Ế T   L U Ậ N\n\nNgày 05/02/2026, Ban Thường vụ họp.'),
    ).toBe('THÔNG BÁO KẾT LUẬN\n\nNgày 05/02/2026, Ban Thường vụ họp.');
    expect(repairPdfPages(['B I Ê N   B Ả N\nHội nghị giao ban quý I năm 2026'])).toBe(
      'BIÊN BẢN\nHội nghị giao ban quý I năm 2026',
    );
  });

  it('a heading whose word gaps were lost too is split by syllables, only in capitals', () => {
    expect(repairPdfPages(['N G H Ị   Q U Y Ế T', 'T H Ô N G B Á O K Ế T L U Ậ N'])).toBe(
      'NGHỊ QUYẾT\n\nTHÔNG BÁO KẾT LUẬN',
    );
    // Single letters in a sentence are not a heading.
    expect(repairPastedText('Các phương án a, b và c đều được xem xét.')).toBe(
      'Các phương án a, b và c đều được xem xét.',
    );
  });
});

describe('page markers', () => {
  it('drops "Trang 2/5", "- 3 -", "Page 2 of 5" lines and the bare page numbers that open or close a PDF page', () => {
    const pages = [
      'Ngày 12/01/2026, Đảng ủy phường Tân An họp phiên thường kỳ tháng 1.\nTrang 1/3',
      '- 2 -\nChủ trì: Đồng chí Phạm Văn Lực, Bí thư Đảng ủy phường.\nPage 2 of 3',
      '3\nHội nghị kết thúc lúc 11 giờ cùng ngày.',
    ];
    expect(repairPdfPages(pages)).toBe(
      'Ngày 12/01/2026, Đảng ủy phường Tân An họp phiên thường kỳ tháng 1.\n\nChủ trì: Đồng chí Phạm Văn Lực, Bí thư Đảng ủy phường.\n\nHội nghị kết thúc lúc 11 giờ cùng ngày.',
    );
  });

  it('in pasted text, bare numbers are page numbers only when they count pages in hard-wrapped text', () => {
    const wrapped = [
      'Sáng 09/3/2026, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác',
      'quý I, triển khai nhiệm vụ quý II năm 2026. Đồng chí Hoàng Minh Tâm,',
      'Chủ tịch Ủy ban nhân dân huyện chủ trì hội nghị, cùng dự có lãnh đạo các',
      'phòng, ban chuyên môn và Chủ tịch Ủy ban nhân dân các xã, thị trấn.',
      'Theo báo cáo, tổng thu ngân sách trên địa bàn đạt 182 tỷ đồng, bằng 31%',
      'dự toán năm; giải ngân vốn đầu tư công đạt 24%.',
      '2',
      'Kết luận hội nghị, đồng chí Chủ tịch yêu cầu các phòng, ban tập trung',
      'tháo gỡ vướng mắc trong giải phóng mặt bằng, hoàn thành trước ngày 30/4/2026.',
      'Các xã rà soát danh sách hộ nghèo, gửi phòng Lao động trước ngày',
      '15/4/2026 để tổng hợp báo cáo Ủy ban nhân dân tỉnh đúng hạn quy định.',
      'Văn phòng theo dõi, đôn đốc việc thực hiện kết luận này.',
      '3',
      'Minh Hà',
    ].join('\n');
    expect(repairPastedText(wrapped)).toBe(
      [
        // "… Hoàng Minh Tâm," runs to the margin without ending its sentence: "Chủ tịch …" goes on with it.
        'Sáng 09/3/2026, Ủy ban nhân dân huyện tổ chức hội nghị sơ kết công tác quý I, triển khai nhiệm vụ quý II năm 2026. Đồng chí Hoàng Minh Tâm, Chủ tịch Ủy ban nhân dân huyện chủ trì hội nghị, cùng dự có lãnh đạo các phòng, ban chuyên môn và Chủ tịch Ủy ban nhân dân các xã, thị trấn.',
        'Theo báo cáo, tổng thu ngân sách trên địa bàn đạt 182 tỷ đồng, bằng 31% dự toán năm; giải ngân vốn đầu tư công đạt 24%.',
        'Kết luận hội nghị, đồng chí Chủ tịch yêu cầu các phòng, ban tập trung tháo gỡ vướng mắc trong giải phóng mặt bằng, hoàn thành trước ngày 30/4/2026.',
        'Các xã rà soát danh sách hộ nghèo, gửi phòng Lao động trước ngày 15/4/2026 để tổng hợp báo cáo Ủy ban nhân dân tỉnh đúng hạn quy định.',
        'Văn phòng theo dõi, đôn đốc việc thực hiện kết luận này.',
        'Minh Hà',
      ].join('\n'),
    );
    // A table's STT column in a typed report counts up too, and stays.
    const table = [
      'STT',
      'Đơn vị',
      'Kết quả',
      '',
      '1',
      '',
      'Xã Tân Hòa',
      '',
      'Đạt',
      '',
      '2',
      '',
      'Xã Tân Lập',
      '',
      'Đạt',
    ].join('\n');
    expect(repairPastedText(table)).toBe(table);
  });
});

describe('lines broken mid-sentence', () => {
  it('joins a line to the one above when it continues the sentence, or the date cut at its slash', () => {
    const page = [
      'Ban Thường vụ giao Ủy ban kiểm tra Đảng ủy chủ trì, phối hợp với các chi bộ',
      'hoàn thành việc kiểm tra trước ngày 15/',
      '12/2025 và báo cáo kết quả tại hội nghị tháng',
      '01/2026.',
    ].join('\n');
    expect(repairPdfPages([page])).toBe(
      'Ban Thường vụ giao Ủy ban kiểm tra Đảng ủy chủ trì, phối hợp với các chi bộ hoàn thành việc kiểm tra trước ngày 15/12/2025 và báo cáo kết quả tại hội nghị tháng 01/2026.',
    );
  });

  it('keeps the lines of an official document where they are: header, labels, numbered and dashed items, Nơi nhận', () => {
    const doc = [
      'ĐẢNG ỦY XÃ AN PHÚ',
      'Số 31-TB/ĐU',
      'THÔNG BÁO',
      'kết luận của Ban Thường vụ Đảng ủy về công tác tháng 11',
      'Chủ trì: đồng chí Võ Thanh Bình, Bí thư Đảng ủy',
      'Thành phần: các đồng chí Ủy viên Ban Thường vụ',
      '1. Về kinh tế',
      'a) tiếp tục đẩy mạnh thu ngân sách',
      'b) hoàn thành chuyển đổi số tại bộ phận một cửa',
      '- giao Văn phòng theo dõi',
      'Nơi nhận:',
      '- Như trên;',
      '- lưu Văn phòng.',
    ].join('\n');
    expect(repairPdfPages([doc])).toBe(doc);
  });

  it('a sentence running on over the page break joins the previous page', () => {
    expect(
      repairPdfPages([
        'Hội nghị thống nhất giao các chi bộ xây dựng kế hoạch\n- 1 -',
        '- 2 -\nthực hiện ngay trong tháng 12.',
      ]),
    ).toBe('Hội nghị thống nhất giao các chi bộ xây dựng kế hoạch thực hiện ngay trong tháng 12.');
  });
});

describe('syllables glued where a space was lost', () => {
  it('splits a glued word into its syllables', () => {
    expect(
      repairPdfPages(['Giao Văn phòng thực hiện nhiệm vụtừngày 01/12/2025, báo cáo kếtquả về Thường trực.']),
    ).toBe('Giao Văn phòng thực hiện nhiệm vụ từ ngày 01/12/2025, báo cáo kết quả về Thường trực.');
    expect(splitGlued('thựchiện')).toEqual(['thực', 'hiện']);
    expect(splitGlued('ngườiđứngđầu')).toEqual(['người', 'đứng', 'đầu']);
  });

  it('never touches ASCII words, capitals, document numbers or place names it cannot split', () => {
    const line =
      'Theo Nghị định 30/2020/NĐ-CP và Quyết định số 15/QĐ-UBND, HĐND tỉnh Đắk Lắk họp tại Buôn Ma Thuột; online qua Zoom, email vanphong@xa.gov.vn.';
    expect(repairPdfPages([line])).toBe(line);
    expect(repairPastedText(line)).toBe(line);
    // Names are capitalised and often transliterated: left as written.
    expect(repairPastedText('Đoàn công tác thăm Mátxcơva và Oasinhtơn.')).toBe(
      'Đoàn công tác thăm Mátxcơva và Oasinhtơn.',
    );
  });

  it('leaves other languages alone: their accented words are not glued Vietnamese syllables', () => {
    expect(repairPastedText('Le café de la réunion est prêt.')).toBe('Le café de la réunion est prêt.');
    expect(repairPdfPages(['La reunión técnica comenzó puntualmente.'])).toBe(
      'La reunión técnica comenzó puntualmente.',
    );
  });

  it('knows Vietnamese syllables and their spelling rules', () => {
    for (const s of [
      'nghiêng',
      'quyết',
      'gì',
      'giữa',
      'khuya',
      'thuở',
      'xoong',
      'Ủy',
      'người',
      'huyện',
      'oanh',
    ])
      expect(isSyllable(s), s).toBe(true);
    for (const s of ['ngi', 'kô', 'ghă', 'ciêu', 'vụtừ', 'hóả', 'Đắk', 'tr'])
      expect(isSyllable(s), s).toBe(false);
  });
});

describe('a clean report', () => {
  const report = [
    'Huyện ủy Tiên Lữ sơ kết 6 tháng đầu năm 2026',
    '',
    'Chiều 08/7, Ban Chấp hành Đảng bộ huyện Tiên Lữ tổ chức hội nghị sơ kết công tác 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2026. Đồng chí Trịnh Quốc Khánh, Bí thư Huyện ủy chủ trì hội nghị.',
    '',
    'Theo báo cáo, tốc độ tăng giá trị sản xuất ước đạt 9,2%; thu ngân sách đạt 58% dự toán. Toàn huyện kết nạp 112 đảng viên mới.',
    '',
    'Kết luận hội nghị, đồng chí Bí thư Huyện ủy yêu cầu:',
    '- Các xã, thị trấn hoàn thành giải phóng mặt bằng dự án đường vành đai trước ngày 30/9/2026;',
    '- UBND huyện chỉ đạo thu ngân sách, bảo đảm đạt 100% dự toán;',
    '',
    'Thu Trang',
  ].join('\n');

  it('is left exactly as it was, and the clerk is not told of a repair', () => {
    expect(repairPastedText(report)).toBe(report);
    const doc = readPastedSource('Dán', report);
    expect(doc.text).toBe(report);
    expect(doc.notes).toBeUndefined();
  });

  it('a pasted text that shows the damage is repaired and the clerk is told', () => {
    const doc = readPastedSource('Dán', `B Á O   C Á O\n\n${report}\nTrang 2/2`);
    expect(doc.text.startsWith('BÁO CÁO\n\nHuyện ủy Tiên Lữ')).toBe(true);
    expect(doc.text).not.toContain('Trang 2/2');
    expect(doc.notes?.map((n) => n.key)).toEqual(['importPdf.textRepaired']);
  });

  it('every report of the shared corpus and samples comes out unchanged (when they are there)', () => {
    // Read in place, never copied into the project: the repair must not alter a normal report.
    const shared = resolve(import.meta.dirname, '..', '..', '..', 'shared');
    const dirs = [join(shared, 'corpus', 'texts'), join(shared, 'samples')].filter((d) => existsSync(d));
    const files = dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => /\.(txt|md)$/.test(f))
        .map((f) => join(d, f)),
    );
    const changed = files.filter((f) => {
      const text = readFileSync(f, 'utf8');
      return repairPastedText(text) !== text;
    });
    expect(changed).toEqual([]);
  });
});
