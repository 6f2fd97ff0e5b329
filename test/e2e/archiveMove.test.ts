import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addRecord } from '../helpers/meetingRecord';
import { tempDir } from '../helpers/tempArchive';
import { launchApp, SCREENSHOTS, type App } from './harness';

/**
 * Cài đặt → Nơi lưu kho hồ sơ: a folder judged before anything is written (inline), then a confirmation,
 * the copy checked, the new place recorded for the next start, and the clerk told to reopen the program
 * and where the old copy stays.
 */
const home = tempDir('hoso-move-e2e-');
const archiveFile = join(home.dir, 'o-c', 'archive.sqlite');
const configFile = join(home.dir, 'appdata', 'location.json');
let app: App;

beforeAll(async () => {
  app = await launchApp({ archiveFile, archiveLocation: { configFile, overridden: false } });
  addRecord(app.archive, { title: 'Hội nghị sơ kết 6 tháng đầu năm 2025', date: '2025-07-10' });
});
afterAll(async () => {
  await app?.close();
  home.cleanup();
});

describe('moving the archive from Cài đặt', () => {
  it('refuses its own folder inline, then copies to a new folder and says to reopen, and where the old copy stays', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('archive-move-section');
    // The place is asked of the host after the page shows; '…' stands until it answers.
    await expect.poll(() => section.getByTestId('archive-move-current').innerText()).toBe(archiveFile);
    await section.getByTestId('archive-move-folder').fill(dirname(archiveFile));
    await section.getByTestId('archive-move-check').click();
    await section.getByText('Kho hồ sơ đã ở thư mục này', { exact: false }).waitFor();

    const dest = join(home.dir, 'o-d', 'Hồ sơ hội nghị');
    await section.getByTestId('archive-move-folder').fill(dest);
    await section.getByTestId('archive-move-check').click();
    const dialog = page.getByTestId('archive-move-dialog');
    await expect(dialog.innerText()).resolves.toContain(join(dest, 'archive.sqlite'));
    await page.screenshot({ path: join(SCREENSHOTS, 'archive-move-confirm.png') });
    await page.getByTestId('archive-move-confirm').click();
    const done = section.getByTestId('archive-move-done');
    await expect(done.innerText()).resolves.toContain(
      `Đã chép kho sang ${join(dest, 'archive.sqlite')} và kiểm tra tốt`,
    );
    await expect(done.innerText()).resolves.toContain(`Bản cũ vẫn ở ${archiveFile}`);
    await expect(done.innerText()).resolves.toContain('Hãy đóng rồi mở lại chương trình');
    await page.screenshot({ path: join(SCREENSHOTS, 'archive-move-done.png'), fullPage: true });
    expect(existsSync(join(dest, 'archive.sqlite'))).toBe(true);
    expect(existsSync(archiveFile)).toBe(true);
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toMatchObject({
      archiveFile: join(dest, 'archive.sqlite'),
    });
  });
});
