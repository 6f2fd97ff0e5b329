import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openArchive } from '../../db/open';
import { readFileSource } from '../../services/import';
import { hoso } from '../helpers/runHoso';
import { tempDir } from '../helpers/tempArchive';
import { blankPagesPdf, closePdfs, digitalPdf, passwordPdf, scannedPdf } from '../helpers/pdfFiles';

/**
 * Importing PDFs (issue 16): a digital PDF is read offline with its lines, paragraphs and the two-column
 * header of an official document; a scan, a password-protected file and a damaged one are each refused
 * with what to do, and a batch goes on with the other files. The documents are written for this test.
 */

const PAGE_1 = `
<table class="head"><tr>
  <td>ĐẢNG BỘ HUYỆN ĐÔNG SƠN<br>ĐẢNG ỦY XÃ HÒA PHONG<br>*<br>Số 112-BB/ĐU</td>
  <td><b>ĐẢNG CỘNG SẢN VIỆT NAM</b><br><br><i>Hòa Phong, ngày 14 tháng 11 năm 2025</i></td>
</tr></table>
<p class="title spaced">BIÊN BẢN</p>
<p class="title">Hội nghị Ban Chấp hành Đảng bộ xã Hòa Phong lần thứ mười hai</p>
<p>Thời gian: Bắt đầu lúc 14 giờ 00 phút, ngày 14/11/2025.</p>
<p>Địa điểm: Hội trường Ủy ban nhân dân xã Hòa Phong.</p>
<p>Chủ trì: Đồng chí Lê Quang Thịnh, Bí thư Đảng ủy xã.</p>
<p>Thư ký: Đồng chí Đinh Thị Mai Anh, Chánh Văn phòng Đảng ủy.</p>
<p>Thành phần: 21/23 đồng chí Ủy viên Ban Chấp hành; vắng 2 đồng chí có lý do.</p>
<p class="page">Nội dung: Hội nghị nghe báo cáo kết quả thực hiện nhiệm vụ chính trị mười tháng năm 2025, thảo luận
phương hướng công tác hai tháng cuối năm và cho ý kiến vào dự thảo báo cáo tổng kết công tác xây dựng
Đảng của Đảng bộ xã theo hướng dẫn của Ban Tổ chức Huyện ủy.</p>`;

const PAGE_2 = `
<p style="text-align:center">- 2 -</p>
<p>Kết luận hội nghị, đồng chí chủ trì yêu cầu các chi bộ thôn rà soát, hoàn thiện hồ sơ đảng viên và
tổ chức sinh hoạt chuyên đề đúng hướng dẫn; giao Ủy ban nhân dân xã hoàn thành việc thu ngân sách
trước ngày 20/12/2025.</p>
<p>Hội nghị kết thúc lúc 16 giờ 30 phút cùng ngày.</p>
<table class="head"><tr>
  <td style="text-align:left">Nơi nhận:<br>- Ban Thường vụ Huyện ủy;<br>- Lưu Văn phòng Đảng ủy.</td>
  <td>T/M ĐẢNG ỦY<br>BÍ THƯ<br><br>Lê Quang Thịnh</td>
</tr></table>`;

let dir: string;
let cleanup: () => void;
let digital: Buffer;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('hoso-pdf-'));
  digital = await digitalPdf(PAGE_1 + PAGE_2);
  writeFileSync(join(dir, 'bien-ban-hoi-nghi.pdf'), digital);
  writeFileSync(
    join(dir, 'ban-quet.pdf'),
    await scannedPdf([
      'ỦY BAN NHÂN DÂN XÃ HÒA PHONG',
      'THÔNG BÁO',
      'Kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 11/2025',
      'Ngày 03/11/2025, Chủ tịch UBND xã chủ trì cuộc họp giao ban.',
    ]),
  );
  await closePdfs();
}, 120_000);

afterAll(() => cleanup());

