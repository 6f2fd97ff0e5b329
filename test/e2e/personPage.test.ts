import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { addRecord } from '../helpers/meetingRecord';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { createPerson, listPeople } from '../../db/people';
import { PersonFields } from '../../contract/contract';

let app: App;
const ids: Record<string, string> = {};
const NAME = 'Lê Quang Minh';

// The same officer at two meetings a year apart: a major general and a member at the first, a
// lieutenant general chairing the second. Seeded while the app runs; the screens fetch on opening.
beforeAll(async () => {
  app = await launchApp();
  ids.older = addRecord(app.archive, {
    title: 'Hội nghị tổng kết công tác huấn luyện năm 2023',
    date: '2023-12-20',
    attendees: [
      { name: 'Nguyễn Văn Hùng', rank: 'Thượng tướng', titles: 'Thứ trưởng Bộ Quốc phòng', role: 'chu_tri' },
      { name: NAME, rank: 'Thiếu tướng', titles: 'Phó Tư lệnh Quân khu', role: 'dai_bieu' },
    ],
  });
  ids.newer = addRecord(app.archive, {
    title: 'Giao ban Quân khu quý I năm 2025',
    date: '2025-03-05',
    attendees: [
      { name: NAME, rank: 'Trung tướng', titles: 'Tư lệnh Quân khu', role: 'chu_tri' },
      { name: 'Phạm Thị Lan', rank: 'Thiếu tá', titles: 'Trợ lý', role: 'thu_ky' },
    ],
  });
});

afterAll(async () => {
  await app?.close();
});

describe("a person's page", () => {
  it('lists the meetings attended, newest first, with the role and the rank at the time', async () => {
    const { page } = app;
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').fill('le quang minh');

    // The current rank is updated in the directory (the row still opens the edit form).
    const row = page.getByTestId('person-row').filter({ hasText: NAME });
    await row.click();
    await page.getByTestId('person-rank').fill('Trung tướng');
    await page.getByTestId('person-title').fill('Tư lệnh Quân khu');
    await page.getByTestId('person-save').click();
    await page.getByTestId('person-fullName').waitFor({ state: 'detached' });
    await page.getByTestId('person-row').filter({ hasText: 'Trung tướng' }).waitFor();

    // The name is a separate link to the page.
    await page.getByTestId('person-row').filter({ hasText: NAME }).getByTestId('person-open').click();
    await page.getByTestId('person-page').waitFor();
    expect(page.url()).toMatch(/#\/people\/[^/?]+$/);
    await expect(page.getByTestId('person-page-name').innerText()).resolves.toBe(NAME);
    await expect(page.getByTestId('person-page-rank').innerText()).resolves.toBe('Trung tướng');
    await page.locator('[data-testid="person-meetings-count"][data-count="2"]').waitFor();
    await expect(page.getByTestId('person-meetings-count').innerText()).resolves.toBe('2 cuộc họp');

    const rows = page.getByTestId('person-meeting-row');
    await expect(rows.count()).resolves.toBe(2);
    const newer = rows.nth(0);
    const older = rows.nth(1);
    await expect(newer.innerText()).resolves.toContain('05/03/2025');
    await expect(newer.innerText()).resolves.toContain('Giao ban Quân khu quý I năm 2025');
    await expect(newer.getByTestId('person-meeting-role').innerText()).resolves.toBe('Chủ trì');
    // Same rank and titles as today: nothing "at the time".
    await expect(newer.getByTestId('person-meeting-then').innerText()).resolves.toBe('');
    await expect(older.innerText()).resolves.toContain('20/12/2023');
    await expect(older.getByTestId('person-meeting-role').innerText()).resolves.toBe('Đại biểu');
    await expect(older.getByTestId('person-meeting-then').innerText()).resolves.toBe(
      'khi đó: Thiếu tướng, Phó Tư lệnh Quân khu',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'person-page.png'), fullPage: false });

    // The edit button on the page opens the same form.
    await page.getByTestId('person-edit').click();
    await expect(page.getByTestId('person-rank').inputValue()).resolves.toBe('Trung tướng');
    await page.keyboard.press('Escape');
    await page.getByTestId('person-fullName').waitFor({ state: 'detached' });

    // A meeting opens on its Thành phần tab.
    await older.getByTestId('person-meeting-link').click();
    await page.locator('[data-testid="tab-attendance"][aria-selected="true"]').waitFor();
    expect(page.url()).toContain(`#/meetings/${ids.older}?tab=attendance`);
  });

  it('pages a long list with "Xem thêm"', async () => {
    const { page } = app;
    for (let i = 1; i <= 55; i++) {
      addRecord(app.archive, {
        title: `Giao ban tuần số ${i}`,
        date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        attendees: [{ name: 'Trần Văn Bền', rank: 'Đại tá', titles: 'Chánh Văn phòng', role: 'thu_ky' }],
      });
    }
    await page.getByTestId('nav-people').click();
    await page.getByTestId('people-search').fill('tran van ben');
    await page.getByTestId('person-row').filter({ hasText: 'Trần Văn Bền' }).getByTestId('person-open').click();
    await page.locator('[data-testid="person-meetings-count"][data-count="55"]').waitFor();
    await expect(page.getByTestId('person-meeting-row').count()).resolves.toBe(50);
    await page.getByTestId('person-meetings-more').click();
    await page.getByTestId('person-meeting-row').nth(54).waitFor();
    await expect(page.getByTestId('person-meeting-row').count()).resolves.toBe(55);
    await expect(page.getByTestId('person-meetings-more').count()).resolves.toBe(0);
    const dates = await page.getByTestId('person-meeting-date').allInnerTexts();
    const iso = dates.map((d) => d.split('/').reverse().join('-'));
    expect(iso).toEqual([...iso].sort().reverse());
  });

  it('deletes an entry no meeting uses; one who attended a meeting cannot be deleted, and says why', async () => {
    const { page } = app;
    const twin = createPerson(app.archive, PersonFields.parse({ fullName: 'Lê Quang Minh Nhầm' }), 'kiểm thử');
    await page.goto(`${page.url().split('#')[0]}#/people/${twin.id}`);
    await page.locator('[data-testid="person-meetings-count"][data-count="0"]').waitFor();
    await page.getByTestId('person-delete').click();
    await page.getByTestId('person-delete-confirm').click();
    await page.getByTestId('people-search').waitFor();
    expect(page.url()).toMatch(/#\/people$/);
    expect(listPeople(app.archive, { query: 'le quang minh nham', offset: 0, limit: 5 }).total).toBe(0);

    await page.getByTestId('people-search').fill('le quang minh');
    await page.getByTestId('person-row').filter({ hasText: NAME }).getByTestId('person-open').click();
    await page.locator('[data-testid="person-meetings-count"][data-count="2"]').waitFor();
    await page.getByTestId('person-delete').click();
    await expect(page.getByTestId('person-delete-refused').innerText()).resolves.toContain('Không xóa được: người này có trong 2 cuộc họp');
    await expect(page.getByTestId('person-delete-confirm').count()).resolves.toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'person-delete-refused.png'), fullPage: false });
    await page.getByTestId('person-delete-close').click();
    expect(listPeople(app.archive, { query: 'le quang minh', offset: 0, limit: 5 }).total).toBe(1);
  });

  it('says so for an unknown person instead of a blank page', async () => {
    const { page } = app;
    await page.goto(`${page.url().split('#')[0]}#/people/0190a0a0-0000-7000-8000-000000000000`);
    await page.getByTestId('error-alert').waitFor();
    await expect(page.getByTestId('person-page').count()).resolves.toBe(0);
  });
});
