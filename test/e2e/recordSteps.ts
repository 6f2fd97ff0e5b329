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
