import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempArchive } from '../helpers/tempArchive';
import { seedReportArchive } from '../helpers/reportsFixture';
import { MM, pageText, pdfFonts, pdfImages, pdfInfo, pdfLines, pdfWords, type PdfLine } from '../helpers/pdf';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';
import { createChromiumPdf } from '../../cli/chromiumPdf';
import type { Archive } from '../../db/open';
import type { ReportRequestInput } from '../../contract/reportContract';

/**
 * Every template rendered to PDF through the same channel the app and the CLI use, then read back with
 * poppler the way a reviewer holds it against Nghị định 30/2020 and Hướng dẫn 36: A4, fonts embedded,
 * margins measured on the body text, the header texts with their diacritics, page numbers from page 2.
 */

/** The warm renderer the app's hosts use: one Chromium for the file's PDFs, ended after them. */
const pdfRenderer = createChromiumPdf({ log: silentLogger });
let t: { archive: Archive; dir: string; cleanup: () => void };
let meetingId: string;
let call: ReturnType<typeof directClient>;

beforeAll(async () => {
  t = await tempArchive();
  meetingId = await seedReportArchive(t.archive);
  call = directClient(createDispatcher(createHandlers(createContext(t.archive, 'direct', 'test', { renderPdf: (html) => pdfRenderer.render(html) })), silentLogger));
});
afterAll(async () => {
  await pdfRenderer.close();
  t.cleanup();
});

