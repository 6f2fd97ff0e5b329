import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchApp, SCREENSHOTS, type App } from './harness';
import { png } from '../helpers/images';
import { getMeeting } from '../../db/meetings';
import { checkSearchIndex } from '../../db/search/indexer';
import { verifyAuditChain } from '../../db/audit';

let app: App;
beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  app = await launchApp();
});
afterAll(async () => {
  await app?.close();
});

const TITLE = 'Hội nghị Ban Thường vụ Đảng ủy xã Tân Hòa quý IV năm 2026';
const ATTENDEES =
  'Đồng chí Lê Văn Thành, Bí thư Đảng ủy xã; Đồng chí Hoàng Thị Mai, Phó Bí thư Thường trực Đảng ủy; Trung tá Đỗ Minh Khôi, Chỉ huy trưởng Ban CHQS xã';

/**
 * One meeting kept entirely through the UI, as a clerk would: the form with minutes holding a table,
 * the attendance pasted, a photo with its caption, a conclusion, then finalized, a caption corrected
 * with a reason, and the seal still checking out. Every part is then found by search.
 */
describe('the whole record of one meeting, through the UI', () => {
  it('is kept, finalized, corrected and found again', async () => {
    const { page, archive, host } = app;
    await page.goto(`${host.origin}/#/meetings/new`);
    await page.getByTestId('meeting-title').fill(TITLE);
    await page.getByTestId('meeting-date').fill('18/11/2026');
    await page.getByTestId('meeting-date').press('Escape');
    await page.getByTestId('meeting-start').fill('14h00');
    await page.getByTestId('meeting-location').fill('Hội trường Đảng ủy xã');
    const minutes = page.getByTestId('meeting-minutes');
    await minutes.click();
    await page.keyboard.type('Đồng chí Bí thư Đảng ủy chủ trì, đánh giá kết quả thu ngân sách.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Chèn bảng' }).click();
    await page.getByRole('button', { name: 'Bảng 2 cột × 2 dòng' }).click();
    for (const [i, cell] of ['Chỉ tiêu', 'Kết quả', 'Thu ngân sách xã', 'Đạt 104% dự toán'].entries()) {
      if (i > 0) await page.keyboard.press('Tab'); // (Tab in the last cell would add a row)
      await page.keyboard.type(cell);
    }
    await page.getByTestId('meeting-save').click();
    await page.getByTestId('record-tabs').waitFor();
    const id = decodeURIComponent(new URL(page.url()).hash).match(/#\/meetings\/([0-9a-f-]{36})/)![1]!;
    expect(getMeeting(archive, id).minutesText).toContain('Thu ngân sách xã | Đạt 104% dự toán');

    await page.getByTestId('tab-attendance').click();
    await page.getByTestId('attendance-paste').click();
    await page.getByTestId('paste-text').fill(ATTENDEES);
    await page.getByTestId('paste-preview').click();
    await expect.poll(() => page.getByTestId('paste-row').count()).toBe(3);
    await page.getByTestId('paste-confirm').click();
    await expect.poll(() => page.getByTestId('attendance-row').count()).toBe(3);

    const photo = join(app.dataDir, 'quang-canh.png');
    writeFileSync(photo, await png('#2e7d32', 320, 200));
    await page.getByTestId('tab-photos').click();
    await page.getByTestId('photos-input').setInputFiles([photo]);
    await expect.poll(() => page.locator('[data-testid="photo-upload"][data-state="done"]').count()).toBe(1);
    const card = page.getByTestId('photo-card').first();
    await card.getByTestId('photo-caption').fill('Quang cảnh hội nghị');
    const captionSaved = page.waitForResponse((r) => r.url().endsWith('/api/photos/update'));
    await card.getByTestId('photo-save').click();
    await captionSaved;

    await page.getByTestId('tab-conclusions').click();
    await page.getByTestId('conclusion-add').click();
    await page.getByTestId('conclusion-text').fill('Tập trung hoàn thành thu ngân sách năm 2026 trước ngày 31/12/2026.');
    await page.getByTestId('conclusion-save').click();
    await expect.poll(() => page.getByTestId('conclusion-row').count()).toBe(1);

    await page.getByTestId('tab-history').click();
    await page.getByTestId('finalize').click();
    await page.getByTestId('finalize-confirm').click();
    await expect.poll(() => getMeeting(archive, id).status).toBe('finalized');

    // Đính chính of the photo caption, with its reason; the record is sealed again.
    await page.getByTestId('correct').click();
    await page.getByTestId('correction-target').getByText('Chú thích ảnh').click();
    await page.getByTestId('correction-item').click();
    await page.getByRole('option', { name: /^Ảnh 1: Quang cảnh hội nghị/ }).click();
    await page.getByTestId('correction-text').fill('Đồng chí Lê Văn Thành, Bí thư Đảng ủy xã, phát biểu kết luận hội nghị');
    await page.getByTestId('correction-reason').fill('Chú thích sai nội dung ảnh');
    await page.screenshot({ path: join(SCREENSHOTS, 'whole-record-correction.png') });
    await page.getByTestId('correction-save').click();
    await page.locator('[data-testid="history-entry"][data-action="correct"]').waitFor();
    await page.getByTestId('seal-check').click();
    await expect.poll(() => page.getByTestId('seal-result').getAttribute('data-ok')).toBe('true');

    // Reopened, the minutes (with their table) are read-only, the caption is the corrected one.
    await page.reload();
    await page.getByTestId('tab-info').click();
    await expect.poll(() => minutes.locator('td').allInnerTexts()).toEqual(['Thu ngân sách xã', 'Đạt 104% dự toán']);
    await expect(minutes.getAttribute('contenteditable')).resolves.toBe('false');
    await page.getByTestId('tab-photos').click();
    await expect.poll(() => page.getByTestId('photo-card').first().innerText()).toContain('phát biểu kết luận hội nghị');

    // Every part is found by search, typed without marks.
    await page.getByTestId('nav-search').click();
    const ids = () => page.getByTestId('search-result').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id')));
    for (const query of ['"thu ngan sach xa"', 'hoang thi mai', '"phat bieu ket luan"', 'truoc ngay 31/12/2026', 'hoi truong dang uy']) {
      // A query that finds nothing first, so the results checked are this query's, not the last one's.
      await page.getByTestId('search-input').fill('khongcotrongkho');
      await page.locator('[data-testid="search-total"][data-count="0"]').waitFor();
      await page.getByTestId('search-input').fill(query);
      await expect.poll(ids, { timeout: 5000 }).toEqual([id]);
    }
    expect(checkSearchIndex(archive).ok).toBe(true);
    expect(verifyAuditChain(archive).ok).toBe(true);
  });
});
