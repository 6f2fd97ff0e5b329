import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { pick } from './recordSteps';
import { createMeeting } from '../../db/meetings';
import { createPerson, listPeople } from '../../db/people';
import { MeetingFields, PersonFields } from '../../contract/contract';

let app: App;
let meetingId = '';
beforeAll(async () => {
  app = await launchApp();
  // The clerk's screen.
  await app.page.setViewportSize({ width: 1366, height: 768 });
  const m = createMeeting(
    app.archive,
    MeetingFields.parse({
      title: 'Họp bàn phương án phòng chống lũ',
      kind: 'Cuộc họp',
      meetingDate: '2026-03-02',
      startTime: '08:00',
      endTime: null,
      location: 'UBND huyện',
    }),
    'thư ký',
  );
  meetingId = m.id;
  createPerson(
    app.archive,
    PersonFields.parse({
      fullName: 'Nguyễn Văn An',
      rank: 'Đại tá',
      title: 'Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh',
      unit: 'Bộ Chỉ huy Quân sự tỉnh',
    }),
    'thư ký',
  );
});
afterAll(async () => {
  await app?.close();
});

const shot = (name: string) =>
  app.page.screenshot({ path: join(SCREENSHOTS, `attendance-guest-${name}.png`) });
const peopleNamed = (name: string) =>
  listPeople(app.archive, { query: name, offset: 0, limit: 50 }).rows.filter((p) => p.fullName === name);

describe('Thành phần: a guest who is not in Danh bạ is added from the picker', () => {
  it('typing a name the directory lacks offers "Thêm người mới"; the new person is created and chosen', async () => {
    const { page, host } = app;
    await page.goto(`${host.origin}/#/meetings/${meetingId}?tab=attendance`);
    await page.getByTestId('attendance-add').click();
    await page.getByTestId('attendance-person-input').fill('Lò Văn Páo');
    const option = page.getByRole('option', { name: /Thêm người mới: “Lò Văn Páo”/ });
    await option.waitFor();
    await shot('option');
    await option.click();
    await expect(page.getByTestId('new-person-name').inputValue()).resolves.toBe('Lò Văn Páo');
    await page.getByTestId('new-person-titles').fill('Phó Chủ tịch UBND xã Mường Lói');
    await page.getByTestId('new-person-unit').fill('UBND xã Mường Lói');
    await page.getByTestId('new-person-create').click();
    // Back in the picker, with the new person chosen.
    await page.getByTestId('new-person-form').waitFor({ state: 'detached' });
    await expect(page.getByTestId('attendance-person-input').inputValue()).resolves.toBe(
      'Lò Văn Páo — Phó Chủ tịch UBND xã Mường Lói',
    );
    await pick(page, 'attendance-role', 'Khách mời');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add'));
    await page.getByTestId('attendance-save').click();
    await added;
    const row = page.getByTestId('attendance-row').filter({ hasText: 'Lò Văn Páo' });
    await expect(row.innerText()).resolves.toContain('UBND xã Mường Lói');
    await expect(row.innerText()).resolves.toContain('Khách mời');
    expect(peopleNamed('Lò Văn Páo')).toHaveLength(1);
  });

  it('warns of a person with the same name (folded) before creating a twin, and lets the clerk choose them', async () => {
    const { page } = app;
    await page.getByTestId('attendance-add').click();
    await page.getByTestId('attendance-person-input').fill('Nguyen Van An, Ban Chỉ huy');
    await page.getByRole('option', { name: /Thêm người mới/ }).click();
    await page.getByTestId('new-person-name').fill('nguyễn văn  an');
    await page.getByTestId('new-person-create').click();
    const twins = page.getByTestId('new-person-twins');
    await twins.waitFor();
    await expect(twins.innerText()).resolves.toContain('Đại tá Nguyễn Văn An');
    await expect(page.getByTestId('new-person-create').innerText()).resolves.toBe('Vẫn thêm người mới');
    await shot('twin-warning');
    await page.getByTestId('new-person-use-twin').click();
    await expect(page.getByTestId('attendance-person-input').inputValue()).resolves.toContain(
      'Nguyễn Văn An',
    );
    await pick(page, 'attendance-role', 'Thư ký');
    const added = page.waitForResponse((r) => r.url().endsWith('/api/attendance/add'));
    await page.getByTestId('attendance-save').click();
    await added;
    // No twin in the directory; the minute-taker stands on a line of their own under the table.
    expect(peopleNamed('Nguyễn Văn An')).toHaveLength(1);
    const secretary = page.locator('[data-testid="attendance-row"][data-role="thu_ky"]');
    await expect(secretary.innerText()).resolves.toMatch(/^Thư ký: Đại tá Nguyễn Văn An, Chỉ huy trưởng/);
    await expect(page.locator('table [data-testid="attendance-row"]').count()).resolves.toBe(1);
    await shot('secretary-line');
  });
});
