import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { createMeeting, getMeeting } from '../../db/meetings';
import { finalizeMeeting } from '../../db/finalize';
import { searchMeetings } from '../../db/search/search';
import { abbreviationIndexFor } from '../../db/search/abbreviations';
import { MeetingFields, MINUTES_HTML_MAX_CHARS } from '../../contract/contract';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fields = (title: string, minutesText = '') =>
  MeetingFields.parse({ title, kind: 'Cuộc họp', meetingDate: '2026-04-14', startTime: '08:00', endTime: null, location: 'Phòng họp 2', minutesText });
const SEARCH = { sort: 'relevance', offset: 0, limit: 20, year: null, kind: null, personId: null, tag: null } as const;
const search = (query: string) => searchMeetings(app.archive, { ...SEARCH, query }, abbreviationIndexFor([])).rows.map((r) => r.id);

// What Word 2016 puts on the clipboard for a heading, a bold line, a list and a 2×2 table.
const WORD_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style>p.MsoNormal{margin:0cm;font-family:"Times New Roman"}</style></head><body lang=VI>
<!--StartFragment--><h1 class=MsoHeading1>KẾT QUẢ KIỂM TRA</h1>
<p class=MsoNormal style='text-align:justify;mso-line-height-rule:exactly'><b><span style='font-size:14pt'>Đồng chí Trưởng phòng</span></b> báo cáo<o:p></o:p></p>
<ul style='margin-top:0cm'><li class=MsoNormal style='mso-list:l0 level1 lfo1'>Hoàn thành kế hoạch quý</li></ul>
<table class=MsoTableGrid border=1 cellspacing=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
<tr><td width=300 valign=top><p class=MsoNormal>Nội dung<o:p></o:p></p></td><td width=300 valign=top><p class=MsoNormal>Tiến độ<o:p></o:p></p></td></tr>
<tr><td><p class=MsoNormal>Sửa chữa doanh trại<o:p></o:p></p></td><td><p class=MsoNormal>Đạt 80%<o:p></o:p></p></td></tr>
</table><!--EndFragment--></body></html>`;

async function paste(html: string, plain: string) {
  await app.page.evaluate(
    ([h, p]) => {
      const data = new DataTransfer();
      data.setData('text/html', h!);
      data.setData('text/plain', p!);
      const target = document.querySelector('[data-testid="meeting-minutes"]')!;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    [html, plain],
  );
}

describe('rich-text minutes', () => {
  it('opens older plain minutes as paragraphs without counting them as an unsaved change', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp giao ban tháng 4', 'Đồng chí Chính ủy chủ trì.\n\nThống nhất lịch trực.'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    const editor = page.getByTestId('meeting-minutes');
    await expect.poll(() => editor.locator('p').allInnerTexts()).toEqual(['Đồng chí Chính ủy chủ trì.', 'Thống nhất lịch trực.']);
    await sleep(2500); // longer than the autosave pause
    expect(await page.getByTestId('meeting-dirty').count()).toBe(0);
    expect(getMeeting(archive, m.id).version).toBe(1);
  });

  it('types a heading, bold text and a table; autosave stores it, search finds a cell, a reload shows it', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp Ban Chỉ huy quân sự xã'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    const editor = page.getByTestId('meeting-minutes');
    await editor.click();
    await page.getByRole('button', { name: 'Tiêu đề cấp 1' }).click();
    await page.keyboard.type('Diễn biến cuộc họp');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Chữ đậm' }).click();
    await page.keyboard.type('Đồng chí Chỉ huy trưởng');
    await page.getByRole('button', { name: 'Chữ đậm' }).click();
    await page.keyboard.type(' quán triệt nhiệm vụ.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Chèn bảng' }).click();
    await page.getByRole('button', { name: 'Bảng 2 cột × 2 dòng' }).click();
    await page.keyboard.type('Đơn vị');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Quân số');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Trung đội dân quân cơ động');
    await page.keyboard.press('Tab');
    await page.keyboard.type('32 đồng chí');

    await page.getByTestId('meeting-saved').waitFor({ timeout: 6000 });
    await expect.poll(() => getMeeting(archive, m.id).minutesText, { timeout: 4000 }).toBe(
      'Diễn biến cuộc họp\n\nĐồng chí Chỉ huy trưởng quán triệt nhiệm vụ.\n\nĐơn vị | Quân số\nTrung đội dân quân cơ động | 32 đồng chí',
    );
    const stored = getMeeting(archive, m.id).minutesHtml;
    expect(stored).toContain('<h2>Diễn biến cuộc họp</h2>');
    expect(stored).toContain('<strong>Đồng chí Chỉ huy trưởng</strong>');
    expect(stored).toMatch(/<th[^>]*><p>Đơn vị<\/p><\/th>/);
    expect(search('dan quan co dong')).toEqual([m.id]);

    await page.reload();
    await expect.poll(() => editor.locator('td').allInnerTexts()).toEqual(['Trung đội dân quân cơ động', '32 đồng chí']);
    await expect(editor.locator('h2').innerText()).resolves.toBe('Diễn biến cuộc họp');
    await page.screenshot({ path: join(SCREENSHOTS, 'minutes-table.png'), fullPage: true });
  });

  it('a paste from Word keeps headings, bold, lists and the table, and drops Word’s markup', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp kiểm tra công tác hậu cần'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-minutes').click();
    await paste(WORD_CLIPBOARD, 'KẾT QUẢ KIỂM TRA');
    await expect.poll(() => getMeeting(archive, m.id).minutesText, { timeout: 6000 }).toBe(
      'KẾT QUẢ KIỂM TRA\n\nĐồng chí Trưởng phòng báo cáo\n\n- Hoàn thành kế hoạch quý\n\nNội dung | Tiến độ\nSửa chữa doanh trại | Đạt 80%',
    );
    const stored = getMeeting(archive, m.id).minutesHtml;
    expect(stored).toContain('<strong>Đồng chí Trưởng phòng</strong>');
    expect(stored).toContain('<li><p>Hoàn thành kế hoạch quý</p></li>');
    for (const junk of ['Mso', 'mso-', 'o:p', 'style', 'font-family', 'StartFragment']) expect(stored).not.toContain(junk);
  });

  it('refuses a paste larger than the minutes may hold, keeping what is there and saying why', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp triển khai nhiệm vụ', 'Nội dung đã có.'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-minutes').click();
    const huge = 'Rất dài. '.repeat(Math.ceil(MINUTES_HTML_MAX_CHARS / 9) + 1);
    await paste(`<p>${huge}</p>`, huge);
    await expect(page.getByTestId('minutes-paste-refused').innerText()).resolves.toContain('quá lớn nên không được dán');
    await expect(page.getByTestId('meeting-minutes').innerText()).resolves.toBe('Nội dung đã có.');
    await sleep(2000);
    expect(getMeeting(archive, m.id)).toMatchObject({ version: 1, minutesText: 'Nội dung đã có.' });
  });

  it('restores an earlier version of the minutes from Lịch sử, and the screen shows it without a page reload', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp Chi bộ Văn phòng tháng 5', 'Bản đầu tiên của biên bản.'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    const editor = page.getByTestId('meeting-minutes');
    await expect.poll(() => editor.innerText()).toBe('Bản đầu tiên của biên bản.');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Đã sửa lần hai.');
    await expect.poll(() => getMeeting(archive, m.id).minutesText, { timeout: 6000 }).toBe('Bản đầu tiên của biên bản. Đã sửa lần hai.');
    // A marker on the page: a full reload would wipe it.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.getByTestId('tab-history').click();
    await page.locator('[data-testid="history-entry"][data-action="create"]').getByTestId('history-restore').click();
    await page.getByTestId('history-restore-confirm').click();
    await expect.poll(() => getMeeting(archive, m.id).minutesText).toBe('Bản đầu tiên của biên bản.');
    await page.getByTestId('tab-info').click();
    await expect.poll(() => editor.innerText()).toBe('Bản đầu tiên của biên bản.');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it('shows the minutes of a finalized meeting read-only, without the toolbar', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Hội nghị tổng kết năm', 'Biên bản đã ký.'), 'thư ký A');
    finalizeMeeting(archive, m.id, 1, 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    const editor = page.getByTestId('meeting-minutes');
    await expect(editor.innerText()).resolves.toBe('Biên bản đã ký.');
    await expect(editor.getAttribute('contenteditable')).resolves.toBe('false');
    expect(await page.getByRole('button', { name: 'Chữ đậm' }).count()).toBe(0);
  });
});
