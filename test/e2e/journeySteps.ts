import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SETUP_STEPS } from '../../renderer/src/screens/setup/setupSteps';

/**
 * The steps of the clerk's-day journey (journey.test.ts) that go through the newer screens (first-run
 * setup, quick attendance grid, stick picker): each is one function here, so when a screen changes only
 * its body changes, not the journey.
 */

/** Where the journey's screenshots go, one per step. */
export const JOURNEY_SHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'journey');

/** A screenshot of what the clerk sees now (the window, not the whole page), named by its step. */
export async function journeyShot(page: Page, name: string): Promise<void> {
  mkdirSync(JOURNEY_SHOTS, { recursive: true });
  await page.screenshot({ path: join(JOURNEY_SHOTS, `${name}.png`) });
}

/**
 * A fresh archive opens on the first-run setup (once the app knows the archive is empty, so just after
 * the first screen). The clerk who only wants to record today's meeting puts every step off ("Bỏ qua,
 * để sau", setup-skip) and the setup closes; then `ready` (what the app shows past it) is waited for.
 */
export async function skipFirstRun(page: Page, ready: Locator): Promise<void> {
  // The dialog's root has no box of its own: its first step is what shows.
  const setup = page.getByTestId('setup');
  for (const step of SETUP_STEPS) {
    await page.getByTestId(`setup-${step}`).waitFor();
    await page.getByTestId('setup-skip').click();
  }
  await setup.waitFor({ state: 'detached' });
  await ready.waitFor();
}

/** One attendee's mark as the clerk sets it: status by its label, and the reason of an absence. */
export interface AttendanceMark {
  name: string;
  status: 'Có mặt' | 'Vắng có lý do' | 'Vắng' | 'Đến muộn';
  reason?: string;
}

const STATUS_CODE = { 'Có mặt': 'co_mat', 'Vắng có lý do': 'vang_co_ly_do', Vắng: 'vang', 'Đến muộn': 'den_muon' } as const;

/**
 * Thành phần: marks attendance in the quick grid (Điểm danh nhanh): each attendee's mark clicked on their
 * row (and the reason of an excused absence typed beside it), then one save for them all.
 */
export async function markAttendance(page: Page, marks: readonly AttendanceMark[]): Promise<void> {
  await page.getByTestId('attendance-grid-open').click();
  await page.getByTestId('attendance-grid-rows').waitFor();
  for (const m of marks) {
    const row = page.getByTestId('attendance-grid-row').filter({ hasText: m.name });
    await row.getByTestId(`attendance-grid-status-${STATUS_CODE[m.status]}`).click();
    if (m.reason) await row.getByTestId('attendance-grid-reason').fill(m.reason);
  }
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/attendance/set-statuses'));
  await page.getByTestId('attendance-grid-save').click();
  expect((await saved).status()).toBe(200);
  await page.getByTestId('attendance-grid').waitFor({ state: 'detached' });
}

/**
 * Picks the stick whose root is `stickRoot` in the stick picker. The web host runs in this process, so
 * the picker's override of the drive roots (HOSO_DRIVE_ROOTS) makes that folder the stick plugged in;
 * Tìm lại lists it again.
 */
async function chooseStick(page: Page, stickRoot: string): Promise<void> {
  process.env.HOSO_DRIVE_ROOTS = stickRoot;
  await page.getByTestId('stick-refresh').click();
  await page.getByTestId('stick').filter({ hasText: stickRoot }).getByTestId('stick-choose').click();
  await expect(page.getByTestId('stick-chosen').innerText()).resolves.toBe(stickRoot);
}

/** Xuất ra USB: chooses the stick to write to among those plugged in. */
export async function chooseStickForExport(page: Page, stickRoot: string): Promise<void> {
  await chooseStick(page, stickRoot);
}

/** Nhập từ USB: chooses the stick itself (the bag is found under its root). */
export async function chooseStickForMerge(page: Page, stickRoot: string): Promise<void> {
  await chooseStick(page, stickRoot);
}
