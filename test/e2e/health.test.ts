import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createMeeting } from '../../db/meetings';
import { updateSettings } from '../../db/settings';
import { MeetingFields } from '../../contract/contract';
import { launchApp, SCREENSHOTS, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await launchApp();
  for (const title of ['Hội nghị sơ kết công tác quân sự, quốc phòng 6 tháng đầu năm', 'Giao ban Văn phòng Ủy ban nhân dân tỉnh tháng 5']) {
    createMeeting(app.archive, MeetingFields.parse({ title, kind: 'Hội nghị', meetingDate: '2026-05-04', startTime: null, endTime: null }), 'Văn thư');
  }
});
afterAll(async () => {
  await app?.close();
});

const shot = (name: string) => app.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('Cài đặt → Tình trạng kho', () => {
  it('shows the archive, no backup yet, a good index and audit chain; Sao lưu ngay makes a backup that checks', async () => {
    const { page } = app;
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('health-section');
    await section.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('health-file').innerText()).resolves.toBe(app.archive.file);
    await expect(page.getByTestId('health-size').innerText()).resolves.toContain('2 cuộc họp');
    await expect(page.getByTestId('health-backup').innerText()).resolves.toContain('Chưa có bản sao lưu nào');
    await expect(page.getByTestId('health-backup-verdict').getAttribute('data-ok')).resolves.toBe('false');
    await expect(page.getByTestId('health-index').innerText()).resolves.toBe('Khớp với nội dung (2 cuộc họp).');
    await expect(page.getByTestId('health-audit').innerText()).resolves.toMatch(/^Nguyên vẹn: 2 mục/);

    await page.getByTestId('health-backup-now').click();
    await expect(page.getByTestId('health-notice').innerText()).resolves.toMatch(/^Đã sao lưu: .+\.sqlite$/);
    await page.locator('[data-testid="health-backup-verdict"][data-ok="true"]').waitFor();
    const backup = await page.getByTestId('health-backup').innerText();
    expect(backup).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(backup).toContain('Bản sao lưu tốt: 2 cuộc họp, kiểm tra toàn vẹn đạt.');
    await shot('health-after-backup');
  });

  it('checks integrity on demand, quick and full', async () => {
    const { page } = app;
    await expect(page.getByTestId('health-integrity').innerText()).resolves.toContain('Chưa kiểm tra');
    await page.getByTestId('health-verify-quick').click();
    // The check answers after the click: poll the line instead of reading it once.
    await expect.poll(() => page.getByTestId('health-integrity').innerText()).toMatch(/^Tốt \(kiểm tra nhanh, \d{2}:\d{2}\)\.$/);
    await page.getByTestId('health-verify-full').click();
    await page.getByText(/Tốt \(kiểm tra đầy đủ/).waitFor();
  });

  it('shows an edited audit entry and an index out of step, and Xây lại chỉ mục repairs the index', async () => {
    const { page } = app;
    app.archive.sqlite.prepare("UPDATE audit_log SET actor = 'người khác' WHERE seq = 2").run();
    app.archive.sqlite.exec('DELETE FROM search_docs WHERE docid = (SELECT min(docid) FROM search_docs)');
    await page.getByTestId('health-refresh').click();
    await page.locator('[data-testid="health-audit-verdict"][data-ok="false"]').waitFor();
    await expect(page.getByTestId('health-audit').innerText()).resolves.toContain('Bị sửa hoặc xóa từ mục số 2');
    await expect(page.getByTestId('health-index').innerText()).resolves.toBe('Lệch với nội dung ở 1 cuộc họp; hãy xây lại chỉ mục.');
    await shot('health-problems');

    await page.getByTestId('health-rebuild').click();
    await expect(page.getByTestId('health-notice').innerText()).resolves.toBe('Đã xây lại chỉ mục: 2 cuộc họp.');
    await page.locator('[data-testid="health-index-verdict"][data-ok="true"]').waitFor();
    await expect(page.getByTestId('health-index').innerText()).resolves.toBe('Khớp với nội dung (2 cuộc họp).');
  });

  it('still opens with a backup folder this PC cannot use, and says why on the backup line', async () => {
    const { page } = app;
    // A settings row from an older version, or a Windows folder on Linux: written below the contract.
    updateSettings(app.archive, { backupDir: process.platform === 'win32' ? 'Sao luu' : 'D:\\Sao luu' }, 'Văn thư');
    await page.getByTestId('health-refresh').click();
    await expect(page.getByTestId('health-backup-problem').innerText()).resolves.toMatch(
      /^Thư mục sao lưu phải là đường dẫn đầy đủ.*Sao luu/,
    );
    await expect(page.getByTestId('health-audit').innerText()).resolves.toMatch(/^Bị sửa hoặc xóa|^Nguyên vẹn/);
    await shot('health-backup-folder-unusable');
  });
});
