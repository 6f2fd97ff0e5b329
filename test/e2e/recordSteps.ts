import type { Page } from 'playwright-core';

/** Steps several record e2e tests take the same way through the UI. */

/** Opens a Mantine Select by its test id and picks the option with exactly this label. */
export async function pick(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Thành phần: sets an attendee's status (and the reason of an excused absence) and waits until it shows. */
export async function setAttendanceStatus(page: Page, name: string, status: string, reason?: string): Promise<void> {
  await page.getByTestId('attendance-row').filter({ hasText: name }).getByTestId('attendance-edit').click();
  await pick(page, 'attendance-status', status);
  if (reason !== undefined) await page.getByTestId('attendance-reason').fill(reason);
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/attendance/update'));
  await page.getByTestId('attendance-save').click();
  await saved;
  await page.getByTestId('attendance-row').filter({ hasText: name }).filter({ hasText: status }).waitFor();
}

/** Thành phần, in the open attendee dialog: types a name the directory lacks and adds it ("Thêm người mới"). */
export async function addNewGuest(page: Page, fullName: string, more: { rank?: string; title?: string } = {}): Promise<void> {
  await page.getByTestId('attendance-person-input').fill(fullName);
  await page.getByRole('option', { name: /^\+ Thêm người mới/ }).click();
  if (more.rank) await page.getByTestId('new-person-rank').fill(more.rank);
  if (more.title) await page.getByTestId('new-person-titles').fill(more.title);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/people/create'));
  await page.getByTestId('new-person-create').click();
  await created;
  await page.getByTestId('new-person-form').waitFor({ state: 'detached' });
}
