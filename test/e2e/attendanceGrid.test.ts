import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';

/** Điểm danh nhanh: a 300-attendee meeting marked keyboard-only at 1366×768, saved in one go. */

let app: App;
let call: ReturnType<typeof directClient>;
let meetingId = '';
const N = 300;

beforeAll(async () => {
  app = await launchApp();
  call = directClient(createDispatcher(createHandlers(createContext(app.archive, 'direct', 'e2e')), silentLogger));
  const m = await call('meetings/create', { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh mở rộng', kind: 'Hội nghị', meetingDate: '2026-03-12', startTime: '08:00', endTime: null });
  meetingId = m.id;
  const rows = Array.from({ length: N }, (_, i) => ({
    fullName: `Đại biểu Số ${String(i + 1).padStart(3, '0')}`,
    titles: i % 3 === 0 ? 'Bí thư Huyện ủy' : 'Ủy viên Ban Chấp hành Đảng bộ tỉnh',
  }));
  await call('attendance/add-many', { meetingId: m.id, version: m.version, rows });
  await app.page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
  await app?.close();
});

const shot = (name: string) => app.page.screenshot({ path: join(SCREENSHOTS, `attendance-grid-${name}.png`), fullPage: false });
/** A count of the counts bar: the grid's (its marks, saved or not) or the tab's (what is stored). */
const count = (page: Page, which: 'present' | 'absent', where: 'grid' | 'tab' = 'tab') =>
  (where === 'grid' ? page.getByTestId('attendance-grid') : page.getByTestId('record-tabs')).getByTestId(`attendance-count-${which}`).getAttribute('data-count');
const keys = async (page: Page, ...list: string[]) => {
  for (const k of list) await page.keyboard.press(k);
};
const version = async () => (await call('meetings/get', { id: meetingId })).version;

describe('attendance quick grid (Điểm danh nhanh)', () => {
  it('marks statuses keyboard-only; one save stores them; the counts bar and the table follow', async () => {
    const { page } = app;
    await page.goto(new URL(`#/meetings/${meetingId}?tab=attendance`, page.url()).href);
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(N);
    await page.getByTestId('attendance-grid-open').focus();
    await page.keyboard.press('Enter');
    const grid = page.getByTestId('attendance-grid-rows');
    await grid.waitFor();
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);
    // Bounded rendering: a few dozen of the 300 rows are in the page.
    await expect.poll(() => page.getByTestId('attendance-grid-row').count()).toBeGreaterThan(5);
    const rendered = await page.getByTestId('attendance-grid-row').count();
    expect(rendered).toBeLessThan(40);

    // 1: vắng (then the next row) · 2: đến muộn · 3: vắng có lý do, Enter to its reason, Enter back.
    await keys(page, '3', '4', '2', 'Enter');
    await expect.poll(() => page.getByTestId('attendance-grid-reason').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Đi công tác tại Trung ương');
    await keys(page, 'Enter');
    // Rows 9 and 10 selected with Space, both marked vắng at once; the last row arrives late.
    await keys(page, 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', ' ', 'ArrowDown', ' ', '3', 'End', '4');
    await expect.poll(() => page.getByTestId('attendance-grid-changed').innerText()).toBe('Đã đổi 6 người, chưa lưu');
    await expect(count(page, 'present', 'grid')).resolves.toBe(String(N - 4));
    await expect(count(page, 'absent', 'grid')).resolves.toBe('4');
    // Nothing stored yet: the tab's bar still counts everyone present.
    await expect(count(page, 'present')).resolves.toBe(String(N));
    await expect(page.getByTestId('attendance-grid-row').last().getAttribute('data-status')).resolves.toBe('den_muon');
    await keys(page, 'Home');
    await shot('marked');

    // Leaving with changes asks; Escape on the question goes back to the grid with the marks.
    await keys(page, 'Escape');
    await page.getByTestId('attendance-grid-discard').waitFor();
    await shot('leave');
    await keys(page, 'Escape');
    await page.getByTestId('attendance-grid-discard').waitFor({ state: 'detached' });
    await expect(page.getByTestId('attendance-grid-changed').innerText()).resolves.toBe('Đã đổi 6 người, chưa lưu');

    const saved = page.waitForResponse((r) => r.url().endsWith('/api/attendance/set-statuses'));
    await grid.focus();
    await keys(page, 'Control+s');
    expect((await saved).status()).toBe(200);
    await page.getByTestId('attendance-grid').waitFor({ state: 'detached' });
    await expect(page.getByTestId('attendance-grid-saved').innerText()).resolves.toContain('Đã lưu điểm danh: 6 người được đổi tình trạng.');
    await expect.poll(() => count(page, 'absent')).toBe('4');
    await expect(count(page, 'present')).resolves.toBe(String(N - 4));
    await expect(page.getByTestId('attendance-count-absent').innerText()).resolves.toContain('trong đó vắng có lý do: 1');
    const statuses = await page.getByTestId('attendance-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect([statuses[0], statuses[1], statuses[2], statuses[3], statuses[8], statuses[9], statuses[N - 1]]).toEqual([
      'vang',
      'den_muon',
      'vang_co_ly_do',
      'co_mat',
      'vang',
      'vang',
      'den_muon',
    ]);
    const third = await page.getByTestId('attendance-row').nth(2).innerText();
    expect(third).toContain('Vắng có lý do');
    expect(third).toContain('Đi công tác tại Trung ương');
    await shot('saved');
  });

  it('a failed save says why in Vietnamese and keeps the marks; after Tải lại they save', async () => {
    const { page } = app;
    await page.getByTestId('attendance-grid-open').focus();
    await page.keyboard.press('Enter');
    const grid = page.getByTestId('attendance-grid-rows');
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);
    await keys(page, 'ArrowDown', 'ArrowDown', 'ArrowDown', '3', '3');
    // Meanwhile another window changes the record: this screen's version is stale.
    const rows = (await call('attendance/list', { meetingId })).rows;
    await call('attendance/update', { meetingId, version: await version(), id: rows[100]!.id, fields: { ...rows[100]!, status: 'den_muon' } });

    await keys(page, 'Control+s');
    const alert = page.getByTestId('attendance-grid').getByTestId('error-alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/Hồ sơ đã được thay đổi ở nơi khác/);
    await expect(page.getByTestId('attendance-grid-changed').innerText()).resolves.toBe('Đã đổi 2 người, chưa lưu');
    await shot('conflict');

    await page.getByTestId('attendance-grid').getByTestId('error-action').click();
    // The list is read again (row 101 now late, still present) and the two marks are still there.
    await expect.poll(() => page.getByTestId('attendance-grid').getByTestId('error-alert').count()).toBe(0);
    await expect(count(page, 'present', 'grid')).resolves.toBe(String(N - 6));
    await expect(page.getByTestId('attendance-grid-changed').innerText()).resolves.toBe('Đã đổi 2 người, chưa lưu');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/attendance/set-statuses'));
    await page.getByTestId('attendance-grid-save').click();
    expect((await saved).status()).toBe(200);
    await page.getByTestId('attendance-grid').waitFor({ state: 'detached' });
    await expect.poll(() => count(page, 'absent')).toBe('6');
    const statuses = await page.getByTestId('attendance-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-status')));
    expect([statuses[3], statuses[4], statuses[100]]).toEqual(['vang', 'vang', 'den_muon']);
  });

  it('going to another page (Back, an address) with marks not saved asks first; staying keeps them', async () => {
    const { page } = app;
    const here = page.url();
    await page.getByTestId('attendance-grid-open').focus();
    await page.keyboard.press('Enter');
    const grid = page.getByTestId('attendance-grid-rows');
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);
    await keys(page, 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', '4');
    await expect(page.getByTestId('attendance-grid-changed').innerText()).resolves.toBe('Đã đổi 1 người, chưa lưu');

    // As Back does: the hash changes under the page. The question comes; the page and its address stay.
    await page.evaluate(() => {
      window.location.hash = '#/people';
    });
    await page.getByTestId('attendance-grid-discard').waitFor();
    expect(page.url()).toBe(here);
    await keys(page, 'Escape');
    await page.getByTestId('attendance-grid-discard').waitFor({ state: 'detached' });
    await expect(page.getByTestId('attendance-grid-changed').innerText()).resolves.toBe('Đã đổi 1 người, chưa lưu');
    expect(page.url()).toBe(here);

    // Asked again and answered "leave": the other page opens, nothing was saved.
    await page.evaluate(() => {
      window.location.hash = '#/people';
    });
    await page.getByTestId('attendance-grid-discard').click();
    await page.getByTestId('people-new').waitFor();
    expect(page.url()).toMatch(/#\/people$/);
    await expect(page.getByTestId('attendance-grid').count()).resolves.toBe(0);
    const rows = (await call('attendance/list', { meetingId })).rows;
    expect(rows[6]!.status).toBe('co_mat');

    // Without marks nothing is asked.
    await page.goto(here);
    await page.getByTestId('attendance-grid-open').click();
    await page.getByTestId('attendance-grid-rows').waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/people';
    });
    await page.getByTestId('people-new').waitFor();
    await page.goto(here);
    await page.getByTestId('attendance-grid-open').waitFor();
  });

  it('a sealed record is corrected with a written reason, never saved directly', async () => {
    const { page } = app;
    await call('meetings/finalize', { id: meetingId, version: await version() });
    await page.reload();
    await page.getByTestId('attendance-grid-open').waitFor();
    await expect(page.getByTestId('attendance-grid-open').innerText()).resolves.toBe('Đính chính điểm danh');
    await expect(page.getByTestId('attendance-add').count()).resolves.toBe(0);
    await page.getByTestId('attendance-grid-open').focus();
    await page.keyboard.press('Enter');
    const grid = page.getByTestId('attendance-grid-rows');
    await expect.poll(() => grid.evaluate((el) => el === document.activeElement)).toBe(true);
    await keys(page, '1', 'Control+s');
    await expect(page.getByTestId('attendance-grid-notice').innerText()).resolves.toBe('Hãy ghi lý do đính chính.');
    await page.getByTestId('attendance-grid-correct-reason').fill('Đồng chí Số 001 có mặt, điểm danh nhầm');
    await shot('correction');
    const corrected = page.waitForResponse((r) => r.url().endsWith('/api/meetings/correct'));
    await page.getByTestId('attendance-grid-save').click();
    expect((await corrected).status()).toBe(200);
    await page.getByTestId('attendance-grid').waitFor({ state: 'detached' });
    await expect.poll(() => count(page, 'absent')).toBe('5');
    const history = await call('meetings/history', { id: meetingId, offset: 0, limit: 3 });
    expect(history.rows.map((r) => [r.action, r.reason])).toEqual([
      ['correct', 'Đồng chí Số 001 có mặt, điểm danh nhầm'],
      ['attendance.update', 'Đồng chí Số 001 có mặt, điểm danh nhầm'],
      ['finalize', ''],
    ]);
  });
});