async function render(request: ReportRequestInput): Promise<{ file: string; lines: PdfLine[] }> {
  const out = await call('reports/pdf', request);
  const file = join(t.dir, `${request.kind}-${request.variant}-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(out.base64, 'base64'));
  return { file, lines: pdfLines(pdfWords(file)) };
}

const TOP_MARGIN_PT = 20 * MM;
const A4 = { width: 595, height: 842 };

function checkCommon(file: string, lines: PdfLine[]) {
  const info = pdfInfo(file);
  expect(Math.round(info.width)).toBe(A4.width);
  expect(Math.round(info.height)).toBe(A4.height);
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((f) => !f.embedded)).toEqual([]);
  // No page number on page 1: nothing printed in its top margin.
  expect(lines.filter((l) => l.page === 1 && l.y < TOP_MARGIN_PT)).toEqual([]);
  return info;
}

/** "2" alone in the top margin of page 2, centred over the text block. */
function checkPageTwoNumber(lines: PdfLine[], leftMm: number, rightMm: number) {
  const top = lines.filter((l) => l.page === 2 && l.y < TOP_MARGIN_PT);
  expect(top.map((l) => l.text)).toEqual(['2']);
  const centre = (top[0]!.xMin + top[0]!.xMax) / 2;
  const textCentre = (leftMm * MM + (A4.width - rightMm * MM)) / 2;
  expect(Math.abs(centre - textCentre)).toBeLessThan(6);
}

/** Full lines of body text (justified, many words): their left and right edges are the margins. */
function checkBodyMargins(lines: PdfLine[], marker: RegExp) {
  const body = lines.filter((l) => l.words.length >= 9 && l.y > TOP_MARGIN_PT && marker.test(pageText(lines, l.page)));
  expect(body.length).toBeGreaterThan(3);
  const left = Math.min(...body.map((l) => l.xMin));
  expect(left).toBeGreaterThanOrEqual(30 * MM - 0.5);
  expect(left).toBeLessThanOrEqual(35 * MM);
  const rights = body.map((l) => l.xMax).sort((a, b) => b - a);
  // The widest justified lines end at the right margin: 15–20 mm from the edge.
  expect(rights[0]!).toBeLessThanOrEqual(A4.width - 15 * MM + 0.5);
  expect(rights[2]!).toBeGreaterThanOrEqual(A4.width - 20 * MM);
}

describe.each(['state', 'party'] as const)('%s layout', (variant) => {
  const state = variant === 'state';
  const header = (text: string) => {
    if (state) {
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).not.toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    } else {
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).not.toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    }
    expect(text).toContain('UBND TỈNH BẮC NINH');
    expect(text).toContain('VĂN PHÒNG UBND TỈNH');
  };
  const numberLine = (text: string, type: string) => {
    if (state) expect(text).toMatch(new RegExp(`Số:\\s+/${type}-VP`));
    else expect(text).toMatch(new RegExp(`Số\\s+-${type}/VP`));
  };

  it('conclusion notice: header, number, date line, numbered conclusions, signer and Nơi nhận', async () => {
    const { file, lines } = await render({ kind: 'conclusion', meetingId, variant });
    checkCommon(file, lines);
    const text = pageText(lines, 1) + '\n' + pageText(lines, 2);
    header(text);
    numberLine(text, 'TB');
    expect(text).toMatch(/Bắc Ninh, ngày \d{2} tháng \d{2} năm \d{4}/);
    expect(text).toContain('THÔNG BÁO');
    expect(text).toContain('Kết luận của đồng chí Trần Văn Minh');
    expect(text).toMatch(/^Ngày 26 tháng 5 năm 2024, tại Hội trường Bộ Chỉ huy Quân sự tỉnh, đồng\s+chí Trần Văn Minh/m);
    expect(text).toMatch(/^1\. Các sở, ngành/m);
    expect(text).toMatch(/^2\. Sở Tài chính/m);
    // Clerk text is printed as text, never interpreted.
    expect(text).toContain('<b>định kỳ</b>');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('- Lưu: VT.');
    expect(text).toContain('TL. VĂN PHÒNG UBND TỈNH');
    expect(text).toContain('CHÁNH VĂN PHÒNG');
    expect(text).toContain('Nguyễn Văn An');
    checkBodyMargins(lines, /Sau khi nghe/);
  });

  it('minutes: Mẫu 1.9 sections, closing line, THƯ KÝ and CHỦ TỌA, numbered pages', async () => {
    const { file, lines } = await render({ kind: 'minutes', meetingId, variant });
    const info = checkCommon(file, lines);
    expect(info.pages).toBeGreaterThan(1);
    const all = Array.from({ length: info.pages }, (_, i) => pageText(lines, i + 1)).join('\n');
    header(all);
    numberLine(all, 'BB');
    expect(all).toContain('BIÊN BẢN');
    for (const label of ['Thời gian bắt đầu:', 'Địa điểm:', 'Thành phần tham dự:', 'Chủ trì:', 'Thư ký', 'Nội dung']) expect(all).toContain(label);
    expect(all).toContain('<script>alert("x")</script>');
    // The minutes keep their list and table.
    expect(all).toMatch(/^1\. Công tác tuyển quân: hoàn thành chỉ tiêu\.$/m);
    expect(all).toMatch(/^2\. Công tác diễn tập/m);
    expect(all).toMatch(/Đơn vị\s+Kết quả tuyển quân/);
    expect(all).toMatch(/Huyện Gia Bình\s+Đạt 100%/);
    expect(all).toMatch(/Cuộc họp kết thúc vào/);
    expect(all).toMatch(/THƯ KÝ\s+CHỦ TỌA/);
    expect(all).toMatch(/Lê Thị Hoa\s+Trần Văn Minh/);
    checkPageTwoNumber(lines, 31, state ? 18 : 16);
    checkBodyMargins(lines, /Đồng chí|đồng chí/);
  });

  it('attendance sheet: header row repeated on every page, no row cut across pages, signature column', async () => {
    const { file, lines } = await render({ kind: 'attendance', meetingId, variant, order: 'protocol' });
    const info = checkCommon(file, lines);
    expect(info.pages).toBeGreaterThan(1);
    header(pageText(lines, 1));
    expect(pageText(lines, 1)).toContain('DANH SÁCH ĐẠI BIỂU');
    for (let p = 1; p <= info.pages; p++) {
      const first = lines.filter((l) => l.page === p && l.y > TOP_MARGIN_PT && /STT/.test(l.text));
      expect(first.length, `header row on page ${p}`).toBe(1);
      expect(first[0]!.text).toMatch(/STT Họ và tên Cấp bậc, chức vụ Đơn vị Ký tên/);
    }
    // Each row's name (its top line) and the end of its titles (its bottom line) are on the same page.
    for (let i = 1; i <= 36; i++) {
      const namePage = lines.find((l) => new RegExp(`Hưng ${i}(\\s|$)`).test(l.text))?.page;
      const endPage = lines.find((l) => new RegExp(`khu vực số ${i}$|số ${i}$`).test(l.text))?.page;
      expect(namePage, `row ${i}`).toBeDefined();
      expect(endPage, `row ${i}`).toBe(namePage);
    }
    // Protocol order: the chair first.
    expect(lines.find((l) => /^1 /.test(l.text) && l.page === 1)?.text).toContain('Trần Văn Minh');
    checkPageTwoNumber(lines, 31, state ? 18 : 16);
    const left = Math.min(...lines.filter((l) => l.y > 200).map((l) => l.xMin));
    expect(left).toBeGreaterThanOrEqual(30 * MM);
    expect(left).toBeLessThanOrEqual(35 * MM);
  });

  it.each([2, 4, 6] as const)('photo sheet, %i photos per page: captions and credits, pages as expected', async (perPage) => {
    const { file, lines } = await render({ kind: 'photos', meetingId, variant, perPage });
    const info = checkCommon(file, lines);
    expect(info.pages).toBe(Math.ceil(5 / perPage));
    const all = Array.from({ length: info.pages }, (_, i) => pageText(lines, i + 1)).join('\n');
    header(all);
    expect(all).toContain('ẢNH HOẠT ĐỘNG');
    for (let i = 1; i <= 5; i++) expect(all).toMatch(new RegExp(`\\(ảnh ${i}\\) <script>x</script>`));
    expect(all.match(/Ảnh: Minh Đức/g)).toHaveLength(5);
    // The pictures themselves, perPage to a page (the fixture's are 800 × 533).
    const images = pdfImages(file);
    expect(images).toHaveLength(5);
    expect(images.filter((i) => i.page === 1)).toHaveLength(Math.min(perPage, 5));
    expect(images.every((i) => i.width === 800 && i.height === 533)).toBe(true);
    if (info.pages > 1) checkPageTwoNumber(lines, 31, state ? 18 : 16);
  });

  it('period summary: sections, totals, tasks, signer', async () => {
    const { file, lines } = await render({ kind: 'period', from: '2024-01-01', to: '2024-12-31', variant, groupBy: 'month' });
    const info = checkCommon(file, lines);
    const all = Array.from({ length: info.pages }, (_, i) => pageText(lines, i + 1)).join('\n');
    header(all);
    numberLine(all, 'BC');
    expect(all).toContain('BÁO CÁO');
    expect(all).toContain('từ ngày 01/01/2024 đến ngày 31/12/2024');
    expect(all).toContain('I. THÁNG 05/2024 (1 cuộc họp)');
    expect(all).toContain('Cộng: 1 cuộc họp');
    expect(all).toContain('38/38');
    expect(all).toContain('Nơi nhận:');
    checkBodyMargins(lines, /Tình hình thực hiện nhiệm vụ/);
  });
});
