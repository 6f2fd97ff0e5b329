import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, SCREENSHOTS, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const shot = (name: string) => app.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });

describe('foundation: a clerk records a meeting and keeps a directory', () => {
  it('opens on the meetings list, in Vietnamese, with an empty-archive hint', async () => {
    const { page } = app;
    await page.getByTestId('nav-meetings').waitFor();
    await expect(page.getByTestId('nav-meetings').innerText()).resolves.toContain('Hội nghị');
    await expect.poll(() => page.getByTestId('nav-people').innerText()).toContain('Danh bạ');
    await expect(page.getByTestId('nav-settings').innerText()).resolves.toContain('Cài đặt');
    await page.getByTestId('meetings-empty').waitFor();
    await shot('foundation-empty');
  });

  it('creates a meeting through the form, and after a reload finds it in the list', async () => {
    const { page } = app;
    await page.getByTestId('meetings-empty-new').click();
    await page.getByTestId('meeting-title').fill('Hội nghị Ban Thường vụ Đảng ủy Quân sự tỉnh quý IV');
    await page.getByTestId('meeting-kind').click();
    await page.getByRole('option', { name: 'Hội nghị', exact: true }).click();
    await page.getByTestId('meeting-date').fill('05/01/2026');
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-start').fill('14h30');
    await page.getByTestId('meeting-end').fill('17:00');
    await page.getByTestId('meeting-location').fill('Phòng họp số 2, Bộ Chỉ huy Quân sự tỉnh');
    await page.getByTestId('meeting-organizer').fill('Đảng ủy Quân sự tỉnh');
    await page.getByTestId('meeting-minutes').fill('Đồng chí Bí thư Đảng ủy chủ trì hội nghị.\n\nHội nghị thống nhất kế hoạch huấn luyện năm 2026.');
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('meeting-saved').waitFor();
    expect(page.url()).toMatch(/#\/meetings\/[0-9a-f-]{36}$/);
    await shot('foundation-meeting-form');

    await page.reload();
    await expect(page.getByTestId('meeting-title').inputValue()).resolves.toBe('Hội nghị Ban Thường vụ Đảng ủy Quân sự tỉnh quý IV');
    await expect(page.getByTestId('meeting-start').inputValue()).resolves.toBe('14:30');
    await expect(page.getByTestId('meeting-date').inputValue()).resolves.toBe('05/01/2026');

    await page.getByTestId('nav-meetings').click();
    const row = page.getByTestId('meeting-row').filter({ hasText: 'Hội nghị Ban Thường vụ Đảng ủy Quân sự tỉnh quý IV' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain('05/01/2026');
    await expect(page.getByTestId('meetings-total').getAttribute('data-count')).resolves.toBe('1');
    // What the clerk saved is what the archive holds.
    expect(app.archive.sqlite.prepare('SELECT title, meeting_date AS d, start_time AS t FROM meetings').get()).toEqual({
      title: 'Hội nghị Ban Thường vụ Đảng ủy Quân sự tỉnh quý IV',
      d: '2026-01-05',
      t: '14:30',
    });
  });

  it('shows the list sorted in Vietnamese order with correct diacritics', async () => {
    const { page } = app;
    for (const [title, date] of [
      ['Đánh giá kết quả diễn tập khu vực phòng thủ', '03/02/2026'],
      ['Giao ban công tác tháng 1 Văn phòng Tỉnh ủy', '12/01/2026'],
      ['Ủy ban nhân dân tỉnh làm việc với Sở Tài chính', '20/01/2026'],
    ] as const) {
      await page.goto(`${app.host.origin}/#/meetings/new`);
      await page.getByTestId('meeting-title').fill(title);
      await page.getByTestId('meeting-date').fill(date);
      await page.getByTestId('meeting-date').press('Escape');
      await page.getByTestId('meeting-save').click();
      await page.getByTestId('meeting-saved').waitFor();
    }
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('sort-title').click();
    await page.getByTestId('meeting-row').nth(3).waitFor();
    const titles = await page.getByTestId('meeting-row').allInnerTexts();
    const order = ['Đánh giá kết quả', 'Giao ban công tác', 'Hội nghị Ban Thường vụ', 'Ủy ban nhân dân'].map((t) => titles.findIndex((x) => x.includes(t)));
    expect(order).toEqual([0, 1, 2, 3]);
    await shot('foundation-meetings-list');
  });

  it('adds a person and edits their rank; the change survives a reload', async () => {
    const { page } = app;
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-new').click();
    await page.getByTestId('person-fullName').fill('Nguyễn Văn Thắng');
    await page.getByTestId('person-rank').fill('Đại tá');
    await page.getByTestId('person-title').fill('Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh');
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-fullName').waitFor({ state: 'detached' });

    await page.getByTestId('people-search').fill('nguyen van');
    const row = page.getByTestId('person-row').filter({ hasText: 'Nguyễn Văn Thắng' });
    await row.click();
    await page.getByTestId('person-rank').fill('Thiếu tướng');
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-fullName').waitFor({ state: 'detached' });

    await page.reload();
    await page.getByTestId('person-row').filter({ hasText: 'Thiếu tướng' }).waitFor();
    await shot('foundation-people');
    expect(app.archive.sqlite.prepare('SELECT rank, version FROM people').get()).toEqual({ rank: 'Thiếu tướng', version: 2 });
  });

  it('keeps the agency settings', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    // At 1366×768 the form is twice the window's height: Lưu stays in sight at the bottom, not mid-page.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('settings-issuingAgency').waitFor();
    const saveBox = async () => (await page.getByTestId('settings-save').boundingBox())!;
    expect((await saveBox()).y + (await saveBox()).height).toBeLessThanOrEqual(768);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(768);
    await shot('foundation-settings-save');
    await page.getByTestId('settings-clerkName').scrollIntoViewIfNeeded();
    expect((await saveBox()).y + (await saveBox()).height).toBeLessThanOrEqual(768);
    expect((await saveBox()).y).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1366, height: 850 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('settings-issuingAgency').fill('VĂN PHÒNG TỈNH ỦY');
    await page.getByTestId('settings-placeName').fill('Bắc Ninh');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    await page.reload();
    await expect(page.getByTestId('settings-issuingAgency').inputValue()).resolves.toBe('VĂN PHÒNG TỈNH ỦY');
    await shot('foundation-settings');
  });

  it('switches to English and back', async () => {
    const { page } = app;
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('nav-people').innerText()).toMatch(/People|Directory/);
    await page.getByTestId('lang-switch').getByText('Tiếng Việt').click();
    await expect.poll(() => page.getByTestId('nav-people').innerText()).toContain('Danh bạ');
  });

  it('never sent a request anywhere but the app itself', () => {
    expect(app.requests.length).toBeGreaterThan(5);
    expect(app.requests.filter((u) => !u.startsWith(app.host.origin) && !u.startsWith('data:'))).toEqual([]);
  });
});
