import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { recordSession, type RecordSession } from '../helpers/recordSession';
import { fillRecord, makeBag } from '../helpers/makeBag';
import { tempDir } from '../helpers/tempArchive';
import { applyMerge, previewMerge } from '../../services/archive/mergeApply';
import { createContext } from '../../services/context';
import { createHandlers } from '../../services/handlers';
import { createDispatcher, directClient } from '../../services/dispatch';
import { silentLogger } from '../../services/log';

let app: App;
let other: RecordSession;
let bags: { dir: string; cleanup: () => void };
beforeAll(async () => {
  app = await launchApp();
  other = await recordSession();
  bags = tempDir('hoso-e2e-bags-');
});
afterAll(async () => {
  await app?.close();
  other?.cleanup();
  bags?.cleanup();
});

describe('Nhập gói lưu trữ and Sao lưu panels', () => {
  it('previews a bag, takes the clerk’s choice on a conflict, merges; a backup made first restores the archive as it was', async () => {
    const { page, archive, host } = app;
    const here = directClient(createDispatcher(createHandlers(createContext(archive, 'direct', 'e2e')), silentLogger));
    const count = () => archive.sqlite.prepare('SELECT count(*) FROM meetings WHERE deleted_at IS NULL').pluck().get() as number;

    // The other PC's archive reached this one once already (two records); since then both sides edited the
    // first record, and the other PC recorded a third meeting.
    const first = await fillRecord(other, { title: 'Hội nghị Quân ủy Trung ương sơ kết 6 tháng', color: '#1a237e' });
    await fillRecord(other, { title: 'Giao ban Bộ Chỉ huy Quân sự tỉnh tháng 5', meetingDate: '2025-05-12', color: '#827717' });
    const bag1 = await makeBag(other.archive, join(bags.dir, 'goi-thang-5'));
    const plan1 = await previewMerge(archive, bag1);
    await applyMerge(archive, { path: bag1, token: plan1.token, meetings: {}, people: {} }, { actor: 'chuẩn bị' });
    const update = async (call: typeof here, fields: { title?: string; location?: string }) => {
      const m = await call('meetings/get', { id: first.id });
      await call('meetings/update', {
        id: first.id,
        version: m.version,
        fields: { title: fields.title ?? m.title, kind: m.kind, meetingDate: m.meetingDate, startTime: m.startTime, endTime: m.endTime, location: fields.location ?? m.location, organizer: m.organizer, minutesText: m.minutesText },
      });
    };
    await update(other.call, { title: 'Hội nghị Quân ủy Trung ương sơ kết 6 tháng đầu năm 2025' });
    await update(here, { location: 'Hội trường Bộ Quốc phòng' });
    await fillRecord(other, { title: 'Tọa đàm công tác dân vận trong Quân đội', meetingDate: '2025-06-20', color: '#b71c1c' });
    const bag2 = await makeBag(other.archive, join(bags.dir, 'goi-thang-6'));
    expect(count()).toBe(2);

    // Both panels are on Nhập từ USB, its own navbar entry (`#/usb/merge`).
    await page.getByTestId('nav-usbMerge').click();
    await page.getByTestId('merge-panel').waitFor();
    await page.getByTestId('backup-panel').getByTestId('backup-dir').waitFor();
    // A backup first, as a careful clerk would.
    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('backup-notice').innerText()).toMatch(/Đã sao lưu và kiểm tra: archive-\d{8}-\d{6}\.sqlite/);
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(1);
    await expect(page.getByTestId('backup-row').first().innerText()).resolves.toContain('Tự tạo');

    // A folder that is no stick: typed behind "Chọn thư mục khác…".
    await page.getByTestId('stick-other').click();
    await page.getByTestId('merge-path').fill(join(bags.dir, 'khong-co-goi-nay'));
    await page.getByTestId('merge-preview').click();
    await expect.poll(() => page.getByTestId('error-alert').first().innerText()).toContain('Gói lưu trữ không hợp lệ');

    // The stick's root (the folder holding both bags): its bags are listed, newest first, to choose from.
    await page.getByTestId('merge-path').fill(bags.dir);
    await page.getByTestId('merge-preview').click();
    await expect.poll(() => page.getByTestId('merge-bag').count()).toBe(2);
    expect(await page.getByTestId('merge-bags').innerText()).toMatch(/Có 2 gói lưu trữ ở đây[\s\S]*goi-thang-[56][\s\S]*2 cuộc họp/);
    await page.screenshot({ path: join(SCREENSHOTS, 'merge-bags-on-stick.png') });
    await page.getByTestId('merge-bag').filter({ hasText: 'goi-thang-6' }).getByTestId('merge-bag-choose').click();
    await page.getByTestId('merge-plan').waitFor();
    await expect(page.getByTestId('merge-path').inputValue()).resolves.toBe(bag2);
    await expect(page.getByTestId('merge-count-new').first().innerText()).resolves.toBe('Mới: 1');

    await page.getByTestId('merge-path').fill(`"${bag2}"`); // as Windows "Copy as path" gives it
    await page.getByTestId('merge-preview').click();
    await page.getByTestId('merge-plan').waitFor();
    await expect(page.getByTestId('merge-count-new').first().innerText()).resolves.toBe('Mới: 1');
    await expect(page.getByTestId('merge-count-conflict').first().innerText()).resolves.toBe('Xung đột: 1');
    await expect(page.getByTestId('merge-count-identical').first().innerText()).resolves.toBe('Giống hệt: 1');
    const conflict = page.locator('[data-testid="merge-meeting"][data-class="conflict"]');
    const conflictText = await conflict.innerText();
    expect(conflictText).toContain('Hội nghị Quân ủy Trung ương sơ kết 6 tháng đầu năm 2025');
    expect(conflictText).toContain('Cả hai bên cùng sửa từ lần nhập trước');
    expect(conflictText).toMatch(/Khác nhau ở: tên, địa điểm/);
    await expect(page.locator('[data-testid="merge-meeting"][data-class="new"]').innerText()).resolves.toMatch(/20\/06\/2025[\s\S]*Tọa đàm công tác dân vận[\s\S]*Thêm mới/);
    await expect(page.getByTestId('merge-unresolved').innerText()).resolves.toBe('1 xung đột chưa chọn sẽ được giữ nguyên.');
    await page.screenshot({ path: join(SCREENSHOTS, 'merge-preview.png'), fullPage: true });

    await conflict.getByText('Lấy bản trong gói').click();
    await page.getByTestId('merge-unresolved').waitFor({ state: 'detached' });
    await page.getByTestId('merge-apply').click();
    await expect
      .poll(() => page.getByTestId('merge-result').innerText())
      .toMatch(/^1 cuộc họp mới, 1 cuộc họp lấy bản trong gói, 1 cuộc họp đã có sẵn(;|\.)/m);
    expect(count()).toBe(3);
    expect(await here('meetings/get', { id: first.id })).toMatchObject({
      title: 'Hội nghị Quân ủy Trung ương sơ kết 6 tháng đầu năm 2025',
      location: 'Hội trường Bộ Chỉ huy Quân sự tỉnh',
    });
    await page.screenshot({ path: join(SCREENSHOTS, 'merge-done.png'), fullPage: true });

    // The same bag again: nothing left to merge.
    await page.getByTestId('merge-preview').click();
    await expect.poll(() => page.getByTestId('merge-nothing').innerText()).toContain('không có gì để nhập');

    // Restore the backup made before the merge: checked first, confirmed, and the archive is as it was.
    await page.getByTestId('backup-restore').first().click();
    await expect.poll(() => page.getByTestId('restore-check').innerText()).toContain('Bản sao lưu tốt: 2 cuộc họp');
    await expect(page.getByTestId('restore-dialog').innerText()).resolves.toContain('Kho hiện tại sẽ được sao lưu trước');
    await page.getByTestId('restore-confirm').click();
    await expect.poll(() => page.getByTestId('restore-done').innerText()).toMatch(/Đã khôi phục từ archive-\d{8}-\d{6}\.sqlite \(2 cuộc họp\)/);
    expect(count()).toBe(2);
    await expect.poll(() => page.getByTestId('backup-row').count()).toBe(2);
    await expect(page.getByTestId('backup-list').innerText()).resolves.toContain('Trước khi khôi phục');
    await page.screenshot({ path: join(SCREENSHOTS, 'backup-restored.png'), fullPage: true });
    expect(app.requests.every((u) => u.startsWith(host.origin))).toBe(true);
  });
});
