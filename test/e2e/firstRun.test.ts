import { afterAll, describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { createMeeting } from '../../db/meetings';
import { getSettings } from '../../db/settings';
import { MeetingFields } from '../../contract/contract';
import { tempDir } from '../helpers/tempArchive';
import { launchApp, SCREENSHOTS, type App } from './harness';

const home = tempDir('hoso-firstrun-');
const archiveFile = join(home.dir, 'archive.sqlite');
let app: App | undefined;

afterAll(async () => {
  await app?.close();
  home.cleanup();
});

async function start(): Promise<App> {
  const a = await launchApp({ archiveFile, firstRun: true });
  await a.page.setViewportSize({ width: 1366, height: 768 });
  return a;
}
const shot = (a: App, name: string) => a.page.screenshot({ path: join(SCREENSHOTS, `firstrun-${name}.png`) });

describe('first run: Thiết lập ban đầu', () => {
  it('opens by itself on a fresh archive; one step filled, one skipped, a backup folder refused then chosen', async () => {
    app = await start();
    const { page } = app;
    await page.getByTestId('setup-agency').waitFor();
    await shot(app, '1-agency');
    await page.getByTestId('setup-issuingAgency').fill('  VĂN PHÒNG UBND TỈNH BẮC NINH ');
    await page.getByTestId('setup-parentAgency').fill('UBND TỈNH BẮC NINH');
    await page.getByTestId('setup-placeName').fill('Bắc Ninh');
    await page.getByTestId('setup-agencyCode').fill('UBND');
    await page.getByTestId('setup-next').click();

    // Người ký: the preview prints what the reports print; this step is then put off.
    await page.getByTestId('setup-signer').waitFor();
    await page.getByTestId('setup-signerAuthority').click();
    await page.getByRole('option', { name: 'TM. (thay mặt)', exact: true }).click();
    await page.getByTestId('setup-signerTitle').fill('Chủ tịch');
    await page.getByTestId('setup-signerName').fill('Nguyễn Văn An');
    await expect(page.getByTestId('setup-signature').innerText()).resolves.toMatch(
      /TM\. VĂN PHÒNG UBND TỈNH BẮC NINH\s+CHỦ TỊCH\s+Nguyễn Văn An/,
    );
    await shot(app, '2-signer');
    await page.getByTestId('setup-skip').click();

    // Nơi lưu: where the archive is, and a backup folder judged before it is kept.
    await page.getByTestId('setup-storage').waitFor();
    await expect.poll(() => page.getByTestId('setup-archive-file').innerText()).toBe(archiveFile);
    await page.getByTestId('setup-backupDir').fill(dirname(archiveFile));
    await page.getByTestId('setup-next').click();
    await page.getByText('Không đặt bản sao lưu ngay trong thư mục chứa kho hồ sơ', { exact: false }).waitFor();
    await page.getByTestId('setup-backupDir').fill('Sao lưu');
    await page.getByTestId('setup-next').click();
    await page.getByText('Thư mục sao lưu phải là đường dẫn đầy đủ', { exact: false }).waitFor();
    await shot(app, '3-storage-refused');
    const backups = join(home.dir, 'o-thu-hai', 'sao-luu');
    await page.getByTestId('setup-backupDir').fill(backups);
    await page.getByTestId('setup-next').click();
    await page.getByTestId('setup').waitFor({ state: 'detached' });
    await page.locator('[data-confirm="setupSaved"]').waitFor();
    await expect(page.locator('[data-confirm="setupSaved"]').innerText()).resolves.toContain('Đã lưu thiết lập ban đầu');
    await shot(app, '4-done-toast');

    const s = getSettings(app.archive);
    expect(s).toMatchObject({
      issuingAgency: 'VĂN PHÒNG UBND TỈNH BẮC NINH',
      parentAgency: 'UBND TỈNH BẮC NINH',
      placeName: 'Bắc Ninh',
      agencyCode: 'UBND',
      // The skipped step stored nothing.
      signerAuthority: '',
      signerTitle: '',
      signerName: '',
      backupDir: backups,
      setup: 'done',
    });
    // Nothing was created by the check: the first backup makes the folder.
    expect(existsSync(backups)).toBe(false);
  });

  it('a second start does not show it again, even with no meeting yet', async () => {
    await app?.close();
    app = await start();
    const { page } = app;
    await page.getByTestId('nav-settings').waitFor();
    // The meetings list has answered (its empty state), so the gate has had its app/info answer too.
    await page.getByTestId('meetings-empty').waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('setup').count()).toBe(0);
  });

  it('reopens from Cài đặt with what was stored, and what it stores shows in the form', async () => {
    const { page } = app!;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-setup').click();
    await expect(page.getByTestId('setup-issuingAgency').inputValue()).resolves.toBe('VĂN PHÒNG UBND TỈNH BẮC NINH');
    await page.getByTestId('setup-skip').click();
    await page.getByTestId('setup-signerName').fill('Lê Thị Hoa');
    await page.getByTestId('setup-clerkName').fill('Trần Thị Bình');
    await page.getByTestId('setup-next').click();
    await page.getByTestId('setup-storage').waitFor();
    await page.locator('.mantine-Modal-close').click();
    await page.getByTestId('setup').waitFor({ state: 'detached' });
    await expect(page.getByTestId('settings-signerName').inputValue()).resolves.toBe('Lê Thị Hoa');
    await expect(page.getByTestId('settings-clerkName').inputValue()).resolves.toBe('Trần Thị Bình');
    expect(await page.getByTestId('settings-dirty').count()).toBe(0);
    expect(getSettings(app!.archive)).toMatchObject({ signerName: 'Lê Thị Hoa', clerkName: 'Trần Thị Bình', setup: 'done' });
  });

  it('Sao lưu checks a backup folder as the setup does: refused inline, nothing saved; a good one saved', async () => {
    const { page } = app!;
    const before = getSettings(app!.archive).backupDir;
    await page.getByTestId('nav-usbMerge').click();
    const panel = page.getByTestId('backup-panel');
    await panel.getByTestId('backup-dir').waitFor();
    await panel.getByTestId('backup-folder').fill(dirname(archiveFile));
    await panel.getByTestId('backup-save-settings').click();
    await panel.getByText('Không đặt bản sao lưu ngay trong thư mục chứa kho hồ sơ', { exact: false }).waitFor();
    await panel.getByTestId('backup-folder').fill('Sao lưu');
    await panel.getByTestId('backup-save-settings').click();
    await panel.getByText('Thư mục sao lưu phải là đường dẫn đầy đủ', { exact: false }).waitFor();
    await shot(app!, '5-backup-folder-refused');
    expect(getSettings(app!.archive).backupDir).toBe(before);
    expect(await panel.getByTestId('backup-notice').count()).toBe(0);

    const usb = join(home.dir, 'usb', 'Sao lưu');
    await panel.getByTestId('backup-folder').fill(usb);
    await panel.getByTestId('backup-save-settings').click();
    await expect(panel.getByTestId('backup-notice').innerText()).resolves.toContain('Đã lưu cài đặt sao lưu.');
    expect(getSettings(app!.archive).backupDir).toBe(usb);
    expect(await panel.getByText('Không đặt bản sao lưu', { exact: false }).count()).toBe(0);
  });

  it('an archive that already has meetings never opens it by itself', async () => {
    createMeeting(app!.archive, MeetingFields.parse({ title: 'Giao ban tháng 5', kind: 'Giao ban', meetingDate: '2026-05-04', startTime: null, endTime: null }), 'Văn thư');
    app!.archive.sqlite.prepare("UPDATE settings SET value = '\"pending\"' WHERE key = 'setup'").run();
    await app!.page.reload();
    await app!.page.getByTestId('nav-settings').waitFor();
    await app!.page.waitForTimeout(500);
    expect(await app!.page.getByTestId('setup').count()).toBe(0);
  });
});

describe('confirmations', () => {
  it('a save answers with a short toast in view, which goes by itself', async () => {
    const { page, host } = app!;
    const id = (app!.archive.sqlite.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: string }).id;
    await page.goto(`${host.origin}/#/meetings/${id}?tab=conclusions`);
    await page.getByTestId('conclusion-add').click();
    await page.getByTestId('conclusion-text').fill('Giao Văn phòng tổng hợp báo cáo trước ngày 15/6.');
    await page.getByTestId('conclusion-save').click();
    const toast = page.locator('[data-confirm="conclusionAdded"]');
    await toast.waitFor();
    await expect(toast.innerText()).resolves.toContain('Đã thêm kết luận');
    await shot(app!, '5-conclusion-toast');
    // It goes by itself.
    await toast.waitFor({ state: 'detached', timeout: 10_000 });
  });
});
