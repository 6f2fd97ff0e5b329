import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SCREENSHOTS, type App } from './harness';
import { launchReportsApp, outsideRequests, reportPreview } from './reportsApp';
import { pdfInfo, pdfLines, pdfWords } from '../helpers/pdf';
import { getMeeting } from '../../db/meetings';
import { updateSettings } from '../../db/settings';
import { verifyAuditChain } from '../../db/audit';
import { localToday } from '../../db/conclusions';

/**
 * A clerk marks a meeting Mật, sees the mark in the print preview, prints it and saves a PDF, then
 * opens the Sổ theo dõi in, xuất tài liệu mật and finds both there, by name, with the time.
 */

const CLERK = 'Vũ Thị Hạnh';
let app: App;
let meetingId: string;
let dialogs: string[];

beforeAll(async () => {
  ({ app, meetingId, dialogs } = await launchReportsApp({ attendees: 30, photos: 2 }));
  updateSettings(app.archive, { clerkName: CLERK }, 'kiểm thử');
});

afterAll(async () => {
  await app?.close();
});

const preview = () => reportPreview(app.page);

describe('độ mật when printing', () => {
  it('a meeting marked Mật previews with the mark, prints and saves a PDF with it on every page', async () => {
    const { page } = app;
    await page.goto(`${app.host.origin}/#/meetings/${meetingId}`);
    await page.getByTestId('meeting-secrecy').click();
    await page.getByRole('option', { name: 'Mật', exact: true }).click();
    await expect.poll(() => getMeeting(app.archive, meetingId).secrecy, { timeout: 5000 }).toBe('mat');

    await page.getByTestId('meeting-print').click();
    await page.getByTestId('report-kind').getByText('Biên bản').click();
    await preview().getByText('BIÊN BẢN', { exact: true }).waitFor();
    // The mark under the số, ký hiệu, in the preview exactly as it prints.
    await expect(preview().locator('.secrecy-mark').innerText()).resolves.toBe('MẬT');
    const box = await preview().locator('.secrecy-mark').boundingBox();
    const number = await preview().locator('.doc-number').boundingBox();
    expect(box!.y).toBeGreaterThan(number!.y + number!.height - 1);
    await page.screenshot({ path: join(SCREENSHOTS, 'secrecy-preview.png') });

    // In: the print dialog of the previewed document opens (counted here instead of shown).
    await page.evaluate(() => {
      const w = document.querySelector<HTMLIFrameElement>('[data-testid="report-preview"]')!
        .contentWindow as Window & { printed?: number };
      w.print = () => {
        w.printed = (w.printed ?? 0) + 1;
      };
    });
    await page.getByTestId('report-print').click();
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (
              document.querySelector<HTMLIFrameElement>('[data-testid="report-preview"]')!
                .contentWindow as Window & { printed?: number }
            ).printed ?? 0,
        ),
      )
      .toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-save-pdf').click(),
    ]);
    const file = join(app.dataDir, 'bien-ban-mat.pdf');
    await download.saveAs(file);
    const pages = pdfInfo(file).pages;
    expect(pages).toBeGreaterThan(1);
    const words = pdfWords(file);
    for (let p = 1; p <= pages; p++)
      expect(
        words.some((w) => w.page === p && w.text === 'MẬT'),
        `page ${p}`,
      ).toBe(true);
  });

  it('the Sổ theo dõi in, xuất tài liệu mật lists the print and the PDF, and prints itself marked', async () => {
    const { page } = app;
    await page.getByTestId('tab-secret-log').click();
    await page.getByTestId('secret-log-row').first().waitFor();
    const rows = await page.getByTestId('secret-log-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    // Times are the PC's own (the host writes the entry and dates it): today on this machine.
    const today = localToday().split('-').reverse().join('/');
    for (const r of rows) {
      expect(r).toContain('Hội nghị sơ kết công tác quốc phòng, quân sự địa phương 6 tháng đầu năm');
      expect(r).toContain('Mật');
      expect(r).toContain(CLERK);
    }
    expect(rows[0]).toContain('Biên bản, in ra giấy');
    expect(rows[1]).toContain('Biên bản, tệp PDF');
    expect(rows[0]).toMatch(new RegExp(`${today.replace(/\//g, '\\/')} \\d{2}:\\d{2}`));
    await expect(page.getByTestId('secret-log-total').innerText()).resolves.toBe('2 lượt in, xuất');
    await page.screenshot({ path: join(SCREENSHOTS, 'secrecy-log.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('secret-log-pdf').click(),
    ]);
    const file = join(app.dataDir, 'so-theo-doi.pdf');
    await download.saveAs(file);
    const text = pdfLines(pdfWords(file))
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('SỔ THEO DÕI IN, XUẤT TÀI LIỆU MẬT');
    expect(text).toContain('Tổng số: 2 lượt in, xuất.');
    // Saving the log is not itself a print of a record: still two entries, and the chain holds.
    await page.getByTestId('tab-register').click();
    await page.getByTestId('tab-secret-log').click();
    await page.getByTestId('secret-log-row').first().waitFor();
    await expect(page.getByTestId('secret-log-row').count()).resolves.toBe(2);
    expect(verifyAuditChain(app.archive).ok).toBe(true);
  });

  it('made no request off the machine and no clerk text ran as script', () => {
    expect(outsideRequests(app)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
