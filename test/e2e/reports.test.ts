import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS, type App } from './harness';
import { launchReportsApp, outsideRequests, reportPreview } from './reportsApp';
import { pdfInfo, pdfFonts } from '../helpers/pdf';
import { updateSettings } from '../../db/settings';

/**
 * The Báo cáo screen as a clerk uses it: a meeting's documents previewed exactly as they print, the
 * conclusion notice edited, saved and numbered, files saved as PDF/DOCX, the period summary, the
 * outgoing register; no request leaves the machine and clerk text never runs as code.
 */

let app: App;
let meetingId: string;
let dialogs: string[];

beforeAll(async () => {
  ({ app, meetingId, dialogs } = await launchReportsApp({ attendees: 6, photos: 3 }));
});

afterAll(async () => {
  await app?.close();
});

const preview = () => reportPreview(app.page);

describe('Báo cáo', () => {
  it('opens on a meeting, previews the conclusion notice, edits, saves and numbers it', async () => {
    const { page } = app;
    // From the meeting's record, "In / Xuất" opens Báo cáo on that meeting.
    await page.goto(`${app.host.origin}/#/meetings/${meetingId}`);
    await page.getByTestId('meeting-print').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-entry.png') });
    await page.getByTestId('meeting-print').click();
    await page.getByTestId('report-preview').waitFor();
    expect(page.url()).toContain(`#/reports?meeting=${meetingId}`);
    await preview().getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM').waitFor();
    await preview().getByText('Độc lập - Tự do - Hạnh phúc').waitFor();
    await preview().getByText('THÔNG BÁO', { exact: true }).waitFor();
    await expect(preview().locator('.doc-number').innerText()).resolves.toMatch(/^Số:\s+\/TB-VP$/);
    await expect(page.getByTestId('notice-number').innerText()).resolves.toBe('Chưa lấy số (bản in để trống số)');
    await expect(page.getByTestId('notice-due').innerText()).resolves.toBe('Hạn ban hành: 31/05/2024 (5 ngày làm việc sau cuộc họp)');

    // The composed text is a starting point: the clerk changes the subject and saves.
    const subject = page.getByTestId('notice-subject');
    await expect(subject.inputValue()).resolves.toMatch(/^Kết luận của đồng chí Trần Văn Minh tại hội nghị sơ kết/);
    await subject.fill('Kết luận của đồng chí Chủ tịch UBND tỉnh tại Hội nghị sơ kết 6 tháng');
    await page.getByTestId('notice-save').click();
    await preview().getByText('Kết luận của đồng chí Chủ tịch UBND tỉnh tại Hội nghị sơ kết 6 tháng').waitFor();

    await page.getByTestId('notice-take-number').click();
    await page.getByTestId('notice-take-number-confirm').click();
    await page.getByTestId('notice-number').filter({ hasText: 'Số: 01/TB-VP' }).waitFor();
    await preview().locator('.doc-number', { hasText: 'Số: 01/TB-VP' }).waitFor();
    // A numbered notice cannot take a second number.
    await expect(page.getByTestId('notice-take-number').count()).resolves.toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-notice.png'), fullPage: false });
  });

  it('switches layout and document: Party header, attendance in protocol or name order, photos', async () => {
    const { page } = app;
    await page.getByTestId('report-variant').click();
    await page.getByRole('option', { name: 'Đảng (HD 36)' }).click();
    await preview().getByText('ĐẢNG CỘNG SẢN VIỆT NAM').waitFor();
    await expect(preview().locator('.doc-number').innerText()).resolves.toBe('Số 01/TB-VP');

    await page.getByTestId('report-kind').getByText('Danh sách đại biểu').click();
    await preview().getByText('DANH SÁCH ĐẠI BIỂU').waitFor();
    const firstName = () => preview().locator('table.data tbody tr').first().locator('td').nth(1).innerText();
    await expect(firstName()).resolves.toBe('Trần Văn Minh');
    await page.getByTestId('report-order').click();
    await page.getByRole('option', { name: 'Theo tên (a, b, c)' }).click();
    await preview().locator('table.data tbody tr').first().locator('td', { hasText: 'Phạm Quốc Hưng 1' }).waitFor();
    const names = await preview().locator('table.data tbody tr td:nth-child(2)').allInnerTexts();
    expect(names.indexOf('Lê Thị Hoa')).toBeLessThan(names.indexOf('Trần Văn Minh'));

    await page.getByTestId('report-kind').getByText('Ảnh hoạt động').click();
    await preview().getByText('ẢNH HOẠT ĐỘNG').waitFor();
    const images = preview().locator('.photo-box img');
    await expect(images.count()).resolves.toBe(3);
    // Photos load from the archive (not inlined in the preview) and really show.
    await expect(images.first().getAttribute('src')).resolves.toMatch(/^\/photos\/[0-9a-f]{64}$/);
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('[data-testid="report-preview"]');
      const imgs = [...(frame?.contentDocument?.querySelectorAll('img') ?? [])];
      return imgs.length === 3 && imgs.every((i) => i.complete && i.naturalWidth > 0);
    });
    // The caption's markup is shown as text and never ran.
    await preview().getByText('(ảnh 1) <script>x</script>', { exact: false }).waitFor();
    await page.getByTestId('report-per-page').getByText('2').click();
    await preview().locator('.photo-page.per-2').first().waitFor();
    await expect(preview().locator('.photo-page').count()).resolves.toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-photos.png') });
  });

  it('saves PDF and DOCX files of what is previewed', async () => {
    const { page } = app;
    await page.getByTestId('report-kind').getByText('Biên bản').click();
    await preview().getByText('BIÊN BẢN', { exact: true }).waitFor();
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^Biên bản - Hội nghị sơ kết.*\.pdf$/);
    const pdfFile = join(app.dataDir, 'bien-ban.pdf');
    await pdf.saveAs(pdfFile);
    expect(pdfInfo(pdfFile)).toMatchObject({ width: expect.closeTo(595, 0), height: expect.closeTo(842, 0) });
    expect(pdfFonts(pdfFile).every((f) => f.embedded)).toBe(true);
    await page.getByTestId('report-saved').waitFor();

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const docxFile = join(app.dataDir, 'bien-ban.docx');
    await docx.saveAs(docxFile);
    expect(readFileSync(docxFile).subarray(0, 2).toString()).toBe('PK');
  });

  it('previews the period summary for a date range typed as dd/mm/yyyy', async () => {
    const { page } = app;
    await page.getByTestId('report-kind').getByText('Báo cáo tổng hợp').click();
    await page.getByTestId('report-from').fill('01/01/2024');
    await page.getByTestId('report-to').fill('31/12/2024');
    await page.getByTestId('report-to').blur();
    await preview().locator('.subject', { hasText: 'từ ngày 01/01/2024 đến ngày 31/12/2024' }).waitFor();
    await preview().getByText('I. THÁNG 05/2024 (1 cuộc họp)').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-period.png') });
  });

  it('lists the outgoing register', async () => {
    const { page } = app;
    await page.getByTestId('tab-register').click();
    await page.getByTestId('register-year').click();
    await page.getByRole('option', { name: String(new Date().getFullYear()) }).click();
    await page.getByTestId('register-row').filter({ hasText: '01/TB-VP' }).waitFor();
    await expect(page.getByTestId('register-row').count()).resolves.toBe(1);
  });

  it('warns when the agency settings a document needs are missing', async () => {
    const { page } = app;
    await expect(page.getByTestId('reports-settings-missing').count()).resolves.toBe(0);
    updateSettings(app.archive, { signerName: '', agencyCode: '' }, 'kiểm thử');
    await page.reload();
    await expect(page.getByTestId('reports-settings-missing').innerText()).resolves.toBe(
      'Cài đặt còn thiếu: Chữ viết tắt cơ quan, Họ tên người ký. Văn bản sẽ in để trống các mục này. Mở Cài đặt',
    );
  });

  it('made no request off the machine and no clerk text ran as script', () => {
    expect(outsideRequests(app)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
