import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';
import { createMeeting, getMeeting, updateMeeting } from '../../db/meetings';
import { MeetingFields } from '../../contract/contract';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const fields = (title: string, location = 'Phòng họp số 1') =>
  MeetingFields.parse({ title, kind: 'Cuộc họp', meetingDate: '2026-03-02', startTime: '08:00', endTime: null, location });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('autosave of an existing meeting: no keystroke lost, nothing overwritten', () => {
  it('saves typing by itself after a pause; a reload shows it without Lưu being clicked', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp giao ban tuần 10'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-location').fill('Hội trường A');
    await page.getByTestId('meeting-dirty').waitFor();
    await page.getByTestId('meeting-saved').waitFor({ timeout: 5000 });
    await expect(page.getByTestId('meeting-saved').innerText()).resolves.toMatch(/Đã lưu lúc \d\d:\d\d/);
    expect(getMeeting(archive, m.id).location).toBe('Hội trường A');
    await page.reload();
    await expect(page.getByTestId('meeting-location').inputValue()).resolves.toBe('Hội trường A');
  });

  it('leaving for the meetings list straight after typing stores the change', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp giao ban tuần 11'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-location').fill('Phòng họp tầng 3');
    await page.getByTestId('nav-meetings').click();
    await expect.poll(() => getMeeting(archive, m.id).location, { timeout: 3000 }).toBe('Phòng họp tầng 3');
    expect(getMeeting(archive, m.id).version).toBe(2);
  });

  it('closing or reloading the page straight after typing still stores it (sendBeacon to the web host)', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp giao ban tuần 12'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-location').fill('Phòng khách');
    const sent = page.waitForRequest((r) => r.url().endsWith('/api/meetings/update'));
    await page.reload();
    expect((await sent).resourceType()).toBe('ping'); // the beacon, not an ordinary fetch
    await expect.poll(() => getMeeting(archive, m.id).location, { timeout: 3000 }).toBe('Phòng khách');
  });

  it('an invalid form (end before start) is not saved, and the indicator says why', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp giao ban tuần 13'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-end').fill('07:00');
    await page.getByTestId('meeting-end').press('Tab'); // blur: would flush if it were valid
    await sleep(2500);
    await expect(page.getByTestId('meeting-dirty').innerText()).resolves.toContain(
      'Chưa lưu: Giờ kết thúc không được sớm hơn giờ bắt đầu.',
    );
    expect(getMeeting(archive, m.id).endTime).toBeNull();
    expect(getMeeting(archive, m.id).version).toBe(1);
  });

  it('a change made in another window stops autosave with the conflict alert, and that change survives', async () => {
    const { page, archive, host } = app;
    const m = createMeeting(archive, fields('Họp chi bộ tháng 4'), 'thư ký A');
    await page.goto(`${host.origin}/#/meetings/${m.id}`);
    await page.getByTestId('meeting-title').waitFor();
    updateMeeting(archive, m.id, 1, fields('Họp chi bộ tháng 4 (đã đổi tên)', 'Phòng B'), 'thư ký B');
    await page.getByTestId('meeting-location').fill('Phòng C');

    const alert = page.getByTestId('error-alert');
    await alert.waitFor({ timeout: 5000 });
    await expect(alert.getAttribute('data-error-code')).resolves.toBe('VERSION_CONFLICT');
    await expect(alert.innerText()).resolves.toContain('Tải lại');
    await expect(page.getByTestId('meeting-dirty').innerText()).resolves.toContain('đã ngừng tự động lưu');

    // Typing on and leaving the field does not retry: the other window's change stays.
    await page.getByTestId('meeting-location').fill('Phòng D');
    await page.getByTestId('meeting-organizer').click();
    await sleep(2500);
    const stored = getMeeting(archive, m.id);
    expect(stored.version).toBe(2);
    expect(stored.title).toBe('Họp chi bộ tháng 4 (đã đổi tên)');
    expect(stored.location).toBe('Phòng B');

    // "Tải lại" shows the other window's version and autosave works again from it.
    await alert.getByRole('button', { name: 'Tải lại' }).click();
    await expect.poll(() => page.getByTestId('meeting-location').inputValue()).toBe('Phòng B');
    await page.getByTestId('meeting-location').fill('Phòng E');
    await expect.poll(() => getMeeting(archive, m.id).location, { timeout: 5000 }).toBe('Phòng E');
    expect(getMeeting(archive, m.id).title).toBe('Họp chi bộ tháng 4 (đã đổi tên)');
  });
});
