import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';
import { addRecord } from '../helpers/meetingRecord';
import { tempDir } from '../helpers/tempArchive';

let app: App;
let meetingId = '';
beforeAll(async () => {
  app = await launchApp();
  meetingId = addRecord(app.archive, {
    title: 'Hội nghị Ban Chấp hành Đảng bộ xã Yên Lạc quý III',
    date: '2026-09-25',
    location: 'Hội trường Đảng ủy xã',
    minutes: 'Đồng chí Bí thư Đảng ủy chủ trì hội nghị.',
    attendees: [{ name: 'Trần Văn Quyết', rank: '', titles: 'Bí thư Đảng ủy xã' }],
    conclusions: ['Hoàn thành kế hoạch thu ngân sách quý IV.'],
    captions: ['Quang cảnh hội nghị.'],
    docs: [{ number: '21-NQ/ĐU', type: 'Nghị quyết' }],
  });
});
const usb = tempDir('hoso-e2e-offline-usb-');
afterAll(async () => {
  await app?.close();
  usb.cleanup();
});

/** Requests that left the app: anything not to the web host itself or an inline data:/blob: resource. */
const outside = () =>
  app.requests.filter(
    (u) => !u.startsWith(app.host.origin) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );

/**
 * Every screen of the app opened in turn (each tab of a record, the print preview, each USB panel,
 * import, search, settings with the lock and health sections) while every request of the page and its
 * frames is recorded: the clerk's PC has no network, and the app must not even try.
 */
describe('every screen works offline', () => {
  it('opens every screen and tab without one request leaving the machine', async () => {
    const { page, host } = app;
    const visit = async (nav: string, ready: string) => {
      await page.getByTestId(`nav-${nav}`).click();
      await page.getByTestId(ready).first().waitFor();
    };
    await page.goto(host.launchUrl);
    await visit('meetings', 'nav-meetings');
    await page.goto(`${host.origin}/#/meetings/${meetingId}`);
    for (const tab of ['info', 'attendance', 'photos', 'conclusions', 'documents', 'history']) {
      await page.getByTestId(`tab-${tab}`).click();
    }
    await page.getByTestId('seal-check').count();
    // The print preview of this meeting's conclusion notice (an iframe of the report's own HTML).
    await page.getByTestId('meeting-print').click();
    await page
      .frameLocator('[data-testid="report-preview"]')
      .getByText('THÔNG BÁO', { exact: true })
      .waitFor();
    await page.getByTestId('tab-register').click();
    await page.getByTestId('tab-secret-log').click();

    // An import read and saved, not only its screen.
    await visit('import', 'import-paste');
    await page
      .getByTestId('import-paste')
      .fill(
        'Hội nghị giao ban công tác dân vận quý III năm 2026\n\nSáng 15/9/2026, tại Hội trường UBND huyện Tam Dương, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận quý III.\n\nHội nghị thống nhất giao Ban Dân vận theo dõi việc thực hiện quy chế dân chủ ở cơ sở.',
      );
    await page.getByTestId('import-read').click();
    await page.getByTestId('import-save').click();
    await page.getByTestId('meeting-title').waitFor();
    await visit('tasks', 'nav-tasks');
    await visit('search', 'search-input');
    await page.getByTestId('search-input').fill('yen lac');
    await page.locator('[data-testid="search-total"][data-count="1"]').waitFor();
    await visit('people', 'people-search');
    await visit('usb', 'usb-screen');
    // An export written, read back and verified, not only its panel.
    await page.getByTestId('stick-other').click();
    await page.getByTestId('usb-dest').fill(usb.dir);
    await page.getByTestId('usb-estimate-free').waitFor();
    await page.getByTestId('usb-start').click();
    await page.getByTestId('usb-safe').waitFor({ timeout: 60_000 });
    await page.getByTestId('usb-tab-verify').click();
    await visit('usbMerge', 'merge-panel');
    await visit('settings', 'health-section');
    await visit('trash', 'trash-empty');
    // Quick search from anywhere.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ngan sach');
    await page.keyboard.press('Escape');

    expect(app.requests.length).toBeGreaterThan(30);
    // The figure issue 8 asks for: requests seen, and how many left the app (must be none).
    console.log(`offline e2e: ${app.requests.length} requests seen, ${outside().length} to outside the app`);
    expect(outside()).toEqual([]);
  });
});