describe('a digital PDF', () => {
  it('imports with its title, date and people found (hoso import --dry-run --json)', () => {
    const r = hoso(['import', join(dir, 'bien-ban-hoi-nghi.pdf'), '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const [draft] = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(draft).toMatchObject({
      title: 'Hội nghị Ban Chấp hành Đảng bộ xã Hòa Phong lần thứ mười hai',
      date: '2025-11-14',
      location: 'Hội trường Ủy ban nhân dân xã Hòa Phong',
      chairs: [{ name: 'Lê Quang Thịnh', titles: ['Bí thư Đảng ủy xã'] }],
    });
    expect(JSON.stringify(draft)).toContain('Đinh Thị Mai Anh');
  }, 60_000);

  it('is read as a person reads it: header blocks in order, letter spacing undone, paragraphs whole, page numbers gone', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const doc = await readFileSource('bien-ban-hoi-nghi.pdf', digital);
    expect(fetchSpy).not.toHaveBeenCalled(); // offline: fonts and maps come from the package, nothing is fetched
    fetchSpy.mockRestore();
    expect(doc.encoding).toBe('pdf');
    const lines = doc.text.split('\n');
    // The left block of the header, then the right one, as a copy out of Word gives them.
    expect(lines.slice(0, 6)).toEqual([
      'ĐẢNG BỘ HUYỆN ĐÔNG SƠN',
      'ĐẢNG ỦY XÃ HÒA PHONG',
      '*',
      'Số 112-BB/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Hòa Phong, ngày 14 tháng 11 năm 2025',
    ]);
    expect(lines).toContain('BIÊN BẢN');
    // The paragraph Chromium wrapped over three lines is one line again; labels keep their own lines.
    expect(lines).toContain(
      'Nội dung: Hội nghị nghe báo cáo kết quả thực hiện nhiệm vụ chính trị mười tháng năm 2025, thảo luận phương hướng công tác hai tháng cuối năm và cho ý kiến vào dự thảo báo cáo tổng kết công tác xây dựng Đảng của Đảng bộ xã theo hướng dẫn của Ban Tổ chức Huyện ủy.',
    );
    expect(lines).toContain('Chủ trì: Đồng chí Lê Quang Thịnh, Bí thư Đảng ủy xã.');
    expect(lines).toContain('Thư ký: Đồng chí Đinh Thị Mai Anh, Chánh Văn phòng Đảng ủy.');
    expect(lines).not.toContain('- 2 -');
    // Paragraphs are apart; the signature block reads Nơi nhận first, then the signer.
    expect(doc.text).toContain('Hội nghị kết thúc lúc 16 giờ 30 phút cùng ngày.\n\n');
    const tail = lines.slice(lines.indexOf('Nơi nhận:'));
    expect(tail).toEqual([
      'Nơi nhận:',
      '- Ban Thường vụ Huyện ủy;',
      '- Lưu Văn phòng Đảng ủy.',
      'T/M ĐẢNG ỦY',
      'BÍ THƯ',
      'Lê Quang Thịnh',
    ]);
  });
});

describe('PDFs that cannot be read', () => {
  it('a scanned PDF gets the Vietnamese no-text message, and a batch goes on with the other files', async () => {
    const db = join(dir, 'kho.sqlite');
    (await openArchive({ file: db })).close();
    const r = hoso(['import', dir, '--db', db, '--json']);
    expect(r.code).toBe(1); // one file failed
    const items = JSON.parse(r.stdout) as { name: string; status: string; message: string }[];
    const scan = items.find((i) => i.name === 'ban-quet.pdf');
    expect(scan?.status).toBe('failed');
    expect(scan?.message).toContain('ảnh chụp hoặc bản quét');
    expect(scan?.message).toContain('OCR');
    const other = items.find((i) => i.name === 'bien-ban-hoi-nghi.pdf');
    expect(other?.status).toMatch(/imported|needs_review/);
  }, 120_000);

  it('a damaged PDF and a password-protected one each get their own message', async () => {
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
      );
    const truncated = digital.subarray(0, Math.floor(digital.length / 2));
    expect(await refusal(readFileSource('bien-ban-hong.pdf', truncated))).toMatchObject({
      code: 'IMPORT_PDF_BROKEN',
      message: expect.stringContaining('bị hỏng'),
    });
    expect(
      await refusal(readFileSource('khong-phai-pdf.pdf', Buffer.from('Biên bản hội nghị'))),
    ).toMatchObject({
      code: 'IMPORT_PDF_BROKEN',
    });
    expect(await refusal(readFileSource('co-mat-khau.pdf', passwordPdf()))).toMatchObject({
      code: 'IMPORT_PDF_ENCRYPTED',
      message: expect.stringContaining('mật khẩu'),
    });
    const cli = hoso(['import', join(dir, 'ban-quet.pdf'), '--dry-run']);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain('chưa có chức năng nhận dạng chữ (OCR)');
  }, 60_000);

  it('a PDF longer than a meeting record can be is refused from its page count; 300 pages are read', async () => {
    await expect(readFileSource('qua-dai.pdf', blankPagesPdf(301))).rejects.toMatchObject({
      code: 'IMPORT_PDF_TOO_LONG',
      message: expect.stringContaining('300 trang'),
    });
    // 300 pages pass the count; being empty, they are then a scan.
    await expect(readFileSource('trang-trang.pdf', blankPagesPdf(300))).rejects.toMatchObject({
      code: 'IMPORT_PDF_NO_TEXT',
    });
  });
});
