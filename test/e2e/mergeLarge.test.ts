import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { tempDir } from '../helpers/tempArchive';
import { openArchive } from '../../db/open';
import { generateDemo } from '../../services/demo';
import { exportArchive } from '../../services/archive/exportArchive';
import { EVERYTHING } from '../../services/archive/selection';

const MEETINGS = 300;
const PASSPHRASE = 'mật khẩu gói thử nghiệm';

let app: App;
let work: { dir: string; cleanup: () => void };
let bagPath: string;
beforeAll(async () => {
  work = tempDir('hoso-e2e-merge-large-');
  // Another PC's archive of 300 meetings (demo archives hold classified records: the bag is encrypted).
  const other = await openArchive({ file: join(work.dir, 'other', 'archive.sqlite') });
  await generateDemo(other, { meetings: MEETINGS, seed: 7, now: () => Date.UTC(2026, 4, 15, 3, 0), batchSize: 150 });
  // The passphrase's work factor of a real bag (18, about a second of scrypt): the preview is then still
  // running when the test clicks Hủy, however fast the rest of it has become.
  const bag = await exportArchive(other, { dest: work.dir, selection: EVERYTHING, passphrase: PASSPHRASE }, { appVersion: 'e2e', actor: 'e2e', scryptWorkFactor: 18 });
  other.close();
  bagPath = bag.path;
  app = await launchApp();
}, 240_000);
afterAll(async () => {
  await app?.close();
  work?.cleanup();
});

describe('Merge preview of a large bag', () => {
  it('runs preview and merge as jobs with progress and Hủy, opens with the summary, renders only the rows on screen, and keeps the apply button in view', async () => {
    const { page, host, archive } = app;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${host.origin}/#/usb/merge`);
    await page.getByTestId('stick-other').click();
    await page.getByTestId('merge-path').fill(bagPath);
    await page.getByTestId('merge-passphrase').fill(PASSPHRASE);
    const count = () => archive.sqlite.prepare('SELECT count(*) FROM meetings WHERE deleted_at IS NULL').pluck().get() as number;
    const audit = () => archive.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

    // The preview runs as a job: its phase and progress pinned at the bottom of the window, with Hủy,
    // which just stops it.
    await page.getByTestId('merge-preview').click();
    await page.getByTestId('usb-progress').waitFor();
    await expect(page.getByTestId('usb-phase').innerText()).resolves.toMatch(/^Đang (mở gói|giải mã gói|kiểm tra mã SHA-256|đọc và kiểm tra|so sánh)/);
    const pinned = await page.getByTestId('usb-progress').boundingBox();
    expect(pinned!.y + pinned!.height).toBeLessThanOrEqual(768);
    await page.getByTestId('usb-cancel').click();
    await expect.poll(() => page.getByTestId('merge-cancelled').innerText(), { timeout: 120_000 }).toContain('Đã dừng xem trước');
    await expect(page.getByTestId('usb-progress').count()).resolves.toBe(0);
    await expect(page.getByTestId('merge-plan').count()).resolves.toBe(0);

    await page.getByTestId('merge-preview').click();
    await page.getByTestId('usb-progress').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'merge-preview-progress.png') });
    await page.getByTestId('merge-plan').waitFor({ timeout: 120_000 });
    await expect(page.getByTestId('merge-cancelled').count()).resolves.toBe(0);

    // The summary first: every meeting of the bag is new here.
    await expect(page.getByTestId('merge-count-new').first().innerText()).resolves.toBe(`Mới: ${MEETINGS}`);
    await expect(page.getByTestId('merge-count-conflict').first().innerText()).resolves.toBe('Xung đột: 0');
    // Only the rows on screen (and a few beyond) are in the page, not 300.
    const rendered = await page.getByTestId('merge-meeting').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);
    expect(await page.getByTestId('merge-meeting').first().innerText()).toMatch(/\d{2}\/\d{2}\/\d{4}[\s\S]*Thêm mới/);
    // The apply button is on screen without scrolling the page.
    const apply = await page.getByTestId('merge-apply').boundingBox();
    expect(apply).not.toBeNull();
    expect(apply!.y + apply!.height).toBeLessThanOrEqual(768);
    await page.screenshot({ path: join(SCREENSHOTS, 'merge-preview-large.png') });

    // Scrolling the list brings its last rows in (and the first ones out).
    await page.getByTestId('merge-meetings').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.locator(`[data-testid="merge-meeting"][data-index="${MEETINGS - 1}"]`).count()).toBe(1);
    await expect(page.locator('[data-testid="merge-meeting"][data-index="0"]').count()).resolves.toBe(0);

    // The merge runs as a job too; Hủy inside it leaves the archive exactly as it was.
    const auditBefore = audit();
    await page.getByTestId('merge-apply').click();
    await page.getByTestId('usb-progress').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'merge-apply-progress.png') });
    await page.getByTestId('usb-cancel').click();
    await expect.poll(() => page.getByTestId('merge-cancelled').innerText(), { timeout: 120_000 }).toContain('Đã hủy nhập. Kho hồ sơ được giữ nguyên');
    expect(count()).toBe(0);
    expect(audit()).toBe(auditBefore);

    // The preview is still on screen: the clerk merges after all.
    await page.getByTestId('merge-apply').click();
    await expect.poll(() => page.getByTestId('merge-result').innerText(), { timeout: 120_000 }).toContain(`${MEETINGS} cuộc họp mới`);
    expect(count()).toBe(MEETINGS);
    expect(app.requests.every((u) => u.startsWith(host.origin))).toBe(true);
  }, 300_000);
});
